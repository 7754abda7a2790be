import { Entity } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { SchoolExclusion } from './school-exclusion';

@Entity({ tableName: 'permanent_exclusion' })
@ObjectType({
  description:
    "A permanent exclusion: the pupil is removed from the school's roll. Sessions lost count until the local authority's full-time provision began (due from the sixth school day).",
})
export class PermanentExclusion extends SchoolExclusion {}
