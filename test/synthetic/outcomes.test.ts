import { addMonths, ageOn, ukDate } from '../../kit/subgraph/dates';
import { EmergencyAttendance, SdqScore } from '../../subgraphs/health/entities';
import { Arrest, MissingEpisode } from '../../subgraphs/police/entities';
import { ArrestOutcome } from '../../subgraphs/police/enums';
import { PlacementEpisode } from '../../subgraphs/social-care/entities/episodes';
import { PlacementType } from '../../subgraphs/social-care/enums';
import { daysWithin, optionsFor, rowsOf, seededPopulation, sixMonthsAround, SIZES } from './support';

/**
 * No Wrong Door outcomes before and after referral look like North Yorkshire's (DOMAIN.md §5, seeds
 * 002:919-1132): missing episodes, arrests and charges per six months fall; SDQ about 17.9 at entry and
 * about 16.3 later; days in residential care fall (131 to 72); A&E attendances fall. Each agency dates
 * before and after by the one shared referral date, so six months either side are compared only where
 * the agency's history covers both.
 */

/**
 * "Falls" means at least a quarter fewer in the six months after than in the six before; at the default
 * size the counts are in the tens, so there it means fewer.
 */
const fall = (size: number) => (size < 1000 ? 1 : 0.75);
const RESIDENTIAL = new Set([PlacementType.K2, PlacementType.R1]);

type Counts = { before: number; after: number; people: number };
const counts = (): Counts => ({ before: 0, after: 0, people: 0 });

interface Census {
  missing: Counts;
  arrests: Counts;
  charges: Counts;
  emergency: Counts;
  residentialDays: Counts;
  sdqAtEntry: number[];
  sdqLater: number[];
  /** SDQs recorded outside ages 4-16 (the SSDA903 range). */
  sdqOutOfRange: string[];
}

function tally(c: Counts, dates: string[], window: ReturnType<typeof sixMonthsAround>) {
  c.people++;
  c.before += dates.filter((d) => d >= window.before[0] && d <= window.before[1]).length;
  c.after += dates.filter((d) => d >= window.after[0] && d <= window.after[1]).length;
}

function census(size: number): Census {
  const options = optionsFor(size);
  const c: Census = {
    missing: counts(),
    arrests: counts(),
    charges: counts(),
    emergency: counts(),
    residentialDays: counts(),
    sdqAtEntry: [],
    sdqLater: [],
    sdqOutOfRange: [],
  };
  for (const { person, socialCare, police, health } of seededPopulation(options, ['socialCare', 'police', 'health'])) {
    for (const s of rowsOf(health, SdqScore)) {
      const age = ageOn(person.dateOfBirth, s.completedOn);
      if (age < 4 || age > 16) c.sdqOutOfRange.push(`${person.id} aged ${age}`);
    }
    const referredOn = person.nwdJourney?.referredOn;
    if (!referredOn) continue;
    for (const s of rowsOf(health, SdqScore)) {
      if (s.completedOn <= addMonths(referredOn, 3)) c.sdqAtEntry.push(s.total);
      else if (s.completedOn >= addMonths(referredOn, 6)) c.sdqLater.push(s.total);
    }
    const window = sixMonthsAround(referredOn);
    if (window.after[1] >= options.asOf) continue; // not yet six months after referral
    const from = window.before[0];
    // Police hold missing reports from age 11 over three years, arrests from the PNC record's year (and age 10).
    if (from >= addMonths(options.asOf, -36) && from >= addMonths(person.dateOfBirth, 132) && rowsOf(police, MissingEpisode).length) {
      tally(
        c.missing,
        rowsOf(police, MissingEpisode).map((e) => ukDate(e.reportedAt)),
        window,
      );
    }
    const pncYear = person.pncId?.slice(0, 4);
    if (pncYear && from >= `${pncYear}-01-01` && from >= addMonths(person.dateOfBirth, 120) && police.length) {
      const arrests = rowsOf(police, Arrest);
      tally(
        c.arrests,
        arrests.map((a) => a.arrestedOn),
        window,
      );
      tally(
        c.charges,
        arrests.filter((a) => a.outcome === ArrestOutcome.CHARGED).map((a) => a.arrestedOn),
        window,
      );
    }
    if (from >= addMonths(options.asOf, -24) && health.length) {
      tally(
        c.emergency,
        rowsOf(health, EmergencyAttendance).map((a) => a.attendedOn),
        window,
      );
    }
    if (person.status === 'LOOKED_AFTER' && person.statusSince <= from) {
      const residential = rowsOf(socialCare, PlacementEpisode).filter((p) => RESIDENTIAL.has(p.placementType));
      c.residentialDays.people++;
      for (const p of residential) {
        c.residentialDays.before += daysWithin(p, ...window.before);
        c.residentialDays.after += daysWithin(p, ...window.after);
      }
    }
  }
  return c;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe.each(SIZES)('NWD outcomes before and after referral in a population of %i', (size) => {
  let c: Census;
  // Small groups at the default size: wider tolerances there.
  const sdqTolerance = size < 1000 ? 2.5 : 0.8;
  beforeAll(() => {
    c = census(size);
  });

  it.each([
    ['missing episodes (police reports)', 'missing'],
    ['arrests', 'arrests'],
    ['charges', 'charges'],
    ['A&E attendances', 'emergency'],
    ['days in residential care (K2/R1)', 'residentialDays'],
  ] as const)('has fewer %s in the six months after referral than in the six before', (_label, measure) => {
    const { before, after, people } = c[measure];
    expect(people).toBeGreaterThanOrEqual(size * 0.01);
    expect(before).toBeGreaterThan(0);
    expect(after).toBeLessThan(before * fall(size));
  });

  it('charges a smaller share of arrests after referral than before (North Yorkshire: 82 % falling to about half)', () => {
    expect(c.charges.after / c.arrests.after).toBeLessThan(c.charges.before / c.arrests.before);
  });

  it('scores SDQ about 17.9 at entry to NWD and about 16.3 later (002:1052)', () => {
    expect(c.sdqAtEntry.length).toBeGreaterThanOrEqual(size * 0.03);
    expect(c.sdqLater.length).toBeGreaterThanOrEqual(size * 0.02);
    expect(Math.abs(mean(c.sdqAtEntry) - 17.9)).toBeLessThanOrEqual(sdqTolerance);
    expect(Math.abs(mean(c.sdqLater) - 16.3)).toBeLessThanOrEqual(sdqTolerance);
    expect(mean(c.sdqAtEntry)).toBeGreaterThan(mean(c.sdqLater));
  });

  it('records SDQ scores only for ages 4 to 16 (SSDA903)', () => {
    expect(c.sdqOutOfRange).toEqual([]);
  });
});
