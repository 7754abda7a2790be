import { GraphQLError } from 'graphql';
import { notFound } from '../../kit/subgraph/errors';
import type { Subject } from '../../kit/subgraph/access/request-access';
import type { SocialCareContext } from './context';
import type { Meeting } from './entities/meetings';
import type { YoungPerson } from './entities/young-person';

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
