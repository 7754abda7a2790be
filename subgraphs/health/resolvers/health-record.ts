import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../../kit/subgraph/dates';
import { AgencyMatchStatus, matchStatusOf } from '../../../kit/subgraph/graphql/match';
import { Timeliness } from '../../../kit/subgraph/graphql/timeliness';
import {
  CamhsInvolvement, DentalCheck, DevelopmentCheck, EmergencyAttendance, ImmunisationStatus, InitialHealthAssessment,
  LifeCoachInvolvement, Patient, RegisteredGpPractice, ReviewHealthAssessment, SdqScore, SelfHarmEpisode,
  SexualHealthContact, SlcnScreening, SubstanceMisuseRecord,
} from '../entities';
import type { HealthLoaders, RecordKind, RecordOf } from '../loaders';
import type { HealthHistory } from '../rules/chronology';
import { dentalCheckTimeliness } from '../rules/dental-check';
import { initialHealthAssessmentTimeliness } from '../rules/initial-health-assessment';
import { latest } from '../rules/latest';
import { reviewHealthAssessmentTimeliness } from '../rules/review-health-assessment';

export const NOT_MATCHED = ' Null when health is not matched (see matchStatus): null means health could not look, never "none recorded".';

/**
 * Health's view of one young person. Each field is a getter, so only the fields a query selects
 * are loaded, each through the request's batch loaders (one query per kind of record per request).
 */
@ObjectType({
  description: "What looked-after children's health holds about the young person, under the NHS number in social care's cross-reference. Health data is special-category data: share on a need-to-know basis, minimum necessary (Caldicott).",
})
export class HealthRecord {
  @Field(() => AgencyMatchStatus, { description: 'Whether health holds a record under the linked NHS number.' })
  readonly matchStatus: AgencyMatchStatus;

  constructor(
    /** The normalised NHS number the record was looked up by (not a field: YoungPerson carries it). */
    readonly nhsNumber: string | null,
    private readonly patient: Patient | null,
    private readonly loaders: HealthLoaders,
    private readonly today: LocalDate,
  ) {
    this.matchStatus = matchStatusOf(nhsNumber, patient);
  }

  @Field(() => RegisteredGpPractice, { nullable: true, description: `The GP practice the young person is registered with; null also when not registered.${NOT_MATCHED}` })
  get registeredGp(): RegisteredGpPractice | null {
    return this.patient?.registeredGp ?? null;
  }

  @Field(() => InitialHealthAssessment, { nullable: true, description: `The latest initial health assessment requested; null also when none was.${NOT_MATCHED}` })
  get initialHealthAssessment() {
    return this.derive('initialHealthAssessments', (rows) => latest(rows, (a) => a.requestedOn));
  }

  @Field(() => Timeliness, { nullable: true, description: `Initial health assessment: due 20 working days after entering care; NOT_APPLICABLE when not looked after.${NOT_MATCHED}` })
  get initialHealthAssessmentTimeliness() {
    return this.derive('initialHealthAssessments', (rows, p) => initialHealthAssessmentTimeliness(rows, p.enteredCareOn, this.today));
  }

  @Field(() => [ReviewHealthAssessment], { nullable: true, description: `Review health assessments, newest first.${NOT_MATCHED}` })
  get reviewHealthAssessments() {
    return this.records('reviewHealthAssessments');
  }

  @Field(() => Timeliness, {
    nullable: true,
    description: `Next review health assessment: the last assessment (initial or review) + 6 months if the child was under 5 on that date, else + 12 months; NOT_APPLICABLE when not looked after or not yet assessed in this period of care.${NOT_MATCHED}`,
  })
  get reviewHealthAssessmentTimeliness() {
    const patient = this.patient;
    if (!patient) return null;
    return Promise.all([this.records('initialHealthAssessments')!, this.records('reviewHealthAssessments')!]).then(([initial, reviews]) =>
      reviewHealthAssessmentTimeliness(initial, reviews, patient, this.today),
    );
  }

  @Field(() => [DentalCheck], { nullable: true, description: `Dental checks, newest first.${NOT_MATCHED}` })
  get dentalChecks() {
    return this.records('dentalChecks');
  }

