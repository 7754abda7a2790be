import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badUserInput } from '../../../../kit/subgraph/errors';
import { requiredText, userId } from '../../../../kit/subgraph/validate';
import { performWrite, pick } from '../../../../kit/subgraph/writes/write';
import type { SocialCareContext } from '../../context';
import { Meeting, MeetingAttendee } from '../../entities/meetings';
import { InviteeInput } from '../meeting-inputs';
import { authorisedMeeting, created, IDEMPOTENCY, partnerAgency, reloadMeeting, stillScheduled } from './shared';

/** The hub invites professionals: a person, or an agency and role until the person is known. */
@Resolver(() => Meeting)
export class MeetingInvitations {
  @Mutation(() => Meeting, {
    description:
      "Invites a professional (a user, or an agency and role) to a scheduled meeting. The invitation is the invitee's legitimate relationship with the young person, in the agency it names, from today until 28 days after the meeting. The chair or allocated social care staff.",
  })
  async inviteToMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('invitee', () => InviteeInput) invitee: InviteeInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const practitionerId = invitee.userId == null ? null : userId('invitee.userId', invitee.userId);
    const name = requiredText('invitee.name', invitee.name, 200);
    const role = requiredText('invitee.role', invitee.role, 200);
    const agency = partnerAgency('invitee.agency', invitee.agency, 'an invitation');
    await authorisedMeeting(ctx, meetingId, 'invite to it');
    const id = await performWrite(
      ctx,
      { operation: 'inviteToMeeting', idempotencyKey, input: { meetingId, practitionerId, name, role, agency } },
      async (tx) => {
        const meeting = await tx.findOneOrFail(Meeting, { id: meetingId });
        stillScheduled(meeting, 'given new invitations');
        const same = practitionerId ? { practitionerId } : { practitionerId: null, name, role, agency };
        if (await tx.count(MeetingAttendee, { meeting: meeting.id, ...same }))
          throw badUserInput(practitionerId ? 'invitee.userId' : 'invitee', 'already invited to the meeting');
        const attendee = tx.create(MeetingAttendee, { meeting, practitionerId, name, role, agency, invitedOn: ctx.today });
        await tx.flush();
        return {
          resultId: meeting.id,
          subject: meeting.youngPerson.id,
          changes: [created('MeetingAttendee', attendee.id, pick(attendee, ['name', 'practitionerId', 'role', 'agency', 'invitedOn']))],
        };
      },
    );
    return reloadMeeting(ctx, id);
  }
}
