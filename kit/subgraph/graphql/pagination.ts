import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';
import { badUserInput } from '../errors';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 25, description: `How many to return (1 to ${MAX_PAGE_SIZE}).` })
  first: number = 25;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; omit for the first page.' })
  after?: string | null;
}

/** Validated offset pagination; the cursor is opaque to clients. */
export function pageWindow(args: PageArgs): { limit: number; offset: number } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `page size must be from 1 to ${MAX_PAGE_SIZE} (got ${args.first})`);
  }
  let offset = 0;
  if (args.after) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!decoded) throw badUserInput('after', 'not a cursor returned by this API');
    offset = Number(decoded[1]);
  }
  return { limit: args.first, offset };
}

export function cursorAt(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}
