import { addDays, addMonths, ukDate } from '../../kit/subgraph/dates';
import { Arrest, MissingEpisode, Nominal } from '../../subgraphs/police/entities';
import { ArrestOutcome, MissingRiskGrading, OffenceCategory } from '../../subgraphs/police/enums';
import { service as policeService } from '../../subgraphs/police/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { askAbout, grantedRepresentations, type Entities } from '../support/receiving';
import {
  DEEP_QUERY,
  POLICE_LIST_FIELDS,
  POLICE_VALUE_FIELDS,
  seededPeople,
  UNKNOWN_PNC_ID,
  type PoliceEntity,
  type PoliceRecordBody,
} from './fixtures';

const NOW = new Date(`${TEST_TODAY}T12:00:00Z`); // the test clock

describe('police subgraph', () => {
  let agency: TestAgency;
  const people = seededPeople();
  const nwdPerson = people.find((p) => p.nwd)!;

  beforeAll(async () => {
    agency = await startTestAgency(policeService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  async function policeRecords(pncIds: (string | null)[]): Promise<PoliceRecordBody[]> {
    // The police liaison officer, under a meeting invitation: the police see all of their own data.
    const res = await askAbout<Entities<PoliceEntity>>(agency, DEEP_QUERY, pncIds);
    expect(res.errors).toBeUndefined();
    return dataOf(res)._entities.map((e) => e.police);
  }

  it('has young people with a PNC ID to test with', () => {
    expect(people.length).toBeGreaterThanOrEqual(3);
    expect(nwdPerson).toBeDefined();
  });

  it('returns the matched record with its dated episodes and the values computed from them', async () => {
    const [record] = await policeRecords([nwdPerson.pncId]);
    expect(record.matchStatus).toBe('MATCHED');
    // NWD young people are seeded with at least 3 missing episodes, newest first.
    expect(record.missingEpisodes!.length).toBeGreaterThanOrEqual(3);
    const reported = record.missingEpisodes!.map((e) => e.reportedAt);
    expect([...reported].sort().reverse()).toEqual(reported);
    const windowStart = addMonths(TEST_TODAY, -6);
    expect(record.missingEpisodesInLastSixMonths).toBe(reported.filter((r) => ukDate(new Date(r)) >= windowStart).length);
    expect(record.arrestsInLastSixMonths).toBe(record.arrests!.filter((a) => a.arrestedOn >= addMonths(TEST_TODAY, -6)).length);
    expect(record.currentlyMissing).toBe(record.missingEpisodes!.some((e) => e.foundAt === null));
    for (const e of record.missingEpisodes!) {
      expect(e.reportedAt > nwdPerson.dateOfBirth && new Date(e.reportedAt) <= NOW).toBe(true);
      expect(['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH']).toContain(e.riskGrading);
      expect(e.riskGradingSchemeVersion).toMatch(/v\d/);
    }
  });

  it('counts the same when the counts are asked alone, to the day at the edges of the six months, in UK time', async () => {
    // The window opens on 23 May 2026 (British Summer Time): 23:30 UTC on the 22nd is the 23rd in the UK,
    // 22:30 UTC is still the 22nd. An arrest on the first day counts, one the day before does not; an
    // episode reported years ago and never closed makes the young person missing now.
    const windowStart = addMonths(TEST_TODAY, -6);
    expect(windowStart).toBe('2026-05-23');
    const em = agency.orm.em.fork();
    const nominal = await em.findOneOrFail(Nominal, { pncId: nwdPerson.pncId });
    const episode = (reportedAt: string, foundAt: string | null) =>
      em.create(MissingEpisode, {
        nominal,
        reportedAt: new Date(reportedAt),
        foundAt: foundAt ? new Date(foundAt) : null,
        riskGrading: MissingRiskGrading.MEDIUM,
        riskGradingSchemeVersion: 'Cleveland Police missing persons risk assessment v3',
        locationFound: null,
      });
    const arrest = (arrestedOn: string) =>
      em.create(Arrest, {
        nominal,
        arrestedOn,
        offenceCategory: OffenceCategory.THEFT_AND_HANDLING,
        gravityScore: 2,
        charge: null,
        outcome: ArrestOutcome.NO_FURTHER_ACTION,
        offenceInNwdHub: false,
      });
    const [before] = await policeRecords([nwdPerson.pncId]);
    const added = [
      episode('2026-05-22T23:30:00Z', '2026-05-23T09:00:00Z'),
      episode('2026-05-22T22:30:00Z', '2026-05-23T09:00:00Z'),
      episode('2019-03-02T18:00:00Z', null),
      arrest(windowStart),
      arrest(addDays(windowStart, -1)),
    ];
    await em.flush();
    try {
      const alone = await askAbout<Entities<PoliceEntity>>(
        agency,
        '{ _entities(representations: $representations) { ... on YoungPerson { police { missingEpisodesInLastSixMonths arrestsInLastSixMonths currentlyMissing } } } }'.replace(
          '{ _entities',
          'query ($representations: [_Any!]!) { _entities',
        ),
        [nwdPerson.pncId],
      );
      expect(alone.errors).toBeUndefined();
      const [record] = dataOf(alone)._entities.map((e) => e.police);
      expect(record).toEqual({
        missingEpisodesInLastSixMonths: before.missingEpisodesInLastSixMonths! + 1,
        arrestsInLastSixMonths: before.arrestsInLastSixMonths! + 1,
        currentlyMissing: true,
      });
      // And as the whole lists count them.
      const [whole] = await policeRecords([nwdPerson.pncId]);
      expect(record).toEqual({
        missingEpisodesInLastSixMonths: whole.missingEpisodesInLastSixMonths,
        arrestsInLastSixMonths: whole.arrestsInLastSixMonths,
        currentlyMissing: whole.currentlyMissing,
      });
    } finally {
      await em.removeAndFlush(added);
    }
  });

  it('computes each return home interview status from the found time, the offer and the clock', async () => {
    const records = await policeRecords(people.map((p) => p.pncId));
    const episodes = records.flatMap((r) => r.missingEpisodes!);
    for (const e of episodes) {
      if (!e.foundAt) {
        expect([e.returnHomeInterviewStatus, e.returnHomeInterviewDueBy]).toEqual(['NOT_APPLICABLE', null]);
        continue;
      }
      const dueBy = new Date(new Date(e.foundAt).getTime() + 72 * 3_600_000);
      expect(new Date(e.returnHomeInterviewDueBy!)).toEqual(dueBy);
      const expected = e.returnHomeInterview
        ? new Date(e.returnHomeInterview.offeredAt) <= dueBy
          ? 'OFFERED_IN_TIME'
          : 'OFFERED_LATE'
        : NOW <= dueBy
          ? 'DUE'
          : 'OVERDUE';
      expect(e.returnHomeInterviewStatus).toBe(expected);
    }
    const inTime = episodes.filter((e) => e.returnHomeInterviewStatus === 'OFFERED_IN_TIME').length;
    expect(inTime / episodes.length).toBeGreaterThan(0.6); // most are offered within 72 hours
  });

  it('keeps 3x5x2 grades and legacy 5x5x5 grades apart, with full and sanitised text', async () => {
    const records = await policeRecords(people.map((p) => p.pncId));
    const items = records.flatMap((r) => r.intelligence!);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      const current = [i.sourceEvaluation, i.intelligenceAssessment, i.handlingCode];
      const legacy = [i.legacySourceEvaluation, i.legacyIntelligenceEvaluation, i.legacyHandlingCode];
      if (i.gradingScheme === 'THREE_BY_FIVE_BY_TWO') {
        expect(current.every((g) => g !== null) && legacy.every((g) => g === null)).toBe(true);
        expect(i.handlingConditions === null).toBe(i.handlingCode === 'P');
      } else {
        expect(current.every((g) => g === null) && legacy.every((g) => g !== null)).toBe(true);
      }
      expect(i.fullText).not.toBe(i.sanitisedText);
      expect(i.sanitisedText).toMatch(/\[synthetic\]$/);
      expect(typeof i.markedForSharing).toBe('boolean');
    }
  });

  it('computes NRM timescales and validates gravity scores', async () => {
    const records = await policeRecords(people.map((p) => p.pncId));
    for (const n of records.flatMap((r) => r.nrmReferrals!)) {
      expect(n.reasonableGroundsDecision.dueDate! > n.referredOn).toBe(true);
      expect(n.reasonableGroundsDecision.lastDone).toBe(n.reasonableGroundsDecisionOn);
      expect(n.reasonableGroundsDecidedInTime).toBe(
        n.reasonableGroundsDecisionOn === null ? null : n.reasonableGroundsDecisionOn <= n.reasonableGroundsDecision.dueDate!,
      );
      if (n.conclusiveGroundsDecisionOn) expect(n.conclusiveGroundsEarliestOn).not.toBeNull();
    }
    for (const a of records.flatMap((r) => r.arrests!)) {
      expect(a.gravityScore).toBeGreaterThanOrEqual(1);
      expect(a.gravityScore).toBeLessThanOrEqual(8);
      expect(a.charge === null).toBe(a.outcome !== 'CHARGED');
    }
  });

  it('builds a newest-first chronology from every kind of dated event', async () => {
    const [record] = await policeRecords([nwdPerson.pncId]);
    const dates = record.chronology!.map((c) => c.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(record.chronology!.every((c) => c.agency === 'police' && c.date <= TEST_TODAY)).toBe(true);
    const kinds = (k: string) => record.chronology!.filter((c) => c.kind === k).length;
    expect(kinds('Missing episode')).toBe(record.missingEpisodes!.length);
    expect(kinds('Arrest')).toBe(record.arrests!.length);
    expect(kinds('Intelligence recorded')).toBe(record.intelligence!.length);
    expect(kinds('NRM referral')).toBe(record.nrmReferrals!.length);
    expect(kinds('Associate recorded')).toBe(record.associates!.length);
    expect(kinds('Location of concern recorded')).toBe(record.locationsOfConcern!.length);
  });

  it('finds the same nominal by the short display form of the PNC ID', async () => {
    const long = nwdPerson.pncId!;
    const short = `${long.slice(2, 4)}/${String(Number(long.slice(5, 12)))}${long.slice(12)}`;
    const [byLong, byShort] = await policeRecords([long, short]);
    expect(byShort.matchStatus).toBe('MATCHED');
    expect(byShort.missingEpisodes).toEqual(byLong.missingEpisodes);
  });

  it('says NOT_LINKED for a null PNC ID and NO_RECORD_FOR_IDENTIFIER for an unknown one, with null data, not empty lists', async () => {
    const [notLinked, noRecord] = await policeRecords([null, UNKNOWN_PNC_ID]);
    expect(notLinked.matchStatus).toBe('NOT_LINKED');
    expect(noRecord.matchStatus).toBe('NO_RECORD_FOR_IDENTIFIER');
    for (const record of [notLinked, noRecord]) {
      for (const field of [...POLICE_LIST_FIELDS, ...POLICE_VALUE_FIELDS]) expect(record[field]).toBeNull();
    }
  });

  it('rejects a malformed PNC ID as BAD_USER_INPUT naming pncId, resolves the rest, and keeps answering', async () => {
    const wrongLetter = nwdPerson.pncId!.slice(0, -1) + (nwdPerson.pncId!.endsWith('A') ? 'B' : 'A');
    for (const bad of [wrongLetter, 'not-a-pnc-id']) {
      const res = await agency.request<Entities<PoliceEntity | null>>(DEEP_QUERY, {
        representations: await grantedRepresentations(agency, [nwdPerson.pncId, bad]),
      });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.field).toBe('pncId');
      expect(res.errors?.[0].message).toMatch(/^pncId: /);
      expect(res.errors?.[0].path).toEqual(['_entities', 1]);
      expect(dataOf(res)._entities[0]?.police.matchStatus).toBe('MATCHED');
    }
    const [after] = await policeRecords([nwdPerson.pncId]);
    expect(after.matchStatus).toBe('MATCHED');
  });
});
