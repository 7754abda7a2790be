import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { addDays, type LocalDate } from '../../kit/subgraph/dates';
import { manyByKey, manyByKeyAndPart, oneByKey } from '../../kit/subgraph/loaders';
import { POLICE } from './agency';
import { outcomeWindowStart } from './rules/recent';
import {
  Arrest,
  Associate,
  ExploitationConcern,
  IntelligenceItem,
  LocationOfConcern,
  MissingEpisode,
  Nominal,
  NrmReferral,
  ReturnHomeInterview,
} from './entities';

type OwnedByNominal = { nominal: Nominal };

/**
 * Per-request loaders: one SQL query per kind of record per request, however many young people the
 * gateway asks about. Lists come newest first (id breaks ties so the order is stable).
 */
export function createLoaders(em: EntityManager, today: LocalDate) {
  const find =
    <T extends OwnedByNominal>(entity: EntityClass<T>, orderBy: QueryOrderMap<T>, where: FilterQuery<T> = {}) =>
    (ids: number[]) =>
      em.find(entity, { nominal: { $in: ids }, ...where } as FilterQuery<T>, { orderBy: [orderBy, { id: 'desc' } as QueryOrderMap<T>] });
  const byNominal = <T extends OwnedByNominal>(entity: EntityClass<T>, orderBy: QueryOrderMap<T>) =>
    manyByKey<number, T>(find(entity, orderBy), (row) => row.nominal.id);
  /** With the rows the six-month measures and "missing now" read, apart: a caseload page counts, it does not list. */
  const withRecent = <T extends OwnedByNominal>(
    entity: EntityClass<T>,
    orderBy: QueryOrderMap<T>,
    recent: FilterQuery<T>,
    keeps: (row: T) => boolean,
  ) =>
    manyByKeyAndPart<number, T>(
      find(entity, orderBy),
      find(entity, orderBy, recent),
      (row) => row.nominal.id,
      (rows) => rows.filter(keeps),
    );
  const windowStart = outcomeWindowStart(today);
  // Episodes count on the UK date they were reported: from a day before the window's first day in UTC
  // nothing in it is missed, whatever the clock; the measures themselves then count by UK date.
  const reportedFrom = new Date(`${addDays(windowStart, -1)}T00:00:00Z`);
  const missingEpisodes = withRecent(
    MissingEpisode,
    { reportedAt: 'desc' },
    { $or: [{ reportedAt: { $gte: reportedFrom } }, { foundAt: null }] },
    (e) => e.reportedAt >= reportedFrom || e.foundAt === null,
  );
  const arrests = withRecent(Arrest, { arrestedOn: 'desc' }, { arrestedOn: { $gte: windowStart } }, (a) => a.arrestedOn >= windowStart);

  return {
    nominalByPncId: oneByKey<string, Nominal>(
      (pncIds) => em.find(Nominal, { pncId: { $in: pncIds } }),
      (n) => n.pncId,
    ),
    missingEpisodes: missingEpisodes.all,
    /** Missing episodes reported in the outcome window (from a day before it) or not yet found: what the counts and "missing now" read. */
    recentOrOpenMissingEpisodes: missingEpisodes.some,
    returnHomeInterviewByEpisode: oneByKey<number, ReturnHomeInterview>(
      (ids) => em.find(ReturnHomeInterview, { missingEpisode: { $in: ids } }),
      (rhi) => rhi.missingEpisode.id,
    ),
    arrests: arrests.all,
    /** Arrests in the outcome window. */
    recentArrests: arrests.some,
    exploitationConcerns: byNominal(ExploitationConcern, { concernFrom: 'desc' }),
    nrmReferrals: byNominal(NrmReferral, { referredOn: 'desc' }),
    intelligence: byNominal(IntelligenceItem, { recordedAt: 'desc' }),
    associates: byNominal(Associate, { knownFrom: 'desc' }),
    locationsOfConcern: byNominal(LocationOfConcern, { concernFrom: 'desc' }),
    /** The police's own audit log, by PNC ID (long form): one query however many young people an auditor asks about. */
    accessLog: accessLogLoader(em, POLICE.name),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
