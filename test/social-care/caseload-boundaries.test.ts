import { PERSONAS } from '../../kit/dev/personas';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { addDays } from '../../kit/subgraph/dates';
import { cursorAt } from '../../kit/subgraph/graphql/pagination';
import type { Viewer } from '../../kit/shared/roles';
import { Allocation } from '../../subgraphs/social-care/entities/allocation';
import { CaseStatusEpisode } from '../../subgraphs/social-care/entities/episodes';
import { YoungPerson } from '../../subgraphs/social-care/entities/young-person';
import { CaseStatus } from '../../subgraphs/social-care/enums';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';

/**
 * The caseload selects in SQL those whom a fact certainly opens to the viewer (an allocation open
 * today; for the virtual school head, looked after today) and asks the relationship rule about the
 * rest. The seed has few facts at the edges of "today", so they are made here: allocations that ended
 * yesterday, end today, start today and start tomorrow, and case statuses where a looked-after episode
 * ended yesterday, is overtaken by a later status or shares its first day with another. Whoever the
 * caseload lists must be exactly whom the rule opens, one reference at a time: an over-broad condition
 * in SQL would show a child the rule keeps back, a narrow one would drop one.
 */
const SIZE = 150;
const everyone = Array.from({ length: SIZE }, (_, i) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY }));
const worker: Viewer = { id: 'sw.boundary', name: 'Boundary Test Worker (synthetic)', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' };
const yesterday = addDays(TEST_TODAY, -1);
const tomorrow = addDays(TEST_TODAY, 1);

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
  const em = agency.orm.em.fork();
  const onCaseload = everyone.filter((p) => p.nwdJourney && !p.nwdJourney.closedOn);
  expect(onCaseload.length).toBeGreaterThan(10);
  const allocate = (index: number, startDate: string, endDate: string | null) =>
    em.create(Allocation, {
      youngPerson: em.getReference(YoungPerson, onCaseload[index].id),
      practitionerId: worker.id,
      practitionerName: worker.name,
      role: 'Social worker',
      startDate,
      endDate,
    });
  allocate(0, '2025-01-06', yesterday); // ended yesterday: no longer
  allocate(1, '2025-01-06', TEST_TODAY); // ends today: the last day counts
  allocate(2, TEST_TODAY, null); // starts today
  allocate(3, tomorrow, null); // starts tomorrow: not yet
  const status = (index: number, status: CaseStatus, startDate: string, endDate: string | null) =>
    em.create(CaseStatusEpisode, { youngPerson: em.getReference(YoungPerson, onCaseload[index].id), status, startDate, endDate });
  // Their case status histories are only these (the seed's are removed first).
  await em.nativeDelete(CaseStatusEpisode, { youngPerson: { $in: [4, 5, 6, 7].map((i) => onCaseload[i].id) } });
  // Looked after until yesterday, a child in need from today.
  status(4, CaseStatus.LOOKED_AFTER, '2024-03-01', yesterday);
  status(4, CaseStatus.CHILD_IN_NEED, TEST_TODAY, null);
  // A looked-after episode still open, overtaken by a child protection status starting later.
  status(5, CaseStatus.LOOKED_AFTER, '2024-03-01', null);
  status(5, CaseStatus.CHILD_PROTECTION, '2026-06-01', null);
  // Looked after from tomorrow.
  status(6, CaseStatus.LOOKED_AFTER, tomorrow, null);
  // Looked after and a child in need from the same day, both open: which is in force is the rule's
  // tie-break (the first recorded), so the database cannot be sure and must leave it to the rule.
  status(7, CaseStatus.LOOKED_AFTER, '2025-02-03', null);
  status(7, CaseStatus.CHILD_IN_NEED, '2025-02-03', null);
  await em.flush();
});
afterAll(() => agency?.stop());

type Opened = { id: string; onNwdCaseload: boolean | null; accessPurpose: { kind: string } } | null;

describe('the NWD caseload at the edges of today', () => {
  it.each([
    ['a social worker with allocations ending and starting around today', worker],
    ['the virtual school head, with looked-after episodes ended, overtaken, tied and not yet begun', PERSONAS.virtualSchoolHead],
  ])('lists for %s exactly whom the rule opens', async (_who, viewer) => {
    const caseload = await agency.request<{ nwdCaseload: { totalCount: number; nodes: { id: string }[] } }>(
      `{ nwdCaseload(first: 100) { totalCount nodes { id } } }`,
      {},
      { viewer },
    );
    const oneByOne = await agency.request<{ _entities: Opened[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { id onNwdCaseload accessPurpose { kind } } } }`,
      { representations: everyone.map((p) => ({ __typename: 'YoungPerson', id: p.id })) },
      { viewer },
    );
    const opened = dataOf(oneByOne)._entities.filter((p) => p?.onNwdCaseload && p.accessPurpose.kind !== 'AUDIT');
    const listed = dataOf(caseload).nwdCaseload;
    expect(listed.nodes.map((n) => n.id).sort()).toEqual(opened.map((p) => p!.id).sort());
    expect(listed.totalCount).toBe(opened.length);
  });

  it('counts the whole caseload on every page, a page past the last included', async () => {
    type Page = { nwdCaseload: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } };
    const page = async (first: number, offset: number) =>
      dataOf(
        await agency.request<Page>(
          `query($after: String) { nwdCaseload(first: ${first}, after: $after) { totalCount nodes { id } pageInfo { hasNextPage } } }`,
          { after: offset ? cursorAt(offset) : null },
          { viewer: PERSONAS.virtualSchoolHead },
        ),
      ).nwdCaseload;
    const whole = await page(100, 0);
    expect(whole.totalCount).toBe(whole.nodes.length);
    expect(whole.totalCount).toBeGreaterThan(4);
    const second = await page(2, 2);
    expect(second).toEqual({ totalCount: whole.totalCount, nodes: whole.nodes.slice(2, 4), pageInfo: { hasNextPage: true } });
    const last = await page(2, whole.totalCount - 1);
    expect(last).toEqual({ totalCount: whole.totalCount, nodes: whole.nodes.slice(-1), pageInfo: { hasNextPage: false } });
    const pastTheEnd = await page(2, whole.totalCount + 3);
    expect(pastTheEnd).toEqual({ totalCount: whole.totalCount, nodes: [], pageInfo: { hasNextPage: false } });
  });

  it('lists the allocations open today and none other, for the worker who has only these', async () => {
    const onCaseload = everyone.filter((p) => p.nwdJourney && !p.nwdJourney.closedOn);
    const caseload = await agency.request<{ nwdCaseload: { nodes: { id: string }[] } }>(
      `{ nwdCaseload(first: 100) { nodes { id } } }`,
      {},
      { viewer: worker },
    );
    expect(
      dataOf(caseload)
        .nwdCaseload.nodes.map((n) => n.id)
        .sort(),
    ).toEqual([onCaseload[1].id, onCaseload[2].id].sort());
  });
});
