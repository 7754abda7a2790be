import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { graphAsker, withoutAsked, type Answer, type GraphAsker } from './misses/ask';
import { missCases, type MissCase } from './misses/cases';
import { findTargets, type Targets } from './misses/targets';
import { heldOutAccuracy, bestThreshold, median, medianPairedDifference } from './separation';
import { startSoakGraph, soakPopulation } from './soak/graph';

/**
 * npm run bench:misses [-- --pairs 200 --size 600 --targets 20 --persona policeAnalyst --only meeting]:
 * can a user with a valid account tell "exists, but you have no relationship" from "does not exist" by
 * how long the answer takes? For every root field that takes an id and every identifier a young person
 * can be searched by, it times pairs of the two, interleaved (each pair back to back, in random order,
 * every field in turn), through the gateway, and prints each side's median, the median paired
 * difference and how well the best single latency threshold sorts them: fitted on half the pairs and
 * scored on the other half (what an attacker would get), and fitted and scored on all of them (an upper
 * bound). It also checks that the two answers of every pair are the same but for the id asked.
 * Figures only: it asserts nothing about them.
 */
const WARM_UP_PAIRS = 10;

interface Timings {
  exists: number[];
  missing: number[];
  /** Pairs whose two answers differed (beyond the id asked), and the first such pair. */
  differing: number;
  example?: string;
}

/** The answer as the client sees it, with the id asked replaced: the rest must be the same on both sides. */
const asSeen = (answer: Answer, asked: string) => `${answer.status} ${withoutAsked(answer.body, asked)}`;

async function timePair(ask: GraphAsker, c: MissCase, exists: string, missing: string, t: Timings) {
  const run = (target: string) => ask.attacker(c.document, c.variables(target), c.operationName);
  // Random order, so neither side is always the one that finds caches warm.
  const existsFirst = Math.random() < 0.5;
  const first = await run(existsFirst ? exists : missing);
  const second = await run(existsFirst ? missing : exists);
  const [e, m] = existsFirst ? [first, second] : [second, first];
  t.exists.push(e.ms);
  t.missing.push(m.ms);
  if (asSeen(e, exists) !== asSeen(m, missing)) {
    t.differing++;
    t.example ??= `exists: ${asSeen(e, exists).slice(0, 300)}\n    missing: ${asSeen(m, missing).slice(0, 300)}`;
  }
}

async function runPairs(ask: GraphAsker, cases: MissCase[], targets: Targets, pairs: number, timed: boolean) {
  const timings = new Map<string, Timings>(cases.map((c) => [c.name, { exists: [], missing: [], differing: 0 }]));
  for (let i = 0; i < pairs; i++) {
    for (const c of cases) {
      const { exists, missing } = targets[c.targets];
      await timePair(ask, c, exists[i % exists.length], missing[i % missing.length], timings.get(c.name)!);
    }
    if (timed && (i + 1) % 50 === 0) console.log(`  ${i + 1} of ${pairs} pairs of each (load average ${loadavg()[0].toFixed(2)})`);
  }
  return timings;
}

const pad = (s: string, n: number) => s.padEnd(n);
const msText = (v: number) => `${v.toFixed(1)} ms`;
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} ms`;
const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

function report(timings: Map<string, Timings>) {
  const header = [
    pad('root field', 40),
    pad('pairs', 6),
    pad('exists, no rel.', 16),
    pad('does not exist', 15),
    pad('median diff.', 13),
    pad('threshold held-out', 19),
    pad('in-sample', 10),
    'answers',
  ].join(' ');
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const [name, t] of timings) {
    console.log(
      [
        pad(name, 40),
        pad(String(t.exists.length), 6),
        pad(msText(median(t.exists)), 16),
        pad(msText(median(t.missing)), 15),
        pad(signed(medianPairedDifference(t.exists, t.missing)), 13),
        pad(pct(heldOutAccuracy(t.exists, t.missing)), 19),
        pad(pct(bestThreshold(t.exists, t.missing).accuracy), 10),
        t.differing ? `${t.differing} pairs differed` : 'identical',
      ].join(' '),
    );
  }
  for (const [name, t] of timings) if (t.example) console.log(`\n${name}, answers that differed:\n    ${t.example}`);
  console.log(
    '\nmedian diff.: median over pairs of (exists - does not exist). threshold: the share of answers the best single latency' +
      ' threshold puts on the right side, 50 % being a coin toss; held-out = fitted on even pairs and scored on odd ones and' +
      ' the other way round (what an attacker would get), in-sample = fitted and scored on all (flattering; an upper bound).',
  );
}

async function run() {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '200' },
      size: { type: 'string', default: '600' },
      targets: { type: 'string', default: '20' },
      persona: { type: 'string', default: 'policeAnalyst' },
      only: { type: 'string' },
    },
  });
  const pairs = Number(values.pairs);
  const population = soakPopulation(Number(values.size));
  const cleanUps: (() => Promise<void>)[] = [];
  console.log(`Misses: ${pairs} interleaved pairs per root field, as ${values.persona}, ${population.size} young people (SQLite)`);
  console.log(
    `Load average before starting: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (other work on this machine adds noise to both sides alike)`,
  );
  // The attacker sends thousands of requests: the soak's graph lifts the per-user limits (LOAD_USER_LIMITS).
  const { graph } = await startSoakGraph('sqlite', population, (task) => cleanUps.push(task));
  cleanUps.push(() => graph.stop());
  try {
    const ask = await graphAsker(graph.gateway.url, graph.identityProvider.issuer, values.persona);
    // --only names a field exactly (youngPerson), or a part of several names (youngPersonByIdentifier).
    const all = missCases();
    const exact = all.filter((c) => c.name === values.only);
    const cases = exact.length ? exact : all.filter((c) => !values.only || c.name.includes(values.only));
    const targets = await findTargets(ask, population, Number(values.targets), new Set(cases.map((c) => c.targets)));
    console.log(
      `Targets: ${Object.entries(targets)
        .map(([k, v]) => `${v.exists.length}+${v.missing.length} ${k}`)
        .join(', ')}`,
    );
    await runPairs(ask, cases, targets, WARM_UP_PAIRS, false);
    report(await runPairs(ask, cases, targets, pairs, true));
    console.log(
      `\nLoad average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    for (const task of cleanUps.reverse()) await task();
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
