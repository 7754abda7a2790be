import { GraphQLError } from 'graphql';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { forbidden, notFound } from '../../kit/subgraph/errors';
import { SOCIAL_CARE } from './agency';
import type { Subject } from '../../kit/subgraph/access/request-access';
import type { SocialCareContext } from './context';
import type { Meeting, MeetingAction } from './entities/meetings';
import type { MeetingPack } from './resolvers/meeting-pack';
import { YoungPerson } from './entities/young-person';
import { isOpenOn } from './rules/episodes';

/**
 * Returns the young person only when the viewer has a purpose; otherwise records the refusal and
 * answers exactly as for an id that does not exist, so nothing hints that the record is there.
 */
export async function withPurpose(
  ctx: SocialCareContext,
  person: YoungPerson | null,
  idForError?: { field: string; value: string },
): Promise<YoungPerson | null> {
  if (person && (await ctx.loaders.purposes.load(person.id))) return person;
  if (person) ctx.access.refuse(person.id, ctx.breakGlassReasons.get(person.id));
  if (idForError) throw notFound(idForError.field, idForError.value);
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
  if (typeName === 'AuditEntry') return (root as { subject?: string }).subject;
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

/**
 * Who may run a meeting: its chair, or social care staff allocated to the young person (the hub key
 * worker, the social worker). Invitees see the meeting; they do not schedule, invite or record it.
 * Someone with no relationship is answered as if the meeting did not exist. Every refusal is audited,
 * like a refused read.
 */
export async function meetingAuthority(ctx: SocialCareContext, meeting: Meeting, doing: string): Promise<void> {
  const personId = meeting.youngPerson.id;
  const purpose = await ctx.loaders.purposes.load(personId);
  if (meeting.chairId === ctx.viewer.id && purpose && purpose.kind !== PurposeKind.AUDIT) return;
  if (purpose && ctx.viewer.agency === SOCIAL_CARE.code && purpose.kind === PurposeKind.ALLOCATION) return;
  ctx.access.refuse(personId);
  if (!purpose || purpose.kind === PurposeKind.AUDIT) throw notFound('meetingId', meeting.id);
  throw forbidden(`Only the chair or social care staff allocated to the young person may ${doing}.`);
}

/** Scheduling a meeting about a young person: social care staff allocated to them (the hub). Refusals audited. */
export async function schedulingAuthority(ctx: SocialCareContext, personId: string): Promise<YoungPerson> {
  const person = await ctx.em.findOne(YoungPerson, { id: personId });
  if (!person) throw notFound('youngPersonId', personId);
  const purpose = await ctx.loaders.purposes.load(person.id);
  if (purpose && ctx.viewer.agency === SOCIAL_CARE.code && purpose.kind === PurposeKind.ALLOCATION) return person;
  ctx.access.refuse(person.id);
  if (!purpose || purpose.kind === PurposeKind.AUDIT) throw notFound('youngPersonId', personId);
  throw forbidden('Only social care staff allocated to the young person (the hub) may schedule a meeting about them.');
}

/** Social care staff allocated to the young person today: who may chair their meetings and own the hub's actions. */
export async function allocatedStaff(ctx: SocialCareContext, personId: string): Promise<Map<string, string>> {
  const allocations = await ctx.loaders.allocations.load(personId);
  return new Map(allocations.filter((a) => isOpenOn(a, ctx.today)).map((a) => [a.practitionerId, a.practitionerName]));
}
