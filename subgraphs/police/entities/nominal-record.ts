import { ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Nominal } from './nominal';

/**
 * What every dated police record shares: its own id and the nominal it belongs to. A mapped superclass
 * for MikroORM and a base type for type-graphql (never emitted itself: only its subclasses are reachable).
 */
@ObjectType('PoliceNominalRecord')
export abstract class NominalRecord {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  // MikroORM indexes every foreign key: the loaders look rows up by nominal.
  @ManyToOne(() => Nominal)
  nominal!: Nominal;
}
