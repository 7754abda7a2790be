import type { LeadAgencyContext } from '../../kit/subgraph/context';
import { createLoaders, type SocialCareLoaders } from './loaders';

export interface SocialCareContext extends LeadAgencyContext {
  loaders: SocialCareLoaders;
  /** Break-glass justifications typed for young people in this request (by person id): the purposes loader reads them. */
  breakGlassReasons: Map<string, string>;
}

/** The kit's context and fresh loaders: batching and caching never outlive the request that asked. */
export function createContext(base: LeadAgencyContext): SocialCareContext {
  const breakGlassReasons = new Map<string, string>();
  return { ...base, breakGlassReasons, loaders: createLoaders(base.em, { viewer: base.viewer, today: base.today, breakGlassReasons }) };
}
