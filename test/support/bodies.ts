import type { AgencyMatchStatus } from '../../kit/subgraph/graphql/match';
import type { TimelinessStatus } from '../../kit/subgraph/graphql/timeliness';

/** The value types every agency returns (kit/subgraph/graphql, kit/subgraph/audit), as a test reads them. */
export type MatchStatus = `${AgencyMatchStatus}`;

export interface TimelinessBody {
  status: `${TimelinessStatus}`;
  dueDate: string | null;
  lastDone: string | null;
}

export interface ChronologyEntryBody {
  date: string;
  agency: string;
  kind: string;
  summary: string;
}

export interface WithheldFieldBody {
  field: string;
  rule: string;
}

export interface AuditEntryBody {
  at: string;
  loggedBy: string;
  requestId: string;
  userId: string;
  userName: string;
  userAgency: string;
  userRole: string;
  action: string;
  purpose: string | null;
  meetingId: string | null;
  breakGlassReason: string | null;
  fieldsRead: string[];
  withheld: WithheldFieldBody[];
}
