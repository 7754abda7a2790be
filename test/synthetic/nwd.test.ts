import { addDays, ageOn, daysBetween } from '../../kit/subgraph/dates';
import { Allocation } from '../../subgraphs/social-care/entities/allocation';
import { CaseStatusEpisode, PlacementEpisode } from '../../subgraphs/social-care/entities/episodes';
import { Meeting } from '../../subgraphs/social-care/entities/meetings';
import { NwdInvolvement } from '../../subgraphs/social-care/entities/nwd';
import { CaseStatus, MeetingStatus, NwdClosureOutcome } from '../../subgraphs/social-care/enums';
import { optionsFor, percent, rowsOf, seededPopulation, SIZES } from './support';

/**
 * The No Wrong Door caseload as social care records it: young people aged 12 to 25 (care leavers
 * included), an edge-of-care group of whom about 87.5 % remain at home or with family (Redcar,
 * 003:1486-1490), involvements that close with an outcome, support about 23 days after referral
 * (000:1946), and RAISE meetings on weekdays at the review frequency while the involvement is open.
 */

/** The hub's review intervals by RAG priority, as its schedule states them (subgraphs/social-care/rules/raise-schedule.ts). */
const INTERVAL_DAYS = { RED: 28, AMBER: 42, GREEN: 56 } as const;
/** A meeting may slip a few days either side of the interval, and a weekend moves it a day more. */
const SLIP_DAYS = 5;

interface Involvement {
  id: string;
  age: number;
  status: CaseStatus | undefined;
  edgeOfCare: boolean;
  referredOn: string;
  priority: keyof typeof INTERVAL_DAYS;
  supportDays: number | null;
  closedOn: string | null;
  outcome: NwdClosureOutcome | null;
  keyWorkerEnds: (string | null)[];
  /** Entered care after referral: a LOOKED_AFTER status and a placement starting after the referral date. */
  enteredCare: boolean;
  meetings: { heldOn: string; status: MeetingStatus }[];
}

