import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import { receivingPackFields } from '../../../kit/subgraph/receiving/meeting-pack';
import { receivingMeetingPackType, type ReceivedMeetingPack } from '../../../kit/subgraph/receiving/young-person';
import { HEALTH } from '../agency';
import type { HealthContext } from '../context';
import { EmergencyAttendance, SelfHarmEpisode, type Patient } from '../entities';
import { dentalCheckTimeliness } from '../rules/dental-check';
import { initialHealthAssessmentTimeliness } from '../rules/initial-health-assessment';
import { reviewHealthAssessmentTimeliness } from '../rules/review-health-assessment';

export const MeetingPack = receivingMeetingPackType<Patient>(HEALTH);

@ObjectType({ description: 'A statutory health check that became overdue since the meeting before.' })
class OverdueCheck {
  @Field({ description: 'Which check: initial health assessment, review health assessment or dental check.' })
  check!: string;

  @Field(() => Timeliness)
  timeliness!: Timeliness;
}

@ObjectType({
  description:
    "What changed in health's records since the meeting before (on or after `since`), for the next RAISE meeting. Lists are null when health is not matched.",
})
export class HealthChanges extends AgencyRecord<Patient> {
  @Field(() => LocalDateScalar, { description: 'Changes are those on or after this date: the meeting before, or the NWD referral.' })
  readonly since: string;

  constructor(pack: ReceivedMeetingPack<Patient>) {
    super(pack);
    this.since = pack.since;
  }
}

const onOrAfter = <T>(rows: T[], date: (row: T) => string, since: string) => rows.filter((row) => date(row) >= since);

@Resolver(() => HealthChanges)
export class HealthChangesResolver {
  @FieldResolver(() => [EmergencyAttendance], {
    nullable: true,
    description: 'A&E attendances since (a NWD outcome measure), newest first.',
  })
  emergencyAttendances(@Root() changes: HealthChanges, @Ctx() ctx: HealthContext) {
    return changes.whenMatched(async (patient) =>
      onOrAfter(await ctx.loaders.emergencyAttendances.load(patient.id), (a) => a.attendedOn, changes.since),
    );
  }

  @FieldResolver(() => [SelfHarmEpisode], { nullable: true, description: 'Self-harm episodes known to health since, newest first.' })
  selfHarmEpisodes(@Root() changes: HealthChanges, @Ctx() ctx: HealthContext) {
    return changes.whenMatched(async (patient) =>
      onOrAfter(await ctx.loaders.selfHarmEpisodes.load(patient.id), (e) => e.occurredOn, changes.since),
    );
  }

  @FieldResolver(() => [OverdueCheck], {
    nullable: true,
    description: 'Statutory checks overdue today whose due date fell since: they became overdue after the meeting before.',
  })
  becameOverdue(@Root() changes: HealthChanges, @Ctx() ctx: HealthContext) {
    return changes.whenMatched(async (patient) => {
      const l = ctx.loaders;
      const [initial, reviews, dental] = await Promise.all([
        l.initialHealthAssessments.load(patient.id),
        l.reviewHealthAssessments.load(patient.id),
        l.dentalChecks.load(patient.id),
      ]);
      const checks: [string, Timeliness][] = [
        ['Initial health assessment', initialHealthAssessmentTimeliness(initial, patient.enteredCareOn, ctx.today)],
        ['Review health assessment', reviewHealthAssessmentTimeliness(initial, reviews, patient, ctx.today)],
        ['Dental check', dentalCheckTimeliness(dental, patient.dateOfBirth, ctx.today)],
      ];
      return checks
        .filter(([, t]) => t.status === TimelinessStatus.OVERDUE && t.dueDate !== null && t.dueDate >= changes.since)
        .map(([check, timeliness]) => Object.assign(new OverdueCheck(), { check, timeliness }));
    });
  }
}

export const HealthPackFields = receivingPackFields(
  HEALTH,
  MeetingPack,
  HealthChanges,
  "What changed in health's records since the meeting before: A&E attendances, self-harm, checks that became overdue.",
);
