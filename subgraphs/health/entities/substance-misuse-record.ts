import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    'A substance misuse problem identified, and the intervention offered and received (SSDA903 OC2 SUBSTANCE_MISUSE, INTERVENTION_OFFERED, INTERVENTION_RECEIVED). Substance misuse is intoxication by (or regular excessive consumption of and/or dependence on) psychoactive substances, leading to social, psychological, physical or legal problems.',
})
export class SubstanceMisuseRecord extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the child was identified as having a substance misuse problem.' })
  identifiedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When an intervention for the problem was offered; null if none has been.' })
  interventionOfferedOn: string | null = null;

  @Property()
  @Field({
    description:
      'True: the child was offered an intervention for their substance misuse problem but refused it (OC2 INTERVENTION_OFFERED = 1).',
  })
  interventionRefused: boolean = false;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'When the child began to receive an intervention for their substance misuse problem (OC2 INTERVENTION_RECEIVED); null if they have not.',
  })
  interventionReceivedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Clinical note (substances, pattern of use, focus of the intervention). Clinical detail: health only.',
  })
  clinicalNote: string | null = null;
}
