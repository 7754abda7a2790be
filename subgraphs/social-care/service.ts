import 'reflect-metadata';
import { defineLeadAgency } from '../../kit/subgraph/service';
import { subjectOf } from './access';
import { SOCIAL_CARE } from './agency';
import { createContext } from './context';
import { entities } from './entities';
import { socialCarePolicy } from './policy';
import { AccessGrantFields } from './resolvers/access-grants';
import { AuditFields } from './resolvers/audit';
import { ChronologyFields } from './resolvers/chronology';
import { IdentifierFields } from './resolvers/identifiers';
import { MeetingActionResolver } from './resolvers/actions';
import { meetingWrites } from './resolvers/meeting-writes';
import { MeetingPackFields, MeetingPackOfMeeting } from './resolvers/meeting-pack';
import { MeetingResolver } from './resolvers/meetings';
import { CohortOutcomeQueries } from './resolvers/outcomes';
import { referenceResolvers } from './resolvers/reference';
import { YoungPersonFields } from './resolvers/young-person-fields';
import { YoungPersonQueries } from './resolvers/young-person-queries';
import { socialCareSeeder } from './seed';

/** Children's social care: the lead agency, owner of the young person, the cross-reference and NWD meetings. */
export const service = defineLeadAgency(SOCIAL_CARE, {
  entities,
  resolvers: [
    YoungPersonQueries,
    YoungPersonFields,
    IdentifierFields,
    ChronologyFields,
    MeetingResolver,
    MeetingActionResolver,
    ...meetingWrites,
    MeetingPackOfMeeting,
    MeetingPackFields,
    AccessGrantFields,
    AuditFields,
    CohortOutcomeQueries,
  ],
  referenceResolvers,
  subjectOf,
  createContext,
  seeder: socialCareSeeder,
  policy: socialCarePolicy,
});
