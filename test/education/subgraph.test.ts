import { addDays, addMonths } from '../../kit/subgraph/dates';
import { PersonalEducationPlan, Pupil } from '../../subgraphs/education/entities';
import { pepTimeliness, pepWithinLastSixMonths } from '../../subgraphs/education/rules/pep';
import { service as educationService } from '../../subgraphs/education/service';
import { nationalCurriculumYear, yearGroupOn } from '../../subgraphs/education/rules/year-group';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, askAbout } from '../support/receiving';
import {
  DATA_FIELDS,
  DEEP_QUERY,
  present,
  seededPupils,
  testPeople,
  UNKNOWN_UPN,
  type EducationEntities,
  type EducationRecordBody,
} from './fixtures';

describe('education subgraph', () => {
  let agency: TestAgency;
  const pupils = seededPupils();
  const lookedAfter = pupils.filter((p) => p.status === 'LOOKED_AFTER');
  const notLookedAfter = pupils.find((p) => p.status !== 'LOOKED_AFTER');

  beforeAll(async () => {
    agency = await startTestAgency(educationService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  // As the virtual school head (statutory role over every looked-after child), who sees the whole record.
  async function educationRecords(upns: (string | null)[]): Promise<EducationRecordBody[]> {
    const res = await askAbout<EducationEntities>(agency, DEEP_QUERY, upns, AS.virtualSchoolHead);
    expect(res.errors).toBeUndefined();
    return dataOf(res)._entities.map((e, i) => present(e, `young person ${i}`).education);
  }

  it('has pupils to test with, looked after and not', () => {
    expect(lookedAfter.length).toBeGreaterThanOrEqual(10);
    expect(notLookedAfter).toBeDefined();
  });

  it('finds the school in the UPN and works out the year group from the date of birth', async () => {
    const records = await educationRecords(pupils.map((p) => p.upn));
    pupils.forEach((p, i) => {
      const r = records[i];
      expect(r.matchStatus).toBe('MATCHED');
      // The UPN's school is the latest main one (a Year 12 may since have left it).
      const last = present(
        present(r.enrolments, 'enrolments').find((e) => e.rollStatus !== 'SUBSIDIARY'),
        'a main enrolment',
      );
      expect(last.school.urn).toBe(String(900000 + Number(p.upn!.slice(4, 8))));
      if (r.currentEnrolment) {
        expect(r.currentEnrolment.school.establishmentNumber).toBe(p.upn!.slice(4, 8));
        expect(r.currentEnrolment.school.localAuthorityCode).toBe('806');
        expect(r.currentEnrolment.yearGroup).toBe(nationalCurriculumYear(yearGroupOn(p.dateOfBirth, TEST_TODAY)));
      } else {
        expect(last.reasonForLeaving).toBe('NO_LONGER_OF_COMPULSORY_SCHOOL_AGE');
      }
    });
  });

  it("returns dated records within the pupil's life, newest first, with values computed from them", async () => {
    const records = await educationRecords(pupils.map((p) => p.upn));
    records.forEach((r, i) => {
      const chronology = present(r.chronology, 'a chronology');
      const dates = chronology.map((c) => c.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const d of dates) expect(d > pupils[i].dateOfBirth && d <= TEST_TODAY).toBe(true);
      expect(chronology.every((c) => c.agency === 'education')).toBe(true);
      const starts = present(r.enrolments, 'enrolments').map((e) => e.startDate);
      expect([...starts].sort().reverse()).toEqual(starts);
      const attendance = present(r.attendance, 'attendance');
      for (const t of attendance) {
        const missed = t.authorisedAbsence + t.unauthorisedAbsence;
        expect(t.persistentlyAbsent).toBe(missed * 10 >= t.sessionsPossible);
        expect(t.attendancePercentage).toBeCloseTo((100 * (t.sessionsPossible - missed)) / t.sessionsPossible, 1);
      }
      const thisYear = attendance.filter((t) => t.academicYear === '2026/27');
      if (thisYear.length) {
        const possible = thisYear.reduce((s, t) => s + t.sessionsPossible, 0);
        const missed = thisYear.reduce((s, t) => s + t.authorisedAbsence + t.unauthorisedAbsence, 0);
        expect(r.persistentlyAbsent).toBe(missed * 10 >= possible);
      } else {
        expect(r.persistentlyAbsent).toBeNull();
      }
      for (const s of present(r.suspensions, 'suspensions')) expect(s.daysLost).toBe(s.sessionsLost / 2);
      const current = present(r.senProvision, 'SEN provision').find((s) => s.endDate === null);
      expect(r.currentSenProvision?.id ?? null).toBe(current?.id ?? null);
    });
  });

  it('computes PEP timeliness and the 6-month KPI for looked-after pupils only', async () => {
    const records = await educationRecords(lookedAfter.map((p) => p.upn));
    const sixMonthsAgo = addMonths(TEST_TODAY, -6);
    for (const r of records) {
      const timeliness = present(r.pepTimeliness, 'PEP timeliness');
      const peps = present(r.peps, 'PEPs');
      expect(timeliness.status).not.toBe('NOT_APPLICABLE');
      expect(timeliness.lastDone).toBe(peps[0]?.meetingDate ?? null);
      expect(r.pepWithinLastSixMonths).toBe(peps.some((p) => p.meetingDate >= sixMonthsAgo));
      for (const p of peps) expect(present(p.targets, 'PEP targets').every((t) => t.startsWith('Synthetic'))).toBe(true);
    }
    // Seeded like the council's 98.9%: nearly every looked-after child had a PEP in the last 6 months.
    expect(records.filter((r) => r.pepWithinLastSixMonths).length).toBeGreaterThanOrEqual(records.length - 2);
    const [other] = await educationRecords([notLookedAfter!.upn]);
    expect(other.pepTimeliness).toEqual({ status: 'NOT_APPLICABLE', dueDate: null, lastDone: null });
    expect(other.pepWithinLastSixMonths).toBeNull();
    expect(other.peps).toEqual([]);
  });

  it('gives the same PEP timeliness when it is asked alone, from the latest PEP held on or before today', async () => {
    // A PEP booked for tomorrow does not count yet; two held on the same latest day count once.
    const upns = lookedAfter.map((p) => p.upn);
    const em = agency.orm.em.fork();
    const pupil = await em.findOneOrFail(Pupil, { upn: upns[0] });
    const pep = (meetingDate: string) =>
      em.create(PersonalEducationPlan, {
        pupil,
        meetingDate,
        quality: null,
        targets: ['Synthetic target'],
        pupilPremiumPlusAmount: null,
        pupilPremiumPlusPurpose: null,
      });
    const added = [pep(addDays(TEST_TODAY, 1)), pep(addDays(TEST_TODAY, -3)), pep(addDays(TEST_TODAY, -3))];
    await em.flush();
    try {
      const alone = await askAbout<EducationEntities>(
        agency,
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { education { pepTimeliness { status dueDate lastDone } pepWithinLastSixMonths } } } }',
        upns,
        AS.virtualSchoolHead,
      );
      expect(alone.errors).toBeUndefined();
      const whole = await educationRecords(upns);
      const pupils = await em.find(Pupil, { upn: { $in: upns } });
      dataOf(alone)._entities.forEach((e, i) => {
        const asked = present(e, `young person ${i}`).education;
        const dates = present(whole[i].peps, 'PEPs').map((p) => p.meetingDate);
        const entered = pupils.find((p) => p.upn === upns[i])!.enteredCareDate;
        expect(asked.pepTimeliness).toEqual({ ...pepTimeliness(dates, entered, TEST_TODAY) });
        expect(asked.pepWithinLastSixMonths).toBe(pepWithinLastSixMonths(dates, entered, TEST_TODAY));
        // And as the view gives them, cut from the whole list.
        expect([whole[i].pepTimeliness, whole[i].pepWithinLastSixMonths]).toEqual([asked.pepTimeliness, asked.pepWithinLastSixMonths]);
      });
      expect(present(dataOf(alone)._entities[0], 'first').education.pepTimeliness?.lastDone).toBe(addDays(TEST_TODAY, -3));
    } finally {
      await em.removeAndFlush(added);
    }
  });

  it('says NOT_LINKED for a null UPN and NO_RECORD_FOR_IDENTIFIER for an unknown one, with null (not empty) data', async () => {
    const unheld = testPeople().find((p) => p.upn && !p.heldByEducation);
    const upns = [null, UNKNOWN_UPN, ...(unheld ? [unheld.upn] : [])];
    const records = await educationRecords(upns);
    expect(records.map((r) => r.matchStatus)).toEqual([
      'NOT_LINKED',
      'NO_RECORD_FOR_IDENTIFIER',
      ...(unheld ? ['NO_RECORD_FOR_IDENTIFIER'] : []),
    ]);
    for (const r of records) for (const field of DATA_FIELDS) expect(r[field]).toBeNull();
  });

  it('rejects a malformed UPN as BAD_USER_INPUT naming the field, and keeps answering', async () => {
    const bad = `${pupils[0].upn!.slice(0, 12)}${(Number(pupils[0].upn!.slice(12)) + 1) % 10}`;
    for (const upn of [bad, 'not-a-upn']) {
      const res = await askAbout<EducationEntities>(agency, DEEP_QUERY, [upn], AS.virtualSchoolHead);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.field).toBe('upn');
      expect(res.errors?.[0].message).toMatch(/^upn: /);
    }
    const [again] = await educationRecords([pupils[0].upn]);
    expect(again.matchStatus).toBe('MATCHED');
  });

  it('accepts a UPN in lower case (check letters are case-insensitive), with a grant naming it as sent', async () => {
    const [r] = await educationRecords([pupils[0].upn!.toLowerCase()]);
    expect(r.matchStatus).toBe('MATCHED');
  });

  it('publishes a Federation 2 schema keyed by UPN, documented from the official code lists', async () => {
    const res = await agency.request<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = dataOf(res)._service.sdl;
    expect(sdl).toMatch(/type YoungPerson\s+@key\(fields: "upn"\)/);
    expect(sdl).toMatch(/education: EducationRecord\s+@requires\(fields: "educationAccess"\)/);
    expect(sdl).toMatch(/educationAccess: String\s+@external/);
    expect(sdl).toContain('Persistent disruptive behaviour.');
    // No Query root fields of our own: only what federation adds.
    const queryFields = /type Query \{([^}]*)\}/
      .exec(sdl)![1]
      .match(/^\s*(\w+)/gm)!
      .map((f) => f.trim());
    expect(queryFields.sort()).toEqual(['_entities', '_service']);
  });
});
