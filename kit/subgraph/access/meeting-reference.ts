import { createHmac, hkdfSync } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * A meeting as a receiving agency knows it. Social care's meeting ids ("YP-000120-M5") carry its
 * person id, so they stay in social care (DOMAIN.md §3: each agency keeps its own identifier; UK GDPR
 * Art 5(1)(c), data minimisation). A grant names instead an HMAC of the meeting id keyed by social care
 * and made for one agency: that agency's auditor sees which reads one meeting explains (the same
 * meeting always gives it the same reference); two agencies' references for one meeting differ, so
 * their logs cannot be joined around social care; and social care, which holds the key, finds the
 * meeting again by recomputing the reference for the young person's meetings.
 */
export type MeetingReferencer = (agency: string, meetingId: string) => string;

/** 128 bits, base64url: unguessable, and short enough to read in a log. */
const REFERENCE_LENGTH = 22;

/**
 * Keyed by a key derived (HKDF, with its own label) from social care's grant signing key: no other
 * secret to deploy. A new grant key starts new references; a read before it is still explained by
 * social care's own audit entry of the same request id, which names the meeting.
 */
export function meetingReferencer(grantPrivateJwk: JWK): MeetingReferencer {
  if (!grantPrivateJwk.d) throw new Error("meeting references are keyed by social care's private grant key, and this JWK has none");
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(grantPrivateJwk.d, 'base64url'), '', 'nwd meeting reference', 32));
  return (agency, meetingId) => createHmac('sha256', key).update(`${agency}\n${meetingId}`).digest('base64url').slice(0, REFERENCE_LENGTH);
}
