import { chronologyEntry, Significance } from '../../kit/subgraph/graphql/chronology';
import { TimelinessStatus } from '../../kit/subgraph/graphql/timeliness';
import { EetGroup, PostSixteenActivity, RollStatus, SchoolTerm } from '../../subgraphs/education/enums';
import { attendancePercentage, isPersistentlyAbsent, persistentlyAbsentThisYear } from '../../subgraphs/education/rules/attendance';
import { educationChronology, type EducationHistory } from '../../subgraphs/education/rules/chronology';
import { currentEnrolment } from '../../subgraphs/education/rules/enrolment';
import { currentEpisode, isCurrent } from '../../subgraphs/education/rules/episodes';
import { pepTimeliness, pepWithinLastSixMonths } from '../../subgraphs/education/rules/pep';
import { eetGroupOf, meetsParticipationDuty } from '../../subgraphs/education/rules/post-sixteen';
import { ehcpDueDate, ehcpIssuedWithinTwentyWeeks } from '../../subgraphs/education/rules/sen';
import { academicYearOf, termEnd, termOf, termsBetween, termStart } from '../../subgraphs/education/rules/terms';
import { nationalCurriculumYear, yearGroupOn } from '../../subgraphs/education/rules/year-group';
import { weekdaysBetween } from '../../subgraphs/education/seeding/calendar';

describe('terms (fixed boundaries: Autumn 1 Sep-31 Dec, Spring 1 Jan-31 Mar, Summer 1 Apr-31 Aug)', () => {
  it.each([
    ['2026-08-31', 2025, SchoolTerm.SUMMER],
    ['2026-09-01', 2026, SchoolTerm.AUTUMN],
    ['2026-12-31', 2026, SchoolTerm.AUTUMN],
    ['2027-01-01', 2026, SchoolTerm.SPRING],
    ['2027-03-31', 2026, SchoolTerm.SPRING],
    ['2027-04-01', 2026, SchoolTerm.SUMMER],
  ])('%s is in the %s/%s term', (date, startYear, term) => {
    expect(termOf(date)).toEqual({ startYear, term });
  });

  it('labels academic years the DfE way and gives term dates', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025/26');
    expect(academicYearOf('2026-09-01')).toBe('2026/27');
    expect(academicYearOf('2099-09-01')).toBe('2099/00');
    expect([termStart({ startYear: 2026, term: SchoolTerm.SPRING }), termEnd({ startYear: 2026, term: SchoolTerm.SPRING })]).toEqual([
      '2027-01-01',
      '2027-03-31',
    ]);
    expect(termsBetween('2026-08-31', '2027-01-01').map((t) => `${t.term} ${t.startYear}`)).toEqual([
      'SUMMER 2025',
      'AUTUMN 2026',
      'SPRING 2026',
    ]);
  });
});

