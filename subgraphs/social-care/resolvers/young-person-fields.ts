import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ageOn } from '../../../kit/subgraph/dates';
import type { SocialCareContext } from '../context';
import { CaseStatusEpisode, LegalStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from '../entities/episodes';
import { Meeting } from '../entities/meetings';
import { NwdInvolvement, SpecialistInvolvement } from '../entities/nwd';
import { AssessmentFactorRecord, Plan, StatutoryVisit } from '../entities/plans';
import { YoungPerson } from '../entities/young-person';
import { MeetingKind } from '../enums';
import { currentEpisode, placementMovesInLast12Months } from '../rules/episodes';
import { nextScheduledRaise } from '../rules/raise-schedule';
import { raiseDueFor } from './raise-due';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';

/** The young person's social care file: dated episodes, and what is current derived from them. */
@Resolver(() => YoungPerson)
export class YoungPersonFields {
  @FieldResolver(() => Int, { nullable: true, description: 'Age in whole years today.' })
  age(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): number {
    return ageOn(p.dateOfBirth, ctx.today);
  }

  @FieldResolver(() => [CaseStatusEpisode], { nullable: true, description: 'Status history, oldest first.' })
  caseStatusHistory(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.caseStatusEpisodes.load(p.id);
  }

  @FieldResolver(() => CaseStatusEpisode, { nullable: true, description: 'The status episode open today.' })
  async currentStatus(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentEpisode(await ctx.loaders.caseStatusEpisodes.load(p.id), ctx.today);
  }

  @FieldResolver(() => [LegalStatusEpisode], { nullable: true, description: 'Legal status episodes (SSDA903 LS), oldest first.' })
  legalStatusHistory(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.legalStatusEpisodes.load(p.id);
  }

  @FieldResolver(() => LegalStatusEpisode, { nullable: true, description: 'The legal status in force today.' })
  async currentLegalStatus(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentEpisode(await ctx.loaders.legalStatusEpisodes.load(p.id), ctx.today);
  }

  @FieldResolver(() => [PlacementEpisode], { nullable: true, description: 'Placement history (SSDA903 PLACE), oldest first.' })
  placements(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.placementEpisodes.load(p.id);
  }

  @FieldResolver(() => PlacementEpisode, { nullable: true, description: 'The placement in force today.' })
  async currentPlacement(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentEpisode(await ctx.loaders.placementEpisodes.load(p.id), ctx.today);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Placement moves in the last 12 months (3 or more is the stability KPI, 000:280).',
  })
  async placementMovesInLast12Months(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return placementMovesInLast12Months(await ctx.loaders.placementEpisodes.load(p.id), ctx.today);
  }

  @FieldResolver(() => [MissingFromCareEpisode], {
    nullable: true,
    description: 'Missing from care and away without authorisation (SSDA903), oldest first.',
  })
  missingFromCare(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.missingFromCareEpisodes.load(p.id);
  }

  @FieldResolver(() => [Plan], { nullable: true, description: 'Plans, oldest first.' })
  plans(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.plans.load(p.id);
  }

  @FieldResolver(() => [StatutoryVisit], { nullable: true, description: 'Statutory visits, oldest first.' })
  statutoryVisits(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.statutoryVisits.load(p.id);
  }

  @FieldResolver(() => [AssessmentFactorRecord], { nullable: true, description: 'Factors identified at Child in Need assessments.' })
  assessmentFactors(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.assessmentFactors.load(p.id);
  }

  @FieldResolver(() => [NwdInvolvement], { nullable: true, description: 'No Wrong Door involvement episodes, oldest first.' })
  nwdInvolvements(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.nwdInvolvements.load(p.id);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'On the No Wrong Door caseload: an NWD involvement is open.' })
  async onNwdCaseload(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.nwdInvolvements.load(p.id)).some((i) => !i.closedOn);
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      "When the next RAISE meeting is due: the review date the last RAISE meeting agreed, else the last one held plus the hub's review interval for the referral's priority (red 4 weeks, amber 6, green 8); the first within 4 weeks of referral. Null when not on the NWD caseload.",
  })
  async nextRaiseDue(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<string | null> {
    return raiseDueFor(p.id, ctx);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'On the NWD caseload and past nextRaiseDue with no RAISE meeting held since. Null when not on the caseload.',
  })
  async raiseOverdue(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<boolean | null> {
    const due = await raiseDueFor(p.id, ctx);
    return due === null ? null : ctx.today > due;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The next RAISE meeting scheduled, today or later; null when none is.' })
  async nextRaiseMeeting(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<Meeting | null> {
    return nextScheduledRaise(await ctx.loaders.meetings.load(p.id), ctx.today);
  }

  @FieldResolver(() => [SpecialistInvolvement], {
    nullable: true,
    description: 'Hub specialists working (or who worked) with the young person.',
  })
  specialistInvolvements(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.specialistInvolvements.load(p.id);
  }

  @FieldResolver(() => [Meeting], { nullable: true, description: 'RAISE meetings and deep dives about the young person, newest first.' })
  async meetings(
    @Root() p: YoungPerson,
    @Ctx() ctx: SocialCareContext,
    @Arg('kind', () => MeetingKind, { nullable: true }) kind?: MeetingKind,
  ) {
    const meetings = await ctx.loaders.meetings.load(p.id);
    return kind ? meetings.filter((m) => m.kind === kind) : meetings;
  }
}
