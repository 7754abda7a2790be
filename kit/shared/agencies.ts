import { checkNhsNumber, checkPersonId, checkPncId, checkUpn, type Checked } from './identifiers';

/**
 * The one definition of the partner agencies. Everything that differs by agency outside its own folder
 * (types, ports, environment variable names, roles, social care's cross-reference and grant fields,
 * scripts, deployment checks, test defaults) is derived from this table: adding an agency is one row
 * here and one folder in subgraphs/ (subgraphs/README.md, "A new agency").
 */
export interface AgencyIdentifier {
  /** The YoungPerson field that carries it: the federation key the agency resolves the young person by. */
  readonly field: string;
  /** What practitioners call it. */
  readonly label: string;
  /** Its format and check, for the schema's descriptions. */
  readonly description: string;
  /** Checks one typed in or received; the normalised value or why it is wrong. */
  readonly check: (input: string) => Checked;
}

/** A receiving agency's identifier also has a scheme in social care's cross-reference. */
export interface LinkedIdentifier extends AgencyIdentifier {
  readonly scheme: string;
}

interface AgencyRow {
  /** Service, folder, process and compose service name; the `agency` of its chronology entries. */
  readonly name: string;
  /** As in users' tokens and in policies. */
  readonly code: string;
  /** As notices name it: "withheld by police". */
  readonly label: string;
  readonly defaultPort: number;
  /** The roles of the agency's staff, as their identity provider names them (DOMAIN.md §1). */
  readonly roles: readonly string[];
}

/** The lead agency owns the young person, the cross-reference and the meetings, decides relationships and signs grants. */
export interface LeadAgency extends AgencyRow {
  readonly kind: 'lead';
  readonly identifier: AgencyIdentifier;
}

/** A receiving agency finds the young person by its own identifier, under social care's grant. */
export interface ReceivingAgency extends AgencyRow {
  readonly kind: 'receiving';
  readonly identifier: LinkedIdentifier;
  /** The YoungPerson field (internal to the graph) carrying social care's signed grant for this agency. */
  readonly grantField: string;
  /** The agency's field on YoungPerson (and on MeetingPack): its record of the young person, of type <RecordField>Record. */
  readonly recordField: string;
  /**
   * 'partner': the agency builds and runs its subgraph itself, to docs/partner-contract.md, and has no
   * folder here. Its SDL is the one it delivered, committed as schema/<name>.graphql; the gateway
   * reaches it at SUBGRAPH_URL_<CODE>; no script here starts, migrates or prints it.
   */
  readonly hosting?: 'partner';
}

export type AgencyDefinition = LeadAgency | ReceivingAgency;

export const AGENCIES = [
  {
    kind: 'lead',
    name: 'social-care',
    code: 'SOCIAL_CARE',
    label: 'social care',
    defaultPort: 4001,
    roles: ['SOCIAL_WORKER', 'NWD_KEY_WORKER', 'IRO', 'IG_AUDITOR', 'CORPORATE_PARENTING_BOARD_MEMBER'],
    identifier: { field: 'id', label: 'person id', description: 'Social care person id, e.g. "YP-000123".', check: checkPersonId },
  },
  {
    kind: 'receiving',
    name: 'education',
    code: 'EDUCATION',
    label: 'education',
    defaultPort: 4002,
    roles: ['VIRTUAL_SCHOOL_HEAD', 'DESIGNATED_TEACHER'],
    identifier: {
      field: 'upn',
      scheme: 'UPN',
      label: 'UPN',
      description: 'Unique Pupil Number (education): check letter + LA code + school + year + serial.',
      check: checkUpn,
    },
    grantField: 'educationAccess',
    recordField: 'education',
  },
  {
    kind: 'receiving',
    name: 'health',
    code: 'HEALTH',
    label: 'health',
    defaultPort: 4003,
    roles: ['LAC_NURSE', 'LIFE_COACH'],
    identifier: {
      field: 'nhsNumber',
      scheme: 'NHS_NUMBER',
      label: 'NHS number',
      description: 'NHS number (health): 10 digits, modulus 11 check digit.',
      check: checkNhsNumber,
    },
    grantField: 'healthAccess',
    recordField: 'health',
  },
  {
    kind: 'receiving',
    name: 'police',
    code: 'POLICE',
    label: 'police',
    defaultPort: 4004,
    roles: ['POLICE_LIAISON_OFFICER', 'POLICE_INTELLIGENCE_ANALYST'],
    identifier: {
      field: 'pncId',
      scheme: 'PNC_ID',
      label: 'PNC ID',
      description: 'Police National Computer ID (police): YYYY/NNNNNNND with a check letter.',
      check: checkPncId,
    },
    grantField: 'policeAccess',
    recordField: 'police',
  },
] as const satisfies readonly AgencyDefinition[];

