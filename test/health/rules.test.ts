import { TimelinessStatus } from '../../kit/subgraph/graphql/timeliness';
import { CamhsReferralDecision, HealthInvolvementStatus, SdqBand } from '../../subgraphs/health/enums';
import { dentalCheckTimeliness } from '../../subgraphs/health/rules/dental-check';
import { initialHealthAssessmentDue, initialHealthAssessmentTimeliness } from '../../subgraphs/health/rules/initial-health-assessment';
import { involvementStatus } from '../../subgraphs/health/rules/involvement';
import { latest } from '../../subgraphs/health/rules/latest';
import { nextReviewDue, reviewHealthAssessmentTimeliness } from '../../subgraphs/health/rules/review-health-assessment';
import { assertSdqTotal, sdqBand } from '../../subgraphs/health/rules/sdq';

const { UP_TO_DATE, DUE_SOON, OVERDUE, NOT_APPLICABLE } = TimelinessStatus;

describe('initial health assessment: due 20 working days after entering care', () => {
  // Monday 2 November 2026 + 20 working days (four whole weeks) = Monday 30 November 2026.
  const entered = '2026-11-02';
  const due = '2026-11-30';
  const notDone = [{ completedOn: null }];

  it('counts working days, skipping weekends', () => {
    expect(initialHealthAssessmentDue(entered)).toBe(due);
    expect(initialHealthAssessmentDue('2026-11-06')).toBe('2026-12-04'); // Friday -> Friday four weeks on
    expect(initialHealthAssessmentDue('2026-11-07')).toBe('2026-12-04'); // Saturday: the clock starts Monday
  });

  it.each([
    ['2026-11-02', DUE_SOON], // the day care began: due within 28 days
    ['2026-11-29', DUE_SOON], // the day before the due date
    ['2026-11-30', DUE_SOON], // on the due date: not yet overdue
    ['2026-12-01', OVERDUE], // the day after
  ])('not done, seen on %s -> %s', (today, status) => {
    expect(initialHealthAssessmentTimeliness(notDone, entered, today)).toEqual({ status, dueDate: due, lastDone: null });
  });

  it('is UP_TO_DATE once done, on time or late; lastDone shows which', () => {
    expect(initialHealthAssessmentTimeliness([{ completedOn: due }], entered, '2027-01-10')).toEqual({
      status: UP_TO_DATE,
      dueDate: due,
      lastDone: due,
    });
    expect(initialHealthAssessmentTimeliness([{ completedOn: '2026-12-01' }], entered, '2027-01-10')).toEqual({
      status: UP_TO_DATE,
      dueDate: due,
      lastDone: '2026-12-01',
    });
  });

  it('ignores an assessment from before this period of care', () => {
    expect(initialHealthAssessmentTimeliness([{ completedOn: '2026-11-01' }], entered, '2026-12-01').status).toBe(OVERDUE);
  });

  it('is NOT_APPLICABLE when not looked after', () => {
    expect(initialHealthAssessmentTimeliness([], null, '2026-12-01')).toEqual({ status: NOT_APPLICABLE, dueDate: null, lastDone: null });
  });
});

describe('review health assessment: every 6 months under 5, every 12 months from 5', () => {
  const dateOfBirth = '2021-06-15'; // fifth birthday 2026-06-15
  const care = { dateOfBirth, enteredCareOn: '2026-01-05' };

  it('uses 6 months when the child was under 5 on the last assessment (the day before the fifth birthday)', () => {
    expect(nextReviewDue('2026-06-14', dateOfBirth)).toBe('2026-12-14');
  });

  it('uses 12 months from the fifth birthday itself', () => {
    expect(nextReviewDue('2026-06-15', dateOfBirth)).toBe('2027-06-15');
    expect(nextReviewDue('2026-06-16', dateOfBirth)).toBe('2027-06-16');
  });

  it.each([
    ['2026-12-13', DUE_SOON],
    ['2026-12-14', DUE_SOON], // on the due date: not overdue
    ['2026-12-15', OVERDUE], // the day after
  ])('last assessed aged 4 on 2026-06-14, seen on %s -> %s', (today, status) => {
    const t = reviewHealthAssessmentTimeliness([{ completedOn: '2026-02-01' }], [{ assessedOn: '2026-06-14' }], care, today);
    expect(t).toEqual({ status, dueDate: '2026-12-14', lastDone: '2026-06-14' });
  });

  it.each([
    ['2027-06-14', DUE_SOON],
    ['2027-06-15', DUE_SOON],
    ['2027-06-16', OVERDUE],
  ])('last assessed on the fifth birthday, seen on %s -> %s', (today, status) => {
    expect(reviewHealthAssessmentTimeliness([{ completedOn: '2026-06-15' }], [], care, today)).toEqual({
      status,
      dueDate: '2027-06-15',
      lastDone: '2026-06-15',
    });
  });

  it('is UP_TO_DATE when the next review is more than 28 days away', () => {
    expect(reviewHealthAssessmentTimeliness([{ completedOn: '2026-06-15' }], [], care, '2027-05-17').status).toBe(UP_TO_DATE);
    expect(reviewHealthAssessmentTimeliness([{ completedOn: '2026-06-15' }], [], care, '2027-05-18').status).toBe(DUE_SOON);
  });

  it('counts from the latest assessment, initial or review', () => {
    const t = reviewHealthAssessmentTimeliness([{ completedOn: '2026-08-01' }], [{ assessedOn: '2026-07-01' }], care, '2026-09-01');
    expect(t.lastDone).toBe('2026-08-01');
    expect(t.dueDate).toBe('2027-08-01');
  });

  it('is NOT_APPLICABLE when not looked after, or before any assessment in this period of care', () => {
    expect(
      reviewHealthAssessmentTimeliness([{ completedOn: '2026-06-15' }], [], { dateOfBirth, enteredCareOn: null }, '2026-09-01').status,
    ).toBe(NOT_APPLICABLE);
    expect(reviewHealthAssessmentTimeliness([{ completedOn: null }], [], care, '2026-09-01').status).toBe(NOT_APPLICABLE);
    expect(reviewHealthAssessmentTimeliness([], [{ assessedOn: '2025-12-01' }], care, '2026-09-01').status).toBe(NOT_APPLICABLE);
  });
});

