import type { ReceivingAgencyContext } from '../../kit/subgraph/context';
import { createLoaders, type PoliceLoaders } from './loaders';

export interface PoliceContext extends ReceivingAgencyContext {
  loaders: PoliceLoaders;
}

/** The kit's context and fresh loaders: batching and caching never outlive the request that asked. */
export function createContext(base: ReceivingAgencyContext): PoliceContext {
  return { ...base, loaders: createLoaders(base.em, base.today) };
}
