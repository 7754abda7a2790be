import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { AuditContent, AuditLog } from './audit-log';
import { AGENCY, checkHousingReference, TEXTS } from './contract';
import type { GrantCheck, Purpose } from './grant';
import type { Caller } from './internal-token';

/**
 * The housing subgraph's schema, written from the contract: `YoungPerson` keyed by this agency's own
 * identifier, social care's grant `@external` and the record `@requires` it (section 4); the record's
 * `chronology` in the shared `ChronologyEntry` shape, which social care merges into the young
 * person's chronology; `accessLog` in the shared `AuditEntry` shape (section 6).
 */
export const TYPE_DEFS = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])

"""A local date, YYYY-MM-DD."""
scalar LocalDate
"""A UTC date-time in ISO 8601."""
scalar DateTimeISO

"""A young person known to children's social care; housing finds them by housing case reference."""
type YoungPerson @key(fields: "housingReference") {
  """Housing case reference (housing): HC, 7 digits and a check digit. From social care's cross-reference; null when none is linked."""
  housingReference: String
  """Social care's access grant for housing (internal)."""
  housingAccess: String @external
  """What the housing options service holds about this young person, or why nothing can be shown (matchStatus)."""
  housing: HousingRecord @requires(fields: "housingAccess")
}

"""Whether an agency holds a record for this young person under its own identifier."""
enum AgencyMatchStatus {
  """The agency holds a record under the identifier in social care's cross-reference."""
  MATCHED
  """Social care's cross-reference has no identifier for this agency, so the agency cannot look."""
  NOT_LINKED
  """The agency has no record under the linked identifier."""
  NO_RECORD_FOR_IDENTIFIER
}

"""What the housing options service holds. Every field but matchStatus is null when not matched: unknown, not "none"."""
type HousingRecord {
  matchStatus: AgencyMatchStatus!
  """Homelessness applications (Housing Act 1996 Part 7), newest first."""
  homelessnessApplications: [HomelessnessApplication!]
  """The agency's dated events, for the merged chronology."""
  chronology: [ChronologyEntry!]
  """Who has looked at (or been refused) this young person's housing data, newest first. Auditors only."""
  accessLog: [AuditEntry!]
}

"""An application for help as homeless or threatened with homelessness (Housing Act 1996 Part 7)."""
type HomelessnessApplication {
  appliedOn: LocalDate!
  """The duty the council owes on the application."""
  duty: HomelessnessDuty!
  """How the duty ended, in words; null while it is owed."""
  outcome: String
}

"""The council's duties under the Housing Act 1996 Part 7, as amended by the Homelessness Reduction Act 2017."""
enum HomelessnessDuty {
  """s195: take reasonable steps to help prevent homelessness (threatened within 56 days)."""
  PREVENTION
  """s189B: take reasonable steps to help secure accommodation (homeless)."""
  RELIEF
  """s193: secure accommodation (eligible, homeless, priority need, not intentionally homeless); 16 and 17 year olds and care leavers under 21 have priority need."""
  MAIN_HOUSING_DUTY
}

"""One dated event in a young person's history, as one agency recorded it."""
type ChronologyEntry @shareable {
  date: LocalDate!
  agency: String!
  kind: String!
  summary: String!
  significance: Significance!
}

"""How much a chronology entry matters to a deep dive."""
enum Significance {
  HIGH
  MEDIUM
  LOW
}

"""An entry in an agency's audit log."""
type AuditEntry @shareable {
  at: DateTimeISO!
  loggedBy: String!
  youngPersonIdentifier: String!
  requestId: String!
  userId: String!
  userName: String!
  userAgency: String!
  userRole: String!
  action: String!
  purpose: String
  meetingId: String
  breakGlassReason: String
  fieldsRead: [String!]!
  withheld: [WithheldField!]!
  change: String
}

