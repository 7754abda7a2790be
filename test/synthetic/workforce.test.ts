import { population } from '../../kit/dev/synthetic/population';
import { PERSONAS } from '../../kit/dev/personas';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { optionsFor, SIZES } from './support';

/**
 * Issue 11: the workforce grows with the council, so caseloads stay what practitioners carry (DOMAIN.md:
 * the whole NWD hub held 40 outreach cases and 5 placements) rather than one key worker holding 4 000
 * young people at 100 000. Each locality of 600 young people has its own team; the demo personas work
 * in the first, so what they see is the same at any size.
 */
function caseloads(size: number) {
  const keyWorkers = new Map<string, string[]>();
  const socialWorkers = new Map<string, number>();
  for (const p of population(optionsFor(size))) {
    const team = teamFor(p);
    socialWorkers.set(team.socialWorker.id, (socialWorkers.get(team.socialWorker.id) ?? 0) + 1);
    if (p.nwdJourney && p.nwdJourney.closedOn === null)
      keyWorkers.set(team.keyWorker.id, [...(keyWorkers.get(team.keyWorker.id) ?? []), p.id]);
  }
  return { keyWorkers, socialWorkers };
}

describe('the synthetic workforce grows with the population', () => {
  const [small, large] = SIZES.map(caseloads);
  const largest = (values: Iterable<number>) => Math.max(...values);

  it('gives the demo key worker the same open NWD caseload in a council of 20 000 as in one of 600', () => {
    expect(small.keyWorkers.get(PERSONAS.keyWorker.id)?.length).toBeGreaterThanOrEqual(10);
    expect(large.keyWorkers.get(PERSONAS.keyWorker.id)).toEqual(small.keyWorkers.get(PERSONAS.keyWorker.id));
  });

  it('gives no key worker or social worker a bigger caseload at 20 000 than the biggest at 600', () => {
    expect(large.keyWorkers.size).toBeGreaterThan(small.keyWorkers.size * 10);
    expect(largest([...large.keyWorkers.values()].map((c) => c.length))).toBeLessThanOrEqual(
      largest([...small.keyWorkers.values()].map((c) => c.length)),
    );
    expect(largest(large.socialWorkers.values())).toBeLessThanOrEqual(largest(small.socialWorkers.values()));
  });

  it('keeps every open NWD caseload within what one key worker carries', () => {
    for (const [id, youngPeople] of large.keyWorkers)
      expect({ id, count: Math.min(youngPeople.length, 30) }).toEqual({ id, count: youngPeople.length });
  });
});