describe('dental check within the last 12 months', () => {
  const dateOfBirth = '2015-03-10';
  const today = '2026-11-23';
  const check = (checkedOn: string) => [{ checkedOn }];

  it.each([
    ['2025-11-22', OVERDUE, '2026-11-22'], // 12 months and a day ago
    ['2025-11-23', DUE_SOON, '2026-11-23'], // exactly addMonths(today, -12): still counts
    ['2025-11-24', DUE_SOON, '2026-11-24'],
    ['2026-06-01', UP_TO_DATE, '2027-06-01'],
  ])('last check %s -> %s, due %s', (checkedOn, status, dueDate) => {
    expect(dentalCheckTimeliness(check(checkedOn), dateOfBirth, today)).toEqual({ status, dueDate, lastDone: checkedOn });
  });

  it('uses the latest check', () => {
    expect(dentalCheckTimeliness([{ checkedOn: '2024-01-01' }, { checkedOn: '2026-06-01' }], dateOfBirth, today).lastDone).toBe(
      '2026-06-01',
    );
  });

  it('counts a check exactly 12 months before 29 February (month-end clamping) as within the year', () => {
    // addMonths('2028-02-29', -12) = '2027-02-28', and '2027-02-28' + 12 months = '2028-02-28'.
    expect(dentalCheckTimeliness(check('2027-02-28'), dateOfBirth, '2028-02-29').status).toBe(DUE_SOON);
    expect(dentalCheckTimeliness(check('2027-02-27'), dateOfBirth, '2028-02-29').status).toBe(OVERDUE);
  });

  it.each([
    ['2026-06-01', UP_TO_DATE, '2027-06-01'], // a baby: due by the first birthday
    ['2025-11-24', DUE_SOON, '2026-11-24'], // first birthday tomorrow
    ['2025-11-23', DUE_SOON, '2026-11-23'], // first birthday today: not yet overdue
    ['2025-11-22', OVERDUE, '2026-11-22'], // first birthday yesterday
  ])('never checked, born %s -> %s (due %s)', (born, status, dueDate) => {
    expect(dentalCheckTimeliness([], born, today)).toEqual({ status, dueDate, lastDone: null });
  });
});

describe('SDQ band from the total difficulties score', () => {
  it.each([
    [0, SdqBand.NORMAL],
    [13, SdqBand.NORMAL],
    [14, SdqBand.BORDERLINE],
    [16, SdqBand.BORDERLINE],
    [17, SdqBand.CAUSE_FOR_CONCERN],
    [40, SdqBand.CAUSE_FOR_CONCERN],
  ])('%i -> %s', (total, band) => {
    expect(sdqBand(total)).toBe(band);
  });

  it.each([-1, 41, 13.5, Number.NaN])('refuses %p: not a total from 0 to 40', (total) => {
    expect(() => assertSdqTotal(total)).toThrow(RangeError);
    expect(() => sdqBand(total)).toThrow('0 to 40');
  });
});

describe('involvement status from dates', () => {
  const today = '2026-11-23';
  const referral = { startedOn: null, endedOn: null };

  it.each([
    [{ ...referral }, HealthInvolvementStatus.AWAITING_DECISION],
    [{ ...referral, decision: CamhsReferralDecision.DECLINED, decidedOn: today }, HealthInvolvementStatus.DECLINED],
    [{ ...referral, decision: CamhsReferralDecision.DECLINED, decidedOn: '2026-11-24' }, HealthInvolvementStatus.AWAITING_DECISION],
    [{ ...referral, decision: CamhsReferralDecision.ACCEPTED, decidedOn: '2026-11-01' }, HealthInvolvementStatus.WAITING_TO_START],
    [{ startedOn: '2026-11-24', endedOn: null }, HealthInvolvementStatus.WAITING_TO_START],
    [{ startedOn: today, endedOn: null }, HealthInvolvementStatus.OPEN],
    [{ startedOn: '2026-01-01', endedOn: '2026-11-24' }, HealthInvolvementStatus.OPEN],
    [{ startedOn: '2026-01-01', endedOn: today }, HealthInvolvementStatus.CLOSED],
  ])('%j -> %s', (dates, status) => {
    expect(involvementStatus(dates, today)).toBe(status);
  });
});

describe('latest record', () => {
  it('picks the latest date, skipping nulls; null for none', () => {
    const rows = [{ d: '2026-01-01' }, { d: null }, { d: '2026-03-01' }, { d: '2025-12-31' }];
    expect(latest(rows, (r) => r.d)).toBe(rows[2]);
    expect(latest([], (r: { d: string }) => r.d)).toBeNull();
  });
});
