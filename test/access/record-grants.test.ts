import { syntheticNhsNumber } from '../../kit/dev/synthetic/population';
import { GRANT_MAX_PEOPLE, type AccessGrant, type GrantedPerson } from '../../kit/subgraph/access/access-grant';
import { grantKeysFor } from '../support/grants';
import { PurposeKind } from '../../kit/subgraph/access/purpose';

/**
 * A grant to read records names its young people in `yps` (docs/partner-contract.md section 4): the
 * agency takes the entry for the identifier it received, and refuses the whole grant when the list is
 * not what the contract says, so no entry can be read two ways.
 */
describe("social care's grant for a list of young people", () => {
  const viewer = { viewerId: 'vsh.alderley', requestId: 'req-1' };
  const nhs = syntheticNhsNumber;
  const statutory = { kind: PurposeKind.STATUTORY_ROLE };
  let sign: Awaited<ReturnType<typeof grantKeysFor>>['sign'];
  let verify: Awaited<ReturnType<typeof grantKeysFor>>['verify'];
  beforeAll(async () => ({ sign, verify } = await grantKeysFor('health', 'test-record-grants')));
  const grant = (people: GrantedPerson[] | undefined, over: Partial<AccessGrant> = {}) =>
    sign({ ...viewer, audience: 'health', people, ...over });

  it('gives each young person it names their own purpose, and nothing for one it does not name', async () => {
    const token = await grant([
      { identifier: nhs(1), purpose: statutory },
      { identifier: nhs(2), purpose: { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000002-M3' } },
      { identifier: null, purpose: { kind: PurposeKind.ALLOCATION } },
    ]);
    await expect(verify(token, { ...viewer, identifier: nhs(1) })).resolves.toEqual({ purpose: statutory, identifier: nhs(1) });
    const invited = await verify(token, { ...viewer, identifier: nhs(2) });
    expect(invited.purpose.kind).toBe(PurposeKind.MEETING_INVITATION);
    expect(invited.purpose.meetingReference).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await expect(verify(token, { ...viewer, identifier: null })).resolves.toMatchObject({ purpose: { kind: PurposeKind.ALLOCATION } });
    await expect(verify(token, { ...viewer, identifier: nhs(3) })).rejects.toThrow('issued for another young person');
  });

  it.each<[string, () => Promise<string>, string]>([
    ['names nobody', () => grant([]), 'malformed young people'],
    [
      `names more than ${GRANT_MAX_PEOPLE}`,
      () => grant(Array.from({ length: GRANT_MAX_PEOPLE + 1 }, (_, i) => ({ identifier: nhs(i + 1), purpose: statutory }))),
      'malformed young people',
    ],
    [
      'names the identifier twice',
      () =>
        grant([
          { identifier: nhs(1), purpose: statutory },
          { identifier: nhs(1), purpose: { kind: PurposeKind.AUDIT } },
        ]),
      'malformed young people',
    ],
    [
      'gives another young person aggregate reporting',
      () =>
        grant([
          { identifier: nhs(1), purpose: statutory },
          { identifier: nhs(2), purpose: { kind: PurposeKind.AGGREGATE_REPORTING } },
        ]),
      'granted over a cohort only',
    ],
    [
      'carries a purpose for the whole grant as well',
      () => grant([{ identifier: nhs(1), purpose: statutory }], { purpose: statutory }),
      'malformed',
    ],
    [
      "is a meeting pack's",
      () =>
        grant([{ identifier: nhs(1), purpose: statutory }], {
          pack: { reference: 'pack-reference-0001', since: '2026-10-01', freeze: false },
        }),
      'a meeting pack grant is not a grant to read the record',
    ],
  ])('is refused, whole, when it %s', async (_what, made, refusal) => {
    await expect(verify(await made(), { ...viewer, identifier: nhs(1) })).rejects.toThrow(refusal);
  });

  it("is refused for a meeting pack unless it names the pack's one young person", async () => {
    const pack = { reference: 'pack-reference-0001', since: '2026-10-01', freeze: false };
    const one = await grant([{ identifier: nhs(1), purpose: statutory }], { pack });
    await expect(verify(one, { ...viewer, packReference: pack.reference })).resolves.toMatchObject({ identifier: nhs(1), pack });
    const two = await grant(
      [
        { identifier: nhs(1), purpose: statutory },
        { identifier: nhs(2), purpose: statutory },
      ],
      { pack },
    );
    await expect(verify(two, { ...viewer, packReference: pack.reference })).rejects.toThrow('granted for one young person');
  });

  it('is not a cohort: a cohort grant that names young people as well is refused', async () => {
    const cohort = {
      reference: 'cohort-reference-0001',
      members: [[nhs(1), null] as [string, null]],
      periods: [{ from: '2026-07-01', to: '2026-09-30' }],
    };
    const token = await grant([{ identifier: nhs(1), purpose: statutory }], { purpose: { kind: PurposeKind.AGGREGATE_REPORTING }, cohort });
    await expect(verify(token, { ...viewer, cohortReference: cohort.reference })).rejects.toThrow('aggregate reporting only');
  });
});
