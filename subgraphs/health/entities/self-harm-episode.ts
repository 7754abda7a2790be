import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../kit/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({ description: 'An episode of self-harm known to health: intentional self-poisoning or self-injury, irrespective of motivation (NICE).' })
export class SelfHarmEpisode extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the self-harm happened (or, if unknown, when health learned of it).' })
  occurredOn!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Clinical note. Clinical detail: kept apart so it can be withheld.' })
  clinicalNote: string | null = null;
}
