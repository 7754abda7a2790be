import type { ReportingPeriod } from '../../kit/subgraph/access/access-grant';
import { shownOutcomes } from '../../kit/subgraph/outcomes/figures';
import { countPoliceOutcomes, type NominalFacts } from '../../subgraphs/police/rules/outcomes';
import { CaseStatus, NwdClosureOutcome } from '../../subgraphs/social-care/enums';
import { countSocialCareOutcomes, type PersonFacts } from '../../subgraphs/social-care/rules/outcomes';

/**
 * Published children's statistics hide a figure with fewer than five children behind it: children,
 * not events. A child referred to No Wrong Door twice, or missing five times, is still one child, and
 * a figure about them must be suppressed for anyone but the agency's reporting staff however many
 * records they have. These cohorts are made by hand so that events outnumber children.
 */
const QUARTER: ReportingPeriod = { from: '2026-07-01', to: '2026-09-30' };

/** A missing episode ended in the quarter, a return home interview offered so many hours after the child was found (null: none). */
function episode(offeredAfterHours: number | null): NominalFacts['missingEpisodes'][number] {
  const foundAt = new Date('2026-08-02T10:00:00Z');
  return {
    reportedAt: new Date('2026-08-01T20:00:00Z'),
    foundAt,
    interviewOfferedAt: offeredAfterHours === null ? null : new Date(foundAt.getTime() + offeredAfterHours * 3_600_000),
  };
}

/** What a board member sees of police's figure for the quarter. */
const policeFigure = (cohort: NominalFacts[], code: string) =>
  shownOutcomes('test', countPoliceOutcomes(cohort, [QUARTER]), [QUARTER], false).measures.find((m) => m.code === code)!.figures[0];

/** What a corporate parenting board member sees of a measure's one figure. */
const seenByBoard = (counted: ReturnType<typeof countSocialCareOutcomes>, code: string, category: string | null = null) =>
  shownOutcomes('test', counted, [QUARTER], false).measures.find((m) => m.code === code && (m.category ?? null) === category)!.figures[0];

/** A young person with NWD involvements: each referred, supported from the day given and closed with `outcome` on the day given. */
function referredChild(involvements: { supported?: string; closed?: string; outcome?: NwdClosureOutcome }[]): PersonFacts {
  return {
    referredOn: '2026-01-05',
    involvements: involvements.map(({ supported, closed, outcome }) => ({
      referredOn: '2026-01-05',
      supportStartedOn: supported ?? null,
      closedOn: closed ?? null,
      closureOutcome: outcome ?? null,
    })),
    statuses: [],
    placements: [],
    missingFromCare: [],
  };
}

