import type { AgencyContext } from '../../kit/subgraph/agency';
import { createLoaders, type PoliceLoaders } from './loaders';

export interface PoliceContext extends AgencyContext {
  loaders: PoliceLoaders;
}

/** A fresh set of loaders per request, so nothing is cached across requests or users. */
export function createContext(base: AgencyContext): PoliceContext {
  return { ...base, loaders: createLoaders(base.em) };
}
