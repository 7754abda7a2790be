import 'reflect-metadata';
import type { AgencyService } from '../../kit/subgraph/agency';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';
import { createContext, type SocialCareContext } from './context';
import { CaseStatusEpisode, LegalStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from './entities/episodes';
import { IdentifierLink } from './entities/identifier-link';
import { Meeting, MeetingAction, MeetingAttendee, MeetingObservation, ScalingScore } from './entities/meetings';
import { NwdInvolvement, SpecialistInvolvement } from './entities/nwd';
import { AssessmentFactorRecord, Plan, StatutoryVisit } from './entities/plans';
import { YoungPerson } from './entities/young-person';
import { ChronologyFields } from './resolvers/chronology';
import { IdentifierFields } from './resolvers/identifiers';
import { MeetingActionResolver, MeetingResolver } from './resolvers/meetings';
import { socialCareReferenceResolvers } from './resolvers/reference';
import { YoungPersonFields } from './resolvers/young-person-fields';
import { YoungPersonQueries } from './resolvers/young-person-queries';
import { socialCareSeeder } from './seed';
import { socialCareSubjectOf } from './access';
import { Allocation } from './entities/allocation';
import { socialCarePolicy } from './policy';
import { AccessGrantFields } from './resolvers/access-grants';
import { AuditFields } from './resolvers/audit';

/** Children's social care: the lead agency, owner of the young person, the cross-reference and NWD meetings. */
export const socialCareService: AgencyService<SocialCareContext> = {
  name: 'social-care',
  defaultPort: 4001,
  entities: [
    YoungPerson, IdentifierLink, CaseStatusEpisode, LegalStatusEpisode, PlacementEpisode, MissingFromCareEpisode,
    Plan, StatutoryVisit, AssessmentFactorRecord, NwdInvolvement, SpecialistInvolvement,
    Meeting, MeetingAttendee, ScalingScore, MeetingObservation, MeetingAction, Allocation,
  ],
  buildSchema: () =>
    buildAgencySubgraphSchema(
      {
        resolvers: [
          YoungPersonQueries, YoungPersonFields, IdentifierFields, ChronologyFields, MeetingResolver, MeetingActionResolver,
          AccessGrantFields, AuditFields,
        ],
      },
      socialCareReferenceResolvers as never,
    ),
  createContext,
  seeder: socialCareSeeder,
  policy: socialCarePolicy,
  subjectOf: socialCareSubjectOf,
};