describe('PEP timeliness', () => {
  // Monday 2 Nov 2026 + 20 school days (weekdays) = Monday 30 Nov 2026.
  const enteredCare = '2026-11-02';

  it('is NOT_APPLICABLE when the pupil is not looked after (or not yet)', () => {
    expect(pepTimeliness(['2026-10-01'], null, '2026-11-23')).toMatchObject({
      status: TimelinessStatus.NOT_APPLICABLE,
      dueDate: null,
      lastDone: null,
    });
    expect(pepTimeliness([], '2026-11-24', '2026-11-23').status).toBe(TimelinessStatus.NOT_APPLICABLE);
  });

  it.each([
    ['2026-11-02', TimelinessStatus.DUE_SOON], // the day care began: due within 28 days already
    ['2026-11-29', TimelinessStatus.DUE_SOON], // the day before
    ['2026-11-30', TimelinessStatus.DUE_SOON], // on the due date: not yet overdue
    ['2026-12-01', TimelinessStatus.OVERDUE], // the day after
  ])('first PEP due 20 school days after entering care: on %s it is %s', (today, status) => {
    expect(pepTimeliness([], enteredCare, today)).toEqual(expect.objectContaining({ status, dueDate: '2026-11-30', lastDone: null }));
  });

  it('counts school days as weekdays (entering care on a Friday)', () => {
    expect(pepTimeliness([], '2026-11-06', '2026-11-06').dueDate).toBe('2026-12-04');
  });

  it('ignores PEPs from before this period of care and PEPs dated after today', () => {
    expect(pepTimeliness(['2026-10-01', '2026-12-01'], enteredCare, '2026-11-23')).toMatchObject({ dueDate: '2026-11-30', lastDone: null });
  });

  it('a PEP this term: next due at the end of next term', () => {
    expect(pepTimeliness(['2026-09-20', '2026-10-01'], '2026-09-01', '2026-11-23')).toMatchObject({
      status: TimelinessStatus.UP_TO_DATE,
      dueDate: '2027-03-31',
      lastDone: '2026-10-01',
    });
  });

  it.each([
    ['2026-12-02', TimelinessStatus.UP_TO_DATE], // 29 days before 31 Dec
    ['2026-12-03', TimelinessStatus.DUE_SOON], // 28 days before
    ['2026-12-31', TimelinessStatus.DUE_SOON], // the due date
  ])('a PEP last term: due at the end of this term; on %s it is %s', (today, status) => {
    expect(pepTimeliness(['2026-06-15'], '2025-01-10', today)).toMatchObject({ status, dueDate: '2026-12-31', lastDone: '2026-06-15' });
  });

  it('a PEP two terms ago is OVERDUE, due at the end of the term after it', () => {
    expect(pepTimeliness(['2026-06-15'], '2025-01-10', '2027-01-01')).toMatchObject({
      status: TimelinessStatus.OVERDUE,
      dueDate: '2026-12-31',
    });
  });

  it.each([
    ['2026-08-31', TimelinessStatus.OVERDUE, '2026-12-31'], // last day of summer
    ['2026-09-01', TimelinessStatus.UP_TO_DATE, '2027-03-31'], // first day of autumn
  ])('term boundary: a PEP on %s seen on 1 Jan 2027 is %s', (pep, status, dueDate) => {
    expect(pepTimeliness([pep], '2025-01-10', '2027-01-01')).toMatchObject({ status, dueDate });
  });

  it.each([
    ['2027-03-31', '2027-08-31'], // last day of spring: next due end of summer
    ['2027-04-01', '2027-12-31'], // first day of summer: next due end of autumn
  ])('term boundary: a PEP on %s is next due %s', (pep, dueDate) => {
    expect(pepTimeliness([pep], '2025-01-10', pep).dueDate).toBe(dueDate);
  });
});

describe('PEP within the last 6 months (local KPI)', () => {
  it.each([
    ['2026-05-22', false], // the day before 6 months ago
    ['2026-05-23', true], // exactly 6 months ago: inclusive
    ['2026-05-24', true],
  ])('seen on 23 Nov 2026, a PEP on %s counts: %s', (pep, expected) => {
    expect(pepWithinLastSixMonths([pep], '2020-01-01', '2026-11-23')).toBe(expected);
  });

  it('clamps at month ends (31 Aug - 6 months = 28 Feb) and ignores future PEPs', () => {
    expect(pepWithinLastSixMonths(['2026-02-28'], '2020-01-01', '2026-08-31')).toBe(true);
    expect(pepWithinLastSixMonths(['2026-02-27', '2026-09-01'], '2020-01-01', '2026-08-31')).toBe(false);
  });

  it('is null when not looked after', () => {
    expect(pepWithinLastSixMonths(['2026-10-01'], null, '2026-11-23')).toBeNull();
  });
});

