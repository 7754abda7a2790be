import { Arrest } from './arrest';
import { Associate } from './associate';
import { ExploitationConcern } from './exploitation-concern';
import { IntelligenceItem } from './intelligence-item';
import { LocationOfConcern } from './location-of-concern';
import { MissingEpisode } from './missing-episode';
import { Nominal } from './nominal';
import { NrmReferral } from './nrm-referral';
import { ReturnHomeInterview } from './return-home-interview';

export {
  Arrest,
  Associate,
  ExploitationConcern,
  IntelligenceItem,
  LocationOfConcern,
  MissingEpisode,
  Nominal,
  NrmReferral,
  ReturnHomeInterview,
};

/** Every table this agency holds. */
export const entities = [
  Nominal,
  MissingEpisode,
  ReturnHomeInterview,
  Arrest,
  ExploitationConcern,
  NrmReferral,
  IntelligenceItem,
  Associate,
  LocationOfConcern,
];