describe('small numbers are counted in children, not records', () => {
  it('suppresses closures by outcome when six involvements closed in the quarter belong to three young people', () => {
    const twice = { closed: '2026-08-01', outcome: NwdClosureOutcome.REMAINED_AT_HOME };
    const cohort = [1, 2, 3].map(() => referredChild([twice, { ...twice, closed: '2026-09-01' }]));
    const figure = seenByBoard(countSocialCareOutcomes(cohort, [QUARTER]), 'NWD_CLOSURE_OUTCOME', NwdClosureOutcome.REMAINED_AT_HOME);
    expect(figure).toMatchObject({ suppressed: true, numerator: null, value: null });
    // Six different young people are enough: the figure shows.
    const six = [1, 2, 3, 4, 5, 6].map(() => referredChild([twice]));
    expect(seenByBoard(countSocialCareOutcomes(six, [QUARTER]), 'NWD_CLOSURE_OUTCOME', NwdClosureOutcome.REMAINED_AT_HOME)).toMatchObject({
      suppressed: false,
      numerator: 6,
    });
  });

  it('hides every closure outcome in a quarter when its closures are three young people’s, even the outcomes none had', () => {
    const twice = { closed: '2026-08-01', outcome: NwdClosureOutcome.REMAINED_AT_HOME };
    const cohort = [1, 2, 3].map(() => referredChild([twice, { ...twice, closed: '2026-09-01' }]));
    const counted = countSocialCareOutcomes(cohort, [QUARTER]);
    // "0 of 6" moved away would tell a board member where all three went.
    for (const outcome of Object.values(NwdClosureOutcome))
      expect([outcome, seenByBoard(counted, 'NWD_CLOSURE_OUTCOME', outcome).suppressed]).toEqual([outcome, true]);
  });

  it('hides every closure outcome in a quarter when one is hidden: the rest and their total would give it away', () => {
    const closed = (outcome: NwdClosureOutcome) => referredChild([{ closed: '2026-08-01', outcome }]);
    // Twelve young people: ten remained at home, two moved away (too few to show).
    const cohort = [
      ...Array.from({ length: 10 }, () => closed(NwdClosureOutcome.REMAINED_AT_HOME)),
      ...[1, 2].map(() => closed(NwdClosureOutcome.MOVED_AWAY)),
    ];
    const counted = countSocialCareOutcomes(cohort, [QUARTER]);
    expect(seenByBoard(counted, 'NWD_CLOSURE_OUTCOME', NwdClosureOutcome.MOVED_AWAY).suppressed).toBe(true);
    expect(seenByBoard(counted, 'NWD_CLOSURE_OUTCOME', NwdClosureOutcome.REMAINED_AT_HOME)).toMatchObject({
      suppressed: true,
      numerator: null,
    });
    // The auditor, who sees figures in full, sees them all.
    const full = shownOutcomes('test', counted, [QUARTER], true).measures.find((m) => m.category === NwdClosureOutcome.REMAINED_AT_HOME)!;
    expect(full.figures[0]).toMatchObject({ suppressed: false, numerator: 10, denominator: 12 });
  });

  it('hides "entered care" when all but fewer than five of the edge-of-care group did: the rest are named by it', () => {
    const onTheEdge = (enteredCare: boolean): PersonFacts => ({
      ...referredChild([{}]),
      statuses: [
        { status: CaseStatus.EDGE_OF_CARE, startDate: '2025-12-01', endDate: enteredCare ? '2026-02-28' : null },
        ...(enteredCare ? [{ status: CaseStatus.LOOKED_AFTER, startDate: '2026-03-01', endDate: null }] : []),
      ],
    });
    const cohort = [...Array.from({ length: 38 }, () => onTheEdge(true)), onTheEdge(false), onTheEdge(false)];
    const counted = countSocialCareOutcomes(cohort, [QUARTER]);
    // "38 of 40 entered care" says two remained at home as plainly as "2 of 40" would.
    expect(seenByBoard(counted, 'ENTERED_CARE_AFTER_REFERRAL')).toMatchObject({ suppressed: true, numerator: null });
    expect(seenByBoard(counted, 'REMAINED_AT_HOME_OR_WITH_FAMILY').suppressed).toBe(true);
    expect(
      shownOutcomes('test', counted, [QUARTER], true).measures.find((m) => m.code === 'ENTERED_CARE_AFTER_REFERRAL')!.figures[0],
    ).toMatchObject({
      numerator: 38,
      denominator: 40,
    });
  });

  it('suppresses the days from referral to support when the supports started in the quarter are two young people’s', () => {
    const cohort = [1, 2].map(() => referredChild([{ supported: '2026-07-10' }, { supported: '2026-08-10' }, { supported: '2026-09-10' }]));
    expect(seenByBoard(countSocialCareOutcomes(cohort, [QUARTER]), 'NWD_REFERRAL_TO_SUPPORT_DAYS')).toMatchObject({ suppressed: true });
  });

  it('suppresses return home interviews in time when only one child, of six found in the quarter, was offered one', () => {
    const nominal = (offeredAfterHours: number | null): NominalFacts => ({
      referredOn: null,
      missingEpisodes: [episode(offeredAfterHours)],
      arrests: [],
      charges: [],
    });
    // Five children offered one too late (after 72 hours), one in time: "1 of 6" would point at that child.
    const cohort = [nominal(24), ...[1, 2, 3, 4, 5].map(() => nominal(100))];
    expect(policeFigure(cohort, 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS')).toMatchObject({ suppressed: true, numerator: null });
  });

  it('suppresses them when three children, each offered one in time once, were not offered one twice', () => {
    const child = (hours: number[]): NominalFacts => ({ referredOn: null, missingEpisodes: hours.map(episode), arrests: [], charges: [] });
    // Ten children always offered one in time; three offered one once and too late twice: the three are what is left out.
    const cohort = [...Array.from({ length: 10 }, () => child([24])), ...[1, 2, 3].map(() => child([24, 100, 100]))];
    expect(policeFigure(cohort, 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS')).toMatchObject({ suppressed: true });
  });

  it('suppresses them when all but one child were offered one in time, however many times that child went missing', () => {
    const offeredInTime = (): NominalFacts => ({ referredOn: null, missingEpisodes: [episode(24)], arrests: [], charges: [] });
    // One child found six times, never offered an interview in time; six others each offered one: "6 of 12" would point at that child.
    const missedSixTimes: NominalFacts = {
      referredOn: null,
      missingEpisodes: [1, 2, 3, 4, 5, 6].map(() => episode(100)),
      arrests: [],
      charges: [],
    };
    const cohort = [missedSixTimes, ...[1, 2, 3, 4, 5, 6].map(offeredInTime)];
    expect(policeFigure(cohort, 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS')).toMatchObject({ suppressed: true, numerator: null });
  });
});
