import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { ConclusiveGroundsOutcome, ReasonableGroundsOutcome } from '../enums';
import { NominalRecord } from './nominal-record';

@Entity()
@ObjectType({
  description:
    'A referral to the National Referral Mechanism (NRM), the framework for identifying and supporting victims of modern slavery; for a child no consent is needed. Decision timescales are computed from the dates.',
})
export class NrmReferral extends NominalRecord {
  @Field(() => LocalDateScalar, { description: 'When the first responder referred the child to the NRM.' })
  @Property({ type: 'date' })
  referredOn!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the competent authority made the reasonable grounds decision; null while awaited.',
  })
  @Property({ type: 'date', nullable: true })
  reasonableGroundsDecisionOn!: string | null;

  @Field(() => ReasonableGroundsOutcome, { nullable: true })
  @Enum({ items: () => ReasonableGroundsOutcome, nullable: true })
  reasonableGroundsOutcome!: ReasonableGroundsOutcome | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the competent authority made the conclusive grounds decision; null while awaited.',
  })
  @Property({ type: 'date', nullable: true })
  conclusiveGroundsDecisionOn!: string | null;

  @Field(() => ConclusiveGroundsOutcome, { nullable: true })
  @Enum({ items: () => ConclusiveGroundsOutcome, nullable: true })
  conclusiveGroundsOutcome!: ConclusiveGroundsOutcome | null;
}
