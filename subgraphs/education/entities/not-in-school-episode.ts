import { Entity, Enum } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { NotInSchoolKind } from '../enums';
import { DatedEpisode } from './dated-episode';

@Entity({ tableName: 'not_in_school_episode' })
@ObjectType({
  description: 'A period when a child of compulsory school age was on no school roll: missing education, or electively home educated.',
})
export class NotInSchoolEpisode extends DatedEpisode {
  @Enum({ items: () => NotInSchoolKind })
  @Field(() => NotInSchoolKind)
  kind!: NotInSchoolKind;
}
