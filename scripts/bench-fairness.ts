import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildASTSchema, getOperationAST, parse } from 'graphql';
import { OPERATION_LIMITS } from '../gateway/limits/operation-limits';
import { operationCost } from '../gateway/limits/operation-cost';
import { generatePerson } from '../kit/dev/synthetic/population';
import { PERSONAS, type PersonaName } from '../kit/dev/personas';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { DIST, REPO_ROOT } from '../kit/shared/paths';
import { teamFor } from '../subgraphs/social-care/seeding/team';
import { startGraphProcesses } from './processes';

/**
 * npm run bench:fairness [-- --size N --seconds N --heavy-users N]: does one user's heavy querying slow
 * everyone else? Seeds a synthetic council, then times a light query (one young person's status) by
 * one user, first alone, then while other users each send the heaviest query the gateway allows
 * (under its cost limit), back to back. Prints the light query's latency in both phases and what the
 * heavy users got (answers, refusals); asserts nothing.
 */
const AS_OF = '2026-11-23';

/** The caseload, with every agency's headline for each young person, at the largest page: just under the cost limit. */
const HEAVY = `query Heavy {
  nwdCaseload(first: 100) {
    totalCount
    nodes {
      id givenName familyName preferredName dateOfBirth age sex ethnicity placementMovesInLast12Months onNwdCaseload nextRaiseDue raiseOverdue
      currentStatus { status startDate cpCategory uasc }
      currentLegalStatus { legalStatus startDate }
      currentPlacement { placementType startDate provider distance fragile }
      health { matchStatus latestSdq { total band } reviewHealthAssessmentTimeliness { status dueDate lastDone } dentalCheckTimeliness { status dueDate lastDone } }
      education { matchStatus pepTimeliness { status dueDate lastDone } }
      police { matchStatus missingEpisodesInLastSixMonths }
    }
  }
}`;

const LIGHT_EVERY_MS = 250;
const LIGHT = `query Light($id: ID!) { youngPerson(id: $id) { id givenName familyName currentStatus { status } } }`;

const HEAVY_PERSONAS: PersonaName[] = ['keyWorker', 'virtualSchoolHead', 'iro', 'lacNurse', 'designatedTeacher', 'policeLiaison'];

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `n=${sorted.length}  median ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(sorted, 95).toFixed(0)} ms  max ${sorted[sorted.length - 1]?.toFixed(0)} ms`;
};

async function run() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '2000' },
      seconds: { type: 'string', default: '30' },
      'heavy-users': { type: 'string', default: '4' },
      env: { type: 'string', default: '{}' },
    },
  });
  const size = Number(values.size);
  const seconds = Number(values.seconds);
  const heavyUsers = Number(values['heavy-users']);
  const schema = buildASTSchema(parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
  const heavyDocument = parse(HEAVY);
  const cost = operationCost(schema, heavyDocument, getOperationAST(heavyDocument)!);
  if (cost > OPERATION_LIMITS.maxCost) throw new Error(`the heavy query costs ${cost}, over the limit of ${OPERATION_LIMITS.maxCost}`);

  const dir = mkdtempSync(join(tmpdir(), 'nwd-fairness-'));
  const options = { size, seed: 'bench', asOf: AS_OF };
  console.log(`Seeding ${size.toLocaleString('en-GB')} young people into four SQLite databases (${dir})`);
  const databases = {} as Record<AgencyName, string>;
  for (const { name } of AGENCIES) {
    databases[name] = join(dir, `${name}.db`);
    execFileSync(process.execPath, [join(DIST, 'scripts', 'seed-agency.js'), name, databases[name], JSON.stringify(options)], {
      stdio: 'ignore',
    });
  }
  const graph = await startGraphProcesses({
    gatewayPort: 4200,
    identityProviderPort: 4210,
    ports: Object.fromEntries(AGENCIES.map((a) => [a.name, a.defaultPort + 200])),
    metricsPorts: { ...Object.fromEntries(AGENCIES.map((a) => [a.name, a.defaultPort + 5200])), gateway: 9200 },
    databases,
    auditFolder: dir,
    stdio: 'pipe',
    env: {
      CLOCK_FIXED_AT: `${AS_OF}T12:00:00Z`,
      SEED_SIZE: String(size),
      SEED: 'bench',
      SEED_AS_OF: AS_OF,
      LOG_LEVEL: 'warn',
      ...(JSON.parse(values.env) as Record<string, string>),
    },
  });
  try {
    const token = async (persona: PersonaName) => {
      const res = await fetch(`${graph.identityProvider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const post = async (bearer: string, query: string, variables?: unknown) => {
      const started = performance.now();
      const res = await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query, variables }),
      });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - started };
    };

    const light = await token('socialWorker');
    const ids = Array.from({ length: size }, (_, i) => generatePerson(i, options))
      .filter((p) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id)
      .map((p) => p.id);
    if (!ids.length) throw new Error('the social worker has no allocated young people in this population');
    // Four a second, as a busy meeting tool might: under the per-user request limit.
    const timeLight = async (until: number) => {
      const times: number[] = [];
      for (let i = 0; Date.now() < until; i++) {
        const { status, ms } = await post(light, LIGHT, { id: ids[i % ids.length] });
        if (status !== 200) throw new Error(`the light query answered ${status}`);
        times.push(ms);
        await new Promise((r) => setTimeout(r, Math.max(0, LIGHT_EVERY_MS - ms)));
      }
      return times;
    };
    // Warm every process (connections, plans, caches) before timing anything.
    await timeLight(Date.now() + 2_000);
    const heavyTokens = await Promise.all(HEAVY_PERSONAS.slice(0, heavyUsers).map(token));
    const first = await post(heavyTokens[0], HEAVY);
    console.log(
      `Heavy query: cost ${cost} (limit ${OPERATION_LIMITS.maxCost}); alone it took ${first.ms.toFixed(0)} ms (HTTP ${first.status})`,
    );

    console.log(`\nLight query (one young person's status), one user, ${seconds} s each phase:`);
    console.log(`  alone:                          ${summary(await timeLight(Date.now() + seconds * 1000))}`);

    let stop = false;
    const outcomes = new Map<number, number>();
    const heavyTimes: number[] = [];
    const hammer = async (bearer: string) => {
      while (!stop) {
        const { status, ms } = await post(bearer, HEAVY);
        outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
        if (status === 200) heavyTimes.push(ms);
        // A refused client waits as it is told to, a little at least: a tight loop of refusals measures nothing.
        if (status === 429) await new Promise((r) => setTimeout(r, 250));
      }
    };
    const hammering = heavyTokens.map(hammer);
    const loaded = await timeLight(Date.now() + seconds * 1000);
    stop = true;
    await Promise.all(hammering);
    console.log(`  with ${heavyUsers} users sending heavy ones: ${summary(loaded)}`);
    console.log(
      `\nHeavy queries meanwhile: ${[...outcomes].map(([status, n]) => `${n} x HTTP ${status}`).join(', ')}; answered ones ${summary(heavyTimes)}`,
    );
  } finally {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
