import { withholdingRule } from '../../kit/subgraph/access/policy';
import { PERSONAS } from '../../kit/dev/personas';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import {
  CamhsInvolvement,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
  DentalCheck,
  DevelopmentCheck,
} from '../../subgraphs/health/entities';
import { healthPolicy } from '../../subgraphs/health/policy';
import { AUDITOR, type Reader } from '../policy/sharing-table';
import { HEALTH_SHARING } from '../policy/tables/health';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf, withheldNotices, type GraphQLErrorBody } from '../support/graphql';
import { askAbout, askAboutPack, entitiesQuery, packQuery, type Asking } from '../support/receiving';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { healthService, OPTIONS, rowsOf, seeded, type HealthEntities, type HealthRecordBody, type Seeded } from './support';

// Enough young people that every guarded field holds something for someone (an ended life coach involvement is rare).
const POPULATION = { ...OPTIONS, size: 200 };

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService, POPULATION);
});

afterAll(async () => {
  await agency?.stop();
});

const { ALLOCATION, MEETING_INVITATION, STATUTORY_ROLE, AUDIT } = PurposeKind;
const as = (persona: keyof typeof PERSONAS, kind: PurposeKind = MEETING_INVITATION): Asking => ({
  viewer: PERSONAS[persona],
  purpose: kind === MEETING_INVITATION ? { kind, meetingId: 'YP-000001-M1' } : { kind },
});

/**
 * For a guarded field, from health's hand-written sharing table (test/policy/tables/health.ts): someone
 * it is shown to and someone it is withheld from, under a relationship the row holds for. The auditor,
 * who reads logs only, is the one shown a field no one else is (the access log).
 */
function whoFor(field: string): { allowed: Asking; denied: Asking } {
  const row = HEALTH_SHARING.find((r) => r.fields.includes(field) && !r.item && r.withheldFrom.some((reader) => reader !== AUDITOR))!;
  const kind = row.purposes?.[0] ?? MEETING_INVITATION;
  const reading = (reader: Reader) => as(reader, reader === AUDITOR ? AUDIT : kind);
  return {
    allowed: reading(row.shownTo.find((reader) => reader !== AUDITOR) ?? AUDITOR),
    denied: reading(row.withheldFrom.find((reader) => reader !== AUDITOR)!),
  };
}

/** Where each guarded type is listed on HealthRecord, and the entity behind it. */
const LISTED_AS: Record<string, [string, new () => object]> = {
  CamhsInvolvement: ['camhsInvolvements', CamhsInvolvement],
  SelfHarmEpisode: ['selfHarmEpisodes', SelfHarmEpisode],
  SexualHealthContact: ['sexualHealthContacts', SexualHealthContact],
  SubstanceMisuseRecord: ['substanceMisuse', SubstanceMisuseRecord],
  LifeCoachInvolvement: ['lifeCoachInvolvements', LifeCoachInvolvement],
  ReviewHealthAssessment: ['reviewHealthAssessments', ReviewHealthAssessment],
  SdqScore: ['sdqScores', SdqScore],
  EmergencyAttendance: ['emergencyAttendances', EmergencyAttendance],
  SlcnScreening: ['slcnScreenings', SlcnScreening],
};

