import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { addDays, type LocalDate } from '../../kit/subgraph/dates';
import { findIn, newestFirst } from '../../kit/subgraph/find-in';
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
  const all =
    <T extends OwnedByNominal>(entity: EntityClass<T>, newest: keyof T & string) =>
    (ids: number[]) =>
      findIn(em, entity, 'nominal', ids, { orderBy: newestFirst(newest) });
  const byNominal = <T extends OwnedByNominal>(entity: EntityClass<T>, newest: keyof T & string) =>
    manyByKey<number, T>(all(entity, newest), (row) => row.nominal.id);
  /** With the rows the six-month measures and "missing now" read, apart: a caseload page counts, it does not list. */
  const withRecent = <T extends OwnedByNominal>(
    entity: EntityClass<T>,
    newest: keyof T & string,
    recent: FilterQuery<T>,
    keeps: (row: T) => boolean,
  ) =>
    manyByKeyAndPart<number, T>(
      all(entity, newest),
      (ids) =>
        em.find(entity, { nominal: { $in: ids }, ...recent } as FilterQuery<T>, {
          orderBy: Object.fromEntries(newestFirst<T>(newest)) as QueryOrderMap<T>,
        }),
      (row) => row.nominal.id,
      (rows) => rows.filter(keeps),
    );
  const windowStart = outcomeWindowStart(today);
  // Episodes count on the UK date they were reported: from a day before the window's first day in UTC
  // nothing in it is missed, whatever the clock; the measures themselves then count by UK date.
  const reportedFrom = new Date(`${addDays(windowStart, -1)}T00:00:00Z`);
  const missingEpisodes = withRecent(
    MissingEpisode,
    'reportedAt',
    { $or: [{ reportedAt: { $gte: reportedFrom } }, { foundAt: null }] },
    (e) => e.reportedAt >= reportedFrom || e.foundAt === null,
  );
  const arrests = withRecent(Arrest, 'arrestedOn', { arrestedOn: { $gte: windowStart } }, (a) => a.arrestedOn >= windowStart);

  return {
    nominalByPncId: oneByKey<string, Nominal>(
      (pncIds) => findIn(em, Nominal, 'pncId', pncIds),
      (n) => n.pncId,
    ),
    missingEpisodes: missingEpisodes.all,
    /** Missing episodes reported in the outcome window (from a day before it) or not yet found: what the counts and "missing now" read. */
    recentOrOpenMissingEpisodes: missingEpisodes.some,
    returnHomeInterviewByEpisode: oneByKey<number, ReturnHomeInterview>(
      (ids) => findIn(em, ReturnHomeInterview, 'missingEpisode', ids),
      (rhi) => rhi.missingEpisode.id,
    ),
    arrests: arrests.all,
    /** Arrests in the outcome window. */
    recentArrests: arrests.some,
    exploitationConcerns: byNominal(ExploitationConcern, 'concernFrom'),
    nrmReferrals: byNominal(NrmReferral, 'referredOn'),
    intelligence: byNominal(IntelligenceItem, 'recordedAt'),
    associates: byNominal(Associate, 'knownFrom'),
    locationsOfConcern: byNominal(LocationOfConcern, 'concernFrom'),
    /** The police's own audit log, by PNC ID (long form): one query however many young people an auditor asks about. */
    accessLog: accessLogLoader(em, POLICE.name),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
