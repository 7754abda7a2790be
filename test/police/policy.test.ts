import { PERSONAS } from '../../kit/dev/personas';
import { TEST_TODAY } from '../support/agency';
import { arrestsInLastSixMonths, missingEpisodesInLastSixMonths } from '../../subgraphs/police/rules/recent';
import { Arrest, MissingEpisode, Nominal } from '../../subgraphs/police/entities';
import { ArrestOutcome, MissingRiskGrading, OffenceCategory } from '../../subgraphs/police/enums';
import { addDays } from '../../kit/subgraph/dates';
import type { Viewer } from '../../kit/shared/roles';
import { policePolicy } from '../../subgraphs/police/policy';
import { service as policeService } from '../../subgraphs/police/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf, withheldAt } from '../support/graphql';
import { AS, askAbout, entitiesQuery, type Entities } from '../support/receiving';
import { DEEP_QUERY, seededPeople, type PoliceEntity, type PoliceRecordBody } from './fixtures';

type Path = (string | number)[];

/** An item of one of the police record's lists, as check() compares it: any field, by name. */
type ListItem = { id: string } & Record<string, unknown>;

/**
 * Each rule of the police policy, through the subgraph: a viewer the rule allows gets the value; one it
 * does not gets null and a WITHHELD error naming the police and the rule, at exactly that path.
 */
