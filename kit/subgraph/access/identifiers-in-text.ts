import { AGENCIES, type AgencyDefinition } from '../../shared/agencies';

/**
 * Anything in free text that could be an identifier: a run of letters, digits, "/" and "-" (a person
 * or meeting id, a UPN, a PNC ID), or ten digits spaced 3-3-4 (an NHS number as it is written).
 */
const CANDIDATE = /\d{3}[ -]\d{3}[ -]\d{4}|[\p{L}\p{N}][\p{L}\p{N}/-]*/gu;

/** The agency whose identifier `token` is, or starts with up to a "-" or "/" ("YP-000120-M5" is social care's). */
function ownerOf(token: string): AgencyDefinition | undefined {
  const prefixes = [token, ...[...token.matchAll(/[-/]/g)].map((m) => token.slice(0, m.index))];
  return AGENCIES.find((a) => prefixes.some((p) => a.identifier.check(p).ok));
}

/**
 * `text` as `audience` may receive it: every identifier of another agency in it (social care's person
 * and meeting ids among them) replaced by what it is, "[NHS number]". A user's typed justification
 * travels to the agency whose record it opens, which must record it; their typing an id does not make
 * that agency's log a cross-reference. A number that merely passes a check is masked too: the text
 * says less, never more.
 */
export function withoutOthersIdentifiers(text: string, audience: AgencyDefinition): string {
  return text.replace(CANDIDATE, (token) => {
    const owner = ownerOf(token);
    return owner && owner !== audience ? `[${owner.identifier.label}]` : token;
  });
}