  @Field(() => Timeliness, { nullable: true, description: `Dental check: due 12 months after the last one (by the first birthday if never checked).${NOT_MATCHED}` })
  get dentalCheckTimeliness() {
    return this.derive('dentalChecks', (rows, p) => dentalCheckTimeliness(rows, p.dateOfBirth, this.today));
  }

  @Field(() => ImmunisationStatus, { nullable: true, description: `Whether immunisations were up to date, as last recorded; null also when never recorded.${NOT_MATCHED}` })
  get immunisationsUpToDate() {
    return this.derive('immunisationStatuses', (rows) => latest(rows, (i) => i.recordedOn));
  }

  @Field(() => [DevelopmentCheck], { nullable: true, description: `Development checks while under 5 (Healthy Child Programme reviews), newest first.${NOT_MATCHED}` })
  get developmentChecks() {
    return this.records('developmentChecks');
  }

  @Field(() => [SdqScore], { nullable: true, description: `Strengths and Difficulties Questionnaire scores, newest first.${NOT_MATCHED}` })
  get sdqScores() {
    return this.records('sdqScores');
  }

  @Field(() => SdqScore, { nullable: true, description: `The latest SDQ score and its band; null also when none was recorded.${NOT_MATCHED}` })
  get latestSdq() {
    return this.derive('sdqScores', (rows) => latest(rows, (s) => s.completedOn));
  }

  @Field(() => [CamhsInvolvement], { nullable: true, description: `CAMHS referrals and involvement, newest referral first.${NOT_MATCHED}` })
  get camhsInvolvements() {
    return this.records('camhsInvolvements');
  }

  @Field(() => [LifeCoachInvolvement], { nullable: true, description: `NWD life coach (clinical psychologist) involvement, newest first.${NOT_MATCHED}` })
  get lifeCoachInvolvements() {
    return this.records('lifeCoachInvolvements');
  }

  @Field(() => [SlcnScreening], { nullable: true, description: `Speech, language and communication needs screenings, newest first.${NOT_MATCHED}` })
  get slcnScreenings() {
    return this.records('slcnScreenings');
  }

  @Field(() => [SubstanceMisuseRecord], { nullable: true, description: `Substance misuse problems identified and interventions, newest first. Health and social care only.${NOT_MATCHED}` })
  get substanceMisuse() {
    return this.records('substanceMisuse');
  }

  @Field(() => [SelfHarmEpisode], { nullable: true, description: `Self-harm episodes known to health, newest first.${NOT_MATCHED}` })
  get selfHarmEpisodes() {
    return this.records('selfHarmEpisodes');
  }

  @Field(() => [SexualHealthContact], { nullable: true, description: `Sexual health service contacts, newest first. Health only.${NOT_MATCHED}` })
  get sexualHealthContacts() {
    return this.records('sexualHealthContacts');
  }

  @Field(() => [EmergencyAttendance], { nullable: true, description: `A&E attendances, newest first.${NOT_MATCHED}` })
  get emergencyAttendances() {
    return this.records('emergencyAttendances');
  }

  /** Everything health holds about the patient (for the chronology); null when not matched. */
  history(): Promise<HealthHistory> | null {
    if (!this.patient) return null;
    const kinds = Object.keys(this.loaders.records) as RecordKind[];
    return Promise.all(kinds.map((kind) => this.records(kind))).then(
      (lists) => Object.fromEntries(kinds.map((kind, i) => [kind, lists[i]])) as unknown as HealthHistory,
    );
  }

  /** One kind of record for this patient, batched with every other patient in the request; null when not matched. */
  private records<K extends RecordKind>(kind: K): Promise<RecordOf<K>[]> | null {
    if (!this.patient) return null;
    const loader = this.loaders.records[kind] as unknown as DataLoader<number, RecordOf<K>[]>;
    return loader.load(this.patient.id);
  }

  /** Something computed from one kind of record once loaded; null when not matched. */
  private derive<K extends RecordKind, R>(kind: K, compute: (rows: RecordOf<K>[], patient: Patient) => R): Promise<R> | null {
    const patient = this.patient;
    return patient && this.records(kind)!.then((rows) => compute(rows, patient));
  }
}
