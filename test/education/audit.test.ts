import { createGrantSigner } from '../../kit/subgraph/access/access-grant';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { Suspension } from '../../subgraphs/education/entities/suspension';
import { AUDIT_LOGS_ONLY } from '../../kit/subgraph/access/policy';
import { EHCP_DATES, EXCLUSION_REASONS } from '../../subgraphs/education/policy';
import { service as educationService } from '../../subgraphs/education/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf, withheldNotices } from '../support/graphql';
import { AS, askAbout, entitiesQuery, MEETING_REFERENCE, representation, type Asking } from '../support/receiving';
import { educationOf, ofType, present, seededRows, TEST_POPULATION, UNKNOWN_UPN, type EducationEntities } from './fixtures';

const LOG = `matchStatus accessLog { at userId userName userAgency userRole action purpose meetingId breakGlassReason requestId fieldsRead withheld { field rule } }`;

describe('education audit log', () => {
  let agency: TestAgency;
  const rows = seededRows(TEST_POPULATION);
  // A pupil with a suspension (whose reason police may not see) that no one was asked to keep back.
  const suspension = ofType(rows, Suspension).find((s) => !s.notSharedWith?.length)!;
  const upn = suspension.pupil.upn;

  beforeAll(async () => {
    agency = await startTestAgency(educationService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  /** Reads as `as`; returns the request id the read was made under and the response. */
  async function readAs(as: Asking, selection: string, upns: (string | null)[] = [upn]) {
    const requestId = agency.nextRequestId();
    const res = await askAbout<EducationEntities>(agency, entitiesQuery(agency, 'education', selection), upns, as);
    return { requestId, res };
  }

  async function accessLog(forUpn = upn) {
    const { res } = await readAs(AS.auditor, LOG, [forUpn]);
    expect(res.errors).toBeUndefined();
    return present(educationOf(res).accessLog, 'an access log');
  }

  it('records a read: who, when, under which purpose, the fields read and what was withheld by which rule', async () => {
    const { requestId, res } = await readAs(AS.policeLiaison, 'matchStatus suspensions { id startDate sessionsLost reason }');
    expect(withheldNotices(res.errors).map((n) => n.rule)).toContain(EXCLUSION_REASONS.id);

    const entry = (await accessLog()).find((e) => e.requestId === requestId);
    expect(entry).toEqual({
      at: `${TEST_TODAY}T12:00:00.000Z`,
      userId: AS.policeLiaison.viewer.id,
      userName: AS.policeLiaison.viewer.name,
      userAgency: 'POLICE',
      userRole: 'POLICE_LIAISON_OFFICER',
      action: 'READ',
      purpose: 'MEETING_INVITATION',
      // Social care's meeting id stays in social care: the grant named the meeting by a reference made for this agency.
      meetingId: expect.stringMatching(MEETING_REFERENCE) as unknown,
      breakGlassReason: null,
      requestId,
      fieldsRead: [
        'EducationRecord.matchStatus',
        'EducationRecord.suspensions',
        'Suspension.id',
        'Suspension.sessionsLost',
        'Suspension.startDate',
        'YoungPerson.education',
        'YoungPerson.upn',
      ],
      withheld: [{ field: 'Suspension.reason', rule: EXCLUSION_REASONS.id }],
    });
  });

  it('records what a chronology left out, by the field it would have shown', async () => {
    const { requestId } = await readAs(AS.policeLiaison, 'chronology { date kind summary }');
    const entry = (await accessLog()).find((e) => e.requestId === requestId);
    expect(present(entry, 'its log entry').fieldsRead).toContain('EducationRecord.chronology');
    expect(present(entry, 'its log entry').withheld).toEqual(
      expect.arrayContaining([
        { field: 'Suspension.reason', rule: EXCLUSION_REASONS.id },
        { field: 'SenProvisionEpisode.startDate', rule: EHCP_DATES.id },
      ]),
    );
  });

  it('records a break-glass read with its reason, for a privacy officer to review', async () => {
    const { requestId } = await readAs(AS.policeAnalyst, 'matchStatus');
    const entry = (await accessLog()).find((e) => e.requestId === requestId);
    expect(entry).toMatchObject({
      userId: AS.policeAnalyst.viewer.id,
      action: 'READ',
      purpose: 'BREAK_GLASS',
      breakGlassReason: AS.policeAnalyst.purpose.reason,
    });
  });

  it("records each young person a list's grant names under that young person's own purpose", async () => {
    const other = ofType(rows, Suspension).find((s) => s.pupil.upn !== upn)!.pupil.upn;
    const reason = 'Reported missing overnight; checking whether she was in school today';
    const viewer = AS.designatedTeacher.viewer;
    const requestId = agency.nextRequestId();
    const grant = await agency.grant(
      [
        { identifier: upn, purpose: { kind: PurposeKind.ALLOCATION } },
        { identifier: other, purpose: { kind: PurposeKind.BREAK_GLASS, reason } },
      ],
      { viewer, requestId },
    );
    const res = await agency.request<EducationEntities>(
      entitiesQuery(agency, 'education', 'matchStatus'),
      { representations: [representation(agency, upn, grant), representation(agency, other, grant)] },
      { viewer },
    );
    expect(res.errors).toBeUndefined();
    expect(dataOf(res)._entities.map((e) => e?.education?.matchStatus)).toEqual(['MATCHED', 'MATCHED']);
    const read = {
      userId: viewer.id,
      action: 'READ',
      fieldsRead: ['EducationRecord.matchStatus', 'YoungPerson.education', 'YoungPerson.upn'],
    };
    expect((await accessLog()).find((e) => e.requestId === requestId)).toMatchObject({
      ...read,
      purpose: 'ALLOCATION',
      breakGlassReason: null,
    });
    expect((await accessLog(other)).find((e) => e.requestId === requestId)).toMatchObject({
      ...read,
      purpose: 'BREAK_GLASS',
      breakGlassReason: reason,
    });
  });

  it('records a refusal: who was turned away, with nothing read', async () => {
    const forger = await createGrantSigner((await generateSigningKeyPair('test-grants')).privateJwk);
    const requestId = agency.nextRequestId();
    const grant = await forger({
      viewerId: AS.designatedTeacher.viewer.id,
      requestId,
      audience: 'education',
      people: [{ identifier: upn, purpose: AS.designatedTeacher.purpose }],
    });
    const res = await agency.request<EducationEntities>(
      entitiesQuery(agency, 'education', 'matchStatus'),
      { representations: [representation(agency, upn, grant)] },
      { viewer: AS.designatedTeacher.viewer },
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const entry = (await accessLog()).find((e) => e.requestId === requestId);
    expect(entry).toMatchObject({ userId: AS.designatedTeacher.viewer.id, action: 'REFUSED', purpose: null, fieldsRead: [], withheld: [] });
  });

  it("lists entries newest first, and logs the auditor's own reads (purpose AUDIT)", async () => {
    await accessLog();
    const log = await accessLog();
    const [latest] = log;
    expect(latest).toMatchObject({ userId: AS.auditor.viewer.id, userRole: 'IG_AUDITOR', action: 'READ', purpose: 'AUDIT' });
    expect(latest.fieldsRead).toEqual(expect.arrayContaining(['EducationRecord.accessLog', 'AuditEntry.requestId', 'WithheldField.rule']));
    const times = log.map((e) => e.requestId.replace('test-request-', '')).map(Number);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows an auditor only the log: every data field is withheld (audit-logs-only), at its path', async () => {
    const { requestId, res } = await readAs(
      AS.auditor,
      'matchStatus enrolments { id } suspensions { id reason } peps { id } chronology { date } persistentlyAbsent currentEnrolment { id } pepTimeliness { status }',
    );
    expect(dataOf(res)._entities[0]).toEqual({
      upn,
      education: {
        matchStatus: 'MATCHED',
        enrolments: null,
        suspensions: null,
        peps: null,
        chronology: null,
        persistentlyAbsent: null,
        currentEnrolment: null,
        pepTimeliness: null,
      },
    });
    const at = (field: string) => ['_entities', 0, 'education', field];
    expect(withheldNotices(res.errors)).toEqual(
      ['enrolments', 'suspensions', 'peps', 'chronology', 'persistentlyAbsent', 'currentEnrolment', 'pepTimeliness'].map((f) => ({
        path: at(f),
        agency: 'education',
        rule: AUDIT_LOGS_ONLY.id,
        count: undefined,
      })),
    );
    // And the attempt is itself in the log.
    const entry = (await accessLog()).find((e) => e.requestId === requestId);
    expect(present(entry, 'its log entry').withheld).toEqual(
      expect.arrayContaining([{ field: 'EducationRecord.enrolments', rule: AUDIT_LOGS_ONLY.id }]),
    );
  });

  it('has no log for a UPN the virtual school does not hold (null: not matched)', async () => {
    const { res } = await readAs(AS.auditor, LOG, [UNKNOWN_UPN]);
    expect(res.errors).toBeUndefined();
    expect(educationOf(res)).toEqual({ matchStatus: 'NO_RECORD_FOR_IDENTIFIER', accessLog: null });
  });
});
