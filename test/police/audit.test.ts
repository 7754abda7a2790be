import { PERSONAS } from '../../kit/dev/personas';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import { service as policeService } from '../../subgraphs/police/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf, withheldAt } from '../support/graphql';
import { AS, askAbout, entitiesQuery, MEETING_REFERENCE, representation, type Entities } from '../support/receiving';
import type { AuditEntryBody } from '../support/bodies';
import { Arrest, IntelligenceItem } from '../../subgraphs/police/entities';
import { policeRecordsOf, seededPeople, type PoliceEntity } from './fixtures';

const LOG =
  'accessLog { at loggedBy userId userName userAgency userRole action purpose meetingId breakGlassReason fieldsRead withheld { field rule } requestId }';

/**
 * DPA 2018 s62: every consultation and disclosure of police data is logged (who, when, why, what was
 * shown and what withheld) before the response leaves, and an information-governance auditor can read it.
 */
describe('police subgraph: audit log', () => {
  let agency: TestAgency;
  // On the NWD caseload, with arrests and intelligence for the teacher's read to be shown and withheld.
  const person = seededPeople().find((p) => {
    const records = policeRecordsOf(p);
    return p.nwd && records.some((r) => r instanceof Arrest) && records.some((r) => r instanceof IntelligenceItem);
  })!;
  const other = seededPeople().find((p) => p !== person)!;
  const pncId = person.pncId!;

  beforeAll(async () => {
    agency = await startTestAgency(policeService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  const policeQuery = (selection: string) => entitiesQuery(agency, 'police', selection);

  async function auditorReadsLog(ofPncId: string | null = pncId): Promise<AuditEntryBody[]> {
    const res = await askAbout<Entities<PoliceEntity>>(agency, policeQuery(`matchStatus ${LOG}`), [ofPncId], AS.auditor);
    expect(res.errors).toBeUndefined();
    return dataOf(res)._entities[0].police.accessLog!;
  }

  it("logs a teacher's read: who, why, the fields read and the fields withheld with their rules", async () => {
    const requestId = agency.nextRequestId();
    const meeting: Purpose = { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000007-M2' };
    const read = await askAbout<Entities<PoliceEntity>>(
      agency,
      policeQuery('matchStatus arrests { arrestedOn outcome } intelligence { handlingCode fullText }'),
      [pncId],
      {
        viewer: PERSONAS.designatedTeacher,
        purpose: meeting,
      },
    );
    expect(dataOf(read)._entities[0].police.matchStatus).toBe('MATCHED');

    const entries = (await auditorReadsLog()).filter((e) => e.requestId === requestId);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      loggedBy: 'police',
      action: 'READ',
      purpose: 'MEETING_INVITATION',
      // Social care's meeting id stays in social care: the grant named the meeting by a reference made for this agency.
      meetingId: expect.stringMatching(MEETING_REFERENCE) as unknown,
      breakGlassReason: null,
      userId: PERSONAS.designatedTeacher.id,
      userName: PERSONAS.designatedTeacher.name,
      userAgency: 'EDUCATION',
      userRole: 'DESIGNATED_TEACHER',
    });
    expect(new Date(entry.at).toISOString()).toBe('2026-11-23T12:00:00.000Z'); // the agency's clock
    expect(entry.fieldsRead).toEqual(
      expect.arrayContaining([
        'YoungPerson.police',
        'PoliceRecord.matchStatus',
        'PoliceRecord.arrests',
        'Arrest.arrestedOn',
        'IntelligenceItem.handlingCode',
      ]),
    );
    expect(entry.fieldsRead).not.toContain('IntelligenceItem.fullText');
    expect(entry.fieldsRead).not.toContain('Arrest.outcome');
    expect(entry.withheld).toEqual(
      expect.arrayContaining([
        { field: 'IntelligenceItem.fullText', rule: 'intelligence-full-text-police-only' },
        { field: 'Arrest.outcome', rule: 'arrest-charge-and-outcome-need-to-know' },
      ]),
    );
  });

  it('logs a break-glass read with its typed reason', async () => {
    const requestId = agency.nextRequestId();
    const reason = 'Young person missing overnight, out of hours, allocated worker unreachable';
    await askAbout(agency, policeQuery('currentlyMissing'), [pncId], {
      viewer: PERSONAS.policeLiaison,
      purpose: { kind: PurposeKind.BREAK_GLASS, reason },
    });
    const [entry] = (await auditorReadsLog()).filter((e) => e.requestId === requestId);
    expect(entry).toMatchObject({ purpose: 'BREAK_GLASS', breakGlassReason: reason, userId: PERSONAS.policeLiaison.id, withheld: [] });
    expect(entry.fieldsRead).toEqual(['PoliceRecord.currentlyMissing', 'YoungPerson.pncId', 'YoungPerson.police']);
  });

  it('logs a refusal (no valid grant) with nothing read', async () => {
    const requestId = agency.nextRequestId();
    const res = await agency.request(policeQuery('matchStatus'), {
      representations: [representation(agency, pncId, await agency.grant(other.pncId))],
    });
    expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
    const [entry] = (await auditorReadsLog()).filter((e) => e.requestId === requestId);
    expect(entry).toMatchObject({ action: 'REFUSED', purpose: null, fieldsRead: [], withheld: [], userId: agency.viewer.id });
  });

  it('logs a read by the short form of the PNC ID under the same young person', async () => {
    const short = `${pncId.slice(2, 4)}/${String(Number(pncId.slice(5, 12)))}${pncId.slice(12)}`;
    const requestId = agency.nextRequestId();
    const res = await askAbout<Entities<PoliceEntity>>(agency, policeQuery('matchStatus'), [short]);
    expect(dataOf(res)._entities[0].police.matchStatus).toBe('MATCHED');
    expect((await auditorReadsLog()).filter((e) => e.requestId === requestId)).toHaveLength(1);
  });

  it("lists the log newest first, and keeps each young person's log to themselves", async () => {
    const log = await auditorReadsLog();
    const times = log.map((e) => e.requestId.replace('test-request-', '')).map(Number);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const requestId = agency.nextRequestId();
    await askAbout(agency, policeQuery('matchStatus'), [other.pncId]);
    expect((await auditorReadsLog()).some((e) => e.requestId === requestId)).toBe(false);
    expect((await auditorReadsLog(other.pncId)).some((e) => e.requestId === requestId)).toBe(true);
  });

  it("logs the auditor's own reading of the log, under the AUDIT purpose", async () => {
    const requestId = agency.nextRequestId();
    await auditorReadsLog();
    const [entry] = (await auditorReadsLog()).filter((e) => e.requestId === requestId);
    expect(entry).toMatchObject({ userId: PERSONAS.auditor.id, userRole: 'IG_AUDITOR', purpose: 'AUDIT', action: 'READ' });
    expect(entry.fieldsRead).toEqual(expect.arrayContaining(['PoliceRecord.accessLog', 'AuditEntry.requestId', 'WithheldField.rule']));
  });

  it('shows an auditor no police data: every data field is withheld by audit-logs-only', async () => {
    const res = await askAbout<Entities<PoliceEntity>>(
      agency,
      policeQuery(
        'matchStatus currentlyMissing arrests { id } intelligence { sanitisedText } chronology { summary } accessLog { requestId }',
      ),
      [pncId],
      AS.auditor,
    );
    const police = dataOf(res)._entities[0].police;
    expect(police).toMatchObject({ matchStatus: 'MATCHED', currentlyMissing: null, arrests: null, intelligence: null, chronology: null });
    expect(police.accessLog!.length).toBeGreaterThan(0);
    for (const field of ['currentlyMissing', 'arrests', 'intelligence', 'chronology']) {
      expect(withheldAt(res.errors, ['_entities', 0, 'police', field])?.extensions).toEqual({
        code: 'WITHHELD',
        agency: 'police',
        rule: 'audit-logs-only',
      });
    }
    expect(res.errors).toHaveLength(4);
  });

  it('records the same request id as the gateway sent, so one question can be traced across agencies', async () => {
    const requestId = agency.nextRequestId();
    await askAbout(agency, policeQuery('matchStatus'), [pncId, other.pncId], { viewer: PERSONAS.socialWorker });
    const mine = (await auditorReadsLog()).filter((e) => e.requestId === requestId);
    const theirs = (await auditorReadsLog(other.pncId)).filter((e) => e.requestId === requestId);
    expect([mine.length, theirs.length]).toEqual([1, 1]);
    expect(mine[0].userId).toBe(PERSONAS.socialWorker.id);
  });
});
