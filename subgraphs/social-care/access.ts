import { GraphQLError } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import { forbidden, notFound } from '../../kit/subgraph/errors';
import { SOCIAL_CARE } from './agency';
import type { Subject } from '../../kit/subgraph/access/request-access';
import type { AuditEntry } from '../../kit/subgraph/audit/graphql';
import type { SocialCareContext } from './context';
import { MeetingAction, MeetingAttendee, type Meeting } from './entities/meetings';
import { Allocation } from './entities/allocation';
import { CaseStatusEpisode } from './entities/episodes';
import { SpecialistInvolvement } from './entities/nwd';
import { CaseStatus } from './enums';
import { hasStatutoryRole, legitimateRelationship, type RelationshipFacts } from './rules/relationship';
import type { MeetingPack } from './resolvers/meeting-pack';
import { YoungPerson } from './entities/young-person';
import { isOpenOn } from './rules/episodes';

/**
 * A miss's audit subject: what was asked for, named by the argument that asked for it
 * ("nhsNumber:9990000018", "meetingId:YP-000123-M4"). A person id is recorded as it is, as a refusal's is.
 */
export const asked = (field: string, value: string): string => `${field}:${value}`;

/**
 * The viewer's purpose for whose record was found, or for a miss for what was asked: the same queries
 * either way (they find nothing for a miss), so a miss takes as long as a refusal.
 */
async function purposeFor(ctx: SocialCareContext, personId: string | undefined, askedFor: string) {
  const subject = personId ?? askedFor;
  return { subject, purpose: await ctx.loaders.purposes.load(subject) };
}

/**
 * Returns the young person found only when the viewer has a purpose. Otherwise, and when nobody was
 * found, records a refusal (of the young person, or for a miss of what was asked) and returns null:
 * the caller answers both exactly as a record that does not exist, so nothing hints that it is there.
 */
export async function withPurpose(ctx: SocialCareContext, person: YoungPerson | null, askedFor: string): Promise<YoungPerson | null> {
  const { subject, purpose } = await purposeFor(ctx, person?.id, askedFor);
  if (person && purpose) return person;
  ctx.access.refuse(subject, ctx.breakGlassReasons.get(subject));
  return null;
}

/** The young person an object of a social care type is about, where the object says so itself. */
function personOf(typeName: string, root: unknown): string | undefined {
  if (typeName === 'YoungPerson') return (root as YoungPerson).id;
  if (typeName === 'Meeting') return (root as Meeting).youngPerson.id;
  // An action listed on its own (myActions) comes with its meeting; one inside a meeting inherits its subject.
  if (typeName === 'MeetingAction') return (root as MeetingAction).meeting.youngPerson?.id;
  if (typeName === 'MeetingPack') return (root as MeetingPack).personId;
  // An audit entry listed on its own (break-glass alerts) is about the young person it records.
  if (typeName === 'AuditEntry') return (root as AuditEntry).youngPersonIdentifier;
  return undefined;
}

/** Whose record a social care object is about: fail closed when there is no purpose. */
export async function subjectOf(typeName: string, root: unknown, ctx: SocialCareContext): Promise<Subject | undefined> {
  const personId = personOf(typeName, root);
  if (!personId) return undefined;
  const purpose = await ctx.loaders.purposes.load(personId);
  if (!purpose) throw new GraphQLError('No legitimate relationship with this young person.', { extensions: { code: 'FORBIDDEN' } });
  return { key: personId, purpose };
}

/** What a write asked for: the argument that named it, and the record found (null: a miss) with whose it is. */
export interface WriteTarget<T> {
  field: string;
  value: string;
  record: T | null;
  personId: string | undefined;
  /** A miss's audit subject; by default `asked(field, value)`. */
  askedFor?: string;
}

/**
 * Every write's authority, one way: with a purpose that `allows` it (never an auditor's), the record.
 * Otherwise the refusal is audited (a miss's too, with the same queries) and the answer is NOT_FOUND to
 * anyone without a purpose, as if the record did not exist, and FORBIDDEN to someone who may see it.
 */
export async function writeAuthority<T>(
  ctx: SocialCareContext,
  target: WriteTarget<T>,
  allows: (purpose: Purpose, record: T) => boolean,
  refusal: (record: T) => string,
): Promise<T> {
  const { field, value, record } = target;
  const { subject, purpose } = await purposeFor(ctx, target.personId, target.askedFor ?? asked(field, value));
  const seen = record && purpose && purpose.kind !== PurposeKind.AUDIT;
  if (seen && allows(purpose, record)) return record;
  ctx.access.refuse(subject);
  if (!seen) throw notFound(field, value);
  throw forbidden(refusal(record));
}

