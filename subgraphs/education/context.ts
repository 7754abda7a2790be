import type { ReceivingAgencyContext } from '../../kit/subgraph/context';
import { createLoaders, type EducationLoaders } from './loaders';

export interface EducationContext extends ReceivingAgencyContext {
  loaders: EducationLoaders;
}

/** The kit's context and fresh loaders: batching and caching never outlive the request that asked. */
export function createContext(base: ReceivingAgencyContext): EducationContext {
  return { ...base, loaders: createLoaders(base.em, base.today) };
}
