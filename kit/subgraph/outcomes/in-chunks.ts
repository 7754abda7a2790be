import type { CountedFigure, CountedOutcomes } from './figures';

/**
 * A cohort is counted a chunk of members at a time, and the chunks' counts added: at council scale a
 * cohort is tens of thousands of young people, and their records all at once held most of a gigabyte
 * in each agency and blocked its event loop for seconds. Every measure is a sum over young people
 * (numerators, denominators, the young people behind them, before-and-after totals), so counting the
 * members in parts and adding the parts gives the whole's figures, as long as each member's records
 * are all in one chunk.
 */
export async function countInChunks<Member>(
  members: readonly Member[],
  chunkSize: number,
  countChunk: (chunk: Member[]) => Promise<CountedOutcomes>,
): Promise<CountedOutcomes> {
  // Zero or NaN would never advance, or count nobody: a cohort is never silently left uncounted.
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error(`countInChunks: a chunk is a whole number of members from 1 (got ${chunkSize})`);
  // An empty cohort is still counted once, for the measures' zeros.
  let total = await countChunk(members.slice(0, chunkSize));
  for (let i = chunkSize; i < members.length; i += chunkSize) total = addCounted(total, await countChunk(members.slice(i, i + chunkSize)));
  return total;
}

/** The counts a figure may give besides its numerator, denominator and people: each in every part or in none. */
const OPTIONAL_COUNTS = ['peopleLeftOut'] as const;

const addFigure = (a: CountedFigure, b: CountedFigure): CountedFigure => {
  const sum: CountedFigure = {
    numerator: a.numerator + b.numerator,
    denominator: a.denominator === null || b.denominator === null ? null : a.denominator + b.denominator,
    people: a.people + b.people,
  };
  for (const count of OPTIONAL_COUNTS) if (a[count] !== undefined && b[count] !== undefined) sum[count] = a[count] + b[count];
  return sum;
};

const sameShape = (f: CountedFigure, g: CountedFigure) =>
  (f.denominator === null) === (g.denominator === null) &&
  OPTIONAL_COUNTS.every((count) => (f[count] === undefined) === (g[count] === undefined));

/** Two parts' counts of the same measures, added measure by measure and period by period. */
export function addCounted(a: CountedOutcomes, b: CountedOutcomes): CountedOutcomes {
  const same = (x: { code: string; category?: string }, y: { code: string; category?: string }) =>
    x.code === y.code && x.category === y.category;
  if (
    a.measures.length !== b.measures.length ||
    a.beforeAndAfterReferral.length !== b.beforeAndAfterReferral.length ||
    a.measures.some(
      (m, i) =>
        !same(m, b.measures[i]) ||
        m.figures.length !== b.measures[i].figures.length ||
        // A plain count of events in one part is a plain count in every part, and a share of records one too.
        m.figures.some((f, j) => !sameShape(f, b.measures[i].figures[j])),
    ) ||
    a.beforeAndAfterReferral.some((c, i) => !same(c, b.beforeAndAfterReferral[i]))
  )
    throw new Error('addCounted: the two parts were not counted with the same measures');
  return {
    measures: a.measures.map((m, i) => ({ ...m, figures: m.figures.map((f, j) => addFigure(f, b.measures[i].figures[j])) })),
    beforeAndAfterReferral: a.beforeAndAfterReferral.map((c, i) => {
      const d = b.beforeAndAfterReferral[i];
      return { ...c, youngPeople: c.youngPeople + d.youngPeople, before: c.before + d.before, after: c.after + d.after };
    }),
  };
}
