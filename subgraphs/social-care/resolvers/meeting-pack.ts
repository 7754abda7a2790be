import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, Float, ID, Info, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { addDays, addMonths, toLocalDate } from '../../../kit/subgraph/dates';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { addFieldResolver } from '../../../kit/subgraph/graphql/generated-fields';
import { freezePart, frozenPack } from '../../../kit/subgraph/snapshots/freeze';
import { PackSnapshotView } from '../../../kit/subgraph/snapshots/pack-snapshot';
import type { SocialCareContext } from '../context';
import { MissingFromCareEpisode, PlacementEpisode } from '../entities/episodes';
import { Meeting, MeetingAction } from '../entities/meetings';
import { MeetingStatus } from '../enums';
import { currentLink } from './identifiers';

/**
 * The pack for a meeting: every agency's picture of what changed for the young person since the meeting
 * before. Social care gives the date ("since") and a grant to each receiving agency, which computes its
 * own part from its own records, under its own policy: no agency sees another's data. Keyed by an
 * opaque reference, so social care's meeting ids never reach the other agencies.
 */
@Directive('@key(fields: "reference")')
@ObjectType({
  description:
    "A meeting's pack: what changed for the young person since the meeting before, from every agency. Each receiving agency adds its own part (health, education, police), computed from its own records under its own policy.",
})
export class MeetingPack {
  @Field(() => ID, { description: 'The pack, as other agencies know it (opaque).' })
  reference!: string;

  @Field(() => LocalDateScalar, {
    description: 'Changes are those on or after this date: the meeting held before this one, else the NWD referral.',
  })
  since!: string;

  /** The meeting it is for. Not a GraphQL field (see `meeting`). */
  meetingId!: string;
  personId!: string;
  /** The chair is asking about a recorded meeting: every agency keeps what it shows. */
  freeze!: boolean;
}

@ObjectType({ description: 'The average Signs of Safety scaling score at one held meeting.' })
class ScoresAtMeeting {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => LocalDateScalar)
  heldOn!: string;

  @Field(() => Float, { nullable: true, description: 'Average of the scores given (0-10); null when none were.' })
  average!: number | null;

  @Field(() => Int)
  scores!: number;
}

/** What the pack is about: the meeting, and the held meetings before it, newest first. */
async function contextOf(pack: MeetingPack, ctx: SocialCareContext): Promise<{ meeting: Meeting; earlier: Meeting[] }> {
  const meetings = await ctx.loaders.meetings.load(pack.personId);
  const meeting = meetings.find((m) => m.id === pack.meetingId)!;
  const earlier = meetings.filter((m) => m.status === MeetingStatus.HELD && m.heldOn < meeting.heldOn && m.id !== meeting.id);
  return { meeting, earlier };
}

/** How long after recording a part can still be frozen, if an agency could not answer at the time. */
export const FREEZE_WITHIN_DAYS = 7;

/**
 * A meeting's pack: "since" is the date of the meeting held before it, else the NWD referral, else six
 * months before. Each agency freezes its part when the chair is shown the pack of a meeting recorded
 * through the graph: in the answer to recordMeeting, or, for an agency that could not answer then, the
 * chair's next look within a week. Never for a meeting recorded before (its data has moved on).
 */
async function packOf(m: Meeting, ctx: SocialCareContext): Promise<MeetingPack> {
  const meetings = await ctx.loaders.meetings.load(m.youngPerson.id);
  const before = meetings
    .filter((x) => x.status === MeetingStatus.HELD && x.heldOn < m.heldOn)
    .reduce<Meeting | null>((last, x) => (!last || x.heldOn > last.heldOn ? x : last), null);
  const referral = (await ctx.loaders.nwdInvolvements.load(m.youngPerson.id)).map((i) => i.referredOn).sort()[0];
  return Object.assign(new MeetingPack(), {
    reference: m.packReference,
    since: before?.heldOn ?? referral ?? addMonths(m.heldOn, -6),
    meetingId: m.id,
    personId: m.youngPerson.id,
    freeze:
      m.status === MeetingStatus.HELD &&
      m.chairId === ctx.viewer.id &&
      !!m.recordedAt &&
      ctx.today <= addDays(toLocalDate(m.recordedAt), FREEZE_WITHIN_DAYS),
  });
}

const average = (scores: { score: number }[]) => (scores.length ? scores.reduce((sum, s) => sum + s.score, 0) / scores.length : null);
/** Left out of what is frozen: the grants (short-lived, for this request), the frozen copy itself, links back to the meeting. */
const NOT_FROZEN = [...RECEIVING_AGENCIES.map((a) => a.grantField), 'frozen', 'meeting', 'pack', 'youngPerson'];

