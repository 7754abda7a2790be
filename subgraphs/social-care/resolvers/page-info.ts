import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
