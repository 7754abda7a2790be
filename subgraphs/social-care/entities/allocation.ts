import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { YoungPersonEpisode } from './young-person-record';

/** A practitioner allocated to the young person: the commonest legitimate relationship. */
@ObjectType({ description: 'A practitioner allocated to the young person (social worker, NWD key worker, IRO), from when to when.' })
@Entity()
@Index({ properties: ['practitionerId'] })
export class Allocation extends YoungPersonEpisode {
  @Field({ description: "The practitioner's user id (as in their identity provider's token)." })
  @Property({ type: 'string' })
  practitionerId!: string;

  @Field()
  @Property({ type: 'string' })
  practitionerName!: string;

  @Field({ description: 'SOCIAL_WORKER, NWD_KEY_WORKER or IRO.' })
  @Property({ type: 'string' })
  role!: string;
}
