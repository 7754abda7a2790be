import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import { receivingPackFields } from '../../../kit/subgraph/receiving/meeting-pack';
import { receivingMeetingPackType, type ReceivedMeetingPack } from '../../../kit/subgraph/receiving/young-person';
import { EDUCATION } from '../agency';
import type { EducationContext } from '../context';
import { NotInSchoolEpisode, PermanentExclusion, Suspension, type Pupil } from '../entities';
import { pepTimeliness } from '../rules/pep';

export const MeetingPack = receivingMeetingPackType<Pupil>(EDUCATION);

@ObjectType({
  description:
    "What changed in the virtual school's records since the meeting before (on or after `since`), for the next RAISE meeting. Null when not matched.",
})
export class EducationChanges extends AgencyRecord<Pupil> {
  @Field(() => LocalDateScalar, { description: 'Changes are those on or after this date: the meeting before, or the NWD referral.' })
  readonly since: string;

  constructor(pack: ReceivedMeetingPack<Pupil>) {
    super(pack);
    this.since = pack.since;
  }
}

const onOrAfter = <T>(rows: T[], date: (row: T) => string, since: string) => rows.filter((row) => date(row) >= since);

@Resolver(() => EducationChanges)
export class EducationChangesResolver {
  @FieldResolver(() => [Suspension], { nullable: true, description: 'Suspensions that began since, newest first.' })
  suspensions(@Root() changes: EducationChanges, @Ctx() ctx: EducationContext) {
    return changes.whenMatched(async (pupil) => onOrAfter(await ctx.loaders.suspensions.load(pupil.id), (s) => s.startDate, changes.since));
  }

  @FieldResolver(() => [PermanentExclusion], { nullable: true, description: 'Permanent exclusions since, newest first.' })
  permanentExclusions(@Root() changes: EducationChanges, @Ctx() ctx: EducationContext) {
    return changes.whenMatched(async (pupil) =>
      onOrAfter(await ctx.loaders.permanentExclusions.load(pupil.id), (e) => e.startDate, changes.since),
    );
  }

  @FieldResolver(() => [NotInSchoolEpisode], {
    nullable: true,
    description: 'Periods on no school roll that began since (children missing education, home education).',
  })
  notInSchool(@Root() changes: EducationChanges, @Ctx() ctx: EducationContext) {
    return changes.whenMatched(async (pupil) => onOrAfter(await ctx.loaders.notInSchool.load(pupil.id), (n) => n.startDate, changes.since));
  }

  @FieldResolver(() => Timeliness, { nullable: true, description: 'PEP timeliness today.' })
  pepTimeliness(@Root() changes: EducationChanges, @Ctx() ctx: EducationContext) {
    return changes.whenMatched(async (pupil) =>
      pepTimeliness(
        (await ctx.loaders.peps.load(pupil.id)).map((p) => p.meetingDate),
        pupil.enteredCareDate,
        ctx.today,
      ),
    );
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'The PEP is overdue today and its due date fell since: it became overdue after the meeting before.',
  })
  pepBecameOverdue(@Root() changes: EducationChanges, @Ctx() ctx: EducationContext) {
    return changes.whenMatched(async (pupil) => {
      const t = pepTimeliness(
        (await ctx.loaders.peps.load(pupil.id)).map((p) => p.meetingDate),
        pupil.enteredCareDate,
        ctx.today,
      );
      return t.status === TimelinessStatus.OVERDUE && t.dueDate !== null && t.dueDate >= changes.since;
    });
  }
}

export const EducationPackFields = receivingPackFields(
  EDUCATION,
  MeetingPack,
  EducationChanges,
  "What changed in the virtual school's records since the meeting before: suspensions, exclusions, time off roll, the PEP.",
);
