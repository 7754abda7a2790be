import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { codeList } from './code-list';
import { LocalDateScalar } from './scalars';

/** How much an event matters to a deep dive: every agency grades its own entries, so the merged chronology can be narrowed. */
export enum Significance {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
codeList(Significance, 'Significance', 'How much a chronology entry matters to a deep dive, as the agency that recorded it grades it.', {
  HIGH: 'A safeguarding event a deep dive must not miss: going missing, arrest, exploitation, self-harm, A&E, exclusion, a child protection plan, entering care, a placement ending unplanned.',
  MEDIUM: "A change in the young person's circumstances or support: placements, legal status, plans, meetings, referrals, school changes.",
  LOW: 'Routine: checks, reviews and assessments, attendance.',
});

/** HIGH above MEDIUM above LOW: "at least MEDIUM" keeps HIGH and MEDIUM. */
export const SIGNIFICANCE_RANK: Record<Significance, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

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

  @Field({ description: 'A short factual summary, in words (no codes without their meaning).' })
  summary!: string;

  @Field(() => Significance)
  significance!: Significance;
}

export function chronologyEntry(agency: string, date: string, kind: string, summary: string, significance: Significance): ChronologyEntry {
  return Object.assign(new ChronologyEntry(), { date, agency, kind, summary, significance });
}

/** Newest first, as practitioners read a chronology in a meeting. */
export function byDateDescending(a: ChronologyEntry, b: ChronologyEntry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
}