describe('attendance', () => {
  const term = (possible: number, auth: number, unauth: number, academicYear = '2026/27') => ({
    sessionsPossible: possible,
    authorisedAbsence: auth,
    unauthorisedAbsence: unauth,
    academicYear,
  });

  it('computes attendance % to one decimal place', () => {
    expect(attendancePercentage(term(100, 6, 4))).toBe(90);
    expect(attendancePercentage(term(3, 1, 0))).toBe(66.7);
    expect(attendancePercentage(term(0, 0, 0))).toBeNull();
  });

  it.each([
    [9, false],
    [10, true], // exactly 10%
    [11, true],
  ])('persistent absence at 10%%: %i of 100 sessions missed -> %s', (missed, expected) => {
    expect(isPersistentlyAbsent([term(100, missed - 1, 1)])).toBe(expected);
  });

  it('adds terms up before comparing, and is null with no sessions', () => {
    expect(isPersistentlyAbsent([term(100, 20, 0), term(100, 0, 0)])).toBe(true);
    expect(isPersistentlyAbsent([term(100, 19, 0), term(100, 0, 0)])).toBe(false);
    expect(isPersistentlyAbsent([])).toBeNull();
  });

  it('over the current academic year only (the year turns on 1 September)', () => {
    const terms = [term(100, 20, 0, '2025/26'), term(100, 1, 0, '2026/27')];
    expect(persistentlyAbsentThisYear(terms, '2026-08-31')).toBe(true);
    expect(persistentlyAbsentThisYear(terms, '2026-09-01')).toBe(false);
    expect(persistentlyAbsentThisYear(terms, '2027-09-01')).toBeNull();
  });
});

describe('EHC plan issued within 20 weeks', () => {
  // 1 Jan 2026 + 140 days = 21 May 2026.
  it('is due 20 weeks after the request', () => {
    expect(ehcpDueDate('2026-01-01')).toBe('2026-05-21');
  });

  it.each([
    ['2026-05-20', true],
    ['2026-05-21', true], // on the due date
    ['2026-05-22', false], // the day after
  ])('issued on %s -> %s', (issued, expected) => {
    expect(ehcpIssuedWithinTwentyWeeks('2026-01-01', issued, '2026-11-23')).toBe(expected);
  });

  it('while pending: null up to the due date, false after it; null without a request', () => {
    expect(ehcpIssuedWithinTwentyWeeks('2026-01-01', null, '2026-05-21')).toBeNull();
    expect(ehcpIssuedWithinTwentyWeeks('2026-01-01', null, '2026-05-22')).toBe(false);
    expect(ehcpIssuedWithinTwentyWeeks(null, '2026-03-01', '2026-11-23')).toBeNull();
  });
});

describe('year group from date of birth', () => {
  it.each([
    ['2015-09-01', '2026-11-23', 6, '6'], // oldest in the year below
    ['2015-08-31', '2026-11-23', 7, '7'], // youngest in Year 7
    ['2015-08-31', '2026-08-31', 6, '6'], // the day before the academic year turns
    ['2015-08-31', '2026-09-01', 7, '7'],
    ['2021-08-31', '2026-09-01', 1, '1'], // turned 5 in 2025/26: reception was last year
    ['2021-09-01', '2026-09-01', 0, 'R'], // turns 5 in 2026/27
    ['2022-09-01', '2026-09-01', -1, 'N2'],
    ['2023-09-01', '2026-09-01', -2, 'N1'],
    ['2009-09-01', '2026-09-01', 12, '12'],
  ])('born %s, on %s: year %i (%s)', (dob, on, n, code) => {
    expect(yearGroupOn(dob, on)).toBe(n);
    expect(nationalCurriculumYear(n)).toBe(code);
  });

  it('has no census code outside N1 to 14', () => {
    expect(nationalCurriculumYear(-3)).toBeNull();
    expect(nationalCurriculumYear(15)).toBeNull();
  });
});

describe('current episodes and enrolment', () => {
  const ep = (startDate: string, endDate: string | null, rollStatus = RollStatus.SINGLE) => ({ startDate, endDate, rollStatus });

  it.each([
    ['2026-11-23', null, true], // starts today
    ['2026-09-01', '2026-11-23', true], // ends today: still current (the end date is the last day)
    ['2026-09-01', '2026-11-22', false], // ended yesterday
    ['2026-11-24', null, false], // starts tomorrow
  ])('an episode from %s to %s is current on 23 Nov: %s', (start, end, expected) => {
    expect(isCurrent(ep(start, end), '2026-11-23')).toBe(expected);
  });

  it('picks the latest-starting open episode', () => {
    const older = ep('2020-09-01', null);
    const newer = ep('2026-01-05', null);
    expect(currentEpisode([older, newer, ep('2019-01-01', '2020-01-01')], '2026-11-23')).toBe(newer);
    expect(currentEpisode([ep('2019-01-01', '2020-01-01')], '2026-11-23')).toBeNull();
  });

  it('prefers the main registration when dual registered', () => {
    const main = ep('2024-09-03', null, RollStatus.MAIN);
    const unit = ep('2026-10-01', null, RollStatus.SUBSIDIARY);
    expect(currentEnrolment([unit, main], '2026-11-23')).toBe(main);
    expect(currentEnrolment([unit], '2026-11-23')).toBe(unit);
  });
});

