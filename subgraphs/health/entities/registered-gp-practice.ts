import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** Stored inside Patient (embedded columns): a practice has no life of its own in this service. */
@Embeddable()
@ObjectType({ description: 'The GP practice the young person is registered with (NHS primary care).' })
export class RegisteredGpPractice {
  @Property()
  @Field({ description: 'The practice\'s Organisation Data Service (ODS) code, e.g. "Y99123" (synthetic codes use the Y99 range).' })
  odsCode!: string;

  @Property()
  @Field({ description: 'The practice name.' })
  name!: string;
}
