import { join } from 'node:path';
import type { AgencyName, AgencyService } from '../kit/subgraph/agency';

/** The four agency subgraphs: where their compiled service lives and the port each listens on by default. */
export const AGENCIES: { name: AgencyName; port: number; exportName: string }[] = [
  { name: 'social-care', port: 4001, exportName: 'socialCareService' },
  { name: 'education', port: 4002, exportName: 'educationService' },
  { name: 'health', port: 4003, exportName: 'healthService' },
  { name: 'police', port: 4004, exportName: 'policeService' },
];

/** dist/ root (this file compiles to dist/scripts/agencies.js). */
export const DIST = join(__dirname, '..');
export const REPO_ROOT = join(DIST, '..');

export function mainScriptOf(name: AgencyName): string {
  return join(DIST, 'subgraphs', name, 'main.js');
}

/** Loads one agency's service definition. Only ever one per process: each subgraph is its own program. */
export function loadService(name: AgencyName): AgencyService<any> {
  const entry = AGENCIES.find((a) => a.name === name);
  if (!entry) throw new Error(`unknown agency "${name}" (expected one of ${AGENCIES.map((a) => a.name).join(', ')})`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(DIST, 'subgraphs', name, 'service.js'))[entry.exportName];
}
