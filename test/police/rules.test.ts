import { TimelinessStatus } from '../../kit/subgraph/graphql/timeliness';
import { ReasonableGroundsOutcome, ReturnHomeInterviewStatus } from '../../subgraphs/police/enums';
import { checkGravityScore, isGravityScore } from '../../subgraphs/police/rules/gravity';
import {
  conclusiveGroundsAfterRecoveryPeriod,
  conclusiveGroundsEarliestOn,
  reasonableGroundsDecidedInTime,
  reasonableGroundsDueOn,
  reasonableGroundsTimeliness,
  type NrmDates,
} from '../../subgraphs/police/rules/nrm';
import {
  arrestsInLastSixMonths,
  inLastSixMonths,
  isCurrentlyMissing,
  missingEpisodesInLastSixMonths,
} from '../../subgraphs/police/rules/recent';
import { returnHomeInterviewDueBy, returnHomeInterviewStatus } from '../../subgraphs/police/rules/return-home-interview';

const at = (iso: string) => new Date(iso);

describe('return home interview: offered within 72 hours of being found', () => {
  const found = { foundAt: at('2026-11-20T10:00:00Z') };
  const offer = (iso: string) => ({ offeredAt: at(iso) });

  it('is due 72 hours after the child was found, not 3 calendar days', () => {
    expect(returnHomeInterviewDueBy(found)).toEqual(at('2026-11-23T10:00:00Z'));
    // Across the clocks going forward (29 March 2026) 72 hours is still 72 hours.
    expect(returnHomeInterviewDueBy({ foundAt: at('2026-03-28T10:00:00Z') })).toEqual(at('2026-03-31T10:00:00Z'));
  });

  it('counts an offer at 72 hours exactly as in time and one a minute later as late', () => {
    const now = at('2026-12-01T00:00:00Z');
    expect(returnHomeInterviewStatus(found, offer('2026-11-23T09:59:00Z'), now)).toBe(ReturnHomeInterviewStatus.OFFERED_IN_TIME);
    expect(returnHomeInterviewStatus(found, offer('2026-11-23T10:00:00Z'), now)).toBe(ReturnHomeInterviewStatus.OFFERED_IN_TIME);
    expect(returnHomeInterviewStatus(found, offer('2026-11-23T10:01:00Z'), now)).toBe(ReturnHomeInterviewStatus.OFFERED_LATE);
  });

  it('is DUE until 72 hours have passed without an offer, then OVERDUE', () => {
    expect(returnHomeInterviewStatus(found, null, at('2026-11-20T10:00:00Z'))).toBe(ReturnHomeInterviewStatus.DUE);
    expect(returnHomeInterviewStatus(found, null, at('2026-11-23T09:59:00Z'))).toBe(ReturnHomeInterviewStatus.DUE);
    expect(returnHomeInterviewStatus(found, null, at('2026-11-23T10:00:00Z'))).toBe(ReturnHomeInterviewStatus.DUE);
    expect(returnHomeInterviewStatus(found, null, at('2026-11-23T10:01:00Z'))).toBe(ReturnHomeInterviewStatus.OVERDUE);
  });

  it('does not apply while the child is still missing', () => {
    const missing = { foundAt: null };
    expect(returnHomeInterviewDueBy(missing)).toBeNull();
    expect(returnHomeInterviewStatus(missing, null, at('2026-11-30T00:00:00Z'))).toBe(ReturnHomeInterviewStatus.NOT_APPLICABLE);
  });
});

describe('NRM: reasonable grounds decision within 5 working days of referral', () => {
  const referral = (referredOn: string, decidedOn: string | null = null): NrmDates => ({
    referredOn,
    reasonableGroundsDecisionOn: decidedOn,
    reasonableGroundsOutcome: decidedOn ? ReasonableGroundsOutcome.POSITIVE : null,
    conclusiveGroundsDecisionOn: null,
  });

  it('counts Monday to Friday only', () => {
    expect(reasonableGroundsDueOn({ referredOn: '2026-11-16' })).toBe('2026-11-23'); // Monday -> next Monday
    expect(reasonableGroundsDueOn({ referredOn: '2026-11-20' })).toBe('2026-11-27'); // Friday -> next Friday
    expect(reasonableGroundsDueOn({ referredOn: '2026-11-21' })).toBe('2026-11-27'); // Saturday -> Friday
  });

  it('is due soon the day before and on the due day, overdue the day after, while undecided', () => {
    const r = referral('2026-11-16');
    expect(reasonableGroundsTimeliness(r, '2026-11-22')).toEqual({
      status: TimelinessStatus.DUE_SOON,
      dueDate: '2026-11-23',
      lastDone: null,
    });
    expect(reasonableGroundsTimeliness(r, '2026-11-23').status).toBe(TimelinessStatus.DUE_SOON);
    expect(reasonableGroundsTimeliness(r, '2026-11-24').status).toBe(TimelinessStatus.OVERDUE);
  });

  it('is up to date once decided, and says whether the decision was in time', () => {
    expect(reasonableGroundsTimeliness(referral('2026-11-16', '2026-11-30'), '2026-12-01')).toEqual({
      status: TimelinessStatus.UP_TO_DATE,
      dueDate: '2026-11-23',
      lastDone: '2026-11-30',
    });
    expect(reasonableGroundsDecidedInTime(referral('2026-11-16', '2026-11-22'))).toBe(true);
    expect(reasonableGroundsDecidedInTime(referral('2026-11-16', '2026-11-23'))).toBe(true);
    expect(reasonableGroundsDecidedInTime(referral('2026-11-16', '2026-11-24'))).toBe(false);
    expect(reasonableGroundsDecidedInTime(referral('2026-11-16'))).toBeNull();
  });
});

