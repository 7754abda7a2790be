import type { ExplorerConfig } from '../explorer';

export type { ExplorerConfig };

/** What the gateway hands the page, in a JSON script element (gateway/explorer.ts). */
export function readConfig(): ExplorerConfig {
  const element = document.getElementById('explorer-config');
  if (!element?.textContent) throw new Error('the page has no explorer-config: it is served by the gateway at /explorer');
  return JSON.parse(element.textContent) as ExplorerConfig;
}
