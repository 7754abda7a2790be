// Every social care entity, in one list for the ORM (the order does not matter).
import { Allocation } from './allocation';
import { CaseStatusEpisode, LegalStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from './episodes';
import { IdentifierLink } from './identifier-link';
import {
  ActionProgressNote,
  Meeting,
  MeetingAction,
  MeetingAttendee,
  MeetingObservation,
  ScalingScore,
  SignificantEvent,
} from './meetings';
import { NwdInvolvement, SpecialistInvolvement } from './nwd';
import { AssessmentFactorRecord, Plan, StatutoryVisit } from './plans';
import { YoungPerson } from './young-person';

export {
  ActionProgressNote,
  Allocation,
  AssessmentFactorRecord,
  CaseStatusEpisode,
  IdentifierLink,
  LegalStatusEpisode,
  Meeting,
  MeetingAction,
  MeetingAttendee,
  MeetingObservation,
  MissingFromCareEpisode,
  NwdInvolvement,
  PlacementEpisode,
  Plan,
  ScalingScore,
  SpecialistInvolvement,
  SignificantEvent,
  StatutoryVisit,
  YoungPerson,
};

export const entities = [
  YoungPerson,
  IdentifierLink,
  CaseStatusEpisode,
  LegalStatusEpisode,
  PlacementEpisode,
  MissingFromCareEpisode,
  Plan,
  StatutoryVisit,
  AssessmentFactorRecord,
  NwdInvolvement,
  SpecialistInvolvement,
  Meeting,
  MeetingAttendee,
  ScalingScore,
  MeetingObservation,
  MeetingAction,
  Allocation,
  ActionProgressNote,
  SignificantEvent,
];