describe('NRM: conclusive grounds decision not before the 30-day recovery period', () => {
  const decided = (conclusiveOn: string | null, outcome = ReasonableGroundsOutcome.POSITIVE): NrmDates => ({
    referredOn: '2026-01-05',
    reasonableGroundsDecisionOn: '2026-01-10',
    reasonableGroundsOutcome: outcome,
    conclusiveGroundsDecisionOn: conclusiveOn,
  });

  it('may be made from 30 days after a positive reasonable grounds decision', () => {
    expect(conclusiveGroundsEarliestOn(decided(null))).toBe('2026-02-09');
    expect(conclusiveGroundsAfterRecoveryPeriod(decided('2026-02-08'))).toBe(false);
    expect(conclusiveGroundsAfterRecoveryPeriod(decided('2026-02-09'))).toBe(true);
    expect(conclusiveGroundsAfterRecoveryPeriod(decided('2026-02-10'))).toBe(true);
  });

  it('has no conclusive stage before a decision, or after a negative one', () => {
    expect(conclusiveGroundsAfterRecoveryPeriod(decided(null))).toBeNull();
    expect(conclusiveGroundsEarliestOn(decided(null, ReasonableGroundsOutcome.NEGATIVE))).toBeNull();
    expect(conclusiveGroundsEarliestOn({ ...decided(null), reasonableGroundsDecisionOn: null, reasonableGroundsOutcome: null })).toBeNull();
  });
});

describe('outcome measures: the last six months', () => {
  const today = '2026-11-23';

  it('runs from the same day six months ago to today, both included', () => {
    expect(inLastSixMonths('2026-05-22', today)).toBe(false);
    expect(inLastSixMonths('2026-05-23', today)).toBe(true);
    expect(inLastSixMonths('2026-05-24', today)).toBe(true);
    expect(inLastSixMonths(today, today)).toBe(true);
    expect(inLastSixMonths('2026-11-24', today)).toBe(false);
    // 31 August minus six months is clamped to the end of February.
    expect(inLastSixMonths('2026-02-27', '2026-08-31')).toBe(false);
    expect(inLastSixMonths('2026-02-28', '2026-08-31')).toBe(true);
  });

  it('counts arrests by date', () => {
    const arrests = ['2026-05-22', '2026-05-23', '2026-11-23', '2026-11-24'].map((arrestedOn) => ({ arrestedOn }));
    expect(arrestsInLastSixMonths(arrests, today)).toBe(2);
  });

  it('counts missing episodes by the UK date they were reported', () => {
    const episodes = [
      { reportedAt: at('2026-05-22T22:59:00Z') }, // 23:59 BST on 22 May: outside
      { reportedAt: at('2026-05-22T23:00:00Z') }, // 00:00 BST on 23 May: inside
      { reportedAt: at('2026-11-23T11:00:00Z') },
    ];
    expect(missingEpisodesInLastSixMonths(episodes, today)).toBe(2);
  });

  it('is currently missing only with an open episode reported by now', () => {
    const now = at('2026-11-23T12:00:00Z');
    const found = { reportedAt: at('2026-11-01T10:00:00Z'), foundAt: at('2026-11-01T20:00:00Z') };
    expect(isCurrentlyMissing([found], now)).toBe(false);
    expect(isCurrentlyMissing([found, { reportedAt: at('2026-11-23T12:00:00Z'), foundAt: null }], now)).toBe(true);
    expect(isCurrentlyMissing([{ reportedAt: at('2026-11-23T12:01:00Z'), foundAt: null }], now)).toBe(false);
  });
});

describe('YJS gravity score', () => {
  it('accepts 1 to 8 and nothing else', () => {
    expect([0, 1, 8, 9, 3.5].map(isGravityScore)).toEqual([false, true, true, false, false]);
    expect(checkGravityScore(1)).toBe(1);
    expect(checkGravityScore(8)).toBe(8);
    expect(() => checkGravityScore(0)).toThrow(RangeError);
    expect(() => checkGravityScore(9)).toThrow(/1 to 8/);
  });
});
