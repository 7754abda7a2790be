import { createGrantSigner } from '../../kit/subgraph/access/access-grant';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PERSONAS } from '../../kit/dev/personas';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { service as policeService } from '../../subgraphs/police/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { representation, type Entities } from '../support/receiving';
import { DEEP_QUERY, seededPeople, type PoliceEntity } from './fixtures';

/** A refused young person's entity is null. */
type PoliceEntities = Entities<PoliceEntity | null>;

/**
 * Social care's grant is the only way in: for this user, this request, exactly this PNC ID. Anything
 * else is refused with FORBIDDEN and no data, and nothing else in the batch is affected.
 */
describe('police subgraph: access grants from social care', () => {
  let agency: TestAgency;
  const person = seededPeople().find((p) => p.nwd)!;
  const other = seededPeople().find((p) => p !== person)!;
  const pncId = person.pncId!;

  beforeAll(async () => {
    agency = await startTestAgency(policeService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  /** Sends one representation carrying `policeAccess` (or none), next to one with a valid grant. */
  async function withGrant(policeAccess: string | undefined, forPncId = pncId) {
    const refused = representation(agency, forPncId, policeAccess);
    const valid = representation(agency, other.pncId, await agency.grant(other.pncId));
    return agency.request<PoliceEntities>(DEEP_QUERY, { representations: [refused, valid] });
  }

  function expectRefused(res: GraphQLBody<PoliceEntities>) {
    expect(dataOf(res)._entities[0]).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({
      message: 'No access grant from social care for this young person.',
      path: ['_entities', 0],
      extensions: { code: 'FORBIDDEN' },
    });
    // Nothing about the refused young person leaves, not even whether the police hold them.
    expect(JSON.stringify(res)).not.toContain(pncId);
    // The other young person in the same batch is answered as usual.
    expect(dataOf(res)._entities[1]?.police.matchStatus).toBe('MATCHED');
  }

  it('answers with a grant for this viewer, this request and this PNC ID', async () => {
    const res = await agency.request<PoliceEntities>(DEEP_QUERY, {
      representations: [representation(agency, pncId, await agency.grant(pncId))],
    });
    expect(res.errors).toBeUndefined();
    expect(dataOf(res)._entities[0]?.police.matchStatus).toBe('MATCHED');
  });

  it('answers a young person with no PNC ID (NOT_LINKED) only with a grant for "no identifier"', async () => {
    const ok = await agency.request<PoliceEntities>(DEEP_QUERY, {
      representations: [representation(agency, null, await agency.grant(null))],
    });
    expect(dataOf(ok)._entities[0]?.police.matchStatus).toBe('NOT_LINKED');
    const refused = await agency.request<PoliceEntities>(DEEP_QUERY, { representations: [representation(agency, null)] });
    expect(dataOf(refused)._entities[0]).toBeNull();
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a representation with no grant', async () => {
    expectRefused(await withGrant(undefined));
    expectRefused(await withGrant(''));
  });

  it('refuses a grant made for another user', async () => {
    expectRefused(await withGrant(await agency.grant(pncId, { viewer: PERSONAS.policeAnalyst })));
  });

  it('refuses a grant made for another request (a replayed grant)', async () => {
    expectRefused(await withGrant(await agency.grant(pncId, { requestId: 'test-request-0' })));
    const earlier = await agency.grant(pncId);
    await agency.request(DEEP_QUERY, { representations: [representation(agency, pncId, earlier)] });
    expectRefused(await withGrant(earlier));
  });

  it('refuses a grant made for another young person, or for another form of the same PNC ID', async () => {
    expectRefused(await withGrant(await agency.grant(other.pncId)));
    expectRefused(await withGrant(await agency.grant(null)));
    const short = `${pncId.slice(2, 4)}/${String(Number(pncId.slice(5, 12)))}${pncId.slice(12)}`;
    const res = await agency.request<PoliceEntities>(DEEP_QUERY, {
      representations: [representation(agency, short, await agency.grant(pncId))],
    });
    expect(dataOf(res)._entities[0]).toBeNull();
    expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a forged grant signed with another key', async () => {
    const forger = await generateSigningKeyPair('test-grants'); // same key id, different key
    const sign = await createGrantSigner(forger.privateJwk);
    const forged = await sign({
      viewerId: agency.viewer.id,
      requestId: agency.nextRequestId(),
      audience: 'police',
      identifier: pncId,
      purpose: { kind: PurposeKind.BREAK_GLASS, reason: 'forged' },
    });
    expectRefused(await withGrant(forged));
  });

  it('refuses something that is not a grant at all', async () => {
    expectRefused(await withGrant('not-a-jwt'));
    const [header, payload] = (await agency.grant(pncId)).split('.');
    expectRefused(await withGrant(`${header}.${payload}.`)); // signature stripped
  });
});
