import type { ReceivingAgencyContext } from '../../kit/subgraph/context';
import { createLoaders, type HealthLoaders } from './loaders';

export interface HealthContext extends ReceivingAgencyContext {
  loaders: HealthLoaders;
}

/** The kit's context and fresh loaders: batching and caching never outlive the request that asked. */
export function createContext(base: ReceivingAgencyContext): HealthContext {
  return { ...base, loaders: createLoaders(base.em) };
}
