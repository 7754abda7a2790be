// Every health entity, in one list for the ORM (the order does not matter).
import { CamhsInvolvement } from './camhs-involvement';
import { DentalCheck } from './dental-check';
import { DevelopmentCheck } from './development-check';
import { EmergencyAttendance } from './emergency-attendance';
import { ImmunisationStatus } from './immunisation-status';
import { InitialHealthAssessment } from './initial-health-assessment';
import { LifeCoachInvolvement } from './life-coach-involvement';
import { Patient } from './patient';
import { PatientRecord } from './patient-record';
import { RegisteredGpPractice } from './registered-gp-practice';
import { ReviewHealthAssessment } from './review-health-assessment';
import { SdqScore } from './sdq-score';
import { SelfHarmEpisode } from './self-harm-episode';
import { SexualHealthContact } from './sexual-health-contact';
import { SlcnScreening } from './slcn-screening';
import { SubstanceMisuseRecord } from './substance-misuse-record';

export {
  CamhsInvolvement,
  DentalCheck,
  DevelopmentCheck,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  Patient,
  PatientRecord,
  RegisteredGpPractice,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
};

export const entities = [
  Patient,
  RegisteredGpPractice,
  PatientRecord,
  InitialHealthAssessment,
  ReviewHealthAssessment,
  DentalCheck,
  ImmunisationStatus,
  DevelopmentCheck,
  SdqScore,
  SubstanceMisuseRecord,
  CamhsInvolvement,
  LifeCoachInvolvement,
  SlcnScreening,
  SelfHarmEpisode,
  SexualHealthContact,
  EmergencyAttendance,
];