/** HealthRecord fields: a selection under each, and what a young person must have for it to hold something. */
const RECORD_FIELDS: Record<string, [string, (s: Seeded) => boolean]> = {
  registeredGp: ['{ odsCode }', (s) => s.patient!.registeredGp !== null],
  initialHealthAssessment: ['{ requestedOn }', (s) => rowsOf(s, InitialHealthAssessment).length > 0],
  reviewHealthAssessments: ['{ assessedOn }', (s) => rowsOf(s, ReviewHealthAssessment).length > 0],
  dentalChecks: ['{ checkedOn }', (s) => rowsOf(s, DentalCheck).length > 0],
  immunisationsUpToDate: ['{ upToDate }', (s) => rowsOf(s, ImmunisationStatus).length > 0],
  developmentChecks: ['{ stage }', (s) => rowsOf(s, DevelopmentCheck).length > 0],
  selfHarmEpisodes: ['{ occurredOn }', (s) => rowsOf(s, SelfHarmEpisode).length > 0 && noWishes(s, SelfHarmEpisode)],
  emergencyAttendances: ['{ attendedOn }', (s) => rowsOf(s, EmergencyAttendance).length > 0],
  chronology: ['{ date kind }', (s) => s.rows.length > 0 && noWishes(s, SelfHarmEpisode)],
  sexualHealthContacts: ['{ contactOn }', (s) => rowsOf(s, SexualHealthContact).length > 0],
  substanceMisuse: ['{ identifiedOn }', (s) => rowsOf(s, SubstanceMisuseRecord).length > 0],
  accessLog: ['{ userId }', () => true],
};

const noWishes = (s: Seeded, entity: new () => object) =>
  rowsOf(s, entity).every((row) => !(row as { notSharedWith?: unknown }).notSharedWith);
const matched = Array.from({ length: POPULATION.size }, (_, i) => seeded(generatePerson(i, POPULATION), POPULATION)).filter(
  (s) => s.patient,
);

/** The selection (under YoungPerson.health, or MeetingPack.health), the path of the guarded value, and a young person for whom it holds something. */
function caseFor(field: string): { selection: string; path: (string | number)[]; nhsNumber: string; pack?: true } {
  const [typeName, name] = field.split('.');
  if (typeName === 'HealthChanges') {
    // A meeting pack's part: the same lists, since a date before anything was recorded.
    const [sub, has] = RECORD_FIELDS[name];
    const s = matched.find(has)!;
    return { selection: `${name} ${sub}`, path: ['_entities', 0, 'health', name], nhsNumber: s.patient!.nhsNumber, pack: true };
  }
  if (typeName === 'HealthRecord') {
    const [sub, has] = RECORD_FIELDS[name];
    const s = matched.find(has)!;
    return { selection: `${name} ${sub}`, path: ['_entities', 0, 'health', name], nhsNumber: s.patient!.nhsNumber };
  }
  const [list, entity] = LISTED_AS[typeName];
  const s = matched.find((m) => {
    const rows = rowsOf(m, entity) as Record<string, unknown>[];
    return rows.length > 0 && noWishes(m, entity) && rows.every((row) => row[name] !== null && row[name] !== undefined);
  })!;
  return { selection: `${list} { ${name} }`, path: ['_entities', 0, 'health', list, 0, name], nhsNumber: s.patient!.nhsNumber };
}

/** The value at `path` in a response's data; undefined where the path leads nowhere. */
const at = (data: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined), data);
/** A WITHHELD notice from health at `path` by `rule`, to look for among a response's errors. */
const withheldNotice = (path: (string | number)[], rule: string): unknown =>
  expect.objectContaining({ path, extensions: expect.objectContaining({ code: 'WITHHELD', agency: 'health', rule }) as unknown });

// The list of sexual health contacts is health's alone, so no one outside health reaches a contact's note.
const SHADOWED = ['SexualHealthContact.clinicalNote'];