describe('police policy', () => {
  let agency: TestAgency;
  const pncIds = seededPeople().map((p) => p.pncId);
  /** What the police themselves see (nothing withheld), by list and id. */
  const truth = new Map<string, ListItem>();
  let truthRecords: PoliceRecordBody[];

  const partners: Viewer[] = [
    PERSONAS.socialWorker,
    PERSONAS.designatedTeacher,
    PERSONAS.virtualSchoolHead,
    PERSONAS.lacNurse,
    PERSONAS.lifeCoach,
  ];
  const police: Viewer[] = [PERSONAS.policeLiaison, PERSONAS.policeAnalyst];

  beforeAll(async () => {
    agency = await startTestAgency(policeService);
    const res = await askAbout<Entities<PoliceEntity>>(agency, DEEP_QUERY, pncIds, { viewer: PERSONAS.policeAnalyst });
    expect(res.errors).toBeUndefined();
    truthRecords = dataOf(res)._entities.map((e) => e.police);
    for (const record of truthRecords) {
      for (const list of ['intelligence', 'arrests', 'associates', 'locationsOfConcern', 'missingEpisodes'] as const) {
        // A plain copy of each item, which check() reads by field name.
        for (const item of record[list]!) truth.set(`${list}:${item.id}`, { ...item });
      }
    }
  });
  afterAll(async () => {
    await agency?.stop();
  });

  const policeQuery = (selection: string) => entitiesQuery(agency, 'police', selection);
  /**
   * Told to every other agency at each list of arrests or missing episodes, and at the chronology,
   * whatever it holds: the young person may have kept some from them. Never how many.
   */
  const WISHES = { code: 'WITHHELD', agency: 'police', rule: 'young-persons-wishes' };
  const onlyWishes = (errors: { extensions: { rule?: string } }[] | undefined) =>
    (errors ?? []).every((e) => e.extensions.rule === 'young-persons-wishes');
  const read = <Data = Entities<PoliceEntity>>(selection: string, viewer: Viewer) =>
    askAbout<Data>(agency, policeQuery(selection), pncIds, { viewer });

  /**
   * For every item of `list` the viewer got: withheld (null and the rule's notice at its path) when
   * `withheld(truth)`, otherwise exactly the police's value with no notice. Returns [withheld, shown].
   */
  async function check(
    viewer: Viewer,
    list: string,
    field: string,
    rule: string,
    withheld: (item: ListItem) => boolean,
  ): Promise<[number, number]> {
    const res = await read<Entities<{ police: Record<string, ListItem[]> }>>(`${list} { id ${field} }`, viewer);
    let counts: [number, number] = [0, 0];
    dataOf(res)._entities.forEach((entity, e) => {
      entity.police[list].forEach((item, i) => {
        const path: Path = ['_entities', e, 'police', list, i, field];
        const police = truth.get(`${list}:${item.id}`);
        expect(police).toBeDefined();
        if (withheld(police!)) {
          expect(item[field]).toBeNull();
          const notice = withheldAt(res.errors, path);
          expect(notice?.extensions).toEqual({ code: 'WITHHELD', agency: 'police', rule });
          expect(notice?.message).toMatch(/^Withheld by police: /);
          counts = [counts[0] + 1, counts[1]];
        } else {
          expect(item[field]).toEqual(police![field]);
          expect(withheldAt(res.errors, path)).toBeUndefined();
          counts = [counts[0], counts[1] + 1];
        }
      });
    });
    // Nothing is withheld except by this rule and the young person's wishes (which filter lists).
    const others = (res.errors ?? []).filter((e) => e.extensions?.rule !== rule && e.extensions?.rule !== 'young-persons-wishes');
    expect(others).toEqual([]);
    return counts;
  }

  // That every rule names a nullable field is checked for all agencies (test/access/withholdable-fields).
  it('reads as data: the rules and the audit fields include the ones the issue requires', () => {
    expect(Object.keys(policePolicy.fields).sort()).toEqual([
      'Arrest.charge',
      'Arrest.outcome',
      'Associate.name',
      'IntelligenceItem.fullText',
      'IntelligenceItem.sanitisedText',
      'LocationOfConcern.description',
      'PoliceRecord.accessLog',
    ]);
    expect(policePolicy.auditFields).toEqual(
      expect.arrayContaining(['YoungPerson.pncId', 'YoungPerson.police', 'PoliceRecord.matchStatus', 'PoliceRecord.accessLog']),
    );
  });

  describe('intelligence-full-text-police-only', () => {
    it('shows the full text of every item to police roles, handling code C included', async () => {
      for (const viewer of police) {
        const [withheld, shown] = await check(viewer, 'intelligence', 'fullText', 'intelligence-full-text-police-only', () => false);
        expect(withheld).toBe(0);
        expect(shown).toBe([...truth.keys()].filter((k) => k.startsWith('intelligence:')).length);
      }
      expect([...truth.values()].some((i) => i.handlingCode === 'C' && typeof i.fullText === 'string')).toBe(true);
    });

    it('withholds the full text from every partner agency, for handling codes P and C and legacy items alike', async () => {
      for (const viewer of partners) {
        const [withheld, shown] = await check(viewer, 'intelligence', 'fullText', 'intelligence-full-text-police-only', () => true);
        expect([withheld, shown]).toEqual([[...truth.keys()].filter((k) => k.startsWith('intelligence:')).length, 0]);
      }
      const codes = new Set([...truth.values()].filter((i) => 'fullText' in i).map((i) => i.handlingCode));
      expect(codes).toEqual(new Set(['P', 'C', null])); // the data has all three kinds
    });
  });

  describe('not-marked-for-sharing', () => {
    it('shows partners the sanitised text only of items marked for sharing', async () => {
      for (const viewer of partners) {
        const [withheld, shown] = await check(
          viewer,
          'intelligence',
          'sanitisedText',
          'not-marked-for-sharing',
          (i) => !i.markedForSharing,
        );
        expect(withheld).toBeGreaterThan(0);
        expect(shown).toBeGreaterThan(0);
      }
    });

    it('shows the police the sanitised text of every item', async () => {
      for (const viewer of police)
        expect((await check(viewer, 'intelligence', 'sanitisedText', 'not-marked-for-sharing', () => false))[1]).toBeGreaterThan(0);
    });

    it('shows every item its grading to everyone: 3x5x2, legacy 5x5x5, handling code and conditions', async () => {
      const grades =
        'id gradingScheme sourceEvaluation intelligenceAssessment handlingCode handlingConditions legacySourceEvaluation legacyIntelligenceEvaluation legacyHandlingCode markedForSharing recordedAt';
      for (const viewer of [...partners, PERSONAS.policeLiaison]) {
        const res = await read(`intelligence { ${grades} }`, viewer);
        expect(res.errors).toBeUndefined();
        for (const item of dataOf(res)._entities.flatMap((e) => e.police.intelligence!)) {
          const { fullText: _fullText, sanitisedText: _sanitisedText, ...police } = truth.get(`intelligence:${item.id}`)!;
          expect(item).toEqual(police);
        }
      }
    });
  });

  describe('associate-names-police-and-social-care', () => {
    it("shows associates' names to police and social care, and their relationship to everyone", async () => {
      for (const viewer of [...police, PERSONAS.socialWorker, PERSONAS.keyWorker, PERSONAS.iro]) {
        const [withheld, shown] = await check(viewer, 'associates', 'name', 'associate-names-police-and-social-care', () => false);
        expect([withheld, shown > 0]).toEqual([0, true]);
      }
      for (const viewer of [PERSONAS.designatedTeacher, PERSONAS.lacNurse]) {
        const [withheld, shown] = await check(viewer, 'associates', 'relationship', 'associate-names-police-and-social-care', () => false);
        expect([withheld, shown > 0]).toEqual([0, true]);
      }
    });

    it("withholds associates' names from education and health", async () => {
      for (const viewer of [PERSONAS.designatedTeacher, PERSONAS.virtualSchoolHead, PERSONAS.lacNurse, PERSONAS.lifeCoach]) {
        const [withheld, shown] = await check(viewer, 'associates', 'name', 'associate-names-police-and-social-care', () => true);
        expect([withheld > 0, shown]).toEqual([true, 0]);
      }
    });
  });

  describe('locations-of-concern-police-and-social-care', () => {
    it('shows where a location of concern is to police and social care', async () => {
      for (const viewer of [...police, PERSONAS.socialWorker, PERSONAS.keyWorker]) {
        const [withheld, shown] = await check(
          viewer,
          'locationsOfConcern',
          'description',
          'locations-of-concern-police-and-social-care',
          () => false,
        );
        expect([withheld, shown > 0]).toEqual([0, true]);
      }
    });

    it('withholds it from education and health, who still see the kind of place and the dates', async () => {
      for (const viewer of [PERSONAS.designatedTeacher, PERSONAS.lacNurse]) {
        const [withheld, shown] = await check(
          viewer,
          'locationsOfConcern',
          'description',
          'locations-of-concern-police-and-social-care',
          () => true,
        );
        expect([withheld > 0, shown]).toEqual([true, 0]);
        for (const field of ['kind', 'concernFrom', 'concernTo']) {
          const [withheld, shown] = await check(
            viewer,
            'locationsOfConcern',
            field,
            'locations-of-concern-police-and-social-care',
            () => false,
          );
          expect([withheld, shown > 0]).toEqual([0, true]);
        }
      }
    });
  });

  describe('arrest-charge-and-outcome-need-to-know', () => {
    it("shows an arrest's charge and outcome to police and social care", async () => {
      for (const viewer of [...police, PERSONAS.socialWorker]) {
        for (const field of ['charge', 'outcome']) {
          const [withheld, shown] = await check(viewer, 'arrests', field, 'arrest-charge-and-outcome-need-to-know', () => false);
          expect([withheld, shown > 0]).toEqual([0, true]);
        }
      }
    });

    it('withholds both from education and health, who still see the date, offence and gravity', async () => {
      for (const viewer of [PERSONAS.designatedTeacher, PERSONAS.virtualSchoolHead, PERSONAS.lacNurse, PERSONAS.lifeCoach]) {
        for (const field of ['charge', 'outcome']) {
          const [withheld, shown] = await check(viewer, 'arrests', field, 'arrest-charge-and-outcome-need-to-know', () => true);
          expect([withheld > 0, shown]).toEqual([true, 0]);
        }
        for (const field of ['arrestedOn', 'offenceCategory', 'gravityScore', 'offenceInNwdHub']) {
          const [withheld, shown] = await check(viewer, 'arrests', field, 'arrest-charge-and-outcome-need-to-know', () => false);
          expect([withheld, shown > 0]).toEqual([0, true]);
        }
      }
    });

    it('leaves the outcome out of the chronology for the same viewers, and says so at every chronology, arrests or none, uncounted', async () => {
      const sw = await read('arrests { id } chronology { kind summary }', PERSONAS.socialWorker);
      expect(onlyWishes(sw.errors)).toBe(true);
      const swArrests = dataOf(sw)._entities.flatMap((e) => e.police.chronology!.filter((c) => c.kind === 'Arrest'));
      expect(swArrests.length).toBeGreaterThan(0);
      expect(swArrests.every((c) => /; outcome: /.test(c.summary))).toBe(true);

      const teacher = await read('arrests { id } chronology { kind summary }', PERSONAS.designatedTeacher);
      let withheld = 0;
      dataOf(teacher)._entities.forEach((entity, e) => {
        const arrests = entity.police.chronology!.filter((c) => c.kind === 'Arrest');
        expect(arrests).toHaveLength(entity.police.arrests!.length);
        expect(arrests.some((c) => /outcome/.test(c.summary))).toBe(false);
        const notice = withheldAt(teacher.errors, ['_entities', e, 'police', 'chronology'], 'arrest-charge-and-outcome-need-to-know');
        expect(notice?.extensions).toEqual({ code: 'WITHHELD', agency: 'police', rule: 'arrest-charge-and-outcome-need-to-know' });
        withheld += arrests.length;
      });
      expect(withheld).toBeGreaterThan(0);
    });
  });

  describe('missing episodes and return home interviews', () => {
    it('are shown to everyone with a relationship (the health nurse sees exactly what the police see)', async () => {
      const selection =
        'missingEpisodesInLastSixMonths currentlyMissing missingEpisodes { id reportedAt foundAt riskGrading locationFound returnHomeInterviewStatus returnHomeInterview { offeredAt takenUp } }';
      const nurse = await read(selection, PERSONAS.lacNurse);
      const analyst = await read(selection, PERSONAS.policeAnalyst);
      expect(onlyWishes(nurse.errors)).toBe(true);
      expect(nurse.data).toEqual(analyst.data);
    });
  });

  describe('audit-log-auditors-only', () => {
    it('withholds the access log from everyone but information-governance auditors', async () => {
      for (const viewer of [...police, ...partners]) {
        const res = await read('matchStatus accessLog { requestId }', viewer);
        dataOf(res)._entities.forEach((entity, e) => {
          expect(entity.police).toEqual({ matchStatus: 'MATCHED', accessLog: null });
          expect(withheldAt(res.errors, ['_entities', e, 'police', 'accessLog'])?.extensions).toEqual({
            code: 'WITHHELD',
            agency: 'police',
            rule: 'audit-log-auditors-only',
          });
        });
      }
    });

    it('shows it to an auditor reading under the AUDIT purpose', async () => {
      const res = await askAbout<Entities<PoliceEntity>>(
        agency,
        policeQuery('matchStatus accessLog { requestId loggedBy }'),
        pncIds,
        AS.auditor,
      );
      expect(res.errors).toBeUndefined();
      for (const entity of dataOf(res)._entities) {
        expect(entity.police.accessLog!.length).toBeGreaterThan(0); // every earlier test read everyone
        expect(entity.police.accessLog!.every((l) => l.loggedBy === 'police')).toBe(true);
      }
    });
  });

  describe("young-persons-wishes: records the young person asked not to share with the viewer's agency", () => {
    const selection = 'missingEpisodes { id returnHomeInterview { id } } arrests { id } chronology { kind date summary }';

    it('are left out for education, with the same uncounted notice at each list and chronology whether or not any were', async () => {
      const teacher = await read(selection, PERSONAS.designatedTeacher);
      let hiddenTotal = 0;
      dataOf(teacher)._entities.forEach((entity, e) => {
        const police = truthRecords[e];
        let hiddenEntries = 0;
        for (const list of ['missingEpisodes', 'arrests'] as const) {
          const shownIds = entity.police[list]!.map((i) => i.id);
          const allIds = police[list]!.map((i) => i.id);
          expect(allIds.filter((id) => shownIds.includes(id))).toEqual(shownIds); // same order, nothing new
          const hidden = police[list]!.filter((i) => !shownIds.includes(i.id));
          const notice = withheldAt(teacher.errors, ['_entities', e, 'police', list], 'young-persons-wishes');
          expect(notice?.extensions).toEqual(WISHES);
          expect(notice?.message).not.toMatch(/\d|item|arrest|missing/i);
          hiddenTotal += hidden.length;
          // The chronology loses every entry about a hidden record: an episode's interview offer too.
          hiddenEntries += hidden.length + hidden.filter((i) => 'returnHomeInterview' in i && i.returnHomeInterview).length;
        }
        expect(entity.police.chronology).toHaveLength(police.chronology!.length - hiddenEntries);
        expect(withheldAt(teacher.errors, ['_entities', e, 'police', 'chronology'], 'young-persons-wishes')?.extensions).toEqual(WISHES);
      });
      expect(hiddenTotal).toBeGreaterThan(0);
      // Young people with something kept from the school and without: told the same, in the same places.
      const told = (teacher.errors ?? []).map((n) => [n.path!.slice(2).join('.'), n.extensions, n.message]);
      expect(new Set(told.map((t) => JSON.stringify(t))).size).toBe(told.length / dataOf(teacher)._entities.length);
    });

    it('are not counted for education either: a count never gives away what the list left out', async () => {
      // A recent arrest the young person asked to keep from their school (removed again after).
      const em = agency.orm.em.fork();
      const nominal = await em.findOneOrFail(Nominal, { pncId: pncIds[0] });
      const arrest = em.create(Arrest, {
        nominal,
        arrestedOn: addDays(TEST_TODAY, -10),
        offenceCategory: OffenceCategory.THEFT_AND_HANDLING,
        gravityScore: 2,
        charge: null,
        outcome: ArrestOutcome.NO_FURTHER_ACTION,
        offenceInNwdHub: false,
        notSharedWith: ['EDUCATION'],
      });
      await em.flush();
      try {
        const selection = 'missingEpisodesInLastSixMonths arrestsInLastSixMonths missingEpisodes { reportedAt } arrests { arrestedOn }';
        const teacher = dataOf(await read(selection, PERSONAS.designatedTeacher))._entities;
        const liaison = dataOf(await read(selection, PERSONAS.policeLiaison))._entities;
        teacher.forEach(({ police: shown }) => {
          const episodes = shown.missingEpisodes!.map((m) => ({ reportedAt: new Date(m.reportedAt) }));
          expect(shown.missingEpisodesInLastSixMonths).toBe(missingEpisodesInLastSixMonths(episodes, TEST_TODAY));
          expect(shown.arrestsInLastSixMonths).toBe(arrestsInLastSixMonths(shown.arrests!, TEST_TODAY));
        });
        expect(teacher[0].police.arrestsInLastSixMonths).toBe(liaison[0].police.arrestsInLastSixMonths! - 1);
      } finally {
        await em.removeAndFlush(arrest);
      }
    });

    it('say nothing about an episode happening now: a school is not told a child is missing when the young person kept that episode from it', async () => {
      // The young person is missing now, and asked that this episode is not shared with their school (removed again after).
      const em = agency.orm.em.fork();
      const nominal = await em.findOneOrFail(Nominal, { pncId: pncIds[0] });
      const open = truthRecords[0].missingEpisodes!.some((m) => m.foundAt === null);
      const episode = em.create(MissingEpisode, {
        nominal,
        reportedAt: new Date(`${addDays(TEST_TODAY, -1)}T21:00:00Z`),
        foundAt: null,
        riskGrading: MissingRiskGrading.HIGH,
        riskGradingSchemeVersion: 'Cleveland Police missing persons risk assessment v3',
        locationFound: null,
        notSharedWith: ['EDUCATION'],
      });
      await em.flush();
      try {
        const selection = 'currentlyMissing missingEpisodes { foundAt }';
        const [teacher] = dataOf(await read(selection, PERSONAS.designatedTeacher))._entities;
        const [liaison] = dataOf(await read(selection, PERSONAS.policeLiaison))._entities;
        expect(liaison.police.currentlyMissing).toBe(true);
        // What the school may see of the episodes decides it, as it decides the counts.
        expect(teacher.police.currentlyMissing).toBe(teacher.police.missingEpisodes!.some((m) => m.foundAt === null));
        expect(teacher.police.currentlyMissing).toBe(open);
      } finally {
        await em.removeAndFlush(episode);
      }
    });

    it('are shown to the agencies the young person did not name', async () => {
      for (const viewer of [PERSONAS.lacNurse, PERSONAS.socialWorker, PERSONAS.policeLiaison]) {
        const res = await read('missingEpisodes { id } arrests { id }', viewer);
        // Other agencies are told the young person may keep records from them; the police are not.
        expect(res.errors ?? []).toEqual(
          viewer.agency === 'POLICE' ? [] : expect.arrayContaining([expect.objectContaining({ extensions: WISHES })]),
        );
        expect(onlyWishes(res.errors)).toBe(true);
        dataOf(res)._entities.forEach((entity, e) => {
          expect(entity.police.missingEpisodes!.map((i) => i.id)).toEqual(truthRecords[e].missingEpisodes!.map((i) => i.id));
          expect(entity.police.arrests!.map((i) => i.id)).toEqual(truthRecords[e].arrests!.map((i) => i.id));
        });
      }
    });
  });
});