"""A field withheld from a read, and the rule that withheld it."""
type WithheldField @shareable {
  field: String!
  rule: String!
}
`;

/** What the agency holds about one young person, by housing case reference. */
export interface HousingFile {
  applications: { appliedOn: string; duty: 'PREVENTION' | 'RELIEF' | 'MAIN_HOUSING_DUTY'; outcome: string | null }[];
}

/** A notice (section 5). */
export interface Notice {
  message: string;
  path: readonly (string | number)[];
  extensions: { code: 'WITHHELD'; agency: string; rule: string };
}

/** One request: who asks, what was read about whom under which purpose, what was refused or withheld. */
export interface RequestContext {
  caller: Caller;
  reads: Map<string, { purpose: Purpose; fields: Set<string>; withheld: { field: string; rule: string }[] }>;
  refusals: AuditContent[];
  notices: Notice[];
}

/** A young person as this agency resolved them: whose, and under which purpose. */
interface Resolved {
  subject: string | null;
  purpose: Purpose;
}

/** The policy (section 5): which rule, if any, withholds `field` of the record from this caller. */
const RULES: { rule: string; explanation: string; withholds: (field: string, caller: Caller, purpose: Purpose) => boolean }[] = [
  {
    rule: 'audit-log-auditors-only',
    explanation: 'the access log is for information-governance auditors only',
    withholds: (field, caller) => field === 'accessLog' && caller.userRole !== 'IG_AUDITOR',
  },
  {
    rule: 'audit-logs-only',
    explanation: 'an audit reads the access log, not the record',
    withholds: (field, _caller, purpose) => purpose.kind === 'AUDIT' && !['matchStatus', 'accessLog'].includes(field),
  },
];

const pathOf = (info: GraphQLResolveInfo) => {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  return path;
};

/** Each record field through the policy: withheld (null, and a notice) or read (and remembered for the audit). */
function guarded(field: string, resolve: (record: Resolved & { file: HousingFile | undefined }, ctx: RequestContext) => unknown) {
  return (record: Resolved & { file: HousingFile | undefined }, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
    const subject = record.subject ?? '(not linked)';
    const key = `${subject}\n${record.purpose.kind}`;
    const read = ctx.reads.get(key) ?? { purpose: record.purpose, fields: new Set<string>(), withheld: [] };
    ctx.reads.set(key, read);
    const rule = RULES.find((r) => r.withholds(field, ctx.caller, record.purpose));
    if (rule) {
      read.withheld.push({ field: `HousingRecord.${field}`, rule: rule.rule });
      ctx.notices.push({
        message: `Withheld by ${AGENCY.label}: ${rule.explanation}`,
        path: pathOf(info),
        extensions: { code: 'WITHHELD', agency: AGENCY.label, rule: rule.rule },
      });
      return null;
    }
    read.fields.add(`HousingRecord.${field}`);
    return resolve(record, ctx);
  };
}

/** The schema, over the agency's files, its grant check and its audit log. */
export function housingSchema(files: Readonly<Record<string, HousingFile>>, grants: GrantCheck, audit: AuditLog): GraphQLSchema {
  const newestFirst = (file: HousingFile) => [...file.applications].sort((a, b) => b.appliedOn.localeCompare(a.appliedOn));
  const resolvers: GraphQLResolverMap<RequestContext> = {
    YoungPerson: {
      async __resolveReference(ref: Record<string, unknown>, ctx: RequestContext): Promise<Resolved & { reference: unknown }> {
        const received = ref[AGENCY.identifierField];
        let subject: string | null = null;
        if (typeof received === 'string') {
          const checked = checkHousingReference(received);
          if (!checked.ok)
            throw new GraphQLError(`${AGENCY.identifierField}: ${checked.reason}`, {
              extensions: { code: 'BAD_USER_INPUT', field: AGENCY.identifierField },
            });
          subject = checked.value;
        }
        const purpose = await grants.purposeOf(ref[AGENCY.grantField], ctx.caller, received);
        if (!purpose) {
          ctx.refusals.push({
            ...ctx.caller,
            subject: subject ?? '(not linked)',
            action: 'REFUSED',
            purposeKind: null,
            meetingId: null,
            breakGlassReason: null,
            fieldsRead: '[]',
            withheld: '[]',
          });
          throw new GraphQLError(TEXTS.noGrant, { extensions: { code: 'FORBIDDEN' } });
        }
        return { reference: received, subject, purpose };
      },
      [AGENCY.recordField]: (person: Resolved) => ({ ...person, file: person.subject ? files[person.subject] : undefined }),
    },
    HousingRecord: {
      matchStatus: guarded('matchStatus', (r) => (!r.subject ? 'NOT_LINKED' : r.file ? 'MATCHED' : 'NO_RECORD_FOR_IDENTIFIER')),
      homelessnessApplications: guarded('homelessnessApplications', (r) => (r.file ? newestFirst(r.file) : null)),
      chronology: guarded('chronology', (r) =>
        r.file
          ? newestFirst(r.file).map((a) => ({
              date: a.appliedOn,
              agency: AGENCY.name,
              kind: 'Homelessness application',
              summary: `Applied for help with housing; ${a.duty === 'PREVENTION' ? 'prevention' : a.duty === 'RELIEF' ? 'relief' : 'main housing'} duty owed${a.outcome ? `, ended: ${a.outcome}` : ''}`,
              significance: a.duty === 'PREVENTION' ? 'MEDIUM' : 'HIGH',
            }))
          : null,
      ),
      accessLog: guarded('accessLog', (r) =>
        r.file && r.subject
          ? audit.about(r.subject).map((e) => ({
              at: e.at,
              loggedBy: AGENCY.name,
              youngPersonIdentifier: e.subject,
              requestId: e.requestId,
              userId: e.userId,
              userName: e.userName,
              userAgency: e.userAgency,
              userRole: e.userRole,
              action: e.action,
              purpose: e.purposeKind,
              meetingId: e.meetingId,
              breakGlassReason: e.breakGlassReason,
              fieldsRead: JSON.parse(e.fieldsRead) as string[],
              withheld: JSON.parse(e.withheld) as unknown[],
              change: null,
            }))
          : null,
      ),
    },
  };
  return buildSubgraphSchema({ typeDefs: parse(TYPE_DEFS), resolvers: resolvers as GraphQLResolverMap<unknown> });
}

/** The audit records of a request (section 6): one per (young person, purpose) read, one per refusal. */
export function auditRecordsOf(ctx: RequestContext): AuditContent[] {
  const reads = [...ctx.reads.entries()].map(([key, read]) => ({
    ...ctx.caller,
    subject: key.split('\n')[0],
    action: 'READ' as const,
    purposeKind: read.purpose.kind,
    meetingId: read.purpose.meeting,
    breakGlassReason: read.purpose.breakGlassReason,
    fieldsRead: JSON.stringify([...read.fields].sort()),
    withheld: JSON.stringify(read.withheld),
  }));
  return [...ctx.refusals, ...reads];
}
