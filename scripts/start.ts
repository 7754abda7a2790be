import { PERSONAS } from '../kit/dev/personas';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { portFromEnv } from '../kit/shared/config';
import { databaseForAgency } from '../kit/subgraph/config';
import { fromRepoRoot } from '../kit/shared/paths';
import { startGraphProcesses } from './processes';

/**
 * npm start: the four subgraphs (each on its own embedded SQLite database under data/, seeded on
 * first start) and the gateway, until Ctrl-C. <AGENCY>_DATABASE_URL (e.g. HEALTH_DATABASE_URL)
 * points one agency at PostgreSQL instead.
 */
async function run() {
  const databases = Object.fromEntries(AGENCIES.map((agency) => [agency.name, databaseForAgency(agency, process.env)])) as Record<
    AgencyName,
    string
  >;
  console.log(`Starting the ${AGENCIES.length} agency subgraphs (first start seeds synthetic data)...`);
  const graph = await startGraphProcesses({
    gatewayPort: portFromEnv(process.env, 'PORT', 4000),
    identityProviderPort: portFromEnv(process.env, 'IDENTITY_PROVIDER_PORT', 4010),
    databases,
    auditFolder: fromRepoRoot('data'),
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  console.log('\nNo Wrong Door multi-agency graph is running:');
  console.log(`  gateway            ${graph.gateway.url}   (the only door: send a bearer token)`);
  console.log(
    `  explorer           ${graph.gateway.url.replace(/graphql$/, 'explorer')}   (GraphiQL, served locally: click a persona to sign in)`,
  );
  console.log(`  identity provider  ${graph.identityProvider.issuer}   (development only: tokens for demo personas)`);
  for (const s of graph.subgraphs) console.log(`  ${s.name.padEnd(18)} ${s.url}   (answers only the gateway)`);
  console.log(`\nSign in as a persona (${Object.keys(PERSONAS).join(', ')}):`);
  console.log(
    `  curl -s -X POST ${graph.identityProvider.issuer}/token -H 'content-type: application/json' -d '{"persona":"socialWorker"}'`,
  );
  console.log('\nPress Ctrl-C to stop all of them.');
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    void graph.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const s of [graph.gateway, graph.identityProvider, ...graph.subgraphs]) {
    s.child.once('exit', () => {
      if (!stopping) {
        console.error(`${s.name} stopped unexpectedly; stopping the rest.`);
        shutdown();
      }
    });
  }
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
