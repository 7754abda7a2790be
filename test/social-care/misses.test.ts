import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import {
  generatePerson,
  syntheticNhsNumber,
  syntheticPncId,
  syntheticUpn,
  type SyntheticYoungPerson,
} from '../../kit/dev/synthetic/population';
import { PERSONAS } from '../../kit/dev/personas';
import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { MeetingAction } from '../../subgraphs/social-care/entities/meetings';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { withoutAsked } from '../../scripts/misses/ask';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';

/**
 * README, "Who can see what": without a relationship "the answer is exactly the same as for a child who
 * does not exist: no data, and no hint that there is a record", and "refusals are recorded too". So a
 * record that exists but is not the viewer's to see, and one that does not exist, must get the same
 * answer, the same audit record (who asked for what, when) and the same work (the same SQL statements:
 * an attacker timing answers learns nothing either).
 */
const SIZE = 150;
const everyone = [...Array(SIZE).keys()].map((i) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY }));
/**
 * A police intelligence analyst is never allocated, holds no statutory role or hub involvement, and is
 * invited (so may own actions) only to meetings about young people with a PNC ID: meetings are held
 * for young people on the NWD caseload. Anyone else is someone they have no relationship with.
 */
const attacker = PERSONAS.policeAnalyst;
const unrelated = (p: SyntheticYoungPerson) => !(p.nwd && p.pncId);
const person = everyone.find((p) => unrelated(p) && p.nhsNumber && p.upn)!;
const withPnc = everyone.find((p) => unrelated(p) && p.pncId)!;
const withMeetings = everyone.find((p) => p.nwd && !p.pncId)!;

/** A root field asked about a record that exists (not the attacker's to see) and one that does not. */
interface Case {
  name: string;
  query: string;
  variables: (asked: string) => Record<string, unknown>;
  exists: string;
  missing: string;
  /** Whose refusal the audit records: the young person the existing record is about. */
  refusedSubject: string;
  /** What the audit records a miss as: the identifier asked for. */
  missSubject: string;
}

const search = (field: string, exists: string, missing: string, existsPerson = person): Case => ({
  name: `youngPersonByIdentifier(${field})`,
  query: `query($v: String!) { youngPersonByIdentifier(${field}: $v) { id givenName } }`,
  variables: (v) => ({ v }),
  exists,
  missing,
  refusedSubject: existsPerson.id,
  missSubject: `${field}:${missing}`,
});

/** Identifiers in the right format, with valid check characters, that nobody in the population has. */
const UNSEEDED: Record<string, string> = {
  nhsNumber: syntheticNhsNumber(100_000),
  upn: syntheticUpn(50_000, 4001),
  pncId: syntheticPncId(1_000_000, 2024),
};

/** An action agreed at a meeting about `withMeetings` (read from the database once it is seeded). */
let actionId = '';
const meetingVersion = { expectedVersion: 1 };

const CASES: Case[] = [
  {
    name: 'youngPerson',
    query: `query($id: ID!) { youngPerson(id: $id) { id givenName } }`,
    variables: (id) => ({ id }),
    exists: person.id,
    missing: 'YP-999999',
    refusedSubject: person.id,
    missSubject: 'YP-999999',
  },
  search('laChildId', person.laChildId, 'MB999999'),
  ...RECEIVING_AGENCIES.map(({ identifier: { field } }) => {
    const owner = field === 'pncId' ? withPnc : person;
    return search(field, (owner as unknown as Record<string, string>)[field], UNSEEDED[field], owner);
  }),
  {
    name: 'meeting',
    query: `query($id: ID!) { meeting(id: $id) { id heldOn } }`,
    variables: (id) => ({ id }),
    exists: `${withMeetings.id}-M1`,
    missing: 'YP-999999-M1',
    refusedSubject: withMeetings.id,
    missSubject: 'meetingId:YP-999999-M1',
  },
  {
    name: 'scheduleMeeting',
    query: `mutation($id: ID!) { scheduleMeeting(input: { youngPersonId: $id, kind: RAISE, date: "2026-12-14" }) { id } }`,
    variables: (id) => ({ id }),
    exists: person.id,
    missing: 'YP-999999',
    refusedSubject: person.id,
    missSubject: 'YP-999999',
  },
  {
    // Every write to a meeting decides who may make it the same way (authorisedMeeting).
    name: 'rescheduleMeeting',
    query: `mutation($id: ID!, $expectedVersion: Int!) { rescheduleMeeting(meetingId: $id, expectedVersion: $expectedVersion, date: "2026-12-14") { id } }`,
    variables: (id) => ({ id, ...meetingVersion }),
    exists: `${withMeetings.id}-M1`,
    missing: 'YP-999999-M1',
    refusedSubject: withMeetings.id,
    missSubject: 'meetingId:YP-999999-M1',
  },
  {
    name: 'updateActionProgress',
    query: `mutation($id: ID!) { updateActionProgress(actionId: $id, expectedVersion: 1, progress: { note: "Done." }) { id } }`,
    variables: (id) => ({ id }),
    get exists() {
      return actionId;
    },
    missing: '999999',
    refusedSubject: withMeetings.id,
    missSubject: 'actionId:999999',
  },
];

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
  const action = await agency.orm.em.fork().findOneOrFail(MeetingAction, { meeting: { youngPerson: withMeetings.id } });
  actionId = String(action.id);
  // A first audited request: from then on the service knows its audit chain's head, so the two requests
  // compared below append alike (the first append after a start also reads the head).
  await agency.request(`{ youngPerson(id: "YP-999998") { id } }`, {}, { viewer: attacker });
});
afterAll(() => agency?.stop());

/** SQL with its literal values taken out: the statements sent, not what they were sent about. */
const statements = (queries: string[]) => queries.map((q) => q.replace(/'[^']*'|\b\d+\b/g, '?').replace(/\[took \d+ ms.*$/, ''));

async function ask(c: Case, asked: string) {
  const requestId = agency.nextRequestId();
  agency.queries.length = 0;
  const answer = await agency.request(c.query, c.variables(asked), { viewer: attacker });
  const queries = [...agency.queries];
  const audit = await agency.orm.em.fork().find(AuditRecord, { requestId }, { orderBy: { seq: 'asc' } });
  return { answer, queries, audit };
}

describe('a miss is answered, audited and worked out like a refusal', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const refused = await ask(c, c.exists);
    const missed = await ask(c, c.missing);

    expect(withoutAsked(missed.answer, c.missing)).toEqual(withoutAsked(refused.answer, c.exists));
    expect(refused.answer).toMatchObject(
      c.name.startsWith('youngPersonByIdentifier')
        ? { data: { youngPersonByIdentifier: null } }
        : { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    );

    // Who asked for what, when: one record each, alike but for what was asked.
    const who = { userId: attacker.id, userName: attacker.name, userAgency: attacker.agency, userRole: attacker.role };
    const alike = { ...who, action: 'REFUSED', purposeKind: null, meetingId: null, fieldsRead: '[]', withheld: '[]' };
    expect(refused.audit).toEqual([expect.objectContaining({ ...alike, subject: c.refusedSubject })]);
    expect(missed.audit).toEqual([expect.objectContaining({ ...alike, subject: c.missSubject })]);
    expect(missed.audit[0].at).toEqual(refused.audit[0].at);

    expect(statements(missed.queries)).toEqual(statements(refused.queries));
  });
});
