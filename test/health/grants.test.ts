import { createGrantSigner } from '../../kit/subgraph/access/access-grant';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PERSONAS } from '../../kit/dev/personas';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { DentalCheck } from '../../subgraphs/health/entities';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { representation, type Entities } from '../support/receiving';
import { allFieldsQuery, firstWith, healthService, people, type FullHealthEntity } from './support';

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService);
});

afterAll(async () => {
  await agency?.stop();
});

const nhsNumber = firstWith(DentalCheck).patient!.nhsNumber;
const other = people.map((p) => p.nhsNumber).find((n): n is string => n !== null && n !== nhsNumber)!;

/** What allFieldsQuery answers where a representation may be refused: null in its place. */
type MaybeRefused = Entities<FullHealthEntity | null>;

/** Asks for one young person with this grant (as the default viewer, the LAC nurse). */
const withGrant = (healthAccess: string | null | undefined, key: string | null = nhsNumber) =>
  agency.request<MaybeRefused>(allFieldsQuery(agency), { representations: [representation(agency, key, healthAccess)] });

function expectRefused(res: GraphQLBody<MaybeRefused>) {
  expect(dataOf(res)._entities).toEqual([null]);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]).toMatchObject({
    message: 'No access grant from social care for this young person.',
    path: ['_entities', 0],
    extensions: { code: 'FORBIDDEN' },
  });
  // Nothing about the young person leaves, not even whether health holds a record.
  expect(JSON.stringify(res)).not.toMatch(/MATCHED|NO_RECORD|Y99|\d{4}-\d{2}-\d{2}/);
}

describe("health shows nothing without social care's grant for this viewer, request and young person", () => {
  it('answers with the grant made for this request', async () => {
    const res = await withGrant(await agency.grant(nhsNumber));
    expect(res.errors).toBeUndefined();
    expect(dataOf(res)._entities[0]?.health.matchStatus).toBe('MATCHED');
  });

  it('refuses a representation with no grant', async () => {
    expectRefused(await withGrant(undefined));
    expectRefused(await withGrant(null));
    expectRefused(await withGrant('not-a-grant'));
  });

  it('refuses a grant made for another user', async () => {
    expectRefused(await withGrant(await agency.grant(nhsNumber, { viewer: PERSONAS.lifeCoach })));
  });

  it('refuses a grant made for another request', async () => {
    expectRefused(await withGrant(await agency.grant(nhsNumber, { requestId: 'test-request-earlier' })));
  });

  it('refuses a grant made for another young person, or for none linked', async () => {
    expectRefused(await withGrant(await agency.grant(other)));
    expectRefused(await withGrant(await agency.grant(null)));
    // A grant for "not linked" opens nothing but the NOT_LINKED answer.
    expectRefused(await withGrant(await agency.grant(nhsNumber), null));
  });

  it('compares the NHS number exactly as the gateway sent it', async () => {
    const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
    expectRefused(await withGrant(await agency.grant(nhsNumber), spaced));
  });

  it('refuses a forged grant (signed with a key that is not social care’s)', async () => {
    const forger = await createGrantSigner((await generateSigningKeyPair('test-grants')).privateJwk);
    const forged = await forger({
      viewerId: agency.viewer.id,
      requestId: agency.nextRequestId(),
      audience: 'health',
      identifier: nhsNumber,
      purpose: { kind: PurposeKind.BREAK_GLASS, reason: 'forged grant for a test of refusal' },
    });
    expectRefused(await withGrant(forged));
  });

  it('refuses only the representation without a grant, and answers the others in the same request', async () => {
    const representations = [
      representation(agency, nhsNumber, await agency.grant(nhsNumber)),
      representation(agency, other, await agency.grant(nhsNumber)),
    ];
    const res = await agency.request<MaybeRefused>(allFieldsQuery(agency), { representations });
    expect(dataOf(res)._entities[0]?.health.matchStatus).toBe('MATCHED');
    expect(dataOf(res)._entities[1]).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 1], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) as unknown }),
    ]);
  });

  it('still says BAD_USER_INPUT for a malformed NHS number, before looking at the grant', async () => {
    const res = await withGrant(undefined, '12345');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nhsNumber' });
  });
});
