import { population } from '../../kit/dev/synthetic/population';
import { Pupil } from '../../subgraphs/education/entities/pupil';
import { PersonalEducationPlan } from '../../subgraphs/education/entities/personal-education-plan';
import { DatedEpisode } from '../../subgraphs/education/entities/dated-episode';
import { ReducedTimetable } from '../../subgraphs/education/entities/reduced-timetable';
import { School } from '../../subgraphs/education/entities/school';
import { SchoolEnrolment } from '../../subgraphs/education/entities/school-enrolment';
import { SenProvisionEpisode } from '../../subgraphs/education/entities/sen-provision-episode';
import { Suspension } from '../../subgraphs/education/entities/suspension';
import { TermAttendance } from '../../subgraphs/education/entities/term-attendance';
import { RollStatus, SenProvision } from '../../subgraphs/education/enums';
import { persistentlyAbsentThisYear } from '../../subgraphs/education/rules/attendance';
import { currentEpisode } from '../../subgraphs/education/rules/episodes';
import { pepWithinLastSixMonths } from '../../subgraphs/education/rules/pep';
import { ofType, seededRows } from './fixtures';
import { TEST_TODAY } from '../support/agency';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('education seeder', () => {
  const options = { size: 600, seed: 'seed-test', asOf: TEST_TODAY };
  const rows = seededRows(options);
  const people = [...population(options)];
  const pupils = ofType(rows, Pupil);
  const byUpn = new Map(people.map((p) => [p.upn, p]));
  const personOf = (row: { pupil: Pupil }) => byUpn.get(row.pupil.upn)!;
  const rowsOf = <T extends { pupil: Pupil }>(type: abstract new () => T, pupil: Pupil) =>
    ofType(rows, type).filter((r) => r.pupil === pupil);

  it('is deterministic', () => {
    expect(JSON.stringify(seededRows({ ...options, size: 80 }))).toBe(JSON.stringify(seededRows({ ...options, size: 80 })));
  });

  it('seeds only pupils with a linked UPN the virtual school holds, and the school directory once', () => {
    expect(pupils.map((p) => p.upn).sort()).toEqual(
      people
        .filter((p) => p.upn && p.heldByEducation)
        .map((p) => p.upn)
        .sort(),
    );
    const schools = ofType(rows, School);
    expect(new Set(schools.map((s) => s.urn)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
    expect(schools.every((s) => /^\d{6}$/.test(s.urn) && /^\d{4}$/.test(s.establishmentNumber) && s.name.startsWith('Synthetic'))).toBe(
      true,
    );
    const urns = new Set(schools.map((s) => s.urn));
    expect(ofType(rows, SchoolEnrolment).every((e) => urns.has(e.school.urn))).toBe(true);
  });

  it.each(['2026-11-23', '2027-01-02', '2027-04-01', '2027-08-15', '2027-09-01'])(
    'keeps every date after birth and on or before asOf %s',
    (asOf) => {
      const seeded = seededRows({ size: 150, seed: 'range-test', asOf });
      const outOfRange = seeded.flatMap((row) => {
        if (!('pupil' in row)) return [];
        const dob = (row.pupil as Pupil).dateOfBirth;
        const dates = Object.values(row).filter((v): v is string => typeof v === 'string' && DATE.test(v));
        return dates.filter((d) => d <= dob || d > asOf).map((d) => `${row.constructor.name} ${d}`);
      });
      expect(outOfRange).toEqual([]);
      expect(ofType(seeded, DatedEpisode).filter((e) => e.endDate !== null && e.endDate < e.startDate)).toEqual([]);
    },
  );

  it('keeps one main school at a time, and reduced timetables under 25 hours', () => {
    for (const pupil of pupils) {
      const main = rowsOf(SchoolEnrolment, pupil)
        .filter((e) => e.rollStatus !== RollStatus.SUBSIDIARY)
        .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
      main.forEach((e, i) => i > 0 && expect(main[i - 1].endDate! < e.startDate).toBe(true));
    }
    expect(ofType(rows, ReducedTimetable).every((t) => t.hoursPerWeek < 25)).toBe(true);
  });

  it('gives nearly every looked-after child a PEP within 6 months (council: 98.9%)', () => {
    const lac = pupils.filter((p) => p.enteredCareDate);
    const within = lac.filter((p) =>
      pepWithinLastSixMonths(
        rowsOf(PersonalEducationPlan, p).map((x) => x.meetingDate),
        p.enteredCareDate,
        TEST_TODAY,
      ),
    );
    expect(within.length / lac.length).toBeGreaterThan(0.96);
    expect(pupils.filter((p) => !p.enteredCareDate).every((p) => rowsOf(PersonalEducationPlan, p).length === 0)).toBe(true);
  });

  it('gives looked-after children SEN support ~30% and EHC plans ~25%', () => {
    const lac = pupils.filter((p) => p.enteredCareDate);
    const now = lac.map((p) => currentEpisode(rowsOf(SenProvisionEpisode, p), TEST_TODAY)?.provision);
    const share = (code: SenProvision) => now.filter((x) => x === code).length / lac.length;
    expect(share(SenProvision.K)).toBeGreaterThan(0.22);
    expect(share(SenProvision.K)).toBeLessThan(0.38);
    expect(share(SenProvision.E)).toBeGreaterThan(0.17);
    expect(share(SenProvision.E)).toBeLessThan(0.33);
  });

  it('gives the NWD cohort more absence and more suspensions', () => {
    const rate = (nwd: boolean, f: (p: Pupil) => boolean) => {
      const group = pupils.filter((p) => byUpn.get(p.upn)!.nwd === nwd && rowsOf(TermAttendance, p).length > 0);
      return group.filter(f).length / group.length;
    };
    const absent = (p: Pupil) => persistentlyAbsentThisYear(rowsOf(TermAttendance, p), TEST_TODAY) === true;
    const suspended = (p: Pupil) => rowsOf(Suspension, p).length > 0;
    expect(rate(true, absent)).toBeGreaterThan(rate(false, absent) * 2);
    expect(rate(true, suspended)).toBeGreaterThan(rate(false, suspended) * 2);
    expect(ofType(rows, Suspension).every((s) => personOf(s) !== undefined)).toBe(true);
  });
});
