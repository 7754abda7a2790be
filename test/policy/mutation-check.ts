import { performance } from 'node:perf_hooks';
import { disagreements } from './check-table';
import { mutantsOf, type Mutant } from './mutants';
import { SHARING_TABLES } from './tables';

/**
 * npm run test:policy-mutations (and part of npm test): the policy tests could fail. Each mutant inverts
 * or removes one rule of one policy.ts (test/policy/mutants.ts); the agencies' sharing tables
 * (test/policy/sharing-tables.test.ts, through the same `disagreements`) must then disagree somewhere.
 * Exits 1 naming every mutant that survived, or when the tables fail the policies as they are. It lives
 * with the tests, not in scripts/, because the image and the onboarding copy compile without test/.
 */
const failingCells = () => SHARING_TABLES.flatMap(({ policy, rows }) => rows.flatMap((row) => disagreements(policy, row)));

/** The first cell a mutant turns, or null when it survived. */
function firstFailure(mutant: Mutant): string | null {
  const undo = mutant.apply();
  try {
    return failingCells()[0] ?? null;
  } finally {
    undo();
  }
}

function run(): number {
  const started = performance.now();
  const unmutated = failingCells();
  if (unmutated.length) {
    const shown = unmutated.slice(0, 10).join('\n  ');
    const more = unmutated.length > 10 ? `\n  ... and ${unmutated.length - 10} more` : '';
    console.log(`The sharing tables fail on the policies as they are (npx jest test/policy says where):\n  ${shown}${more}`);
    return 1;
  }
  const mutants = mutantsOf(SHARING_TABLES.map((t) => t.policy));
  const survivors = mutants.filter((mutant) => {
    const failure = firstFailure(mutant);
    if (process.env.VERBOSE) console.log(`${mutant.name}: ${failure ?? 'SURVIVED'}`);
    return failure === null;
  });
  // A mutant left in place would make every later one look killed.
  const leftOver = failingCells();
  if (leftOver.length) throw new Error(`A mutant was not undone: the tables now fail at ${leftOver[0]}`);
  const kinds = new Map<string, number>();
  for (const m of mutants) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
  const rows = SHARING_TABLES.reduce((n, t) => n + t.rows.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `Policy mutations: ${mutants.length - survivors.length} of ${mutants.length} mutants killed by ${rows} sharing-table rows in ${seconds}s (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
  );
  for (const mutant of survivors) console.log(`  SURVIVED: ${mutant.name}: no sharing table noticed`);
  return survivors.length ? 1 : 0;
}

if (require.main === module) process.exit(run());
