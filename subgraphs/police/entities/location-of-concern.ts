import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { LocationOfConcernKind } from '../enums';
import { NominalRecord } from './nominal-record';

@Entity()
@ObjectType({
  description:
    'A place linked to risk for the young person (where they go when missing, or are exploited), recorded for use in missing plans.',
})
export class LocationOfConcern extends NominalRecord {
  @Field(() => String, {
    nullable: true,
    description: 'A generic description of the place; null when withheld by police policy (a WITHHELD error then says so).',
  })
  @Property()
  description!: string;

  @Field(() => LocationOfConcernKind)
  @Enum({ items: () => LocationOfConcernKind })
  kind!: LocationOfConcernKind;

  @Field(() => LocalDateScalar, { description: 'When the location was first recorded as a concern.' })
  @Property({ type: 'date' })
  concernFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it stopped being a concern; null while current.' })
  @Property({ type: 'date', nullable: true })
  concernTo!: string | null;
}
