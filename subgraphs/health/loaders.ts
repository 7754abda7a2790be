import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { findIn, newestFirst } from '../../kit/subgraph/find-in';
import { manyByKey, oneByKey } from '../../kit/subgraph/loaders';
import { HEALTH } from './agency';
import {
  CamhsInvolvement,
  DentalCheck,
  DevelopmentCheck,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  Patient,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
  type PatientRecord,
} from './entities';

/**
 * Per-request loaders: one SQL query per kind of record per request, however many young people are
 * asked about. Every list comes back newest first (by its own date, then by id).
 */
export function createLoaders(em: EntityManager) {
  const byPatient = <T extends PatientRecord>(entity: EntityClass<T>, dateField: keyof T & string) =>
    manyByKey<number, T>(
      (patientIds) => findIn(em, entity, 'patient', patientIds, { orderBy: newestFirst(dateField) }),
      (row) => row.patient.id,
    );

  return {
    patientByNhsNumber: oneByKey<string, Patient>(
      (nhsNumbers) => findIn(em, Patient, 'nhsNumber', nhsNumbers),
      (patient) => patient.nhsNumber,
    ),
    initialHealthAssessments: byPatient(InitialHealthAssessment, 'requestedOn'),
    reviewHealthAssessments: byPatient(ReviewHealthAssessment, 'assessedOn'),
    dentalChecks: byPatient(DentalCheck, 'checkedOn'),
    immunisationStatuses: byPatient(ImmunisationStatus, 'recordedOn'),
    developmentChecks: byPatient(DevelopmentCheck, 'reviewedOn'),
    sdqScores: byPatient(SdqScore, 'completedOn'),
    substanceMisuse: byPatient(SubstanceMisuseRecord, 'identifiedOn'),
    camhsInvolvements: byPatient(CamhsInvolvement, 'referredOn'),
    lifeCoachInvolvements: byPatient(LifeCoachInvolvement, 'startedOn'),
    slcnScreenings: byPatient(SlcnScreening, 'screenedOn'),
    selfHarmEpisodes: byPatient(SelfHarmEpisode, 'occurredOn'),
    sexualHealthContacts: byPatient(SexualHealthContact, 'contactOn'),
    emergencyAttendances: byPatient(EmergencyAttendance, 'attendedOn'),
    /** Health's audit log by NHS number, newest first (for auditors). */
    accessLog: accessLogLoader(em, HEALTH.name),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
