import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

/** Dates are the status (computed in rules/involvement.ts); clinicalNote is detail that may be withheld. */
@Entity()
@ObjectType({
  description:
    'An involvement with the No Wrong Door life coach: a clinical psychologist embedded in the NWD hub, working directly with the young person and advising key workers on an emotional and mental health formulation.',
})
export class LifeCoachInvolvement extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the life coach began working with the young person (withheld from police: statuses only).',
  })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the involvement ended; null while it continues.' })
  endedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Clinical note (focus of the work, formulation). Shared only with the life coach and the looked-after children nurse.',
  })
  clinicalNote: string | null = null;
}
