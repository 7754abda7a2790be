import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AssociateRelationship } from '../enums';
import { NominalRecord } from './nominal-record';

@Entity()
@ObjectType({ description: 'A person the young person associates with, recorded by the police for use in missing plans.' })
export class Associate extends NominalRecord {
  @Field(() => String, {
    nullable: true,
    description: 'The name the associate is known by; null when withheld by police policy (a WITHHELD error then says so).',
  })
  @Property()
  name!: string;

  @Field(() => AssociateRelationship)
  @Enum({ items: () => AssociateRelationship })
  relationship!: AssociateRelationship;

  @Field(() => LocalDateScalar, { description: 'When the association was first recorded.' })
  @Property({ type: 'date' })
  knownFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the association was recorded as ended; null while current.' })
  @Property({ type: 'date', nullable: true })
  knownTo!: string | null;
}
