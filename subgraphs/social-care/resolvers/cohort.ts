import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { asInstant, byOwner, plainRows } from '../../../kit/subgraph/outcomes/counting';
import { plainQuery } from '../../../kit/subgraph/plain-query';
import { CaseStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from '../entities/episodes';
import { IdentifierLink } from '../entities/identifier-link';
import { NwdInvolvement } from '../entities/nwd';
import { CaseStatus } from '../enums';
import { countSocialCareOutcomes, edgeOfCareAtReferral, type PersonFacts } from '../rules/outcomes';
import { countInChunks } from '../../../kit/subgraph/outcomes/in-chunks';
import type { CountedOutcomes } from '../../../kit/subgraph/outcomes/figures';
import { ukDate } from '../../../kit/subgraph/dates';

export enum CohortGroup {
  NWD_CASELOAD = 'NWD_CASELOAD',
  EDGE_OF_CARE = 'EDGE_OF_CARE',
  LOOKED_AFTER = 'LOOKED_AFTER',
  NWD_REFERRALS = 'NWD_REFERRALS',
}

/** A member as the grants carry them: each receiving agency's identifier (by scheme) and the NWD referral the cohort counts from. */
export interface CohortMemberIdentifiers {
  referredOn: string | null;
  identifiers: Record<string, string>;
}

export interface CohortFacts {
  members: CohortMemberIdentifiers[];
  /** Social care's own measures of the members, counted a chunk at a time as they were read. */
  counted: CountedOutcomes;
}

/** Open at some time in the span (referred by its end, not closed before its start). */
const openDuring = (span: ReportingPeriod): FilterQuery<NwdInvolvement> => ({
  referredOn: { $lte: span.to },
  $or: [{ closedOn: null }, { closedOn: { $gte: span.from } }],
});

type Referral = { youngPerson: string; referredOn: string };

/** Each young person's earliest referral among `involvements`. */
function earliestReferral(involvements: readonly Referral[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of involvements) {
    const known = map.get(i.youngPerson);
    if (!known || i.referredOn < known) map.set(i.youngPerson, i.referredOn);
  }
  return map;
}

async function memberIds(
  em: EntityManager,
  group: CohortGroup,
  span: ReportingPeriod,
  referred: { from: string | null; to: string | null },
): Promise<{ ids: string[]; referredOn: Map<string, string> }> {
  if (group === CohortGroup.LOOKED_AFTER) {
    const episodes = await plainQuery<{ youngPerson: string }>(em, CaseStatusEpisode, ['youngPerson'], {
      status: CaseStatus.LOOKED_AFTER,
      startDate: { $lte: span.to },
      $or: [{ endDate: null }, { endDate: { $gte: span.from } }],
    });
    const ids = [...new Set(episodes.map((e) => e.youngPerson))];
    // Their NWD referral, if any, for the before/after comparison.
    return {
      ids,
      referredOn: earliestReferral(await plainRows<Referral>(em, NwdInvolvement, ['youngPerson', 'referredOn'], 'youngPerson', ids)),
    };
  }
  const involvements = await plainQuery<Referral>(
    em,
    NwdInvolvement,
    ['youngPerson', 'referredOn'],
    group === CohortGroup.NWD_REFERRALS ? { referredOn: { $gte: referred.from!, $lte: referred.to! } } : openDuring(span),
  );
  const referredOn = earliestReferral(involvements);
  return { ids: [...referredOn.keys()], referredOn };
}

type Owned<Row> = Row & { youngPerson: string };
type CohortPerson = PersonFacts & CohortMemberIdentifiers;

/** What social care holds of some of the cohort's members, as plain rows: the facts its measures count, and their identifiers. */
async function personFacts(em: EntityManager, ids: string[], referredOn: ReadonlyMap<string, string>): Promise<CohortPerson[]> {
  const rowsOf = async <Row extends object>(entity: EntityName<object>, fields: (keyof Row & string)[], where: FilterQuery<object> = {}) =>
    byOwner(await plainRows<Owned<Row>>(em, entity, ['youngPerson', ...fields], 'youngPerson', ids, where), (r) => r.youngPerson);
  const [statuses, placements, missing, involvements, links] = await Promise.all([
    rowsOf<PersonFacts['statuses'][number]>(CaseStatusEpisode, ['status', 'startDate', 'endDate']),
    rowsOf<PersonFacts['placements'][number]>(PlacementEpisode, ['placementType', 'startDate', 'endDate']),
    rowsOf<{ startedAt: Date | string | number }>(MissingFromCareEpisode, ['startedAt']),
    rowsOf<PersonFacts['involvements'][number]>(NwdInvolvement, ['referredOn', 'supportStartedOn', 'closedOn', 'closureOutcome']),
    rowsOf<{ scheme: string; value: string }>(IdentifierLink, ['scheme', 'value'], { supersededOn: null }),
  ]);
  return ids.map((id) => ({
    referredOn: referredOn.get(id) ?? null,
    involvements: involvements.get(id) ?? [],
    statuses: statuses.get(id) ?? [],
    placements: placements.get(id) ?? [],
    missingFromCare: (missing.get(id) ?? []).map((m) => ukDate(asInstant(m.startedAt))),
    identifiers: Object.fromEntries((links.get(id) ?? []).map((l) => [l.scheme, l.value])),
  }));
}

/**
 * The cohort's members, and social care's measures of them. At council scale a cohort is tens of
 * thousands of young people: their records are read and counted `chunkSize` members at a time, and
 * only each member's identifiers are kept. Social care counts as it reads, even when its own figures
 * are not asked for: the records must be read for the grants (and the edge-of-care test) anyway, and
 * counting them costs a fraction of reading them. Edge of care is the NWD caseload's members on the
 * edge of care when referred.
 */
export async function readCohort(
  em: EntityManager,
  group: CohortGroup,
  periods: ReportingPeriod[],
  referred: { from: string | null; to: string | null },
  chunkSize: number,
): Promise<CohortFacts> {
  const span = { from: periods[0].from, to: periods[periods.length - 1].to };
  const { ids, referredOn } = await memberIds(em, group === CohortGroup.EDGE_OF_CARE ? CohortGroup.NWD_CASELOAD : group, span, referred);
  const members: CohortMemberIdentifiers[] = [];
  const counted = await countInChunks(ids, chunkSize, async (chunk) => {
    const people = await personFacts(em, chunk, referredOn);
    const inCohort = group === CohortGroup.EDGE_OF_CARE ? people.filter(edgeOfCareAtReferral) : people;
    for (const { referredOn, identifiers } of inCohort) members.push({ referredOn, identifiers });
    return countSocialCareOutcomes(inCohort, periods);
  });
  return { members, counted };
}
