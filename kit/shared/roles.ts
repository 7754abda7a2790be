/**
 * Who uses the graph: the roles of DOMAIN.md §1, each with the agency it belongs to. Claims in a
 * user's token name both; an agency's policy decides what each role may see of its data.
 */
export const AGENCIES = ['SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE'] as const;
export type AgencyCode = (typeof AGENCIES)[number];

export const ROLES = {
  SOCIAL_WORKER: 'SOCIAL_CARE',
  NWD_KEY_WORKER: 'SOCIAL_CARE',
  IRO: 'SOCIAL_CARE',
  IG_AUDITOR: 'SOCIAL_CARE',
  VIRTUAL_SCHOOL_HEAD: 'EDUCATION',
  DESIGNATED_TEACHER: 'EDUCATION',
  LAC_NURSE: 'HEALTH',
  LIFE_COACH: 'HEALTH',
  POLICE_LIAISON_OFFICER: 'POLICE',
  POLICE_INTELLIGENCE_ANALYST: 'POLICE',
} as const satisfies Record<string, AgencyCode>;
export type Role = keyof typeof ROLES;

/** The signed-in user, as the gateway verified them. */
export interface Viewer {
  id: string;
  name: string;
  agency: AgencyCode;
  role: Role;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROLES, value);
}

export function isAgencyCode(value: unknown): value is AgencyCode {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

/** A viewer from untrusted claims, or null when any part is missing or unknown. */
export function viewerFromClaims(claims: Record<string, unknown>): Viewer | null {
  const { sub, name, agency, role } = claims;
  if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !isAgencyCode(agency) || !isRole(role)) return null;
  return { id: sub, name, agency, role };
}