function caseload(size: number): { asOf: string; involvements: Involvement[]; noInvolvement: string[] } {
  const options = optionsFor(size);
  const involvements: Involvement[] = [];
  const noInvolvement: string[] = [];
  for (const { person, socialCare } of seededPopulation(options, ['socialCare'])) {
    if (!person.nwd) continue;
    const [involvement] = rowsOf(socialCare, NwdInvolvement);
    if (!involvement) {
      noInvolvement.push(person.id);
      continue;
    }
    const statuses = rowsOf(socialCare, CaseStatusEpisode);
    const current = statuses.find((s) => !s.endDate);
    const { referredOn } = involvement;
    involvements.push({
      id: person.id,
      age: ageOn(person.dateOfBirth, options.asOf),
      status: current?.status,
      edgeOfCare: statuses.some((s) => s.status === CaseStatus.EDGE_OF_CARE),
      referredOn,
      priority: involvement.priority,
      supportDays: involvement.supportStartedOn ? daysBetween(referredOn, involvement.supportStartedOn) : null,
      closedOn: involvement.closedOn ?? null,
      outcome: involvement.closureOutcome ?? null,
      keyWorkerEnds: rowsOf(socialCare, Allocation)
        .filter((a) => a.role === 'NWD_KEY_WORKER')
        .map((a) => a.endDate ?? null),
      enteredCare:
        statuses.some((s) => s.status === CaseStatus.LOOKED_AFTER && s.startDate > referredOn) &&
        rowsOf(socialCare, PlacementEpisode).some((p) => p.startDate > referredOn),
      meetings: rowsOf(socialCare, Meeting)
        .map((m) => ({ heldOn: m.heldOn, status: m.status }))
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn)),
    });
  }
  return { asOf: options.asOf, involvements, noInvolvement };
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe.each(SIZES)('the NWD caseload of a population of %i', (size) => {
  let asOf: string;
  let all: Involvement[];
  beforeAll(() => {
    const c = caseload(size);
    asOf = c.asOf;
    all = c.involvements;
    expect(c.noInvolvement).toEqual([]);
  });

  it('works with young people aged 12 to 25, about a fifth of them 18 or over and care leavers (North Yorkshire: 42, 002:972)', () => {
    expect(all.filter((i) => i.age < 12 || i.age > 25)).toEqual([]);
    const adults = all.filter((i) => i.age >= 18);
    expect(percent(adults.length, all.length)).toBeGreaterThanOrEqual(8);
    expect(percent(adults.length, all.length)).toBeLessThanOrEqual(25);
    expect(adults.filter((i) => i.status !== CaseStatus.CARE_LEAVER && i.closedOn === null).map((i) => i.id)).toEqual([]);
  });

  it('has an edge-of-care group of a few dozen per 600 (Redcar: 48), about 87.5 % remaining at home or with family', () => {
    const edge = all.filter((i) => i.edgeOfCare || i.status === CaseStatus.EDGE_OF_CARE);
    expect(edge.length).toBeGreaterThanOrEqual(size * 0.05);
    expect(edge.length).toBeLessThanOrEqual(size * 0.08);
    const atHome = edge.filter((i) => i.status === CaseStatus.EDGE_OF_CARE && !i.enteredCare);
    const share = percent(atHome.length, edge.length);
    expect(share).toBeGreaterThanOrEqual(80);
    expect(share).toBeLessThanOrEqual(95);
    // The rest entered care after referral, with a placement; and their involvement records it on closing.
    const entered = edge.filter((i) => i.status === CaseStatus.LOOKED_AFTER);
    expect(entered.length).toBeGreaterThan(0);
    expect(entered.filter((i) => !i.enteredCare).map((i) => i.id)).toEqual([]);
    expect(entered.filter((i) => i.closedOn && i.outcome !== NwdClosureOutcome.BECAME_LOOKED_AFTER).map((i) => i.id)).toEqual([]);
  });

  it('closes some involvements, each with a closure outcome, some months ago; the key worker stops at closure', () => {
    const closed = all.filter((i) => i.closedOn);
    expect(percent(closed.length, all.length)).toBeGreaterThanOrEqual(15);
    expect(percent(closed.length, all.length)).toBeLessThanOrEqual(45);
    expect(closed.filter((i) => !i.outcome || i.closedOn! <= i.referredOn || i.closedOn! > asOf).map((i) => i.id)).toEqual([]);
    expect(all.filter((i) => !i.closedOn && i.outcome).map((i) => i.id)).toEqual([]);
    expect(closed.filter((i) => daysBetween(i.closedOn!, asOf) > 90).length).toBeGreaterThan(0);
    expect(new Set(closed.map((i) => i.outcome)).size).toBeGreaterThanOrEqual(3);
    expect(all.filter((i) => i.keyWorkerEnds.length !== 1 || i.keyWorkerEnds[0] !== i.closedOn).map((i) => i.id)).toEqual([]);
  });

  it('starts support about 23 days after referral on average (000:1946)', () => {
    const days = all.map((i) => i.supportDays).filter((d): d is number => d !== null);
    const mean = days.reduce((s, d) => s + d, 0) / days.length;
    expect(mean).toBeGreaterThanOrEqual(18);
    expect(mean).toBeLessThanOrEqual(28);
  });

  it('holds RAISE meetings on weekdays only', () => {
    const weekend = all.flatMap((i) => i.meetings.filter((m) => [0, 6].includes(weekday(m.heldOn))).map((m) => `${i.id} ${m.heldOn}`));
    expect(weekend).toEqual([]);
  });

  it('holds the first meeting within 4 weeks of referral, then at the review frequency for the priority', () => {
    const late: string[] = [];
    for (const i of all) {
      if (i.meetings.length === 0) continue;
      if (daysBetween(i.referredOn, i.meetings[0].heldOn) > 28) late.push(`${i.id} first ${i.meetings[0].heldOn}`);
    }
    expect(late).toEqual([]);
    // No gap between consecutive meetings longer than the interval for the priority and its slip.
    const gaps = all.flatMap((i) =>
      i.meetings
        .slice(1)
        .flatMap((m, k) =>
          daysBetween(i.meetings[k].heldOn, m.heldOn) > INTERVAL_DAYS[i.priority] + SLIP_DAYS ? [`${i.id} ${m.heldOn}`] : [],
        ),
    );
    expect(gaps).toEqual([]);
  });

  it('runs meetings up to today and schedules the next one beyond it while the involvement is open, none after it closes', () => {
    const open = all.filter((i) => !i.closedOn && daysBetween(i.referredOn, asOf) > 28);
    const wrong = open.flatMap((i) => {
      const future = i.meetings.filter((m) => m.heldOn >= asOf);
      const past = i.meetings.filter((m) => m.heldOn < asOf);
      const recent = past.length > 0 && daysBetween(past[past.length - 1].heldOn, asOf) <= INTERVAL_DAYS[i.priority] + SLIP_DAYS;
      return future.length === 1 && future[0].status === MeetingStatus.SCHEDULED && recent ? [] : [i.id];
    });
    expect(wrong).toEqual([]);
    const afterClosure = all.filter(
      (i) => i.closedOn && i.meetings.some((m) => m.heldOn > i.closedOn! || m.status === MeetingStatus.SCHEDULED),
    );
    expect(afterClosure.map((i) => i.id)).toEqual([]);
    // Years-long involvements have many more than eight meetings.
    expect(Math.max(...all.map((i) => i.meetings.length))).toBeGreaterThan(12);
  });

  it('schedules no meeting more than one interval ahead', () => {
    const far = all.flatMap((i) =>
      i.meetings.filter((m) => m.heldOn > addDays(asOf, INTERVAL_DAYS[i.priority] + SLIP_DAYS)).map(() => i.id),
    );
    expect(far).toEqual([]);
  });
});