const allocatedHub = (ctx: SocialCareContext, purpose: Purpose) =>
  ctx.viewer.agency === SOCIAL_CARE.code && purpose.kind === PurposeKind.ALLOCATION;

/**
 * Who may run a meeting: its chair, or social care staff allocated to the young person (the hub key
 * worker, the social worker). Invitees see the meeting; they do not schedule, invite or record it.
 */
export async function meetingAuthority(
  ctx: SocialCareContext,
  meeting: Meeting | null,
  meetingId: string,
  doing: string,
): Promise<Meeting> {
  return writeAuthority(
    ctx,
    { field: 'meetingId', value: meetingId, record: meeting, personId: meeting?.youngPerson.id },
    (purpose, m) => m.chairId === ctx.viewer.id || allocatedHub(ctx, purpose),
    () => `Only the chair or social care staff allocated to the young person may ${doing}.`,
  );
}

/** Scheduling a meeting about a young person: social care staff allocated to them (the hub). */
export async function schedulingAuthority(ctx: SocialCareContext, personId: string): Promise<YoungPerson> {
  const person = await ctx.em.findOne(YoungPerson, { id: personId });
  return writeAuthority(
    ctx,
    { field: 'youngPersonId', value: personId, record: person, personId: person?.id, askedFor: personId },
    (purpose) => allocatedHub(ctx, purpose),
    () => 'Only social care staff allocated to the young person (the hub) may schedule a meeting about them.',
  );
}

/** Social care staff allocated to the young person today: who may chair their meetings and own the hub's actions. */
export async function allocatedStaff(ctx: SocialCareContext, personId: string): Promise<Map<string, string>> {
  const allocations = await ctx.loaders.allocations.load(personId);
  return new Map(allocations.filter((a) => isOpenOn(a, ctx.today)).map((a) => [a.practitionerId, a.practitionerName]));
}

/** A condition on the young person a row is about, by its key: no join to young_person needed. */
export type OnYoungPerson = FilterQuery<{ youngPerson: YoungPerson }>;

/** Knex subqueries where MikroORM's types expect values: it renders them as `in (select …)`. */
const among = (rows: Knex.QueryBuilder): OnYoungPerson => ({ youngPerson: { $in: rows } }) as unknown as OnYoungPerson;

/**
 * Young people among the viewer's own facts' rows, as one `in (… union …)`: the union lets PostgreSQL
 * start from the few rows the viewer's own facts give (a key worker's 25), where an `or` of `in`s made
 * it test every open involvement against each (at 100 000 young people, 3 ms against 50). Looked-after
 * children stay a condition of their own: they are most of a council, and in a union too wide to hash
 * PostgreSQL scanned them once per involvement (a caseload page past 30 s). On the row's own key, not
 * the young person's id: through the join PostgreSQL tested all 100 000 young people against both (the
 * virtual school head's candidates: 60 ms, against 34 on the open involvements alone).
 */
const amongOwn = (own: Knex.QueryBuilder[]): OnYoungPerson | null => {
  const [first, ...rest] = own;
  if (!own.length) return null;
  return among(rest.length ? first.union(rest) : first);
};

const anyOf = (...conditions: (OnYoungPerson | null)[]): OnYoungPerson | null => {
  const present = conditions.filter((c): c is OnYoungPerson => c !== null);
  if (!present.length) return null;
  return present.length === 1 ? present[0] : { $or: present };
};

/**
 * Which of the viewer's facts open a young person for certain, asked of the rule itself (so a list can
 * order, count and page them in the database without deciding each one), and which only may.
 */
