import type { AgencyContext } from '../kit/agency';
import { createGrantChecks } from './access';
import { createLoaders, type HealthLoaders } from './loaders';

export interface HealthContext extends AgencyContext {
  loaders: HealthLoaders;
  /** Social care's grants, checked in one batch per request. */
  grantChecks: ReturnType<typeof createGrantChecks>;
}

/** Fresh loaders per request: batching and caching never outlive the request that asked. */
export function createHealthContext(base: AgencyContext): HealthContext {
  return { ...base, loaders: createLoaders(base.em), grantChecks: createGrantChecks(base) };
}
