import { GraphQLNonNull, type GraphQLObjectType } from 'graphql';
import { YOUNG_PERSONS_WISHES, type PolicyRule } from '../../kit/subgraph/access/policy';
import { PermanentExclusion } from '../../subgraphs/education/entities/permanent-exclusion';
import { PersonalEducationPlan } from '../../subgraphs/education/entities/personal-education-plan';
import { ReducedTimetable } from '../../subgraphs/education/entities/reduced-timetable';
import { SchoolEnrolment } from '../../subgraphs/education/entities/school-enrolment';
import { SenProvisionEpisode } from '../../subgraphs/education/entities/sen-provision-episode';
import { Suspension } from '../../subgraphs/education/entities/suspension';
import { TermAttendance } from '../../subgraphs/education/entities/term-attendance';
import { EXCLUSION_REASON_MEANINGS, ReasonForLeaving } from '../../subgraphs/education/enums';
import { EHCP_DATES, educationPolicy, EXCLUSION_REASONS, PEP_CONTENT } from '../../subgraphs/education/policy';
import { ACCESS_LOG_AUDITORS_ONLY as AUDIT_LOG } from '../../kit/subgraph/access/policy';
import { service as educationService } from '../../subgraphs/education/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { withheldNotices } from '../support/graphql';
import type { ChronologyEntryBody } from '../support/bodies';
import { AS, askAbout, entitiesQuery, type Asking } from '../support/receiving';
import { educationOf, ofType, present, seededRows, type EducationEntities, type EducationRecordBody } from './fixtures';

/**
 * A population in which every kind of wish occurs (a suspension, a permanent exclusion and a reduced
 * timetable the young person asked police not to be told about): checked below, not assumed.
 */
const POPULATION = { size: 120, seed: 'wishes-302', asOf: TEST_TODAY };
const rows = seededRows(POPULATION);
const upnOf = (row: { pupil: { upn: string } }) => row.pupil.upn;
const wished = (row: { notSharedWith?: string[] | null }) => Boolean(row.notSharedWith?.length);

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(educationService, POPULATION);
});
afterAll(async () => {
  await agency?.stop();
});

/** One young person's education record as `as` sees it, and the notices that came with it. */
async function read(selection: string, upn: string, as: Asking) {
  const res = await askAbout<EducationEntities>(agency, entitiesQuery(agency, 'education', selection), [upn], as);
  expect((res.errors ?? []).filter((e) => e.extensions?.code !== 'WITHHELD')).toEqual([]);
  return { record: educationOf(res), notices: withheldNotices(res.errors) };
}

/** The lists of the record whose items a rule below guards field by field. */
type GuardedList = 'peps' | 'suspensions' | 'permanentExclusions' | 'senProvision';

/** The items of one list, each with its id and whatever fields the query selected (read with `valueOf`). */
const itemsOf = (record: EducationRecordBody, list: GuardedList | 'reducedTimetables'): { id: string }[] => present(record[list], list);

/** One field of a list item, named at run time: whatever JSON value it has. */
const valueOf = (item: object, field: string): unknown => (item as Record<string, unknown>)[field];

const at = (...path: (string | number)[]) => ['_entities', 0, 'education', ...path];

/** The lists whose records a young person may ask to keep from an agency: suspensions, exclusions, reduced timetables (policy.ts). */
const WISHES_LISTS: string[] = ['suspensions', 'permanentExclusions', 'reducedTimetables'];
/**
 * What every agency but education is told at such a list (or at the chronology), whatever it holds:
 * that the young person may have kept records from it, never whether they did or how many.
 */
const wishesNotice = (as: Asking, ...path: (string | number)[]) =>
  as.viewer.agency === 'EDUCATION' || (path[0] !== 'chronology' && !WISHES_LISTS.includes(String(path[0])))
    ? []
    : [{ path: at(...path), agency: 'education', rule: YOUNG_PERSONS_WISHES.id, count: undefined }];
const byPath = <T extends { path?: unknown[] }>(notices: T[]) =>
  [...notices].sort((a, b) => (JSON.stringify(a.path) < JSON.stringify(b.path) ? -1 : 1));
const byRule = <T extends { rule?: string }>(notices: T[]) => [...notices].sort((a, b) => String(a.rule).localeCompare(String(b.rule)));