describe('post-16', () => {
  it('groups activities as EET / NEET / not known and checks the participation duty', () => {
    expect(eetGroupOf(PostSixteenActivity.NEET_AVAILABLE)).toBe(EetGroup.NEET);
    expect(eetGroupOf(PostSixteenActivity.NEET_NOT_AVAILABLE)).toBe(EetGroup.NEET);
    expect(eetGroupOf(PostSixteenActivity.NOT_KNOWN)).toBe(EetGroup.NOT_KNOWN);
    expect(eetGroupOf(PostSixteenActivity.EMPLOYMENT_WITHOUT_TRAINING)).toBe(EetGroup.EET);
    expect(meetsParticipationDuty(PostSixteenActivity.EMPLOYMENT_WITHOUT_TRAINING)).toBe(false);
    expect(meetsParticipationDuty(PostSixteenActivity.APPRENTICESHIP)).toBe(true);
    expect(meetsParticipationDuty(PostSixteenActivity.NOT_KNOWN)).toBe(false);
  });
});

describe('education chronology', () => {
  const school = { name: 'Synthetic Test School' };
  const empty: EducationHistory = {
    enrolments: [],
    attendance: [],
    suspensions: [],
    permanentExclusions: [],
    reducedTimetables: [],
    alternativeProvision: [],
    notInSchool: [],
    senProvision: [],
    peps: [],
    postSixteen: [],
  };

  it('is newest first, leaves out open ends, and marks only persistently absent terms', () => {
    const history = {
      ...empty,
      enrolments: [{ school, startDate: '2024-09-03', endDate: null, rollStatus: RollStatus.SINGLE, reasonForLeaving: null }],
      attendance: [
        { academicYear: '2025/26', term: SchoolTerm.SPRING, sessionsPossible: 100, authorisedAbsence: 10, unauthorisedAbsence: 0 },
        { academicYear: '2025/26', term: SchoolTerm.SUMMER, sessionsPossible: 100, authorisedAbsence: 9, unauthorisedAbsence: 0 },
        { academicYear: '2026/27', term: SchoolTerm.AUTUMN, sessionsPossible: 60, authorisedAbsence: 30, unauthorisedAbsence: 0 },
      ],
      peps: [{ meetingDate: '2026-10-01', quality: null }],
    } as unknown as EducationHistory;
    expect(educationChronology(history, '2026-11-23').map((line) => line.entry)).toEqual([
      chronologyEntry('education', '2026-11-23', 'Persistent absence', 'Attendance 50% in the autumn term 2026/27.', Significance.LOW),
      chronologyEntry('education', '2026-10-01', 'PEP meeting', 'Personal Education Plan reviewed.', Significance.LOW),
      chronologyEntry('education', '2026-03-31', 'Persistent absence', 'Attendance 90% in the spring term 2025/26.', Significance.LOW),
      chronologyEntry(
        'education',
        '2024-09-03',
        'Joined school',
        'Admitted to Synthetic Test School (single registration).',
        Significance.MEDIUM,
      ),
    ]);
  });
});

describe('seeding calendar', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 1], // a Monday
    ['2026-11-21', '2026-11-22', 0], // a weekend
    ['2026-11-20', '2026-11-23', 2], // Friday to Monday
    ['2026-11-23', '2026-11-22', 0], // backwards
    ['2026-09-01', '2026-12-31', 88],
  ])('weekdays from %s to %s: %i', (from, to, n) => {
    expect(weekdaysBetween(from, to)).toBe(n);
  });
});
