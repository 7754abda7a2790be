import type { AgencyContext } from '../kit/agency';
import { createGrantChecks, type GrantChecks } from './access';
import { createLoaders, type PoliceLoaders } from './loaders';

export interface PoliceContext extends AgencyContext {
  loaders: PoliceLoaders;
  /** Social care's access grants, checked together for the whole request. */
  grantChecks: GrantChecks;
}

/** A fresh set of loaders per request, so nothing is cached across requests or users. */
export function createContext(base: AgencyContext): PoliceContext {
  return { ...base, loaders: createLoaders(base.em), grantChecks: createGrantChecks(base) };
}
