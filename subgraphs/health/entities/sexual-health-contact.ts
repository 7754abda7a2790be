import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({ description: 'A contact with a sexual health service (advice, contraception, testing).' })
export class SexualHealthContact extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the contact took place.' })
  contactOn!: string;

  @Property({ type: 'text' })
  @Field(() => String, { nullable: true, description: 'Clinical note of the contact. Clinical detail: health only.' })
  clinicalNote!: string;

  /** Agencies the young person asked not to be told about this (young people's voice). Not a GraphQL field: the guard filters by it. */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