describe("health's policy, field by field", () => {
  // The fields health's table withholds from someone with a relationship: the ones a rule guards.
  const guarded = new Set(
    HEALTH_SHARING.filter((r) => !r.item && r.withheldFrom.some((reader) => reader !== AUDITOR)).flatMap((r) => r.fields),
  );
  const cases = [...guarded].filter((field) => !SHADOWED.includes(field)).map((field) => [field, healthPolicy.fields[field]?.id] as const);

  it('covers every field the policy guards', () => {
    expect(Object.keys(healthPolicy.fields).filter((field) => !guarded.has(field))).toEqual([]);
  });

  it.each(cases)('%s (%s): shown to one viewer, withheld with a notice at its path from another', async (field, rule) => {
    const { selection, path, nhsNumber, pack } = caseFor(field);
    const query = pack ? packQuery(agency, selection) : entitiesQuery(agency, 'health', selection);
    const { allowed, denied } = whoFor(field);
    const ask = (as: Asking) => (pack ? askAboutPack(agency, query, nhsNumber, as) : askAbout(agency, query, [nhsNumber], as));

    const shown = await ask(allowed);
    expect(at(dataOf(shown), path)).not.toBeNull();
    expect(at(dataOf(shown), path)).toBeDefined();
    expect(shown.errors ?? []).not.toContainEqual(withheldNotice(path, rule));

    const refused = await ask(denied);
    expect(at(dataOf(refused), path)).toBeNull();
    expect(refused.errors).toContainEqual(withheldNotice(path, rule));
    expect(refused.errors!.find((e) => e.extensions.rule === rule)?.message).toMatch(/^Withheld by health: /);
  });

  it("keeps a sexual health contact's note from everyone outside health, through its list", () => {
    const who = { viewer: PERSONAS.socialWorker, purpose: { kind: ALLOCATION }, item: {} };
    expect(withholdingRule(healthPolicy, 'HealthRecord', 'sexualHealthContacts', who)?.id).toBe('sexual-health-health-only');
    expect(withholdingRule(healthPolicy, 'SexualHealthContact', 'clinicalNote', who)?.id).toBe('clinical-detail-health-only');
  });
});

describe('named exceptions and statuses', () => {
  const s = matched.find((m) => rowsOf(m, ReviewHealthAssessment).length > 0)!;
  const outcomeOf = async (who: Asking) => {
    const outcome = entitiesQuery(agency, 'health', 'reviewHealthAssessments { assessedOn outcomeSummary }');
    const res = await askAbout<HealthEntities>(agency, outcome, [s.patient!.nhsNumber], who);
    return dataOf(res)._entities[0].health.reviewHealthAssessments![0].outcomeSummary;
  };

  it('shows the review health assessment outcome to health and to the allocated social worker only', async () => {
    expect(await outcomeOf(as('lacNurse'))).toMatch(/^\[Synthetic, invented\] /);
    expect(await outcomeOf(as('socialWorker', ALLOCATION))).toMatch(/^\[Synthetic, invented\] /);
    expect(await outcomeOf(as('socialWorker', MEETING_INVITATION))).toBeNull();
    expect(await outcomeOf(as('keyWorker', ALLOCATION))).toBeNull();
    expect(await outcomeOf(as('iro', ALLOCATION))).toBeNull();
    expect(await outcomeOf(as('virtualSchoolHead', STATUTORY_ROLE))).toBeNull();
  });

  it('gives police the statuses (timeliness, SDQ band, involvement status, SLCN need, match) and nothing else', async () => {
    const withAll = (entity: new () => object) => matched.find((m) => rowsOf(m, entity).length > 0)!;
    const [sdq, camhs, slcn] = [withAll(SdqScore), withAll(CamhsInvolvement), withAll(SlcnScreening)];
    const nhsNumbers = [sdq, camhs, slcn].map((s) => s.patient!.nhsNumber);
    const statuses = entitiesQuery(
      agency,
      'health',
      `matchStatus dentalCheckTimeliness { status dueDate } reviewHealthAssessmentTimeliness { status } initialHealthAssessmentTimeliness { status }
      latestSdq { band } sdqScores { band } camhsInvolvements { status } lifeCoachInvolvements { status } slcnScreenings { needIdentified }`,
    );
    const res = await askAbout<HealthEntities>(agency, statuses, nhsNumbers, as('policeAnalyst'));
    // Nothing withheld but what the young person may have asked to keep from police, told at every CAMHS list.
    expect(res.errors?.map((e) => [e.path!.join('.'), e.extensions.rule])).toEqual(
      [0, 1, 2].map((i) => [`_entities.${i}.health.camhsInvolvements`, 'young-persons-wishes']),
    );
    const [a, b, c] = dataOf(res)._entities.map((e) => e.health);
    expect([a, b, c].map((h) => h.matchStatus)).toEqual(['MATCHED', 'MATCHED', 'MATCHED']);
    expect(a.latestSdq?.band).toMatch(/^(NORMAL|BORDERLINE|CAUSE_FOR_CONCERN)$/);
    expect(b.camhsInvolvements).toHaveLength(rowsOf(camhs, CamhsInvolvement).filter((r) => !r.notSharedWith?.includes('POLICE')).length);
    expect(c.slcnScreenings![0].needIdentified).toEqual(expect.any(Boolean));

    const details = entitiesQuery(
      agency,
      'health',
      'latestSdq { band total completedOn } camhsInvolvements { status referredOn clinicalNote }',
    );
    const detail = await askAbout<HealthEntities>(agency, details, nhsNumbers.slice(0, 2), as('policeAnalyst'));
    const [x, y] = dataOf(detail)._entities.map((e) => e.health);
    expect(x.latestSdq).toEqual({ band: a.latestSdq!.band, total: null, completedOn: null });
    expect(y.camhsInvolvements!.length).toBeGreaterThan(0);
    expect(y.camhsInvolvements!.every((i) => i.status && i.referredOn === null && i.clinicalNote === null)).toBe(true);
    expect(new Set(detail.errors!.map((e) => e.extensions.rule))).toEqual(
      new Set(['sdq-score-health-only', 'police-statuses-only', 'clinical-detail-health-only', 'young-persons-wishes']),
    );
  });
});

