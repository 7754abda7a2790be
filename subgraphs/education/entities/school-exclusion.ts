import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { ExclusionReason } from '../enums';
import { PupilRecord } from './pupil-record';
import { School } from './school';

/** What suspensions and permanent exclusions both record (the DfE exclusions census). */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class SchoolExclusion extends PupilRecord {
  @ManyToOne(() => School, { index: true })
  @Field(() => School, { description: 'The school that excluded the pupil.' })
  school!: School;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day of the exclusion.' })
  startDate!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'School sessions (mornings or afternoons) the pupil lost to the exclusion.' })
  sessionsLost!: number;

  @Enum({ items: () => ExclusionReason })
  // Nullable: the reason is withheld from agencies the policy does not share it with (policy.ts).
  @Field(() => ExclusionReason, {
    nullable: true,
    description: 'Why the pupil was excluded. Shared with education and social care only: null (with a notice) for others.',
  })
  reason!: ExclusionReason;

  /**
   * The young person's wishes: agencies they asked not to be told about this exclusion (not a
   * GraphQL field). Staff of those agencies do not see it at all; a notice says something was left out.
   */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;

  @Field(() => Float, { description: 'Computed: school days lost (two sessions a day).' })
  get daysLost(): number {
    return this.sessionsLost / 2;
  }
}
