import type { AgencyContext } from '../../kit/subgraph/agency';
import { createLoaders, type HealthLoaders } from './loaders';

export interface HealthContext extends AgencyContext {
  loaders: HealthLoaders;
}

/** Fresh loaders per request: batching and caching never outlive the request that asked. */
export function createHealthContext(base: AgencyContext): HealthContext {
  return { ...base, loaders: createLoaders(base.em) };
}