function purposeFacts(ctx: SocialCareContext, candidates?: () => Knex.QueryBuilder) {
  const em = ctx.em as SqlEntityManager;
  const viewer = ctx.viewer.id;
  const today = ctx.today;
  const none: RelationshipFacts = { allocations: [], specialistInvolvements: [], invitations: [], actions: [], caseStatuses: [] };
  const openRow = { practitionerId: viewer, startDate: today };
  const opens = (facts: Partial<RelationshipFacts>) => {
    const purpose = legitimateRelationship(ctx.viewer, { ...none, ...facts }, today);
    return !!purpose && purpose.kind !== PurposeKind.AUDIT;
  };
  const openToday = { startDate: { $lte: today }, $or: [{ endDate: null }, { endDate: { $gte: today } }] };
  const ownOpen = (entity: typeof Allocation | typeof SpecialistInvolvement) =>
    em
      .createQueryBuilder(entity, 'r')
      .select('r.youngPerson')
      .where({ practitionerId: viewer, ...openToday })
      .getKnexQuery();
  /**
   * Open looked-after episodes today (among the candidates, narrowed before PostgreSQL weighs them):
   * `inForce` those that are the status in force (currentEpisode: no other open status started on or
   * after), `false` those that may not be, `undefined` all.
   */
  const lookedAfter = (inForce?: boolean) => {
    const query = em
      .createQueryBuilder(CaseStatusEpisode, 'c')
      .select('c.youngPerson')
      .where({ status: CaseStatus.LOOKED_AFTER, ...openToday, ...(candidates && { youngPerson: { $in: candidates() } }) });
    if (inForce !== undefined)
      query.andWhere(
        `${inForce ? 'not exists' : 'exists'} (select 1 from case_status_episode o where o.young_person_id = c.young_person_id and o.status <> ? and o.start_date >= c.start_date and o.start_date <= ? and (o.end_date is null or o.end_date >= ?))`,
        [CaseStatus.LOOKED_AFTER, today, today],
      );
    return query.getKnexQuery();
  };
  const statutory = opens({ caseStatuses: [{ status: CaseStatus.LOOKED_AFTER, startDate: today }] });
  // Each part is built only when asked for: the caseload asks for the sure parts and the undecided apart.
  return {
    /** Rows of the viewer's own that open the young person today. */
    sureOwn: () =>
      amongOwn([
        ...(opens({ allocations: [openRow] }) ? [ownOpen(Allocation)] : []),
        ...(opens({ specialistInvolvements: [openRow] }) ? [ownOpen(SpecialistInvolvement)] : []),
      ]),
    /** Looked after today, where a statutory role opens them. */
    sureLookedAfter: () => (statutory ? among(lookedAfter(true)) : null),
    /** Every row of the viewer's own the rule reads: allocations, hub involvements, invitations, actions. */
    mayOwn: () =>
      amongOwn([
        em.createQueryBuilder(Allocation, 'a').select('a.youngPerson').where({ practitionerId: viewer }).getKnexQuery(),
        em.createQueryBuilder(SpecialistInvolvement, 's').select('s.youngPerson').where({ practitionerId: viewer }).getKnexQuery(),
        em
          .createQueryBuilder(MeetingAttendee, 'i')
          .select('m.youngPerson')
          .join('i.meeting', 'm')
          .where({ practitionerId: viewer })
          .getKnexQuery(),
        em.createQueryBuilder(MeetingAction, 'x').select('m.youngPerson').join('x.meeting', 'm').where({ ownerId: viewer }).getKnexQuery(),
      ]),
    /** For a statutory role, the looked-after children the sure condition above leaves open (or all, if it opens none). */
    mayLookedAfterOnly: () => (hasStatutoryRole(ctx.viewer) ? among(lookedAfter(statutory ? false : undefined)) : null),
  };
}

/**
 * The young people the rule certainly opens to this viewer, beyond an auditor's purpose, as a condition
 * on a row's `youngPerson` key: those with an allocation or a hub involvement of the viewer's own open
 * today, and, where a statutory role opens them, those whose case status in force today is looked
 * after; null when no such fact opens anyone to this viewer. `candidates`, the ids a list is drawn
 * from, narrows the looked-after children to those in it before PostgreSQL weighs them (at 100 000
 * young people the virtual school head's page took 113 ms of the database without it, 40 with the open
 * NWD involvements).
 */
export function surelyHasPurpose(ctx: SocialCareContext, candidates?: () => Knex.QueryBuilder): OnYoungPerson | null {
  const facts = purposeFacts(ctx, candidates);
  return anyOf(facts.sureOwn(), facts.sureLookedAfter());
}

/**
 * The young people the database cannot settle for this viewer, as a condition on a row's `youngPerson`
 * key (null: nobody): those with a row of the viewer's own the rule reads but not one that surely opens
 * them, and, for a statutory role, those looked after on an episode that may not be the status in
 * force. A superset of those the rule opens beyond surelyHasPurpose, decided in the database so that a
 * list never loads the council to find a viewer's few: the rule itself (ctx.loaders.purposes) decides
 * each. Built from the two sides rather than as "may, but not surely": that weighed the looked-after
 * children twice (the virtual school head's caseload at 100 000: 33 ms of PostgreSQL against 17).
 */
export function undecidedPurpose(ctx: SocialCareContext, candidates?: () => Knex.QueryBuilder): OnYoungPerson | null {
  const facts = purposeFacts(ctx, candidates);
  const [mayOwn, sureOwn] = [facts.mayOwn(), facts.sureOwn()];
  const ownOnly = mayOwn && sureOwn ? { $and: [mayOwn, { $not: sureOwn }] } : mayOwn;
  return anyOf(ownOnly, facts.mayLookedAfterOnly());
}
