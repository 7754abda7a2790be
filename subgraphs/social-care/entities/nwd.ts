import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { NwdClosureOutcome, NwdSpecialist, NwdSupport, RagPriority } from '../enums';
import { YoungPersonEpisode, YoungPersonRecord } from './young-person-record';

@ObjectType({ description: 'An episode of No Wrong Door involvement: referral, support, key worker, closure.' })
@Entity()
export class NwdInvolvement extends YoungPersonRecord {
  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  referredOn!: string;

  @Field({ description: 'Who referred (e.g. "Social work team", "Police", "School").' })
  @Property({ type: 'string' })
  referralSource!: string;

  @Field(() => RagPriority)
  @Enum({ items: () => RagPriority })
  priority!: RagPriority;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When support began (NWD measures referral to support: 23 days, 000:1946).',
  })
  @Property({ type: 'date', nullable: true })
  supportStartedOn?: string | null;

  @Field(() => NwdSupport)
  @Enum({ items: () => NwdSupport })
  support!: NwdSupport;

  @Field({ description: 'Key (resource) worker in the hub team.' })
  @Property({ type: 'string' })
  keyWorker!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field(() => NwdClosureOutcome, { nullable: true })
  @Enum({ items: () => NwdClosureOutcome, nullable: true })
  closureOutcome?: NwdClosureOutcome | null;
}

@ObjectType({
  description:
    'A hub specialist working with the young person (life coach, communication support, CAMHS, police liaison). While open, a legitimate relationship for the specialist named.',
})
@Entity()
@Index({ properties: ['practitionerId'] })
export class SpecialistInvolvement extends YoungPersonEpisode {
  @Field(() => NwdSpecialist)
  @Enum({ items: () => NwdSpecialist })
  specialist!: NwdSpecialist;

  @Field(() => ID, { description: "The specialist's user id." })
  @Property({ type: 'string' })
  practitionerId!: string;

  @Field({ description: "The specialist's name." })
  @Property({ type: 'string' })
  practitionerName!: string;
}
