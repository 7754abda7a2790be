import { composeServices } from '@apollo/composition';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { AGENCIES, runHere } from '../kit/shared/agencies';
import { DIST, REPO_ROOT } from '../kit/shared/paths';

export const SCHEMA_DIR = join(REPO_ROOT, 'schema');

/**
 * Every file schema/ should hold, generated from the code: one SDL per subgraph and the supergraph
 * composed from them. Throws with composition's own messages when the subgraphs do not compose.
 */
export function generateSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const services = AGENCIES.map((agency) => {
    const { name } = agency;
    // Each subgraph is printed in its own process, exactly as that service builds it; a partner's is the SDL it delivered.
    const sdl = runHere(agency)
      ? execFileSync(process.execPath, [join(DIST, 'scripts', 'print-subgraph.js'), name], { encoding: 'utf8' })
      : partnerSdl(name);
    files.set(`${name}.graphql`, sdl);
    // No URL: where an agency is deployed is the gateway's configuration (SUBGRAPH_URL_*), not the schema's.
    return { name, url: '', typeDefs: parse(sdl) };
  });
  const composed = composeServices(services);
  if (composed.errors) {
    throw new Error(`composition failed:\n${composed.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  files.set('supergraph.graphql', composed.supergraphSdl);
  return files;
}

/** The SDL a partner that runs its own subgraph delivered (docs/partner-contract.md), as committed. */
function partnerSdl(name: string): string {
  const path = join(SCHEMA_DIR, `${name}.graphql`);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${name} runs its own subgraph: commit the SDL it delivered as schema/${name}.graphql`);
  }
}
