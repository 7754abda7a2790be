import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, ObjectType, Resolver, Root } from 'type-graphql';
import { guardedChronology } from '../../../kit/subgraph/access/chronology-guard';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { Timeliness } from '../../../kit/subgraph/graphql/timeliness';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import type { HealthContext } from '../context';
import {
  CamhsInvolvement,
  DentalCheck,
  DevelopmentCheck,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  Patient,
  RegisteredGpPractice,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
} from '../entities';
import { HEALTH_CHRONOLOGY_DRAWS_ON, healthChronology } from '../rules/chronology';
import { dentalCheckTimeliness } from '../rules/dental-check';
import { initialHealthAssessmentTimeliness } from '../rules/initial-health-assessment';
import { latest } from '../rules/latest';
import { reviewHealthAssessmentTimeliness } from '../rules/review-health-assessment';
import { loadHistory } from './history';

const NOT_MATCHED = ' Null when health is not matched (see matchStatus): null means health could not look, never "none recorded".';

@ObjectType({
  description:
    "What looked-after children's health holds about the young person, under the NHS number in social care's cross-reference. Health data is special-category data: share on a need-to-know basis, minimum necessary (Caldicott).",
})
export class HealthRecord extends AgencyRecord<Patient> {}

/** Every field is read through the request's batch loaders: one query per kind of record per request. */
@Resolver(() => HealthRecord)
export class HealthRecordResolver {
  @FieldResolver(() => RegisteredGpPractice, {
    nullable: true,
    description: `The GP practice the young person is registered with; null also when not registered.${NOT_MATCHED}`,
  })
  registeredGp(@Root() record: HealthRecord) {
    return record.whenMatched((patient) => patient.registeredGp ?? null);
  }

