import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { manyByKey, oneByKey } from '../../kit/subgraph/loaders';
import { POLICE } from './agency';
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
export function createLoaders(em: EntityManager) {
  function byNominal<T extends OwnedByNominal>(entity: EntityClass<T>, orderBy: QueryOrderMap<T>) {
    return manyByKey<number, T>(
      (ids) => em.find(entity, { nominal: { $in: ids } } as FilterQuery<T>, { orderBy: [orderBy, { id: 'desc' } as QueryOrderMap<T>] }),
      (row) => row.nominal.id,
    );
  }

  return {
    nominalByPncId: oneByKey<string, Nominal>(
      (pncIds) => em.find(Nominal, { pncId: { $in: pncIds } }),
      (n) => n.pncId,
    ),
    missingEpisodes: byNominal(MissingEpisode, { reportedAt: 'desc' }),
    returnHomeInterviewByEpisode: oneByKey<number, ReturnHomeInterview>(
      (ids) => em.find(ReturnHomeInterview, { missingEpisode: { $in: ids } }),
      (rhi) => rhi.missingEpisode.id,
    ),
    arrests: byNominal(Arrest, { arrestedOn: 'desc' }),
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
