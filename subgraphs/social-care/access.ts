import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Purpose } from '../../kit/subgraph/access/purpose';
import { notFound } from '../../kit/subgraph/errors';
import type { Subject } from '../../kit/subgraph/access/request-access';
import type { SocialCareContext } from './context';
import { Meeting } from './entities/meetings';
import { YoungPerson } from './entities/young-person';
import { CaseStatus } from './enums';
import { currentEpisode } from './rules/episodes';
import { legitimateRelationship } from './rules/relationship';

/** Per request: each young person's purpose for this viewer, from allocations, invitations and status. Batched. */
export function createPurposeLoader(ctx: Omit<SocialCareContext, 'purposes'>) {
  return new DataLoader<string, Purpose | null>(async (ids) => {
    const l = ctx.loaders;
    return Promise.all(
      ids.map(async (id) => {
        const [allocations, invitations, statuses] = await Promise.all([l.allocations.load(id), l.invitationsOfViewer.load(id), l.caseStatusEpisodes.load(id)]);
        const facts = {
          allocations,
          invitations: invitations.map((i) => ({ practitionerId: i.practitionerId, invitedOn: i.invitedOn, meetingId: i.meeting.id, heldOn: i.meeting.heldOn })),
          lookedAfter: currentEpisode(statuses, ctx.today)?.status === CaseStatus.LOOKED_AFTER,
        };
        return legitimateRelationship(ctx.viewer, facts, ctx.today, ctx.breakGlassReasons.get(id));
      }),
    );
  });
}

/**
 * Returns the young person only when the viewer has a purpose; otherwise records the refusal and
 * answers exactly as for an id that does not exist, so nothing hints that the record is there.
 */
export async function withPurpose(ctx: SocialCareContext, person: YoungPerson | null, idForError?: { field: string; value: string }): Promise<YoungPerson | null> {
  if (person && (await ctx.purposes.load(person.id))) return person;
  if (person) ctx.access.refuse(person.id, ctx.breakGlassReasons.get(person.id));
  if (idForError) throw notFound(idForError.field, idForError.value);
  return null;
}

/** Whose record a social care object is about: fail closed when there is no purpose. */
export async function socialCareSubjectOf(typeName: string, root: unknown, ctx: SocialCareContext): Promise<Subject | undefined> {
  const personId = typeName === 'YoungPerson' ? (root as YoungPerson).id : typeName === 'Meeting' ? (root as Meeting).youngPerson.id : undefined;
  if (!personId) return undefined;
  const purpose = await ctx.purposes.load(personId);
  if (!purpose) throw new GraphQLError('No legitimate relationship with this young person.', { extensions: { code: 'FORBIDDEN' } });
  return { key: personId, purpose };
}
