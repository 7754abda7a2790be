import { PERSONAS } from '../../kit/dev/personas';
import { syntheticNhsNumber } from '../../kit/dev/synthetic/population';
import { DentalCheck, SdqScore } from '../../subgraphs/health/entities';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, askAbout, entitiesQuery, MEETING_REFERENCE, representation } from '../support/receiving';
import type { AuditEntryBody } from '../support/bodies';
import { firstWith, healthService, type HealthEntities } from './support';

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService);
});

afterAll(async () => {
  await agency?.stop();
});

const LOG = 'accessLog { at userId userRole action purpose meetingId fieldsRead withheld { field rule } requestId loggedBy }';

/** What health's audit log says about one young person, read by the IG auditor under the AUDIT purpose. */
async function logOf(nhsNumber: string): Promise<AuditEntryBody[]> {
  const res = await askAbout<HealthEntities>(agency, entitiesQuery(agency, 'health', `matchStatus ${LOG}`), [nhsNumber], AS.auditor);
  expect(res.errors).toBeUndefined();
  return dataOf(res)._entities[0].health.accessLog!;
}

describe("health's audit log", () => {
  const s = firstWith(DentalCheck, SdqScore);
  const nhsNumber = s.patient!.nhsNumber;

  it('records each read with who, why, which fields and what was withheld, and shows it to the auditor', async () => {
    const nurseRead = agency.nextRequestId();
    expect(
      (await askAbout(agency, entitiesQuery(agency, 'health', 'matchStatus dentalChecks { checkedOn }'), [nhsNumber])).errors,
    ).toBeUndefined();

    const teacherRead = agency.nextRequestId();
    const teacher = await askAbout(agency, entitiesQuery(agency, 'health', 'latestSdq { band total }'), [nhsNumber], {
      viewer: PERSONAS.designatedTeacher,
    });
    expect(teacher.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ rule: 'sdq-score-health-only' }) as unknown }),
    ]);

    const log = await logOf(nhsNumber);
    const nurse = log.find((e) => e.requestId === nurseRead);
    expect(nurse).toMatchObject({
      loggedBy: 'health',
      userId: PERSONAS.lacNurse.id,
      userRole: 'LAC_NURSE',
      action: 'READ',
      purpose: 'MEETING_INVITATION',
      // Social care's meeting id stays in social care: the grant named the meeting by a reference made for this agency.
      meetingId: expect.stringMatching(MEETING_REFERENCE) as unknown,
      withheld: [],
    });
    expect(nurse?.fieldsRead).toEqual([
      'DentalCheck.checkedOn',
      'HealthRecord.dentalChecks',
      'HealthRecord.matchStatus',
      'YoungPerson.health',
      'YoungPerson.nhsNumber',
    ]);

    const school = log.find((e) => e.requestId === teacherRead);
    expect(school).toMatchObject({
      userId: PERSONAS.designatedTeacher.id,
      action: 'READ',
      withheld: [{ field: 'SdqScore.total', rule: 'sdq-score-health-only' }],
    });
    expect(school?.fieldsRead).toContain('SdqScore.band');
    expect(school?.fieldsRead).not.toContain('SdqScore.total');

    // Newest first.
    expect(log.indexOf(school!)).toBeLessThan(log.indexOf(nurse!));
  });

  it('records a refusal (no grant) against the NHS number asked about', async () => {
    const refused = agency.nextRequestId();
    const res = await agency.request(
      entitiesQuery(agency, 'health', 'matchStatus'),
      { representations: [representation(agency, nhsNumber)] },
      { viewer: PERSONAS.policeLiaison },
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const entry = (await logOf(nhsNumber)).find((e) => e.requestId === refused);
    expect(entry).toMatchObject({ userId: PERSONAS.policeLiaison.id, action: 'REFUSED', purpose: null, fieldsRead: [], withheld: [] });
  });

  it("logs the auditor's own reads, under the AUDIT purpose", async () => {
    const auditorRead = agency.nextRequestId();
    await logOf(nhsNumber);
    const entry = (await logOf(nhsNumber)).find((e) => e.requestId === auditorRead);
    expect(entry).toMatchObject({ userId: PERSONAS.auditor.id, purpose: 'AUDIT', action: 'READ', withheld: [] });
    expect(entry?.fieldsRead).toEqual(expect.arrayContaining(['HealthRecord.accessLog', 'AuditEntry.userId', 'WithheldField.rule']));
  });

  it('gives an auditor access logs only: data fields are withheld (audit-logs-only), and logged as such', async () => {
    const read = agency.nextRequestId();
    const res = await askAbout<HealthEntities>(
      agency,
      entitiesQuery(agency, 'health', 'matchStatus dentalChecks { checkedOn } latestSdq { band } accessLog { userId }'),
      [nhsNumber],
      AS.auditor,
    );
    const health = dataOf(res)._entities[0].health;
    expect(dataOf(res)._entities[0].nhsNumber).toBe(nhsNumber);
    expect(health).toMatchObject({ matchStatus: 'MATCHED', dentalChecks: null, latestSdq: null });
    expect(health.accessLog?.length).toBeGreaterThan(0);
    for (const field of ['dentalChecks', 'latestSdq']) {
      expect(res.errors).toContainEqual(
        expect.objectContaining({
          path: ['_entities', 0, 'health', field],
          extensions: expect.objectContaining({ code: 'WITHHELD', agency: 'health', rule: 'audit-logs-only' }) as unknown,
        }),
      );
    }
    const entry = (await logOf(nhsNumber)).find((e) => e.requestId === read);
    expect(entry?.withheld).toEqual([
      { field: 'HealthRecord.dentalChecks', rule: 'audit-logs-only' },
      { field: 'HealthRecord.latestSdq', rule: 'audit-logs-only' },
    ]);
  });

  it('has no access log (null) where health holds no record', async () => {
    const unknown = syntheticNhsNumber(5000);
    const res = await askAbout<HealthEntities>(agency, entitiesQuery(agency, 'health', `matchStatus ${LOG}`), [unknown], AS.auditor);
    expect(res.errors).toBeUndefined();
    expect(dataOf(res)._entities[0].health).toEqual({ matchStatus: 'NO_RECORD_FOR_IDENTIFIER', accessLog: null });
  });
});
