import { BeforeCreate, BeforeUpdate, Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { SdqBand } from '../enums';
import { assertSdqTotal, sdqBand } from '../rules/sdq';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    'A Strengths and Difficulties Questionnaire (SDQ) total difficulties score: a brief behavioural screening questionnaire, completed for looked-after children aged 4 to 16 (SSDA903 OC2 SDQ_SCORE). NWD young people averaged 17.9 at entry.',
})
export class SdqScore extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the questionnaire was completed (withheld from police: statuses only).',
  })
  completedOn!: string;

  @Property()
  @Field(() => Int, {
    nullable: true,
    description: 'Total difficulties score, 0 to 40 (higher means more difficulties). Health only: others see the band.',
  })
  total!: number;

  /** Computed, never stored: the band follows from the total. */
  @Field(() => SdqBand, { description: 'The band the total falls in: 0-13 normal, 14-16 borderline, 17-40 cause for concern.' })
  get band(): SdqBand {
    return sdqBand(this.total);
  }

  // A total outside 0..40 is not an SDQ score: refuse to store it.
  @BeforeCreate()
  @BeforeUpdate()
  checkTotal(): void {
    assertSdqTotal(this.total);
  }
}
