import {
  generatePerson,
  personId,
  syntheticNhsNumber,
  syntheticPncId,
  syntheticUpn,
  type PopulationOptions,
  type SyntheticYoungPerson,
} from '../../kit/dev/synthetic/population';
import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import type { GraphAsker } from './ask';

/** What an attacker asks about: records that exist but are not theirs to see, and ones that do not exist. */
export interface TargetPair {
  exists: string[];
  missing: string[];
}

/** By kind of identifier: person id, laChildId, each receiving agency's identifier field, meeting id, action id. */
export type Targets = Record<string, TargetPair>;

/** Far beyond any seeded population, with the same number of digits as a seeded one's (the answer quotes the id). */
const UNSEEDED = 900_000;

/**
 * Identifiers no one in the population has, in the same format and length as real ones (valid check
 * digits, so they pass validation and reach the lookup): the "does not exist" side.
 */
function unseeded(field: string, i: number): string {
  if (field === 'id') return personId(UNSEEDED + i);
  if (field === 'laChildId') return `MB${600_000 + i}`;
  if (field === 'nhsNumber') return syntheticNhsNumber(100_000 + i);
  if (field === 'upn') return syntheticUpn(50_000 + i, 4001);
  if (field === 'pncId') return syntheticPncId(1_000_000 + i, 2024);
  throw new Error(`no unseeded ${field} is known to the benchmark: add one for the new agency's identifier`);
}

const identifierOf = (p: SyntheticYoungPerson, field: string) =>
  field === 'id' || field === 'laChildId' ? p[field] : (p as unknown as Record<string, string | null>)[field];

interface MeetingsView {
  youngPerson: { meetings: { id: string; actions: { id: string }[] }[] | null } | null;
}

const LIST_MEETINGS = `query($id: ID!, $reason: String) { youngPerson(id: $id, breakGlassReason: $reason) { meetings { id actions { id } } } }`;
const BENCHMARK_REASON = 'Listing meetings for the misses benchmark on synthetic data';

/**
 * Picks `count` targets of each kind the attacker has no relationship with (checked: the attacker is
 * answered NOT_FOUND for the young person), and as many that do not exist. Meetings and actions of those
 * young people are listed by a social worker with break-glass (an auditor sees access logs only).
 */
export async function findTargets(
  ask: GraphAsker,
  population: PopulationOptions,
  count: number,
  /** The kinds the cases to run ask about (the others need not be found). */
  needed: ReadonlySet<string>,
): Promise<Targets> {
  const people = Array.from({ length: population.size }, (_, i) => generatePerson(i, population));
  const unrelated: SyntheticYoungPerson[] = [];
  // NWD young people first: only they have meetings and actions.
  for (const p of [...people.filter((x) => x.nwd), ...people.filter((x) => !x.nwd)]) {
    const { body } = await ask.attacker(`query($id: ID!) { youngPerson(id: $id) { id } }`, { id: p.id });
    if ((body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code === 'NOT_FOUND') unrelated.push(p);
  }
  const fields = ['id', 'laChildId', ...RECEIVING_AGENCIES.map((a) => a.identifier.field)];
  const targets: Targets = {};
  for (const field of fields) {
    const exists = unrelated.map((p) => identifierOf(p, field)).filter((v): v is string => !!v);
    targets[field] = { exists: exists.slice(0, count), missing: [...Array(count).keys()].map((i) => unseeded(field, i)) };
  }
  const meetings: string[] = [];
  const actions: number[] = [];
  for (const p of unrelated.filter((x) => x.nwd)) {
    const view = (await ask.setUp(LIST_MEETINGS, { id: p.id, reason: BENCHMARK_REASON })).body as { data?: MeetingsView };
    for (const m of view.data?.youngPerson?.meetings ?? []) {
      meetings.push(m.id);
      actions.push(...m.actions.map((a) => Number(a.id)));
    }
  }
  // The same meeting number as its pair's, so both ids (quoted in the answer) are as long.
  const seededMeetings = meetings.slice(0, count);
  targets.meetingId = {
    exists: seededMeetings,
    missing: seededMeetings.map((id, i) => `${unseeded('id', i)}-${id.split('-')[2]}`),
  };
  targets.actionId = {
    exists: actions.slice(0, count).map(String),
    // Past any seeded action (the attacker cannot know the highest id; a few digits more in the answer).
    missing: [...Array(count).keys()].map((i) => String(UNSEEDED + i)),
  };
  for (const [field, { exists }] of Object.entries(targets))
    if (needed.has(field) && exists.length < count)
      throw new Error(`only ${exists.length} ${field} targets unrelated to the attacker: try a larger --size`);
  return targets;
}
