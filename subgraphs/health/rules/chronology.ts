import { byDateDescending, chronologyEntry, type ChronologyEntry } from '../../kit/graphql/chronology';
import type {
  CamhsInvolvement, DentalCheck, DevelopmentCheck, EmergencyAttendance, ImmunisationStatus, InitialHealthAssessment,
  LifeCoachInvolvement, ReviewHealthAssessment, SdqScore, SelfHarmEpisode, SexualHealthContact, SlcnScreening,
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

type Line = ChronologyEntry | null;

const line = (date: string | null, kind: string, summary: string): Line =>
  date ? chronologyEntry('health', date, kind, summary) : null;

/** "REGISTERED_NURSE" -> "registered nurse": codes read as words in a summary. */
const words = (code: string): string => code.toLowerCase().replace(/_/g, ' ');

const upToDate = (yes: boolean): string => (yes ? 'up to date' : 'not up to date');

/**
 * Health's dated events as chronology lines, newest first. Summaries carry statuses and codes only,
 * never clinical notes, so a chronology can be shared more widely than the notes behind it.
 */
export function healthChronology(h: HealthHistory): ChronologyEntry[] {
  const lines: Line[] = [
    ...h.initialHealthAssessments.flatMap((a) => [
      line(a.requestedOn, 'Initial health assessment requested', 'The local authority requested an initial health assessment.'),
      line(a.completedOn, 'Initial health assessment', `Initial health assessment carried out by a ${words(a.assessorRole ?? 'practitioner')}.`),
    ]),
    ...h.reviewHealthAssessments.map((r) => line(r.assessedOn, 'Review health assessment', `Review health assessment carried out by a ${words(r.assessorRole)}.`)),
    ...h.dentalChecks.map((d) => line(d.checkedOn, 'Dental check', 'Teeth checked by a dentist.')),
    ...h.immunisationStatuses.map((i) => line(i.recordedOn, 'Immunisation status', `Immunisations recorded as ${upToDate(i.upToDate)}.`)),
    ...h.developmentChecks.map((d) =>
      line(d.reviewedOn, 'Development check', `Healthy Child Programme ${words(d.stage)}: development checks ${upToDate(d.developmentChecksUpToDate)}.`),
    ),
    ...h.sdqScores.map((s) => line(s.completedOn, 'SDQ score', `SDQ total difficulties score ${s.total} (${words(sdqBand(s.total))}).`)),
    ...h.substanceMisuse.flatMap((s) => [
      line(s.identifiedOn, 'Substance misuse identified', 'Identified as having a substance misuse problem.'),
      line(s.interventionOfferedOn, 'Substance misuse intervention offered', s.interventionRefused ? 'Intervention offered and refused.' : 'Intervention offered.'),
      line(s.interventionReceivedOn, 'Substance misuse intervention received', 'Began to receive an intervention for substance misuse.'),
    ]),
    ...h.camhsInvolvements.flatMap((c) => [
      line(c.referredOn, 'CAMHS referral', 'Referred to CAMHS.'),
      line(c.decidedOn, 'CAMHS referral decision', `CAMHS ${words(c.decision ?? 'decided on')} the referral.`),
      line(c.startedOn, 'CAMHS involvement began', 'First seen by CAMHS.'),
      line(c.endedOn, 'CAMHS involvement ended', 'Discharged from CAMHS.'),
    ]),
    ...h.lifeCoachInvolvements.flatMap((l) => [
      line(l.startedOn, 'Life coach involvement began', 'The NWD life coach (clinical psychologist) began working with the young person.'),
      line(l.endedOn, 'Life coach involvement ended', 'The NWD life coach involvement ended.'),
    ]),
    ...h.slcnScreenings.map((s) => line(s.screenedOn, 'SLCN screening', slcnSummary(s))),
    ...h.selfHarmEpisodes.map((s) => line(s.occurredOn, 'Self-harm', 'An episode of self-harm was recorded.')),
    ...h.sexualHealthContacts.map((s) => line(s.contactOn, 'Sexual health contact', 'Contact with a sexual health service.')),
    ...h.emergencyAttendances.map((e) => line(e.attendedOn, 'A&E attendance', `Attended A&E: ${words(e.reason)}.`)),
  ];
  return lines.filter((l): l is ChronologyEntry => l !== null).sort(byDateDescending);
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
