import 'reflect-metadata';
import { Entity, Enum, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { SchoolPhase } from '../enums';

@Entity({ tableName: 'school' })
@ObjectType({ description: 'A school (an establishment in DfE Get Information about Schools).' })
export class School {
  // Tells MikroORM's types that the URN is the key (for getReference by URN).
  [PrimaryKeyProp]?: 'urn';

  @PrimaryKey({ type: 'string', length: 6 })
  @Field({ description: 'Unique reference number (URN): the six-digit number DfE gives every establishment.' })
  urn!: string;

  @Property({ type: 'string', length: 3 })
  @Field({ description: 'DfE three-digit code of the local authority the school is in.' })
  localAuthorityCode!: string;

  @Property({ type: 'string', length: 4 })
  @Field({
    description:
      'DfE establishment number: four digits, unique within the local authority (LA code + establishment number = LAESTAB); the school part of a UPN.',
  })
  establishmentNumber!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Name of the school.' })
  name!: string;

  @Enum({ items: () => SchoolPhase })
  @Field(() => SchoolPhase)
  phase!: SchoolPhase;
}