/** A pupil all of whose records of one kind satisfy `ok`, with at least one such record. */
function pupilWhere<T extends { pupil: { upn: string } }>(
  type: abstract new () => T,
  ok: (row: T) => boolean,
  someMatch: (row: T) => boolean = () => true,
): string {
  const byPupil = new Map<string, T[]>();
  for (const row of ofType(rows, type)) byPupil.set(upnOf(row), [...(byPupil.get(upnOf(row)) ?? []), row]);
  const found = [...byPupil].find(([, list]) => list.every(ok) && list.some(someMatch));
  if (!found) throw new Error(`no pupil in the test population has ${type.name} records like that`);
  return found[0];
}

interface FieldRuleCase {
  rule: PolicyRule;
  /** The list on EducationRecord whose items carry the fields. */
  list: GuardedList;
  fields: string[];
  upn: () => string;
  allowed: Asking[];
  denied: Asking[];
}

const FIELD_RULES: FieldRuleCase[] = [
  {
    rule: PEP_CONTENT,
    list: 'peps',
    fields: ['targets', 'pupilPremiumPlusAmount', 'pupilPremiumPlusPurpose'],
    upn: () =>
      pupilWhere(
        PersonalEducationPlan,
        () => true,
        (p) => p.pupilPremiumPlusAmount !== null,
      ),
    allowed: [AS.virtualSchoolHead, AS.designatedTeacher, AS.socialWorker],
    denied: [AS.lacNurse, AS.policeLiaison, AS.policeAnalyst],
  },
  {
    rule: EXCLUSION_REASONS,
    list: 'suspensions',
    fields: ['reason'],
    upn: () => pupilWhere(Suspension, (s) => !wished(s)),
    allowed: [AS.virtualSchoolHead, AS.designatedTeacher, AS.socialWorker],
    denied: [AS.lacNurse, AS.policeLiaison],
  },
  {
    rule: EXCLUSION_REASONS,
    list: 'permanentExclusions',
    fields: ['reason'],
    upn: () => pupilWhere(PermanentExclusion, (p) => !wished(p)),
    allowed: [AS.virtualSchoolHead, AS.socialWorker],
    denied: [AS.lacNurse, AS.policeLiaison],
  },
  {
    rule: EHCP_DATES,
    list: 'senProvision',
    fields: ['startDate', 'endDate', 'ehcpRequestDate', 'ehcpIssueDate', 'ehcpDueDate', 'ehcpIssuedWithinTwentyWeeks'],
    upn: () =>
      pupilWhere(
        SenProvisionEpisode,
        () => true,
        (s) => s.ehcpIssueDate !== null,
      ),
    allowed: [AS.virtualSchoolHead, AS.socialWorker, AS.lacNurse],
    denied: [AS.policeLiaison, AS.policeAnalyst],
  },
];