describe("the young person's wishes", () => {
  const wished = matched.find((m) => rowsOf(m, SelfHarmEpisode).some((e) => e.notSharedWith?.includes('EDUCATION')))!;
  const episodes = rowsOf(wished, SelfHarmEpisode);
  const hidden = episodes.filter((e) => e.notSharedWith?.includes('EDUCATION')).length;
  const unwished = matched.find((m) => rowsOf(m, SelfHarmEpisode).length > 0 && noWishes(m, SelfHarmEpisode))!;
  const query = () => entitiesQuery(agency, 'health', 'selfHarmEpisodes { occurredOn } chronology { kind }');
  const notices = (res: { errors?: GraphQLErrorBody[] }) => withheldNotices(res.errors);

  it('filters out, for the agency named, an item the young person asked not to be shared, with a notice that does not count it', async () => {
    expect(hidden).toBeGreaterThan(0);
    const nurse = await askAbout<HealthEntities>(agency, query(), [wished.patient!.nhsNumber], as('lacNurse'));
    expect(nurse.errors).toBeUndefined();
    expect(dataOf(nurse)._entities[0].health.selfHarmEpisodes).toHaveLength(episodes.length);

    const teacher = await askAbout<HealthEntities>(agency, query(), [wished.patient!.nhsNumber], as('designatedTeacher'));
    const health = dataOf(teacher)._entities[0].health;
    expect(health.selfHarmEpisodes).toHaveLength(episodes.length - hidden);
    const wishes = (path: string) => ({
      path: ['_entities', 0, 'health', path],
      agency: 'health',
      rule: 'young-persons-wishes',
      count: undefined,
    });
    expect(notices(teacher)).toContainEqual(wishes('selfHarmEpisodes'));

    // The chronology does not tell the school either.
    const selfHarmLines = (h: HealthRecordBody) => h.chronology!.filter((l) => l.kind === 'Self-harm').length;
    expect(selfHarmLines(health)).toBe(episodes.length - hidden);
    expect(selfHarmLines(dataOf(nurse)._entities[0].health)).toBe(episodes.length);
    expect(notices(teacher)).toContainEqual(wishes('chronology'));
  });

  it('tells the school exactly the same about a young person who asked nothing to be kept from it', async () => {
    const teacher = (s: Seeded) => askAbout<HealthEntities>(agency, query(), [s.patient!.nhsNumber], as('designatedTeacher'));
    expect(notices(await teacher(unwished))).toEqual(notices(await teacher(wished)));
  });
});