  @FieldResolver(() => InitialHealthAssessment, {
    nullable: true,
    description: `The latest initial health assessment requested; null also when none was.${NOT_MATCHED}`,
  })
  initialHealthAssessment(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) => latest(await ctx.loaders.initialHealthAssessments.load(patient.id), (a) => a.requestedOn));
  }

  @FieldResolver(() => Timeliness, {
    nullable: true,
    description: `Initial health assessment: due 20 working days after entering care; NOT_APPLICABLE when not looked after.${NOT_MATCHED}`,
  })
  initialHealthAssessmentTimeliness(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) =>
      initialHealthAssessmentTimeliness(await ctx.loaders.initialHealthAssessments.load(patient.id), patient.enteredCareOn, ctx.today),
    );
  }

  @FieldResolver(() => [ReviewHealthAssessment], { nullable: true, description: `Review health assessments, newest first.${NOT_MATCHED}` })
  reviewHealthAssessments(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.reviewHealthAssessments.load(patient.id));
  }

  @FieldResolver(() => Timeliness, {
    nullable: true,
    description: `Next review health assessment: the last assessment (initial or review) + 6 months if the child was under 5 on that date, else + 12 months; NOT_APPLICABLE when not looked after or not yet assessed in this period of care.${NOT_MATCHED}`,
  })
  reviewHealthAssessmentTimeliness(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) => {
      const [initial, reviews] = await Promise.all([
        ctx.loaders.initialHealthAssessments.load(patient.id),
        ctx.loaders.reviewHealthAssessments.load(patient.id),
      ]);
      return reviewHealthAssessmentTimeliness(initial, reviews, patient, ctx.today);
    });
  }

  @FieldResolver(() => [DentalCheck], { nullable: true, description: `Dental checks, newest first.${NOT_MATCHED}` })
  dentalChecks(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.dentalChecks.load(patient.id));
  }

  @FieldResolver(() => Timeliness, {
    nullable: true,
    description: `Dental check: due 12 months after the last one (by the first birthday if never checked).${NOT_MATCHED}`,
  })
  dentalCheckTimeliness(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) =>
      dentalCheckTimeliness(await ctx.loaders.dentalChecks.load(patient.id), patient.dateOfBirth, ctx.today),
    );
  }

  @FieldResolver(() => ImmunisationStatus, {
    nullable: true,
    description: `Whether immunisations were up to date, as last recorded; null also when never recorded.${NOT_MATCHED}`,
  })
  immunisationsUpToDate(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) => latest(await ctx.loaders.immunisationStatuses.load(patient.id), (i) => i.recordedOn));
  }

  @FieldResolver(() => [DevelopmentCheck], {
    nullable: true,
    description: `Development checks while under 5 (Healthy Child Programme reviews), newest first.${NOT_MATCHED}`,
  })
  developmentChecks(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.developmentChecks.load(patient.id));
  }

  @FieldResolver(() => [SdqScore], {
    nullable: true,
    description: `Strengths and Difficulties Questionnaire scores, newest first.${NOT_MATCHED}`,
  })
  sdqScores(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.sdqScores.load(patient.id));
  }

  @FieldResolver(() => SdqScore, {
    nullable: true,
    description: `The latest SDQ score and its band; null also when none was recorded.${NOT_MATCHED}`,
  })
  latestSdq(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched(async (patient) => latest(await ctx.loaders.sdqScores.load(patient.id), (s) => s.completedOn));
  }

  @FieldResolver(() => [CamhsInvolvement], {
    nullable: true,
    description: `CAMHS referrals and involvement, newest referral first.${NOT_MATCHED}`,
  })
  camhsInvolvements(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.camhsInvolvements.load(patient.id));
  }

  @FieldResolver(() => [LifeCoachInvolvement], {
    nullable: true,
    description: `NWD life coach (clinical psychologist) involvement, newest first.${NOT_MATCHED}`,
  })
  lifeCoachInvolvements(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.lifeCoachInvolvements.load(patient.id));
  }

  @FieldResolver(() => [SlcnScreening], {
    nullable: true,
    description: `Speech, language and communication needs screenings, newest first.${NOT_MATCHED}`,
  })
  slcnScreenings(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.slcnScreenings.load(patient.id));
  }

  @FieldResolver(() => [SubstanceMisuseRecord], {
    nullable: true,
    description: `Substance misuse problems identified and interventions, newest first. Health and social care only.${NOT_MATCHED}`,
  })
  substanceMisuse(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.substanceMisuse.load(patient.id));
  }

  @FieldResolver(() => [SelfHarmEpisode], {
    nullable: true,
    description: `Self-harm episodes known to health, newest first.${NOT_MATCHED}`,
  })
  selfHarmEpisodes(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.selfHarmEpisodes.load(patient.id));
  }

  @FieldResolver(() => [SexualHealthContact], {
    nullable: true,
    description: `Sexual health service contacts, newest first. Health only.${NOT_MATCHED}`,
  })
  sexualHealthContacts(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.sexualHealthContacts.load(patient.id));
  }

  @FieldResolver(() => [EmergencyAttendance], { nullable: true, description: `A&E attendances, newest first.${NOT_MATCHED}` })
  emergencyAttendances(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.emergencyAttendances.load(patient.id));
  }

  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: `Every dated health event this viewer may see, as a chronology line, newest first (statuses only: no clinical notes or scores).${NOT_MATCHED}`,
  })
  chronology(@Root() record: HealthRecord, @Ctx() ctx: HealthContext, @Info() info: GraphQLResolveInfo) {
    return record.whenMatched(async (patient) => {
      const history = await loadHistory(patient.id, ctx);
      return guardedChronology(ctx, info, HEALTH_CHRONOLOGY_DRAWS_ON, () => healthChronology(history));
    });
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: `Who has read (or been refused) this young person's health data, newest first. Information-governance auditors only.${NOT_MATCHED}`,
  })
  accessLog(@Root() record: HealthRecord, @Ctx() ctx: HealthContext) {
    return record.whenMatched((patient) => ctx.loaders.accessLog.load(patient.nhsNumber));
  }
}
