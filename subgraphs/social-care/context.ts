import type { AgencyContext } from '../kit/agency';
import { ukDate } from '../kit/dates';
import { createLoaders, type SocialCareLoaders } from './loaders';

export interface SocialCareContext extends AgencyContext {
  loaders: SocialCareLoaders;
  /** Today's date (UK) from the injected clock: every computed rule uses it. */
  today: string;
}

export function createContext(base: AgencyContext): SocialCareContext {
  return { ...base, loaders: createLoaders(base.em), today: ukDate(base.clock.now()) };
}