describe('education sharing policy', () => {
  it('has in its test population every kind of record the young person asked not to share', () => {
    expect(ofType(rows, Suspension).filter(wished).length).toBeGreaterThan(0);
    expect(ofType(rows, PermanentExclusion).filter(wished).length).toBeGreaterThan(0);
    expect(ofType(rows, ReducedTimetable).filter(wished).length).toBeGreaterThan(0);
    // A young person's wish about a permanent exclusion covers the leaving reason it gave that school.
    for (const pex of ofType(rows, PermanentExclusion).filter(wished)) {
      const left = ofType(rows, SchoolEnrolment).filter((e) => e.pupil === pex.pupil && e.endDate === pex.startDate);
      expect(left).toHaveLength(1);
      expect(left[0].reasonForLeaving).toBe(ReasonForLeaving.PERMANENTLY_EXCLUDED);
      expect(left[0].reasonForLeavingNotSharedWith).toEqual(pex.notSharedWith);
    }
    // About one in ten, and only police were asked not to be told.
    const all = [...ofType(rows, Suspension), ...ofType(rows, PermanentExclusion), ...ofType(rows, ReducedTimetable)];
    expect(all.filter(wished).length / all.length).toBeLessThan(0.25);
    expect(new Set(all.filter(wished).flatMap((r) => r.notSharedWith!))).toEqual(new Set(['POLICE']));
  });

  describe.each(FIELD_RULES.map((c) => [`${c.rule.id} on ${c.list} { ${c.fields.join(' ')} }`, c] as const))('%s', (_name, c) => {
    const selection = `${c.list} { id ${c.fields.join(' ')} }`;

    it.each(c.allowed.map((as) => [as.viewer.role, as] as const))('shows the values to %s', async (_role, as) => {
      const { record, notices } = await read(selection, c.upn(), as);
      expect(notices).toEqual(wishesNotice(as, c.list));
      expect(itemsOf(record, c.list).length).toBeGreaterThan(0);
      // Every field has a value somewhere in the list (none is quietly empty for an allowed viewer).
      for (const field of c.fields) {
        expect(itemsOf(record, c.list).some((item) => valueOf(item, field) !== null)).toBe(true);
      }
    });

    it.each(c.denied.map((as) => [as.viewer.role, as] as const))(
      'withholds them from %s: null, with a notice at each exact path',
      async (_role, as) => {
        const upn = c.upn();
        const full = itemsOf((await read(selection, upn, AS.virtualSchoolHead)).record, c.list);
        const { record, notices } = await read(selection, upn, as);
        // The items themselves are shown (the rule is about these fields only) ...
        expect(itemsOf(record, c.list).map((item) => item.id)).toEqual(full.map((item) => item.id));
        // ... with every guarded field null, and one notice naming the rule for each.
        for (const item of itemsOf(record, c.list)) for (const field of c.fields) expect(valueOf(item, field)).toBeNull();
        const expected = [
          ...wishesNotice(as, c.list),
          ...full.flatMap((_: unknown, i: number) =>
            c.fields.map((field) => ({ path: at(c.list, i, field), agency: 'education', rule: c.rule.id, count: undefined })),
          ),
        ];
        expect(byPath(notices)).toEqual(byPath(expected));
      },
    );
  });

  describe("the young person's wishes over the leaving reason that would reveal an exclusion they asked police not to be told about", () => {
    const excluded = () => ofType(rows, SchoolEnrolment).find((e) => e.reasonForLeavingNotSharedWith?.length)!;
    const selection = 'enrolments { id startDate reasonForLeaving }';

    it("is null for police, with the young person's-wishes notice at that enrolment, which says nothing of an exclusion; other leaving reasons show", async () => {
      const e = excluded();
      const full = present((await read(selection, upnOf(e), AS.virtualSchoolHead)).record.enrolments, 'enrolments');
      const i = full.findIndex((x) => x.startDate === e.startDate && x.reasonForLeaving === 'PERMANENTLY_EXCLUDED');
      expect(i).toBeGreaterThanOrEqual(0);
      const { record, notices } = await read(selection, upnOf(e), AS.policeLiaison);
      const police = present(record.enrolments, 'enrolments');
      expect(police[i]).toEqual({ ...full[i], reasonForLeaving: null });
      expect(police.filter((_: unknown, j: number) => j !== i)).toEqual(full.filter((_: unknown, j: number) => j !== i));
      expect(notices).toEqual([
        { path: at('enrolments', i, 'reasonForLeaving'), agency: 'education', rule: YOUNG_PERSONS_WISHES.id, count: undefined },
      ]);
      const told = await askAbout(agency, entitiesQuery(agency, 'education', selection), [upnOf(e)], AS.policeLiaison);
      expect(told.errors!.map((n) => n.message).join(' ')).not.toMatch(/exclu|school/i);
    });

    it.each([AS.lacNurse, AS.socialWorker, AS.designatedTeacher].map((as) => [as.viewer.role, as] as const))(
      'shows to %s (the wish names police only)',
      async (_role, as) => {
        const e = excluded();
        const { record, notices } = await read(selection, upnOf(e), as);
        expect(notices).toEqual([]);
        expect(present(record.enrolments, 'enrolments').some((x) => x.reasonForLeaving === 'PERMANENTLY_EXCLUDED')).toBe(true);
      },
    );
  });

  describe(`${AUDIT_LOG.id}`, () => {
    it('shows the access log to an information-governance auditor', async () => {
      const upn = upnOf(ofType(rows, Suspension)[0]);
      await read('matchStatus', upn, AS.virtualSchoolHead);
      const { record, notices } = await read('matchStatus accessLog { userId }', upn, AS.auditor);
      expect(notices).toEqual([]);
      expect(present(record.accessLog, 'an access log').map((e) => e.userId)).toContain(AS.virtualSchoolHead.viewer.id);
    });

    it.each([AS.virtualSchoolHead, AS.socialWorker, AS.policeLiaison].map((as) => [as.viewer.role, as] as const))(
      'withholds it from %s',
      async (_role, as) => {
        const upn = upnOf(ofType(rows, Suspension)[0]);
        const { record, notices } = await read('matchStatus accessLog { userId }', upn, as);
        expect(record).toEqual({ matchStatus: 'MATCHED', accessLog: null });
        expect(notices).toEqual([{ path: at('accessLog'), agency: 'education', rule: AUDIT_LOG.id, count: undefined }]);
      },
    );
  });

  describe(`${YOUNG_PERSONS_WISHES.id}: records the young person asked police not to be told about`, () => {
    it.each([
      ['suspensions', Suspension, 'suspensions { id startDate }'],
      ['permanentExclusions', PermanentExclusion, 'permanentExclusions { id startDate }'],
      ['reducedTimetables', ReducedTimetable, 'reducedTimetables { id startDate }'],
    ] as const)(
      'leaves them out of %s for police, with the notice every other agency gets too and no count; everyone else sees them',
      async (list, type, selection) => {
        const upn = upnOf(ofType<{ pupil: { upn: string }; notSharedWith?: string[] | null }>(rows, type).find(wished)!);
        const hidden = ofType<{ pupil: { upn: string }; notSharedWith?: string[] | null }>(rows, type).filter(
          (r) => upnOf(r) === upn && wished(r),
        ).length;
        const full = await read(selection, upn, AS.virtualSchoolHead);
        expect(full.notices).toEqual([]);
        const police = await read(selection, upn, AS.policeLiaison);
        expect(police.record[list]).toHaveLength(itemsOf(full.record, list).length - hidden);
        expect(full.record[list]).toEqual(expect.arrayContaining(itemsOf(police.record, list)));
        expect(police.notices).toEqual(wishesNotice(AS.policeLiaison, list));
        // A pupil with nothing kept from police gets the same notice: it never says whether anything was.
        const none = upnOf(ofType<{ pupil: { upn: string }; notSharedWith?: string[] | null }>(rows, type).find((r) => !wished(r))!);
        expect((await read(selection, none, AS.policeLiaison)).notices).toEqual(police.notices);
        for (const as of [AS.lacNurse, AS.socialWorker, AS.designatedTeacher]) {
          const other = await read(selection, upn, as);
          expect(other.record[list]).toEqual(full.record[list]);
          expect(other.notices).toEqual(wishesNotice(as, list));
        }
      },
    );
  });

  describe('chronology: summaries carry no more than the records they come from', () => {
    const kinds = (entries: ChronologyEntryBody[], ...k: string[]) => entries.filter((e) => k.includes(e.kind));
    const REASONS = Object.values(EXCLUSION_REASON_MEANINGS);
    const mentionsReason = (summary: string) => REASONS.some((r) => summary.includes(r));
    // The pupil whose permanent exclusion police were asked not to be told about.
    const pupil = () => upnOf(ofType(rows, PermanentExclusion).find(wished)!);
    const wishedLines = (upn: string) =>
      ofType(rows, Suspension).filter((s) => upnOf(s) === upn && wished(s)).length +
      ofType(rows, PermanentExclusion).filter((p) => upnOf(p) === upn && wished(p)).length +
      ofType(rows, ReducedTimetable)
        .filter((r) => upnOf(r) === upn && wished(r))
        .reduce((n, r) => n + (r.endDate ? 2 : 1), 0);

    it('for police: no exclusion reasons, no SEN dates, nothing the young person asked to keep from them; a notice for each rule, uncounted', async () => {
      const upn = pupil();
      const selection = 'chronology { date kind summary }';
      const full = present((await read(selection, upn, AS.virtualSchoolHead)).record.chronology, 'a chronology');
      const { record, notices } = await read(selection, upn, AS.policeLiaison);
      const police = present(record.chronology, 'a chronology');

      expect(kinds(full, 'Permanent exclusion').some((e) => mentionsReason(e.summary))).toBe(true);
      expect(police.filter((e) => mentionsReason(e.summary))).toEqual([]);
      const excluded = kinds(police, 'Suspension', 'Permanent exclusion');
      for (const e of excluded) expect(e.summary).not.toContain(':');

      const sen = kinds(full, 'SEN provision', 'EHC needs assessment requested');
      expect(sen.length).toBeGreaterThan(0);
      expect(kinds(police, 'SEN provision', 'EHC needs assessment requested')).toEqual([]);

      // The school they were excluded from: police read that they left, not why.
      const wishedLeaving = ofType(rows, SchoolEnrolment).filter((e) => upnOf(e) === upn && e.reasonForLeavingNotSharedWith?.length);
      const left = kinds(full, 'Left school').filter(
        (e) => e.summary.includes('Permanently excluded') && wishedLeaving.some((w) => w.endDate === e.date),
      );
      expect(left).toHaveLength(wishedLeaving.length);
      expect(left.length).toBeGreaterThan(0);
      for (const l of left) expect(police).toContainEqual({ ...l, summary: l.summary.replace(/: Permanently excluded.*$/, '.') });

      const hidden = wishedLines(upn);
      expect(hidden).toBeGreaterThan(0);
      expect(police).toHaveLength(full.length - sen.length - hidden);
      // One notice per rule at the chronology's path, saying nothing of how many lines it took.
      const chronologyNotice = (rule: PolicyRule) => ({ path: at('chronology'), agency: 'education', rule: rule.id, count: undefined });
      expect(byRule(notices)).toEqual(byRule([EXCLUSION_REASONS, EHCP_DATES, YOUNG_PERSONS_WISHES].map(chronologyNotice)));
    });

    it('tells police the same for a pupil never suspended or excluded, with nothing kept from them', async () => {
      const selection = 'chronology { date kind summary }';
      const wishable: (abstract new () => { pupil: { upn: string } })[] = [Suspension, PermanentExclusion, ReducedTimetable];
      const excludedOrReduced = new Set(wishable.flatMap((type) => ofType(rows, type).map(upnOf)));
      const plain = pupilWhere(TermAttendance, (t) => !excludedOrReduced.has(upnOf(t)));
      const police = await read(selection, pupil(), AS.policeLiaison);
      expect((await read(selection, plain, AS.policeLiaison)).notices).toEqual(police.notices);
    });

    it('for health: SEN dates and everything the young person did not mind, but still no exclusion reasons', async () => {
      const upn = pupilWhere(Suspension, (s) => !wished(s));
      const selection = 'chronology { date kind summary }';
      const full = present((await read(selection, upn, AS.virtualSchoolHead)).record.chronology, 'a chronology');
      const { record, notices } = await read(selection, upn, AS.lacNurse);
      const suspensions = kinds(full, 'Suspension');
      expect(suspensions.length).toBeGreaterThan(0);
      expect(present(record.chronology, 'a chronology').filter((e) => mentionsReason(e.summary))).toEqual([]);
      expect(kinds(present(record.chronology, 'a chronology'), 'SEN provision')).toEqual(kinds(full, 'SEN provision'));
      expect(record.chronology).toHaveLength(full.length);
      expect(byRule(notices)).toEqual(
        byRule([
          { path: at('chronology'), agency: 'education', rule: EXCLUSION_REASONS.id, count: undefined },
          ...wishesNotice(AS.lacNurse, 'chronology'),
        ]),
      );
    });

    it('for education and social care: the whole chronology', async () => {
      const upn = pupil();
      const selection = 'chronology { date kind summary }';
      const full = await read(selection, upn, AS.virtualSchoolHead);
      expect(full.notices).toEqual([]);
      const sw = await read(selection, upn, AS.socialWorker);
      expect(sw).toEqual({ ...full, notices: wishesNotice(AS.socialWorker, 'chronology') });
    });
  });

  it('exercises every rule of the policy above', () => {
    const tested = new Set([...FIELD_RULES.map((c) => c.rule.id), YOUNG_PERSONS_WISHES.id, AUDIT_LOG.id]);
    expect(new Set(Object.values(educationPolicy.fields).map((r) => r.id))).toEqual(tested);
  });

  it('keeps every field a rule (or the audit purpose) can withhold nullable, so a withheld value never blanks its parent', async () => {
    const schema = await educationService.buildSchema();
    const type = (name: string) => schema.getType(name) as GraphQLObjectType;
    const nonNull = (typeName: string, field: string) => {
      const f = type(typeName).getFields()[field];
      expect(f).toBeDefined();
      return f.type instanceof GraphQLNonNull;
    };
    // Every rule's field is checked for all agencies (test/access/withholdable-fields). What an auditor
    // can reach besides the audit fields is withheld from them: nullable too.
    for (const typeName of ['YoungPerson', 'EducationRecord']) {
      for (const field of Object.keys(type(typeName).getFields())) {
        const key = `${typeName}.${field}`;
        if (!educationPolicy.auditFields.includes(key)) expect([key, nonNull(typeName, field)]).toEqual([key, false]);
      }
    }
  });
});