describe('the chronology shows only what the viewer may see of the fields it repeats', () => {
  const lines = async (nhsNumber: string, who: Asking) => {
    const res = await askAbout<HealthEntities>(
      agency,
      entitiesQuery(agency, 'health', 'chronology { date kind summary }'),
      [nhsNumber],
      who,
    );
    return { chronology: dataOf(res)._entities[0].health.chronology!, errors: res.errors ?? [] };
  };
  const notice = (rule: string): unknown =>
    expect.objectContaining({
      path: ['_entities', 0, 'health', 'chronology'],
      extensions: { code: 'WITHHELD', agency: 'health', rule },
    });
  const withContacts = matched.find((m) => rowsOf(m, SexualHealthContact).length > 0)!;
  const withoutContacts = matched.find((m) => rowsOf(m, SexualHealthContact).length === 0 && m.rows.length > 0)!;

  it('leaves sexual health contacts out for social care, with a notice that does not count them', async () => {
    const nurse = await lines(withContacts.patient!.nhsNumber, as('lacNurse'));
    const sw = await lines(withContacts.patient!.nhsNumber, as('socialWorker', ALLOCATION));
    const contacts = rowsOf(withContacts, SexualHealthContact).length;
    expect(nurse.chronology.filter((l) => l.kind === 'Sexual health contact')).toHaveLength(contacts);
    expect(sw.chronology.filter((l) => l.kind === 'Sexual health contact')).toHaveLength(0);
    expect(sw.chronology).toHaveLength(nurse.chronology.length - contacts);
    expect(sw.errors).toContainEqual(notice('sexual-health-health-only'));
  });

  it('gives the virtual school head the same notices for a child with sexual health contacts as for one without', async () => {
    const vsh = as('virtualSchoolHead', STATUTORY_ROLE);
    const told = (await lines(withContacts.patient!.nhsNumber, vsh)).errors;
    expect(told).toContainEqual(notice('sexual-health-health-only'));
    expect((await lines(withoutContacts.patient!.nhsNumber, vsh)).errors).toEqual(told);
  });

  it('leaves substance misuse and A&E reasons out for education, and never states an SDQ score', async () => {
    const s = matched.find(
      (m) => rowsOf(m, SubstanceMisuseRecord).length > 0 && rowsOf(m, EmergencyAttendance).length > 0 && rowsOf(m, SdqScore).length > 0,
    )!;
    const teacher = await lines(s.patient!.nhsNumber, as('designatedTeacher'));
    expect(teacher.chronology.some((l) => l.kind.startsWith('Substance misuse') || l.kind === 'A&E attendance')).toBe(false);
    expect(teacher.errors).toContainEqual(notice('a-and-e-reason-health-and-social-care'));
    expect(teacher.errors).toContainEqual(notice('substance-misuse-health-and-social-care'));
    const sdq = teacher.chronology.filter((l) => l.kind === 'SDQ score');
    expect(sdq).toHaveLength(rowsOf(s, SdqScore).length);
    for (const line of sdq) expect(line.summary).toMatch(/^SDQ completed: (normal|borderline|cause for concern)\.$/);
    // And the same for a young person with neither: the notices tell what is closed to the school, not what there is.
    const neither = matched.find((m) => rowsOf(m, SubstanceMisuseRecord).length === 0 && rowsOf(m, EmergencyAttendance).length === 0)!;
    expect((await lines(neither.patient!.nhsNumber, as('designatedTeacher'))).errors).toEqual(teacher.errors);
  });
});
