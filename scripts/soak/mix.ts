import { Random } from '../../kit/dev/synthetic/random';
import { operation } from '../operations';
import type { CastMember } from './cast';

/** One request the soak is about to send: which example operation, as whom, with what. */
export interface PlannedRequest {
  operation: string;
  member: CastMember;
  document: string;
  variables: Record<string, unknown>;
}

interface MixEntry {
  /** A file of gateway/operations, sent as written. */
  name: string;
  /** Share of requests, out of the entries' total. */
  weight: number;
  /** Who can sensibly send it (nobody asks for a meeting pack without a meeting). */
  canSend(member: CastMember): boolean;
  /** All the variables sent: the file's example ones are used only where they fit everyone (who is due before a date). */
  variables(member: CastMember, random: Random, example: Record<string, unknown>): Record<string, unknown>;
}

/** How a deep dive narrows the chronology: everything, the significant events, one pair of agencies, a longer page. */
const CHRONOLOGY_VIEWS: Record<string, unknown>[] = [
  {},
  { filter: { significance: 'HIGH' }, oldestFirst: true },
  { filter: { agencies: ['police', 'health'] } },
  { first: 50 },
];
const ACTION_VIEWS: Record<string, unknown>[] = [{ overdue: true }, {}, { status: 'OPEN' }];

const hasYoungPeople = (m: CastMember) => m.youngPeople.length > 0;

/**
 * The mix meeting tools send, by weight: opening a young person's whole picture is the commonest, then
 * the pack for a meeting and the chronology a deep dive reads; the hub's who-is-due page and each user's
 * own actions are lighter and shared by everyone. Reads only: writes need versions and keys of their own.
 */
const MIX: MixEntry[] = [
  { name: 'multi-agency-view', weight: 30, canSend: hasYoungPeople, variables: (m, r) => ({ id: r.pick(m.youngPeople) }) },
  { name: 'meeting-pack', weight: 20, canSend: (m) => m.meetings.length > 0, variables: (m, r) => ({ meetingId: r.pick(m.meetings) }) },
  {
    name: 'multi-agency-chronology',
    weight: 20,
    canSend: hasYoungPeople,
    variables: (m, r) => ({ id: r.pick(m.youngPeople), ...r.pick(CHRONOLOGY_VIEWS) }),
  },
  { name: 'who-is-due', weight: 15, canSend: () => true, variables: (_m, _r, example) => example },
  { name: 'my-actions', weight: 15, canSend: () => true, variables: (_m, r) => r.pick(ACTION_VIEWS) },
];

/** The operations the soak sends, in the order it reports them. */
export const MIX_OPERATIONS = MIX.map((e) => e.name);

/**
 * Plans requests one after another from a fixed seed, so two runs ask for the same things in the same
 * proportions. Operations nobody in the cast can send are left out (a tiny population has no meetings).
 */
export function requestPlanner(cast: CastMember[]): () => PlannedRequest {
  const random = new Random('nwd-soak');
  const entries = MIX.map((entry) => {
    const example = operation(entry.name);
    return { entry, example, senders: cast.filter((m) => entry.canSend(m)) };
  }).filter((e) => e.senders.length > 0);
  const table = entries.map((e) => [e, e.entry.weight] as const);
  return () => {
    const { entry, example, senders } = random.weighted(table);
    const member = random.pick(senders);
    return { operation: entry.name, member, document: example.document, variables: entry.variables(member, random, example.variables) };
  };
}
