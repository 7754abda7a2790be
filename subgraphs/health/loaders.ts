import { QueryOrder, type EntityClass, type EntityManager } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
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
  // Queried as the base class every record extends (TypeScript cannot see that a generic T has `patient`).
  const byPatient = <T extends PatientRecord>(entity: EntityClass<T>, dateField: keyof T & string) =>
    manyByKey<number, T>(
      (patientIds) =>
        em.find(
          entity as EntityClass<PatientRecord>,
          { patient: { $in: patientIds } },
          {
            orderBy: { [dateField]: QueryOrder.DESC, id: QueryOrder.DESC },
          },
        ) as Promise<T[]>,
      (row) => row.patient.id,
    );

  return {
    patientByNhsNumber: oneByKey<string, Patient>(
      (nhsNumbers) => em.find(Patient, { nhsNumber: { $in: nhsNumbers } }),
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
