import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSubgraphChange, describeSchemaCheck } from './schema-compatibility';
import { SCHEMA_DIR } from './schema-files';

/** Where breaking changes are acknowledged, by default. */
export const CHANGELOG = join(SCHEMA_DIR, 'CHANGELOG.md');

const USAGE = 'npm run schema:check -- <agency> <changed subgraph SDL file> [--changelog <file>]';

/**
 * npm run schema:check -- health changed-health.graphql: what the change does to the graph and to the
 * meeting tools' operations (docs/partner-contract.md, "Schema changes"). Exits 1 when the graph does
 * not compose, an operation breaks, or a breaking change is not acknowledged in the changelog; 2 on
 * bad arguments.
 */
async function run() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { changelog: { type: 'string' } } });
  const [agency, file] = positionals;
  if (!agency || !file || positionals.length > 2) throw new Error(`give an agency and one SDL file\n${USAGE}`);
  if (!existsSync(file)) throw new Error(`${file}: no such file\n${USAGE}`);
  const changelogPath = values.changelog ?? CHANGELOG;
  if (values.changelog && !existsSync(changelogPath)) throw new Error(`--changelog ${changelogPath}: no such file`);
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
  const report = await checkSubgraphChange(agency, readFileSync(file, 'utf8'), changelog);
  for (const line of describeSchemaCheck(report, changelogPath)) console.log(line);
  process.exit(report.ok ? 0 : 1);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(`schema:check: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
}
