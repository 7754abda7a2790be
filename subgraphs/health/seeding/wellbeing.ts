import { addDays, addMonths } from '../../../kit/subgraph/dates';
import { earlierOf as minDate, eventDays } from '../../../kit/dev/synthetic/events';
import {
  CamhsInvolvement,
  EmergencyAttendance,
  LifeCoachInvolvement,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
  type PatientRecord,
} from '../entities';
import { CamhsReferralDecision, EmergencyAttendanceReason as Reason, SlcnResult } from '../enums';
import { type Life, maxDate, syntheticNote } from './life';
import { SYNTHETIC_NOTES } from './notes';

/**
 * Emotional and mental health, development and risk records. The NWD caseload (person.nwd) carries
 * more of everything, as the seeds describe: SDQ 17.9 at entry falling to 16.3 (002:1052), life coach
 * 16% and communication support 22% of young people (000:1942), 46% of those screened with an SLCN (002:1078).
 */

/** SDQ means North Yorkshire reported for NWD young people: 17.9 at entry, 16.3 after support (002:1052). */
export const SDQ_AT_NWD_ENTRY = 17.9;
export const SDQ_AFTER_NWD = 16.3;
/** Looked-after children's SDQ mean outside NWD (North Yorkshire 12-17 year olds: 13.4-14.9, 002:1052). */
const SDQ_OTHERS = 13.5;

/**
 * Annual SDQs for looked-after and NWD children, recorded (as SSDA903 does) for ages 4 to 16. An NWD
 * young person scores about 17.9 before and at referral and about 16.3 once support has taken hold.
 */
export function sdqScores(life: Life): PatientRecord[] {
  const { r, patient } = life;
  if (!patient.enteredCareOn && !life.nwd) return [];
  const referredOn = life.person.nwdJourney?.referredOn ?? null;
  return [0, 1, 2].flatMap((yearsAgo) => {
    const anniversary = life.monthsAgo(12 * yearsAgo);
    const completedOn = life.dateIn(addDays(anniversary, -r.int(0, 120)), anniversary);
    const eligible =
      completedOn &&
      completedOn >= life.birthday(4) &&
      completedOn < life.birthday(17) &&
      (!patient.enteredCareOn || completedOn >= patient.enteredCareOn || referredOn !== null);
    if (!eligible || !r.chance(0.85)) return [];
    const mean = !referredOn ? SDQ_OTHERS : completedOn < addMonths(referredOn, 3) ? SDQ_AT_NWD_ENTRY : SDQ_AFTER_NWD;
    return [life.record(SdqScore, { completedOn, total: life.normalInt(mean, 6, 0, 40) })];
  });
}

/** Substance misuse from age 11: about 4% of looked-after children, far more on the NWD caseload. */
export function substanceMisuse(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(11, 0.3, 0.04)) return [];
  const identifiedOn = life.recentDate(24, 11);
  if (!identifiedOn) return [];
  const outcome = r.weighted([
    ['received', 55],
    ['refused', 25],
    ['not offered', 20],
  ] as const);
  const interventionOfferedOn = outcome === 'not offered' ? null : life.happened(addDays(identifiedOn, r.int(0, 28)));
  const interventionReceivedOn =
    outcome === 'received' && interventionOfferedOn ? life.happened(addDays(interventionOfferedOn, r.int(7, 42))) : null;
  return [
    life.record(SubstanceMisuseRecord, {
      identifiedOn,
      interventionOfferedOn,
      interventionRefused: outcome === 'refused' && interventionOfferedOn !== null,
      interventionReceivedOn,
      clinicalNote: syntheticNote(r, SYNTHETIC_NOTES.substanceMisuse),
    }),
  ];
}

/** A CAMHS referral from age 5: accepted or declined after some weeks, then a wait to be seen. */
export function camhsInvolvements(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(5, 0.45, 0.12)) return [];
  const referredOn = life.recentDate(36, 5);
  if (!referredOn) return [];
  const decidedOn = life.happened(addDays(referredOn, r.int(7, 56)));
  const decision = decidedOn ? (r.chance(0.65) ? CamhsReferralDecision.ACCEPTED : CamhsReferralDecision.DECLINED) : null;
  const startedOn = decidedOn && decision === CamhsReferralDecision.ACCEPTED ? life.happened(addDays(decidedOn, r.int(14, 120))) : null;
  const endedOn = startedOn && r.chance(0.5) ? life.happened(addDays(startedOn, r.int(90, 540))) : null;
  const clinicalNote = startedOn ? syntheticNote(r, SYNTHETIC_NOTES.camhs) : null;
  return [life.record(CamhsInvolvement, { referredOn, decision, decidedOn, startedOn, endedOn, clinicalNote })];
}

/** The NWD life coach (clinical psychologist) works with about 16% of NWD young people. */
export function lifeCoachInvolvements(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(0, 0.16, 0)) return [];
  const startedOn = life.recentDate(18);
  if (!startedOn) return [];
  const endedOn = r.chance(0.4) ? life.happened(addDays(startedOn, r.int(60, 360))) : null;
  return [life.record(LifeCoachInvolvement, { startedOn, endedOn, clinicalNote: syntheticNote(r, SYNTHETIC_NOTES.lifeCoach) })];
}

