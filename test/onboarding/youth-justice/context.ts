import type { ReceivingAgencyContext } from '../../kit/subgraph/context';
import { createLoaders, type YouthJusticeLoaders } from './loaders';

export interface YouthJusticeContext extends ReceivingAgencyContext {
  loaders: YouthJusticeLoaders;
}

export function createContext(base: ReceivingAgencyContext): YouthJusticeContext {
  return { ...base, loaders: createLoaders(base.em) };
}
