import { AGENCIES, isAgencyCode, type AgencyCode, type Role } from './agencies';

export type { AgencyCode, Role };

/**
 * Who uses the graph: the roles of DOMAIN.md §1, each belonging to one agency (the agencies table).
 * Claims in a user's token name both; an agency's policy decides what each role may see of its data.
 */
export const ROLES: Readonly<Record<Role, AgencyCode>> = Object.fromEntries(
  AGENCIES.flatMap((agency) => agency.roles.map((role) => [role, agency.code])),
) as Record<Role, AgencyCode>;

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

export { isAgencyCode };

/**
 * A viewer from untrusted claims, or null when any part is missing or unknown, or the role is not one of
 * the agency's: a LAC nurse in the police is no one this graph knows, and each agency's policy reads
 * the role as its own.
 */
export function viewerFromClaims(claims: Record<string, unknown>): Viewer | null {
  const { sub, name, agency, role } = claims;
  if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !isAgencyCode(agency) || !isRole(role)) return null;
  if (ROLES[role] !== agency) return null;
  return { id: sub, name, agency, role };
}
