import type { ChronologyLine } from '../../../kit/subgraph/access/chronology-guard';
import { byDateDescending, chronologyEntry, Significance } from '../../../kit/subgraph/graphql/chronology';
import { HEALTH } from '../agency';
import type {
  CamhsInvolvement,
  DentalCheck,
  DevelopmentCheck,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
} from '../entities';
import { SlcnResult } from '../enums';
import { sdqBand } from './sdq';

/** Everything health records about one patient, each list in any order. */
export interface HealthHistory {
  initialHealthAssessments: InitialHealthAssessment[];
  reviewHealthAssessments: ReviewHealthAssessment[];
  dentalChecks: DentalCheck[];
  immunisationStatuses: ImmunisationStatus[];
  developmentChecks: DevelopmentCheck[];
  sdqScores: SdqScore[];
  substanceMisuse: SubstanceMisuseRecord[];
  camhsInvolvements: CamhsInvolvement[];
  lifeCoachInvolvements: LifeCoachInvolvement[];
  slcnScreenings: SlcnScreening[];
  selfHarmEpisodes: SelfHarmEpisode[];
  sexualHealthContacts: SexualHealthContact[];
  emergencyAttendances: EmergencyAttendance[];
}

type Line = ChronologyLine | null;

/** How much each kind of health event matters to a deep dive (by the HealthRecord field listing that kind). */
const SIGNIFICANCE: Record<string, Significance> = {
  initialHealthAssessment: Significance.MEDIUM,
  reviewHealthAssessments: Significance.LOW,
  dentalChecks: Significance.LOW,
  immunisationsUpToDate: Significance.LOW,
  developmentChecks: Significance.LOW,
  sdqScores: Significance.LOW,
  substanceMisuse: Significance.MEDIUM,
  camhsInvolvements: Significance.MEDIUM,
  lifeCoachInvolvements: Significance.MEDIUM,
  slcnScreenings: Significance.LOW,
  selfHarmEpisodes: Significance.HIGH,
  sexualHealthContacts: Significance.LOW,
  emergencyAttendances: Significance.HIGH,
};

/** What lines about each kind of record may state: the kind's type, and its fields (by the HealthRecord field listing the kind). */
const STATES: Record<string, [typeName: string, fields: string[]]> = {
  initialHealthAssessment: ['InitialHealthAssessment', ['requestedOn', 'completedOn', 'assessorRole']],
  reviewHealthAssessments: ['ReviewHealthAssessment', ['assessedOn', 'assessorRole']],
  dentalChecks: ['DentalCheck', ['checkedOn']],
  immunisationsUpToDate: ['ImmunisationStatus', ['recordedOn', 'upToDate']],
  developmentChecks: ['DevelopmentCheck', ['reviewedOn', 'stage', 'developmentChecksUpToDate']],
  sdqScores: ['SdqScore', ['completedOn', 'band']],
  substanceMisuse: ['SubstanceMisuseRecord', ['identifiedOn', 'interventionOfferedOn', 'interventionRefused', 'interventionReceivedOn']],
  camhsInvolvements: ['CamhsInvolvement', ['referredOn', 'decidedOn', 'decision', 'startedOn', 'endedOn']],
  lifeCoachInvolvements: ['LifeCoachInvolvement', ['startedOn', 'endedOn']],
  slcnScreenings: ['SlcnScreening', ['screenedOn', 'receptiveLanguage', 'socialCommunication', 'vocabulary']],
  selfHarmEpisodes: ['SelfHarmEpisode', ['occurredOn']],
  sexualHealthContacts: ['SexualHealthContact', ['contactOn']],
  emergencyAttendances: ['EmergencyAttendance', ['attendedOn', 'reason']],
};

/** Every field health's chronology may state, for the chronology guard to tell of those closed to a viewer whatever the record holds. */
export const HEALTH_CHRONOLOGY_DRAWS_ON: readonly string[] = Object.entries(STATES).flatMap(([kind, [typeName, fields]]) => [
  `HealthRecord.${kind}`,
  ...fields.map((f) => `${typeName}.${f}`),
]);

/** Lines about one record of one kind (`kind`: the HealthRecord field listing that kind). */
const about =
  (kind: string, record: object) =>
  (date: string | null, title: string, summary: string, ...fields: string[]): Line =>
    date
      ? {
          entry: chronologyEntry(HEALTH.name, date, title, summary, SIGNIFICANCE[kind]),
          record,
          fields: [`HealthRecord.${kind}`, ...fields.map((f) => `${STATES[kind][0]}.${f}`)],
        }
      : null;

/** "REGISTERED_NURSE" -> "registered nurse": codes read as words in a summary. */
const words = (code: string): string => code.toLowerCase().replace(/_/g, ' ');

const upToDate = (yes: boolean): string => (yes ? 'up to date' : 'not up to date');

/**
 * Health's dated events as chronology lines, newest first. Summaries carry statuses and codes only,
 * never clinical notes or scores, and each line names the fields it states so the policy that
 * withholds those fields withholds the line too.
 */
