import { Entity } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { SchoolExclusion } from './school-exclusion';

@Entity({ tableName: 'suspension' })
@ObjectType({
  description:
    'A suspension (formerly fixed-period exclusion): the pupil is removed from school for a set period, at most 45 school days in a school year.',
})
export class Suspension extends SchoolExclusion {}
