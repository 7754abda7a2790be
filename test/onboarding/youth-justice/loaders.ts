import type { EntityManager } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { oneByKey } from '../../kit/subgraph/loaders';
import { YOUTH_JUSTICE } from './agency';
import { YjsCase } from './entities';

export function createLoaders(em: EntityManager) {
  return {
    caseByReference: oneByKey<string, YjsCase>(
      (references) => em.find(YjsCase, { reference: { $in: references } }),
      (c) => c.reference,
    ),
    accessLog: accessLogLoader(em, YOUTH_JUSTICE.name),
  };
}

export type YouthJusticeLoaders = ReturnType<typeof createLoaders>;
