import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, notFound } from '../../../kit/subgraph/errors';
import { asked, withPurpose } from '../access';
import type { SocialCareContext } from '../context';
import { Meeting, MeetingAction, MeetingAttendee, MeetingObservation, ScalingScore, SignificantEvent } from '../entities/meetings';
import { YoungPerson } from '../entities/young-person';
import { Agency, Attendance, ObservationKind } from '../enums';

@ObjectType({ description: 'Who was invited from one agency and who came: partners not attending is a known failure (000:2081).' })
class AgencyAttendance {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Int)
  invited!: number;

  @Field(() => Int)
  attended!: number;
}

const ATTENDED = new Set([Attendance.ATTENDED_IN_PERSON, Attendance.ATTENDED_VIRTUALLY]);

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { description: 'A RAISE meeting or deep dive by id.' })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: SocialCareContext): Promise<Meeting> {
    if (!/^YP-\d{6}-M\d+$/.test(id)) throw badUserInput('id', 'a meeting id looks like "YP-000123-M1"');
    const meeting = await ctx.loaders.meeting.load(id);
    // The purpose needs only whose meeting it is (its reference), so a meeting found loads no more than a miss.
    // No relationship with the young person: answered as if the meeting did not exist.
    const seen = await withPurpose(ctx, meeting?.youngPerson ?? null, asked('meetingId', id));
    if (!meeting || !seen) throw notFound('id', id);
    return meeting;
  }

  @FieldResolver(() => YoungPerson, { description: 'The young person the meeting was about.' })
  youngPerson(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.youngPerson.load(m.youngPerson.id);
  }

  @FieldResolver(() => [MeetingAttendee], { description: 'Everyone invited, with their agency and attendance.' })
  attendees(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.attendees.load(m.id);
  }

  @FieldResolver(() => [AgencyAttendance], { description: 'Invited and attended, per agency.' })
  async attendanceByAgency(@Root() m: Meeting, @Ctx() ctx: SocialCareContext): Promise<AgencyAttendance[]> {
    const byAgency = new Map<Agency, AgencyAttendance>();
    for (const a of await ctx.loaders.attendees.load(m.id)) {
      const row = byAgency.get(a.agency) ?? { agency: a.agency, invited: 0, attended: 0 };
      row.invited++;
      if (a.attendance && ATTENDED.has(a.attendance)) row.attended++;
      byAgency.set(a.agency, row);
    }
    return [...byAgency.values()];
  }

  @FieldResolver(() => [ScalingScore], { description: "Each professional's Signs of Safety scaling score (0-10)." })
  scalingScores(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.scalingScores.load(m.id);
  }

  @FieldResolver(() => [MeetingObservation], { description: 'What is working well.' })
  async strengths(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.observations.load(m.id)).filter((o) => o.kind === ObservationKind.STRENGTH);
  }

  @FieldResolver(() => [MeetingObservation], { description: 'What we are worried about.' })
  async risks(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.observations.load(m.id)).filter((o) => o.kind === ObservationKind.RISK);
  }

  @FieldResolver(() => [MeetingAction], { description: 'Actions agreed, each owned by one agency.' })
  actions(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.actions.load(m.id);
  }

  @FieldResolver(() => [SignificantEvent], { description: "A deep dive's significant events from the whole case history, oldest first." })
  async significantEvents(@Root() m: Meeting, @Ctx() ctx: SocialCareContext) {
    return (await ctx.loaders.significantEvents.load(m.id)).sort((a, b) =>
      a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0,
    );
  }
}
