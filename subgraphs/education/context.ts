import type { AgencyContext } from '../../kit/subgraph/agency';
import { ukDate, type LocalDate } from '../../kit/subgraph/dates';
import { createLoaders, type EducationLoaders } from './loaders';

export interface EducationContext extends AgencyContext {
  loaders: EducationLoaders;
}

/** Fresh loaders per request: their caches must never outlive the request's unit of work. */
export function createContext(base: AgencyContext): EducationContext {
  return { ...base, loaders: createLoaders(base.em) };
}

/** Today in the UK by the injected clock: the "today" every computed value is seen from. */
export function todayOf(ctx: AgencyContext): LocalDate {
  return ukDate(ctx.clock.now());
}
