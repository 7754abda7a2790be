import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { SlcnResult } from '../enums';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    'A speech, language and communication needs (SLCN) screening, by the NWD communication support worker (a speech and language therapist). 46% of NWD young people screened had an SLCN (receptive language 40%, social communication 28%, vocabulary 16%).',
})
export class SlcnScreening extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the screening took place (withheld from police: statuses only).' })
  screenedOn!: string;

  @Enum(() => SlcnResult)
  @Field(() => SlcnResult, { nullable: true, description: 'Receptive language: understanding what is said.' })
  receptiveLanguage!: SlcnResult;

  @Enum(() => SlcnResult)
  @Field(() => SlcnResult, {
    nullable: true,
    description: 'Social communication: using language in social situations (turn-taking, inference, non-literal language).',
  })
  socialCommunication!: SlcnResult;

  @Enum(() => SlcnResult)
  @Field(() => SlcnResult, { nullable: true, description: "Vocabulary: the range of words known and used for the young person's age." })
  vocabulary!: SlcnResult;

  /** Computed: a need in any area is a speech, language and communication need. */
  @Field({ description: 'True when a difficulty was identified in any area screened (the young person has an SLCN).' })
  get needIdentified(): boolean {
    return [this.receptiveLanguage, this.socialCommunication, this.vocabulary].includes(SlcnResult.DIFFICULTY_IDENTIFIED);
  }
}
