import { graphql, type GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { PERSONAS } from '../../kit/dev/personas';
import type { Viewer } from '../../kit/shared/roles';
import { guardedChronology } from '../../kit/subgraph/access/chronology-guard';
import { rule, type AgencyPolicy } from '../../kit/subgraph/access/policy';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { RequestAccess } from '../../kit/subgraph/access/request-access';
import type { AgencyContext } from '../../kit/subgraph/context';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';
import { ChronologyEntry, chronologyEntry, Significance } from '../../kit/subgraph/graphql/chronology';

/**
 * What a notice may say, for any agency (README, "Who can see what", 3 and 4): someone outside the
 * agency learns that something was withheld and by which of its rules, never how many items or that
 * there were any; how many is for the agency whose data it is and for information-governance auditors.
 * A toy health service: a young person's clinic contacts, which the young person may keep from an agency.
 */
@ObjectType()
class ClinicContact {
  @Field()
  seenOn!: string;

  notSharedWith?: string[];
}

@ObjectType()
class Patient {
  @Field(() => ID)
  id!: string;

  @Field(() => [ClinicContact], { nullable: true })
  contacts!: ClinicContact[];
}

const CLINIC_NOTES = rule('clinic-notes-clinicians-only', 'clinic notes stay with clinicians', ({ viewer }) => viewer.role === 'LAC_NURSE');

/** The contacts the patient has, and the fields their chronology says it draws on, in each test. */
let contacts: ClinicContact[] = [];
let drawsOn: string[] = [];

@Resolver(() => Patient)
class PatientResolver {
  @Query(() => Patient)
  patient(): Patient {
    return Object.assign(new Patient(), { id: 'P1', contacts });
  }

  /** Lines about contacts, stating the clinic note only when `shows` allows: through the one chronology guard. */
  @FieldResolver(() => [ChronologyEntry], { nullable: true })
  chronology(@Ctx() ctx: AgencyContext, @Info() info: GraphQLResolveInfo): ChronologyEntry[] {
    return guardedChronology(ctx, info, drawsOn, (shows) =>
      contacts.map((c) => ({
        entry: chronologyEntry(
          'health',
          c.seenOn,
          'Clinic contact',
          shows('ClinicContact.note', c) ? 'Seen; note.' : 'Seen.',
          Significance.LOW,
        ),
        record: c,
      })),
    );
  }
}

const policy: AgencyPolicy = {
  agency: 'HEALTH',
  fields: { 'ClinicContact.note': CLINIC_NOTES },
  auditFields: [],
  nonPersonalTypes: [],
  youngPersonsWishesOn: ['ClinicContact'],
  aggregates: { readers: [], fullFigures: [] },
};

async function ask(viewer: Viewer, declared: string[] = ['ClinicContact.note']) {
  drawsOn = declared;
  const schema = await buildAgencySubgraphSchema<AgencyContext>({
    resolvers: [PatientResolver],
    referenceResolvers: {},
    subjectOf: (typeName, root) =>
      typeName === 'Patient' ? { key: (root as Patient).id, purpose: { kind: PurposeKind.BREAK_GLASS, reason: 'test' } } : undefined,
  });
  const access = new RequestAccess(viewer, 'notices-test');
  const result = await graphql({
    schema,
    source: '{ patient { contacts { seenOn } chronology { summary } } }',
    contextValue: { access, policy, viewer },
  });
  return { result, access, audit: access.auditContents(new Date('2026-11-23T12:00:00Z')) };
}

/** Where each notice was given, by which rule, with what count: in path and rule order (the order of notices means nothing). */
const told = (access: RequestAccess) =>
  access.notices.map((n) => [n.path.join('.'), n.rule, n.count]).sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));

describe('notices', () => {
  const seen = (seenOn: string, notSharedWith?: string[]) => Object.assign(new ClinicContact(), { seenOn, notSharedWith });

  it('tell another agency the same whether or not the young person kept anything from it, and never how many', async () => {
    contacts = [seen('2026-10-01'), seen('2026-10-02', ['EDUCATION']), seen('2026-10-03', ['EDUCATION'])];
    const kept = await ask(PERSONAS.designatedTeacher);
    contacts = [seen('2026-10-01')];
    const nothingKept = await ask(PERSONAS.designatedTeacher);
    contacts = [];
    const none = await ask(PERSONAS.designatedTeacher);

    expect(told(kept.access)).toEqual([
      ['patient.chronology', 'clinic-notes-clinicians-only', undefined],
      ['patient.chronology', 'young-persons-wishes', undefined],
      ['patient.contacts', 'young-persons-wishes', undefined],
    ]);
    expect(told(nothingKept.access)).toEqual(told(kept.access));
    expect(told(none.access)).toEqual(told(kept.access));
    expect(kept.result.data).toEqual({ patient: { contacts: [{ seenOn: '2026-10-01' }], chronology: [{ summary: 'Seen.' }] } });
  });

  it('count what was left out for the agency whose data it is, and for auditors', async () => {
    contacts = [seen('2026-10-01'), seen('2026-10-02', ['HEALTH', 'EDUCATION'])];
    // A health viewer other than a clinician: one contact kept from health, one clinic note closed to them.
    const lifeCoach = await ask(PERSONAS.lifeCoach);
    expect(told(lifeCoach.access)).toEqual([
      ['patient.chronology', 'clinic-notes-clinicians-only', 1],
      ['patient.chronology', 'young-persons-wishes', 1],
      ['patient.contacts', 'young-persons-wishes', 1],
    ]);
    const auditor = await ask(PERSONAS.auditor);
    expect(told(auditor.access)).toEqual([
      ['patient.chronology', 'clinic-notes-clinicians-only', 2],
      ['patient.chronology', 'young-persons-wishes', undefined],
      ['patient.contacts', 'young-persons-wishes', undefined],
    ]);
  });

  it('leave the audit (for auditors) what was really left out, and no count in it', async () => {
    contacts = [seen('2026-10-01', ['EDUCATION'])];
    const kept = await ask(PERSONAS.designatedTeacher);
    const withheld = (audit: { withheld: string }[]) =>
      (JSON.parse(audit[0].withheld) as { field: string; rule: string }[]).sort((a, b) => a.field.localeCompare(b.field));
    expect(withheld(kept.audit)).toEqual([
      { field: 'Patient.chronology', rule: 'young-persons-wishes' },
      { field: 'Patient.contacts', rule: 'young-persons-wishes' },
    ]);
    contacts = [seen('2026-10-01')];
    const nothingKept = await ask(PERSONAS.designatedTeacher);
    expect(withheld(nothingKept.audit)).toEqual([{ field: 'ClinicContact.note', rule: 'clinic-notes-clinicians-only' }]);
  });

  it('refuse a chronology that states a field it does not say it draws on: its notice would come only with the field', async () => {
    contacts = [seen('2026-10-01')];
    const { result } = await ask(PERSONAS.designatedTeacher, []);
    expect(result.errors?.[0].message).toMatch(/states ClinicContact.note, which it does not say it draws on/);
    expect(result.data).toEqual({ patient: { contacts: [{ seenOn: '2026-10-01' }], chronology: null } });
  });
});
