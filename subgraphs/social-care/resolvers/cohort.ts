import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { asInstant, byOwner, plainRows } from '../../../kit/subgraph/outcomes/counting';
import { plainQuery } from '../../../kit/subgraph/plain-query';
import { CaseStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from '../entities/episodes';
import { IdentifierLink } from '../entities/identifier-link';
import { NwdInvolvement } from '../entities/nwd';
import { CaseStatus } from '../enums';
import { edgeOfCareAtReferral, type PersonFacts } from '../rules/outcomes';
import { ukDate } from '../../../kit/subgraph/dates';

export enum CohortGroup {
  NWD_CASELOAD = 'NWD_CASELOAD',
  EDGE_OF_CARE = 'EDGE_OF_CARE',
  LOOKED_AFTER = 'LOOKED_AFTER',
  NWD_REFERRALS = 'NWD_REFERRALS',
}

/** A member: what social care's measures count, and each receiving agency's identifier for them (by scheme) for its grant. */
export type CohortPerson = PersonFacts & { id: string; identifiers: Record<string, string> };

export interface CohortFacts {
  people: CohortPerson[];
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

/**
 * The cohort's members and what social care holds of them, as plain rows in chunks: at council scale
 * a cohort is tens of thousands of young people. Edge of care is the NWD caseload's members on the edge
 * of care when referred.
 */
export async function cohortMembers(
  em: EntityManager,
  group: CohortGroup,
  periods: ReportingPeriod[],
  referred: { from: string | null; to: string | null },
): Promise<CohortFacts> {
  const span = { from: periods[0].from, to: periods[periods.length - 1].to };
  const { ids, referredOn } = await memberIds(em, group === CohortGroup.EDGE_OF_CARE ? CohortGroup.NWD_CASELOAD : group, span, referred);
  const rowsOf = async <Row extends object>(entity: EntityName<object>, fields: (keyof Row & string)[], where: FilterQuery<object> = {}) =>
    byOwner(await plainRows<Owned<Row>>(em, entity, ['youngPerson', ...fields], 'youngPerson', ids, where), (r) => r.youngPerson);
  const [statuses, placements, missing, involvements, links] = await Promise.all([
    rowsOf<PersonFacts['statuses'][number]>(CaseStatusEpisode, ['status', 'startDate', 'endDate']),
    rowsOf<PersonFacts['placements'][number]>(PlacementEpisode, ['placementType', 'startDate', 'endDate']),
    rowsOf<{ startedAt: Date | string | number }>(MissingFromCareEpisode, ['startedAt']),
    rowsOf<PersonFacts['involvements'][number]>(NwdInvolvement, ['referredOn', 'supportStartedOn', 'closedOn', 'closureOutcome']),
    rowsOf<{ scheme: string; value: string }>(IdentifierLink, ['scheme', 'value'], { supersededOn: null }),
  ]);
  const people = ids.map((id): CohortPerson => ({
    id,
    referredOn: referredOn.get(id) ?? null,
    involvements: involvements.get(id) ?? [],
    statuses: statuses.get(id) ?? [],
    placements: placements.get(id) ?? [],
    missingFromCare: (missing.get(id) ?? []).map((m) => ukDate(asInstant(m.startedAt))),
    identifiers: Object.fromEntries((links.get(id) ?? []).map((l) => [l.scheme, l.value])),
  }));
  if (group !== CohortGroup.EDGE_OF_CARE) return { people };
  return { people: people.filter(edgeOfCareAtReferral) };
}
