import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from './scalars';

/**
 * One dated line of a young person's history, as one agency records it. Deep dives merge every
 * agency's lines into the single chronology case reviews keep finding missing (DOMAIN.md §1).
 */
@Directive('@shareable')
@ObjectType({
  description:
    "One dated event in a young person's history, as one agency recorded it; deep dives merge all agencies' entries into one chronology.",
})
export class ChronologyEntry {
  @Field(() => LocalDateScalar)
  date!: string;

  @Field({ description: 'The agency that recorded it: social-care, education, health or police.' })
  agency!: string;

  @Field({ description: 'What kind of event, in the agency\'s words (e.g. "Placement began", "Missing episode").' })
  kind!: string;

  @Field({ description: 'A short factual summary.' })
  summary!: string;
}

export function chronologyEntry(agency: string, date: string, kind: string, summary: string): ChronologyEntry {
  return Object.assign(new ChronologyEntry(), { date, agency, kind, summary });
}

/** Newest first, as practitioners read a chronology in a meeting. */
export function byDateDescending(a: ChronologyEntry, b: ChronologyEntry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
}
