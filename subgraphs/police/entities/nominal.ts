import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';

/** The police word for a person on their systems; everything else the police hold hangs off it. */
@Entity()
@ObjectType({ description: 'A nominal: a person recorded on police systems, identified by their Police National Computer (PNC) ID.' })
export class Nominal {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field({ description: 'PNC ID in its long form YYYY/NNNNNNND (year, 7-digit serial, check letter).' })
  @Property({ unique: true })
  pncId!: string;

  @Field(() => LocalDateScalar, { description: 'Date of birth as recorded by the police.' })
  @Property({ type: 'date' })
  dateOfBirth!: string;
}
