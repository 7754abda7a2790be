import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AssessmentFactor, PlanType } from '../enums';
import { YoungPersonRecord } from './young-person-record';

@ObjectType({ description: "A plan on the young person's record, with when it was agreed and last reviewed." })
@Entity()
export class Plan extends YoungPersonRecord {
  @Field(() => PlanType)
  @Enum({ items: () => PlanType })
  type!: PlanType;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  agreedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  lastReviewedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the plan ended; null while in force.' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary of what the plan says needs to happen.' })
  @Property({ type: 'text' })
  summary!: string;
}

@ObjectType({ description: 'A statutory visit by the social worker, and whether the young person was seen alone.' })
@Entity()
export class StatutoryVisit extends YoungPersonRecord {
  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  visitedOn!: string;

  @Field()
  @Property({ type: 'boolean' })
  seen!: boolean;

  @Field()
  @Property({ type: 'boolean' })
  seenAlone!: boolean;
}

@ObjectType({ description: 'A factor identified at the end of a Child in Need assessment (CIN census).' })
@Entity()
export class AssessmentFactorRecord extends YoungPersonRecord {
  @Field(() => AssessmentFactor)
  @Enum({ items: () => AssessmentFactor })
  factor!: AssessmentFactor;

  @Field(() => LocalDateScalar, { description: 'The assessment that identified it was completed on this date.' })
  @Property({ type: 'date' })
  identifiedOn!: string;
}
