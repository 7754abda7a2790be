/**
 * What docs/partner-contract.md fixes, as a partner copies it out of the document: this agency's row
 * (section 1, as the lead agency adds it), every agency's staff roles, the purposes and the texts a
 * subgraph must answer with. Nothing here comes from the repository's kit/.
 */

/** This agency: a district council's housing options service (homelessness, Housing Act 1996 Part 7). */
export const AGENCY = {
  name: 'housing',
  label: 'housing',
  code: 'HOUSING',
  identifierField: 'housingReference',
  grantField: 'housingAccess',
  recordField: 'housing',
} as const;

/** Section 1: each agency's code and its staff roles; a token whose role is not its agency's is refused. */
export const ROLES_BY_AGENCY: Readonly<Record<string, readonly string[]>> = {
  SOCIAL_CARE: ['SOCIAL_WORKER', 'NWD_KEY_WORKER', 'IRO', 'IG_AUDITOR', 'CORPORATE_PARENTING_BOARD_MEMBER'],
  EDUCATION: ['VIRTUAL_SCHOOL_HEAD', 'DESIGNATED_TEACHER'],
  HEALTH: ['LAC_NURSE', 'LIFE_COACH'],
  POLICE: ['POLICE_LIAISON_OFFICER', 'POLICE_INTELLIGENCE_ANALYST'],
  HOUSING: ['HOUSING_OPTIONS_OFFICER'],
};

/** Section 4: the purpose kinds a grant's `pk` may carry. */
export const PURPOSE_KINDS: readonly string[] = [
  'ALLOCATION',
  'SPECIALIST_INVOLVEMENT',
  'STATUTORY_ROLE',
  'MEETING_INVITATION',
  'ACTION_OWNER',
  'BREAK_GLASS',
  'AUDIT',
  'AGGREGATE_REPORTING',
];

/** Section 3: the internal token. */
export const GATEWAY_ISSUER = 'nwd-gateway';
export const TOKEN_LIFETIME_SECONDS = 60;
/** Section 4: social care's grants. */
export const GRANT_ISSUER = 'nwd-social-care';
/** Section 4: a grant names 1 to this many young people in `yps`. */
export const GRANT_MAX_YOUNG_PEOPLE = 10;

/** Sections 3, 4, 6 and 7: the fixed texts. */
export const TEXTS = {
  refused: 'This service answers only the gateway.',
  replayStoreDown: "This service cannot check the gateway's token now. Try again shortly.",
  noGrant: 'No access grant from social care for this young person.',
  auditDown: 'The audit log could not be written, so no data was returned. Try again.',
} as const;

/**
 * The agency's own identifier (section 1: each agency resolves the young person by its own): a
 * housing case reference, "HC", 7 digits and a Luhn check digit. Invented for this synthetic agency.
 */
export function checkHousingReference(input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const reference = input.trim().toUpperCase();
  const match = /^HC(\d{7})(\d)$/.exec(reference);
  if (!match) return { ok: false, reason: 'a housing case reference is HC, 7 digits and a check digit' };
  return luhnDigit(match[1]) === Number(match[2])
    ? { ok: true, value: reference }
    : { ok: false, reason: 'check digit does not match (typing error?)' };
}

/** The Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): number {
  const sum = [...digits].reverse().reduce((total, d, i) => {
    const doubled = i % 2 === 0 ? Number(d) * 2 : Number(d);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return (10 - (sum % 10)) % 10;
}
