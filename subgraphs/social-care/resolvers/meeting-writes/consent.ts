import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { badUserInput, forbidden } from '../../../../kit/subgraph/errors';
import { justification, optionalText } from '../../../../kit/subgraph/validate';
import type { SocialCareContext } from '../../context';
import { Meeting } from '../../entities/meetings';
import { authorisedMeeting, changeMeeting, onOrHeld, VERSION } from './shared';

/** Whether a meeting's consent changes who it is shared with: a refusal also ends any earlier override. */
export function recordConsent(meeting: Meeting, agreed: boolean, views: string | null): void {
  meeting.youngPersonAgreedToBeDiscussed = agreed;
  meeting.youngPersonViews = views;
  if (!agreed) {
    meeting.consentOverrideReason = null;
    meeting.consentOverriddenById = null;
  }
}

/** The young person's say in who hears about them, and the chair's exceptional override. */
@Resolver(() => Meeting)
export class MeetingConsentWrites {
  @Mutation(() => Meeting, {
    description:
      'Records whether the young person agreed to be discussed, and their views (as given now: leaving them out clears the earlier ones). When they did not agree, invitees and action owners from other agencies see nothing through this meeting unless the chair overrides; a new refusal ends an earlier override. Before or after the meeting. The chair or allocated social care staff.',
  })
  async recordYoungPersonsConsent(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('agreedToBeDiscussed', () => Boolean) agreed: boolean,
    @Arg('views', () => String, { nullable: true, description: 'In their words, where possible.' }) views?: string | null,
  ): Promise<Meeting> {
    const words = optionalText('views', views);
    await authorisedMeeting(ctx, meetingId, "record the young person's consent");
    const input = { meetingId, expectedVersion, agreed, words };
    return changeMeeting(ctx, { operation: 'recordYoungPersonsConsent', meetingId, expectedVersion, input }, (meeting) => {
      onOrHeld(meeting, 'given a new answer');
      recordConsent(meeting, agreed, words);
    });
  }

  @Mutation(() => Meeting, {
    description:
      'The chair shares the meeting with invitees and action owners from other agencies although the young person did not agree to be discussed, with why, in words (at least 20 letters, at most 1000 characters). Recorded, and raised as an alert for auditors, like break-glass. The chair only.',
  })
  async overrideYoungPersonsConsent(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<Meeting> {
    const why = justification('reason', reason);
    const found = await authorisedMeeting(ctx, meetingId, "override the young person's consent");
    if (found.chairId !== ctx.viewer.id) {
      ctx.access.refuse(found.youngPerson.id);
      throw forbidden("Only the meeting's chair may override the young person's consent.");
    }
    const input = { meetingId, expectedVersion, why };
    return changeMeeting(ctx, { operation: 'overrideYoungPersonsConsent', meetingId, expectedVersion, input }, (meeting) => {
      onOrHeld(meeting, 'shared against the young person');
      if (meeting.youngPersonAgreedToBeDiscussed !== false)
        throw badUserInput('meetingId', 'the young person has not refused to be discussed: there is nothing to override');
      meeting.consentOverrideReason = why;
      meeting.consentOverriddenById = ctx.viewer.id;
      return { alert: why };
    });
  }
}