@Resolver(() => Meeting)
export class MeetingPackOfMeeting {
  @FieldResolver(() => MeetingPack, {
    description:
      'The pack for this meeting: what changed since the meeting before, from every agency. When the chair is shown the pack in the answer to recordMeeting (or, for an agency that could not answer then, within a week), each agency freezes its whole part, as the chair is shown it, once: MeetingPack.frozen, healthSnapshot...',
  })
  async pack(@Root() m: Meeting, @Ctx() ctx: SocialCareContext, @Info() info: GraphQLResolveInfo): Promise<MeetingPack> {
    const pack = await packOf(m, ctx);
    const purpose = pack.freeze && (await ctx.loaders.purposes.load(pack.personId));
    if (purpose) {
      const type = info.schema.getType('MeetingPack') as GraphQLObjectType;
      await freezePart(ctx, { type, part: pack, reference: pack.reference, subject: { key: pack.personId, purpose }, omit: NOT_FROZEN });
    }
    return pack;
  }
}

@Resolver(() => MeetingPack)
export class MeetingPackFields {
  @FieldResolver(() => Meeting)
  meeting(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.meeting.load(pack.meetingId);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting held before this one; null for the first.' })
  async previousMeeting(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    return (await contextOf(pack, ctx)).earlier.sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0] ?? null;
  }

  @FieldResolver(() => [MeetingAction], {
    description: 'The actions agreed at the meeting before, with where each stands now (status, overdue, progress).',
  })
  async previousActions(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    const previous = (await contextOf(pack, ctx)).earlier.sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0];
    return previous ? ctx.loaders.actions.load(previous.id) : [];
  }

  @FieldResolver(() => [ScoresAtMeeting], {
    description: 'The average scaling score at the last four held meetings up to this one, oldest first: the trend.',
  })
  async scalingScoreTrend(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext): Promise<ScoresAtMeeting[]> {
    const { meeting, earlier } = await contextOf(pack, ctx);
    const held = [...earlier, ...(meeting.status === MeetingStatus.HELD ? [meeting] : [])]
      .sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1))
      .slice(-4);
    const scores = await Promise.all(held.map((m) => ctx.loaders.scalingScores.load(m.id)));
    return held.map((m, i) =>
      Object.assign(new ScoresAtMeeting(), { meetingId: m.id, heldOn: m.heldOn, average: average(scores[i]), scores: scores[i].length }),
    );
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'How the average scaling score moved between the last two held meetings (positive: safer); null with fewer than two.',
  })
  async scalingScoreChange(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext): Promise<number | null> {
    const trend = (await this.scalingScoreTrend(pack, ctx)).filter((t) => t.average !== null);
    return trend.length < 2 ? null : Math.round((trend[trend.length - 1].average! - trend[trend.length - 2].average!) * 10) / 10;
  }

  @FieldResolver(() => [PlacementEpisode], { description: 'Placements that began since (each is a move).' })
  async placementsSince(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.placementEpisodes.load(pack.personId)).filter((p) => p.startDate >= pack.since);
  }

  @FieldResolver(() => [MissingFromCareEpisode], { description: 'Missing from care, or away without authorisation, since (SSDA903).' })
  async missingFromCareSince(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.missingFromCareEpisodes.load(pack.personId)).filter((m) => toLocalDate(m.startedAt) >= pack.since);
  }

  @FieldResolver(() => PackSnapshotView, {
    nullable: true,
    description:
      "Social care's part of the pack as it was shown to the chair when the meeting was recorded; null until then. The chair and auditors only.",
  })
  frozen(@Root() pack: MeetingPack, @Ctx() ctx: SocialCareContext) {
    return frozenPack(ctx.em, pack.reference);
  }
}

// Social care's grant to each receiving agency for its part of the pack: this viewer, this request,
// that agency's own identifier, the purpose, and the pack's scope (its reference, since, freeze).
for (const agency of RECEIVING_AGENCIES) {
  addFieldResolver(
    MeetingPackFields,
    agency.grantField,
    () => String,
    { nullable: true, description: `Access grant for ${agency.label}'s part of the pack (internal).` },
    async (pack: MeetingPack, ctx: SocialCareContext): Promise<string | null> => {
      const [purpose, person] = await Promise.all([ctx.loaders.purposes.load(pack.personId), ctx.loaders.youngPerson.load(pack.personId)]);
      if (!purpose || !person) return null;
      const identifier = await currentLink(person, ctx, agency.identifier.scheme);
      return ctx.signGrant(agency, identifier, purpose, { reference: pack.reference, since: pack.since, freeze: pack.freeze });
    },
  );
  Directive('@inaccessible')(MeetingPackFields.prototype, agency.grantField);
}

/** A pack another subgraph refers to (by reference), when the viewer may see its meeting. */
export async function resolvePackReference(ref: Record<string, unknown>, ctx: SocialCareContext): Promise<MeetingPack | null> {
  if (typeof ref.reference !== 'string') return null;
  const meeting = await ctx.em.findOne(Meeting, { packReference: ref.reference });
  if (!meeting || !(await ctx.loaders.purposes.load(meeting.youngPerson.id))) return null;
  return packOf(meeting, ctx);
}
