import { Entity, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { DatedEpisode } from './dated-episode';

@Entity({ tableName: 'alternative_provision_episode' })
@ObjectType({
  description:
    'Alternative provision: education arranged away from the school (by the school or the local authority) for a pupil who is excluded, ill or otherwise cannot attend.',
})
export class AlternativeProvisionEpisode extends DatedEpisode {
  @Property({ type: 'string' })
  @Field({ description: 'The provider (invented synthetic name in this data).' })
  providerName!: string;

  @Property({ type: 'boolean' })
  @Field({
    description:
      'Whether the provider is registered (as a school or independent school); unregistered provision gets extra scrutiny (000:426).',
  })
  registeredProvider!: boolean;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Hours of education a week at the provider.' })
  hoursPerWeek!: number;
}
