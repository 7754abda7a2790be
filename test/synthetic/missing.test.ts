import { addMonths, ageOn, ukDate } from '../../kit/subgraph/dates';
import { MissingEpisode, Nominal } from '../../subgraphs/police/entities';
import { MissingFromCareEpisode } from '../../subgraphs/social-care/entities/episodes';
import { optionsFor, percent, rowsOf, seededPopulation, SIZES } from './support';

/**
 * Missing episodes agree across agencies (DOMAIN.md "Plausibility rules"): one that social care records
 * (SSDA903 missing or absent) is also a police missing report, for the same child and starting at the
 * same minute, so the police record at least as many; and about 1 in 9 looked-after children goes
 * missing in a year.
 */

interface Census {
  lookedAfter: number;
  /** Looked-after children with a missing episode recorded by social care in the last 12 months. */
  wentMissingThisYear: number;
  socialCareEpisodes: number;
  /** Children social care records going missing who have no PNC ID (the police could not be asked). */
  withoutPncId: string[];
  /** Social care episodes the police hold no report of (same child, same minute), where the police hold the child. */
  unmatched: string[];
  /** Children for whom social care records more episodes than the police. */
  moreInSocialCare: string[];
  /** Reports about children under 10. */
  underTen: string[];
  childrenWithPoliceOnlyEpisodes: number;
}

function census(size: number): Census {
  const options = optionsFor(size);
  const yearAgo = addMonths(options.asOf, -12);
  const c: Census = {
    lookedAfter: 0,
    wentMissingThisYear: 0,
    socialCareEpisodes: 0,
    withoutPncId: [],
    unmatched: [],
    moreInSocialCare: [],
    underTen: [],
    childrenWithPoliceOnlyEpisodes: 0,
  };
  for (const { person, socialCare, police } of seededPopulation(options, ['socialCare', 'police'])) {
    const ours = rowsOf(socialCare, MissingFromCareEpisode);
    const theirs = rowsOf(police, MissingEpisode);
    c.socialCareEpisodes += ours.length;
    if (person.status === 'LOOKED_AFTER') {
      c.lookedAfter++;
      if (ours.some((e) => ukDate(e.startedAt) >= yearAgo)) c.wentMissingThisYear++;
    }
    for (const e of theirs) if (ageOn(person.dateOfBirth, ukDate(e.reportedAt)) < 10) c.underTen.push(person.id);
    if (theirs.length > ours.length) c.childrenWithPoliceOnlyEpisodes++;
    if (ours.length === 0) continue;
    if (!person.pncId) c.withoutPncId.push(person.id);
    if (rowsOf(police, Nominal).length === 0) continue; // the police do not hold this child's record
    const reported = new Set(theirs.map((e) => e.reportedAt.getTime()));
    for (const e of ours) if (!reported.has(e.startedAt.getTime())) c.unmatched.push(`${person.id} ${e.startedAt.toISOString()}`);
    if (ours.length > theirs.length) c.moreInSocialCare.push(person.id);
  }
  return c;
}

describe.each(SIZES)('missing episodes in a population of %i', (size) => {
  let c: Census;
  beforeAll(() => {
    c = census(size);
  });

  it('records every missing episode social care holds as a police report of the same child at the same minute', () => {
    expect(c.socialCareEpisodes).toBeGreaterThan(size * 0.1);
    expect(c.withoutPncId).toEqual([]);
    expect(c.unmatched).toEqual([]);
  });

  it('has the police record at least as many episodes as social care for each child, and some social care does not (not looked after then)', () => {
    expect(c.moreInSocialCare).toEqual([]);
    expect(c.childrenWithPoliceOnlyEpisodes).toBeGreaterThan(0);
  });

  it('has about 1 in 9 looked-after children go missing in a year', () => {
    const share = percent(c.wentMissingThisYear, c.lookedAfter);
    expect(share).toBeGreaterThanOrEqual(size < 1000 ? 7 : 8);
    expect(share).toBeLessThanOrEqual(size < 1000 ? 16 : 14);
  });

  it('reports no child under 10 missing', () => {
    expect(c.underTen).toEqual([]);
  });
});
