import type DataLoader from 'dataloader';
import type { AgencyContext } from '../../kit/subgraph/agency';
import type { Purpose } from '../../kit/subgraph/access/purpose';
import { ukDate } from '../../kit/subgraph/dates';
import { createPurposeLoader } from './access';
import { createLoaders, type SocialCareLoaders } from './loaders';

export interface SocialCareContext extends AgencyContext {
  loaders: SocialCareLoaders;
  /** Today's date (UK) from the injected clock: every computed rule uses it. */
  today: string;
  /** Break-glass justifications typed for young people in this request (by person id). */
  breakGlassReasons: Map<string, string>;
  /** The viewer's purpose for each young person (null: no legitimate relationship). */
  purposes: DataLoader<string, Purpose | null>;
}

export function createContext(base: AgencyContext): SocialCareContext {
  const ctx = { ...base, loaders: createLoaders(base.em, base.viewer.id), today: ukDate(base.clock.now()), breakGlassReasons: new Map<string, string>() };
  return Object.assign(ctx, { purposes: createPurposeLoader(ctx) });
}
