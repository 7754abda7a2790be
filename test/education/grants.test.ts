import { createGrantSigner } from '../../kit/subgraph/access/access-grant';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PERSONAS } from '../../kit/dev/personas';
import { service as educationService } from '../../subgraphs/education/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, entitiesQuery, grantedRepresentations, representation } from '../support/receiving';
import { DEEP_QUERY, educationOf, seededPupils, UNKNOWN_UPN, type EducationEntities } from './fixtures';

const FORBIDDEN = { message: 'No access grant from social care for this young person.', extensions: { code: 'FORBIDDEN' } };
/** Wherever in the query the error points. */
const ANY_LOCATIONS: unknown = expect.anything();

describe("education: social care's access grant", () => {
  let agency: TestAgency;
  const [pupil, other] = seededPupils();
  const upn = pupil.upn!;

  beforeAll(async () => {
    agency = await startTestAgency(educationService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  /** Sends one representation carrying `grant` (or none) for `upn`, as the virtual school head. */
  async function ask(forUpn: string | null, grant: string | undefined) {
    const rep = representation(agency, forUpn, grant);
    return agency.request<EducationEntities>(DEEP_QUERY, { representations: [rep] }, { viewer: AS.virtualSchoolHead.viewer });
  }

  async function forged(forUpn: string | null) {
    const forger = await generateSigningKeyPair('test-grants');
    const sign = await createGrantSigner(forger.privateJwk);
    return sign({
      viewerId: AS.virtualSchoolHead.viewer.id,
      requestId: agency.nextRequestId(),
      audience: 'education',
      identifier: forUpn,
      purpose: AS.virtualSchoolHead.purpose,
    });
  }

  it('answers with a grant for this viewer, this request and this UPN', async () => {
    const [rep] = await grantedRepresentations(agency, [upn], AS.virtualSchoolHead);
    const res = await agency.request<EducationEntities>(DEEP_QUERY, { representations: [rep] }, { viewer: AS.virtualSchoolHead.viewer });
    expect(res.errors).toBeUndefined();
    expect(educationOf(res).matchStatus).toBe('MATCHED');
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no grant', () => Promise.resolve(undefined)],
    ['an empty grant', () => Promise.resolve('')],
    ['something that is not a grant', () => Promise.resolve('not-a-jwt')],
    ['a grant for another user', () => agency.grant(upn, { ...AS.designatedTeacher })],
    ['a grant for another request', () => agency.grant(upn, { ...AS.virtualSchoolHead, requestId: 'test-request-999' })],
    ['a grant for another young person', () => agency.grant(other.upn, { ...AS.virtualSchoolHead })],
    ['a grant for a young person with no UPN', () => agency.grant(null, { ...AS.virtualSchoolHead })],
    ['a forged grant (signed with another key)', () => forged(upn)],
  ])('refuses %s: FORBIDDEN, and no data', async (_what, grant) => {
    const res = await ask(upn, await grant());
    expect(res.data).toEqual({ _entities: [null] });
    expect(res.errors).toEqual([{ ...FORBIDDEN, locations: ANY_LOCATIONS, path: ['_entities', 0] }]);
  });

  it('refuses a grant used again in a later request (replayed)', async () => {
    const [rep] = await grantedRepresentations(agency, [upn], AS.virtualSchoolHead);
    const first = await agency.request<EducationEntities>(DEEP_QUERY, { representations: [rep] }, { viewer: AS.virtualSchoolHead.viewer });
    expect(first.errors).toBeUndefined();
    const again = await agency.request<EducationEntities>(DEEP_QUERY, { representations: [rep] }, { viewer: AS.virtualSchoolHead.viewer });
    expect(again.data).toEqual({ _entities: [null] });
    expect(again.errors).toMatchObject([{ ...FORBIDDEN, path: ['_entities', 0] }]);
  });

  it('needs a grant naming "no UPN" for a young person social care holds no UPN for', async () => {
    expect((await ask(null, await agency.grant(upn, { ...AS.virtualSchoolHead }))).errors).toMatchObject([FORBIDDEN]);
    expect((await ask(null, await forged(null))).errors).toMatchObject([FORBIDDEN]);
    const ok = await ask(null, await agency.grant(null, { ...AS.virtualSchoolHead }));
    expect(ok.errors).toBeUndefined();
    expect(educationOf(ok).matchStatus).toBe('NOT_LINKED');
  });

  it('compares the UPN exactly as received: a grant for the upper-case UPN does not cover it in lower case', async () => {
    const res = await ask(upn.toLowerCase(), await agency.grant(upn, { ...AS.virtualSchoolHead }));
    expect(res.errors).toMatchObject([FORBIDDEN]);
  });

  it('refuses the same way whether or not the virtual school holds the UPN (a refusal tells nothing)', async () => {
    const held = await ask(upn, await forged(upn));
    const unheld = await ask(UNKNOWN_UPN, await forged(UNKNOWN_UPN));
    expect(unheld).toEqual(held);
  });

  it('refuses one young person without holding back the others in the same request', async () => {
    const [good] = await grantedRepresentations(agency, [upn], AS.virtualSchoolHead);
    const bad = representation(agency, other.upn, await forged(other.upn));
    const res = await agency.request<EducationEntities>(
      entitiesQuery(agency, 'education', 'matchStatus'),
      { representations: [good, bad] },
      { viewer: AS.virtualSchoolHead.viewer },
    );
    expect(dataOf(res)._entities).toEqual([{ upn, education: { matchStatus: 'MATCHED' } }, null]);
    expect(res.errors).toMatchObject([{ ...FORBIDDEN, path: ['_entities', 1] }]);
  });

  it("checks the grant after the UPN itself: a malformed UPN is the caller's error either way", async () => {
    const res = await ask('not-a-upn', undefined);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'upn' });
  });

  it("answers nothing without the gateway's signed token, whatever the grant", async () => {
    const [rep] = await grantedRepresentations(agency, [upn], {
      viewer: PERSONAS.virtualSchoolHead,
      purpose: AS.virtualSchoolHead.purpose,
    });
    const res = await agency.request<EducationEntities>(DEEP_QUERY, { representations: [rep] }, { authorization: null });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