type Row = (typeof AGENCIES)[number];
export type AgencyName = Row['name'];
export type AgencyCode = Row['code'];
export type Role = Row['roles'][number];
export type ReceivingAgencyName = Extract<Row, { kind: 'receiving' }>['name'];
/** A scheme in social care's cross-reference: one per receiving agency. */
export type IdentifierScheme = Extract<Row, { kind: 'receiving' }>['identifier']['scheme'];

const ALL: readonly AgencyDefinition[] = AGENCIES;

export const LEAD_AGENCY: LeadAgency = (() => {
  const leads = ALL.filter((a): a is LeadAgency => a.kind === 'lead');
  if (leads.length !== 1) throw new Error(`the agencies table must have exactly one lead agency (has ${leads.length})`);
  return leads[0];
})();

export const RECEIVING_AGENCIES: readonly ReceivingAgency[] = ALL.filter((a): a is ReceivingAgency => a.kind === 'receiving');

/** Whether this repository builds and runs the agency's subgraph (a folder in subgraphs/), or its partner does. */
export function runHere(agency: AgencyDefinition): boolean {
  return agency.kind === 'lead' || agency.hosting !== 'partner';
}

export const AGENCY_NAMES = AGENCIES.map((a) => a.name) as readonly AgencyName[];
export const AGENCY_CODES = AGENCIES.map((a) => a.code) as readonly AgencyCode[];

export function isAgencyName(value: unknown): value is AgencyName {
  return typeof value === 'string' && (AGENCY_NAMES as readonly string[]).includes(value);
}

export function isAgencyCode(value: unknown): value is AgencyCode {
  return typeof value === 'string' && (AGENCY_CODES as readonly string[]).includes(value);
}

/** The agency of this name; a clear error listing the names otherwise (command-line flags, configuration). */
export function agencyNamed(name: string): AgencyDefinition {
  const found = ALL.find((a) => a.name === name);
  if (!found) throw new Error(`unknown agency "${name}" (expected one of ${AGENCY_NAMES.join(', ')})`);
  return found;
}

/** The lead agency of this name (its folder's row): a clear error when the table says otherwise. */
export function leadAgency(name: string): LeadAgency {
  const found = agencyNamed(name);
  if (found.kind !== 'lead') throw new Error(`${name} is not the lead agency in the agencies table`);
  return found;
}

/** A receiving agency of this name (its folder's row): a clear error when the table says otherwise. */
export function receivingAgency(name: string): ReceivingAgency {
  const found = agencyNamed(name);
  if (found.kind !== 'receiving') throw new Error(`${name} is not a receiving agency in the agencies table`);
  return found;
}

export function agencyCoded(code: string): AgencyDefinition {
  const found = ALL.find((a) => a.code === code);
  if (!found) throw new Error(`unknown agency code "${code}" (expected one of ${AGENCY_CODES.join(', ')})`);
  return found;
}

/** An agency's environment variable: envName(health, 'DATABASE_URL') is HEALTH_DATABASE_URL. */
export function envName(agency: AgencyDefinition, suffix: string): string {
  return `${agency.code}_${suffix}`;
}

/** The GraphQL type of a receiving agency's record of a young person: HealthRecord, EducationRecord, YouthJusticeRecord. */
export function recordTypeName(agency: ReceivingAgency): string {
  return `${agency.recordField[0].toUpperCase()}${agency.recordField.slice(1)}Record`;
}

/** The gateway's override of an agency's URL in the supergraph: SUBGRAPH_URL_HEALTH. */
export function subgraphUrlVariable(agency: AgencyDefinition): string {
  return `SUBGRAPH_URL_${agency.code}`;
}
