import { addCounted, countInChunks } from '../../kit/subgraph/outcomes/in-chunks';
import { OutcomeUnit, type CountedOutcomes } from '../../kit/subgraph/outcomes/figures';
import { countPoliceOutcomes, type NominalFacts } from '../../subgraphs/police/rules/outcomes';

/** Young people with a few dated events each, as an agency's records of a cohort might be. */
const cohort = Array.from({ length: 23 }, (_, i) => ({ id: i, events: i % 4, referred: i % 3 === 0 }));
type Member = (typeof cohort)[number];

/** A count of the kinds an agency makes: a share, a plain count of events, a before-and-after total. */
const count = async (members: Member[]): Promise<CountedOutcomes> => {
  await Promise.resolve();
  const withEvents = members.filter((m) => m.events > 0);
  return {
    measures: [
      {
        code: 'SHARE',
        name: 'With an event',
        definition: '',
        unit: OutcomeUnit.PERCENT,
        figures: [{ numerator: withEvents.length, denominator: members.length, people: withEvents.length }],
      },
      {
        code: 'EVENTS',
        name: 'Events',
        definition: '',
        unit: OutcomeUnit.COUNT,
        figures: [{ numerator: members.reduce((n, m) => n + m.events, 0), denominator: null, people: withEvents.length }],
      },
    ],
    beforeAndAfterReferral: [
      {
        code: 'AROUND',
        name: 'Around referral',
        definition: '',
        unit: OutcomeUnit.PER_YOUNG_PERSON,
        youngPeople: members.filter((m) => m.referred).length,
        before: members.filter((m) => m.referred).reduce((n, m) => n + m.events, 0),
        after: members.filter((m) => m.referred).length,
      },
    ],
  };
};

describe('counting a cohort in chunks', () => {
  it.each([1, 2, 5, 7, 22, 23, 1000])('gives the whole cohort’s figures in chunks of %i', async (size) => {
    expect(await countInChunks(cohort, size, count)).toEqual(await count(cohort));
  });

  it('gives police’s figures, children behind and left out included, in chunks of one as for the whole', async () => {
    const quarter = { from: '2026-07-01', to: '2026-09-30' };
    const found = new Date('2026-08-02T10:00:00Z');
    const nominals: NominalFacts[] = [24, 100, null, 24].map((hours, i) => ({
      referredOn: null,
      missingEpisodes: Array.from({ length: i + 1 }, () => ({
        reportedAt: new Date('2026-08-01T20:00:00Z'),
        foundAt: found,
        interviewOfferedAt: hours === null ? null : new Date(found.getTime() + hours * 3_600_000),
      })),
      arrests: [],
      charges: [],
    }));
    const count = (part: NominalFacts[]) => Promise.resolve(countPoliceOutcomes(part, [quarter]));
    const whole = await count(nominals);
    expect(whole.measures.find((m) => m.code === 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS')!.figures[0]).toEqual({
      numerator: 5,
      denominator: 10,
      people: 2,
      peopleLeftOut: 2,
    });
    expect(await countInChunks(nominals, 1, count)).toEqual(whole);
  });

  it('counts each member once, each chunk in turn', async () => {
    const seen: number[][] = [];
    await countInChunks(cohort, 5, (chunk) => {
      seen.push(chunk.map((m) => m.id));
      return count(chunk);
    });
    expect(seen.map((c) => c.length)).toEqual([5, 5, 5, 5, 3]);
    expect(seen.flat()).toEqual(cohort.map((m) => m.id));
  });

  it('counts an empty cohort once, for the measures’ zeros', async () => {
    const calls: number[] = [];
    const figures = await countInChunks([], 5, (chunk: Member[]) => {
      calls.push(chunk.length);
      return count(chunk);
    });
    expect(calls).toEqual([0]);
    expect(figures.measures[0].figures[0]).toEqual({ numerator: 0, denominator: 0, people: 0 });
    expect(figures.measures[1].figures[0].denominator).toBeNull();
  });

  it('refuses to add parts counted with different measures', async () => {
    const whole = await count(cohort);
    expect(() => addCounted(whole, { ...whole, measures: whole.measures.slice(1) })).toThrow(/not counted with the same measures/);
    const renamed = { ...whole, beforeAndAfterReferral: [{ ...whole.beforeAndAfterReferral[0], code: 'OTHER' }] };
    expect(() => addCounted(whole, renamed)).toThrow(/not counted with the same measures/);
    const shorter = { ...whole, measures: [{ ...whole.measures[0], figures: [] }, whole.measures[1]] };
    expect(() => addCounted(whole, shorter)).toThrow(/not counted with the same measures/);
    const counted = {
      ...whole,
      measures: [whole.measures[0], { ...whole.measures[1], figures: [{ ...whole.measures[1].figures[0], denominator: 3 }] }],
    };
    expect(() => addCounted(whole, counted)).toThrow(/not counted with the same measures/);
    const ofRecords = {
      ...whole,
      measures: [{ ...whole.measures[0], figures: [{ ...whole.measures[0].figures[0], peopleLeftOut: 2 }] }, whole.measures[1]],
    };
    expect(() => addCounted(whole, ofRecords)).toThrow(/not counted with the same measures/);
    expect(addCounted(ofRecords, ofRecords).measures[0].figures[0].peopleLeftOut).toBe(4);
  });

  it('refuses a chunk that would never advance or would count nobody', async () => {
    for (const size of [0, -1, 2.5, NaN])
      await expect(countInChunks(cohort, size, count)).rejects.toThrow(/a chunk is a whole number of members from 1/);
  });
});
