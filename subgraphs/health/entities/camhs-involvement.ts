import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { CamhsReferralDecision } from '../enums';
import { PatientRecord } from './patient-record';

/** Dates and decision are the status (computed in rules/involvement.ts); clinicalNote is detail that may be withheld. */
@Entity()
@ObjectType({
  description:
    'A referral to Child and Adolescent Mental Health Services (CAMHS) and the involvement that followed: referred, accepted or declined, seen from, discharged on.',
})
export class CamhsInvolvement extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the young person was referred to CAMHS (withheld from police: statuses only).',
  })
  referredOn!: string;

  @Enum({ items: () => CamhsReferralDecision, nullable: true })
  @Field(() => CamhsReferralDecision, { nullable: true, description: "CAMHS's decision on the referral; null while awaited." })
  decision: CamhsReferralDecision | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When CAMHS decided.' })
  decidedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When CAMHS first saw the young person (first appointment).' })
  startedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the young person was discharged from CAMHS.' })
  endedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Clinical note (formulation, presenting need). Clinical detail: health only.' })
  clinicalNote: string | null = null;

  /** Agencies the young person asked not to be told about this (young people's voice). Not a GraphQL field: the guard filters by it. */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
