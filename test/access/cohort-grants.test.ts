import type { AccessGrant } from '../../kit/subgraph/access/access-grant';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { grantKeysFor } from '../support/grants';

/**
 * A cohort's grant lets an agency count its own records of the members social care names, for
 * aggregate reporting only: it is not a grant to read anyone's record, and a record's grant is not one
 * to count a cohort.
 */
describe("social care's grant for a cohort", () => {
  const viewer = { viewerId: 'cpb.ashdown', requestId: 'req-1' };
  const cohort = {
    reference: 'cohort-reference-0001',
    members: [['9990000018', '2026-02-01'] as [string, string | null]],
    periods: [{ from: '2026-07-01', to: '2026-09-30' }],
  };
  let sign: Awaited<ReturnType<typeof grantKeysFor>>['sign'];
  let verify: Awaited<ReturnType<typeof grantKeysFor>>['verify'];
  beforeAll(async () => ({ sign, verify } = await grantKeysFor('health', 'test-cohort')));
  const grant = (over: Partial<AccessGrant> = {}): Promise<string> =>
    sign({ ...viewer, audience: 'health', purpose: { kind: PurposeKind.AGGREGATE_REPORTING }, cohort, ...over });

  it('gives the members and periods for the cohort it names', async () => {
    await expect(verify(await grant(), { ...viewer, cohortReference: cohort.reference })).resolves.toMatchObject({ cohort });
  });

  it('is refused for another cohort, another user or another request', async () => {
    const token = await grant();
    await expect(verify(token, { ...viewer, cohortReference: 'another-cohort-0001' })).rejects.toThrow('issued for another cohort');
    await expect(verify(token, { ...viewer, viewerId: 'kw.hollyoak', cohortReference: cohort.reference })).rejects.toThrow('another user');
    await expect(verify(token, { ...viewer, requestId: 'req-2', cohortReference: cohort.reference })).rejects.toThrow('another request');
  });

  it('is not a grant to read a young person’s record', async () => {
    await expect(verify(await grant(), { ...viewer, identifier: '9990000018' })).rejects.toThrow(
      'a cohort grant is not a grant to read a record',
    );
  });

  it('is refused when it names any purpose but aggregate reporting, or aggregate reporting without a cohort', async () => {
    const allocation = await grant({ purpose: { kind: PurposeKind.ALLOCATION } });
    await expect(verify(allocation, { ...viewer, cohortReference: cohort.reference })).rejects.toThrow('aggregate reporting only');
    const noCohort = await grant({
      people: [{ identifier: '9990000018', purpose: { kind: PurposeKind.AGGREGATE_REPORTING } }],
      purpose: undefined,
      cohort: undefined,
    });
    await expect(verify(noCohort, { ...viewer, identifier: '9990000018' })).rejects.toThrow('granted over a cohort only');
  });

  it('is refused when its members are malformed', async () => {
    const token = await grant({ cohort: { ...cohort, members: [['9990000018', 'last week']] } });
    await expect(verify(token, { ...viewer, cohortReference: cohort.reference })).rejects.toThrow('malformed cohort');
  });
});
