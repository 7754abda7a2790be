import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PepQuality } from '../enums';
import { PupilRecord } from './pupil-record';

@Entity({ tableName: 'personal_education_plan' })
@ObjectType({
  description:
    "A Personal Education Plan (PEP) meeting: the statutory education part of a looked-after child's care plan, reviewed every school term, with the virtual school attending (000:594).",
})
export class PersonalEducationPlan extends PupilRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of the PEP meeting.' })
  meetingDate!: string;

  @Enum({ items: () => PepQuality, nullable: true })
  @Field(() => PepQuality, { nullable: true, description: "The virtual school's quality rating; null until quality assured." })
  quality!: PepQuality | null;

  @Property({ type: 'json' })
  @Field(() => [String], {
    nullable: true,
    description: 'SMART targets agreed at the meeting. Shared with education and social care only: null (with a notice) for others.',
  })
  targets!: string[];

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description:
      'Pupil Premium Plus allocated through this PEP, in whole pounds; null when none was allocated. Shared with education and social care only: null (with a notice) for others.',
  })
  pupilPremiumPlusAmount!: number | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'What the Pupil Premium Plus pays for, to meet the targets. Shared with education and social care only: null (with a notice) for others.',
  })
  pupilPremiumPlusPurpose!: string | null;
}