export function healthChronology(h: HealthHistory): ChronologyLine[] {
  const lines: Line[] = [
    ...h.initialHealthAssessments.flatMap((a) => {
      const line = about('initialHealthAssessment', a);
      return [
        line(
          a.requestedOn,
          'Initial health assessment requested',
          'The local authority requested an initial health assessment.',
          'requestedOn',
        ),
        line(
          a.completedOn,
          'Initial health assessment',
          `Initial health assessment carried out by a ${words(a.assessorRole ?? 'practitioner')}.`,
          'completedOn',
          'assessorRole',
        ),
      ];
    }),
    ...h.reviewHealthAssessments.map((r) =>
      about('reviewHealthAssessments', r)(
        r.assessedOn,
        'Review health assessment',
        `Review health assessment carried out by a ${words(r.assessorRole)}.`,
        'assessedOn',
        'assessorRole',
      ),
    ),
    ...h.dentalChecks.map((d) => about('dentalChecks', d)(d.checkedOn, 'Dental check', 'Teeth checked by a dentist.', 'checkedOn')),
    ...h.immunisationStatuses.map((i) =>
      about('immunisationsUpToDate', i)(
        i.recordedOn,
        'Immunisation status',
        `Immunisations recorded as ${upToDate(i.upToDate)}.`,
        'recordedOn',
        'upToDate',
      ),
    ),
    ...h.developmentChecks.map((d) =>
      about('developmentChecks', d)(
        d.reviewedOn,
        'Development check',
        `Healthy Child Programme ${words(d.stage)}: development checks ${upToDate(d.developmentChecksUpToDate)}.`,
        'reviewedOn',
        'stage',
        'developmentChecksUpToDate',
      ),
    ),
    // The band, never the score: the score is health's alone.
    ...h.sdqScores.map((s) =>
      about('sdqScores', s)(s.completedOn, 'SDQ score', `SDQ completed: ${words(sdqBand(s.total))}.`, 'completedOn', 'band'),
    ),
    ...h.substanceMisuse.flatMap((s) => {
      const line = about('substanceMisuse', s);
      return [
        line(s.identifiedOn, 'Substance misuse identified', 'Identified as having a substance misuse problem.', 'identifiedOn'),
        line(
          s.interventionOfferedOn,
          'Substance misuse intervention offered',
          s.interventionRefused ? 'Intervention offered and refused.' : 'Intervention offered.',
          'interventionOfferedOn',
          'interventionRefused',
        ),
        line(
          s.interventionReceivedOn,
          'Substance misuse intervention received',
          'Began to receive an intervention for substance misuse.',
          'interventionReceivedOn',
        ),
      ];
    }),
    ...h.camhsInvolvements.flatMap((c) => {
      const line = about('camhsInvolvements', c);
      return [
        line(c.referredOn, 'CAMHS referral', 'Referred to CAMHS.', 'referredOn'),
        line(c.decidedOn, 'CAMHS referral decision', `CAMHS ${words(c.decision ?? 'decided on')} the referral.`, 'decidedOn', 'decision'),
        line(c.startedOn, 'CAMHS involvement began', 'First seen by CAMHS.', 'startedOn'),
        line(c.endedOn, 'CAMHS involvement ended', 'Discharged from CAMHS.', 'endedOn'),
      ];
    }),
    ...h.lifeCoachInvolvements.flatMap((l) => {
      const line = about('lifeCoachInvolvements', l);
      return [
        line(
          l.startedOn,
          'Life coach involvement began',
          'The NWD life coach (clinical psychologist) began working with the young person.',
          'startedOn',
        ),
        line(l.endedOn, 'Life coach involvement ended', 'The NWD life coach involvement ended.', 'endedOn'),
      ];
    }),
    ...h.slcnScreenings.map((s) =>
      about('slcnScreenings', s)(
        s.screenedOn,
        'SLCN screening',
        slcnSummary(s),
        'screenedOn',
        'receptiveLanguage',
        'socialCommunication',
        'vocabulary',
      ),
    ),
    ...h.selfHarmEpisodes.map((s) =>
      about('selfHarmEpisodes', s)(s.occurredOn, 'Self-harm', 'An episode of self-harm was recorded.', 'occurredOn'),
    ),
    ...h.sexualHealthContacts.map((s) =>
      about('sexualHealthContacts', s)(s.contactOn, 'Sexual health contact', 'Contact with a sexual health service.', 'contactOn'),
    ),
    ...h.emergencyAttendances.map((e) =>
      about('emergencyAttendances', e)(e.attendedOn, 'A&E attendance', `Attended A&E: ${words(e.reason)}.`, 'attendedOn', 'reason'),
    ),
  ];
  return lines.filter((l): l is ChronologyLine => l !== null).sort((a, b) => byDateDescending(a.entry, b.entry));
}

function slcnSummary(s: SlcnScreening): string {
  const areas = (
    [
      ['receptive language', s.receptiveLanguage],
      ['social communication', s.socialCommunication],
      ['vocabulary', s.vocabulary],
    ] as const
  ).filter(([, result]) => result === SlcnResult.DIFFICULTY_IDENTIFIED);
  return areas.length
    ? `Speech, language and communication need identified: ${areas.map(([area]) => area).join(', ')}.`
    : 'Speech, language and communication screening: no need identified.';
}