/** SLCN screening by the NWD communication support worker: 46% have a need, mostly receptive language. */
export function slcnScreenings(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(5, 0.3, 0.02)) return [];
  const screenedOn = life.recentDate(24, 5);
  if (!screenedOn) return [];
  const need = r.chance(0.46);
  const area = (p: number) => (need && r.chance(p) ? SlcnResult.DIFFICULTY_IDENTIFIED : SlcnResult.NO_DIFFICULTY_IDENTIFIED);
  const socialCommunication = area(0.6);
  const vocabulary = need || r.chance(0.95) ? area(0.35) : SlcnResult.NOT_ASSESSED;
  // A need means at least one area: receptive language is the commonest (40% of 46%).
  const receptiveLanguage =
    need && socialCommunication !== SlcnResult.DIFFICULTY_IDENTIFIED && vocabulary !== SlcnResult.DIFFICULTY_IDENTIFIED
      ? SlcnResult.DIFFICULTY_IDENTIFIED
      : area(0.87);
  return [life.record(SlcnScreening, { screenedOn, receptiveLanguage, socialCommunication, vocabulary })];
}

/** Self-harm from age 10, more often on the NWD caseload. */
export function selfHarmEpisodes(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(10, 0.25, 0.05)) return [];
  return repeat(r.int(1, life.nwd ? 4 : 2), () => life.recentDate(24, 10)).map((occurredOn) =>
    life.record(SelfHarmEpisode, { occurredOn, clinicalNote: r.chance(0.7) ? syntheticNote(r, SYNTHETIC_NOTES.selfHarm) : null }),
  );
}

/** Sexual health contacts from age 13. */
export function sexualHealthContacts(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(13, 0.3, 0.08)) return [];
  return repeat(r.int(1, 3), () => life.recentDate(24, 13)).map((contactOn) =>
    life.record(SexualHealthContact, { contactOn, clinicalNote: syntheticNote(r, SYNTHETIC_NOTES.sexualHealth) }),
  );
}

const CHILD_REASONS: [Reason, number][] = [
  [Reason.ACCIDENTAL_INJURY, 50],
  [Reason.PHYSICAL_ILLNESS, 45],
  [Reason.OTHER, 5],
];
const ADOLESCENT_REASONS: [Reason, number][] = [
  [Reason.ACCIDENTAL_INJURY, 40],
  [Reason.PHYSICAL_ILLNESS, 35],
  [Reason.SELF_HARM, 5],
  [Reason.ASSAULT, 5],
  [Reason.ALCOHOL_OR_DRUG_RELATED, 5],
  [Reason.MENTAL_HEALTH_CRISIS, 5],
  [Reason.OTHER, 5],
];
const NWD_REASONS: [Reason, number][] = [
  [Reason.ACCIDENTAL_INJURY, 25],
  [Reason.PHYSICAL_ILLNESS, 15],
  [Reason.SELF_HARM, 15],
  [Reason.ASSAULT, 15],
  [Reason.ALCOHOL_OR_DRUG_RELATED, 15],
  [Reason.MENTAL_HEALTH_CRISIS, 10],
  [Reason.OTHER, 5],
];

/** A&E attendances per six months of an NWD young person before referral; support halves them (an NWD outcome). */
const NWD_AE_BEFORE = 1.2;
export const NWD_AE_FALL = 0.5;

/** A&E attendances in the last two years (an NWD outcome measure): more, and for riskier reasons, on the NWD caseload. */
export function emergencyAttendances(life: Life): PatientRecord[] {
  const { r } = life;
  if (!life.has(0, 0.5, 0.2)) return [];
  const reasons = life.nwd ? NWD_REASONS : life.age >= 10 ? ADOLESCENT_REASONS : CHILD_REASONS;
  const referredOn = life.person.nwdJourney?.referredOn;
  const days = referredOn ? attendanceDays(life, referredOn) : repeat(r.int(1, 2), () => life.recentDate(24));
  return days.map((attendedOn) => life.record(EmergencyAttendance, { attendedOn, reason: r.weighted(reasons) }));
}

/** An NWD young person's attendances, at a rate that falls after the shared referral date. */
function attendanceDays(life: Life, referredOn: string): string[] {
  const from = maxDate(life.monthsAgo(24), addDays(life.person.dateOfBirth, 1));
  const rate = NWD_AE_BEFORE * (0.5 + life.r.next());
  return [
    ...eventDays(life.r, from, minDate(addDays(referredOn, -1), life.asOf), rate),
    ...eventDays(life.r, maxDate(referredOn, from), life.asOf, rate * NWD_AE_FALL),
  ];
}

/** `count` draws of a date, skipping empty windows. */
function repeat(count: number, draw: () => string | null): string[] {
  return Array.from({ length: count }, draw).filter((d): d is string => d !== null);
}
