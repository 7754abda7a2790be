import { SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { receivingAgency } from '../../shared/agencies';
import { importSigningKey, SIGNING_ALG } from '../../shared/keys';
import { withoutOthersIdentifiers } from './identifiers-in-text';
import { meetingReferencer, type MeetingReferencer } from './meeting-reference';
import { PurposeKind, type Purpose } from './purpose';

/**
 * Social care decides whether a user has a legitimate relationship with a young person (it holds the
 * allocations and invitations) and hands each other agency a signed grant through the gateway:
 * for this user, in this request, this agency's own identifier, under this purpose. The agency checks
 * the signature and that every part matches before it shows anything. No other identifier travels:
 * nothing of social care's own (its person and meeting ids) nor another agency's, only what the
 * receiving agency needs to answer "why was this read" in its own audit (grantClaims).
 */
export const GRANT_ISSUER = 'nwd-social-care';
export const GRANT_TTL_SECONDS = 120;

/**
 * A grant for a meeting pack: the agency computes what changed for the young person since `since` and
 * keys what it shows by `reference` (opaque: social care's meeting ids never reach other agencies).
 * `freeze`: the meeting has been recorded and the viewer chaired it, so the agency keeps what it shows.
 */
export interface PackScope {
  reference: string;
  since: string;
  freeze: boolean;
}

/**
 * A grant for aggregate reporting over a cohort social care defined: the agency counts its own records
 * of these members and answers with figures, never rows. Each member is the agency's own identifier and
 * the date NWD support was asked for (the referral; null outside NWD), which before/after measures
 * compare around; nothing else of social care's travels.
 */
export interface CohortScope {
  reference: string;
  members: CohortMember[];
  /** The reporting periods (quarters), oldest first. */
  periods: ReportingPeriod[];
}
export type CohortMember = [identifier: string, referredOn: string | null];
export interface ReportingPeriod {
  from: string;
  to: string;
}

/** A young person a grant names: the receiving agency's own identifier for them (null: not linked) and the purpose. */
export interface GrantedPerson {
  identifier: string | null;
  purpose: Purpose;
}

/**
 * At most this many young people in one grant. A list (a caseload page) is granted in grants of up to
 * this many rather than one per young person: the agency checks one signature per grant, not per young
 * person. Bounded because the gateway sends the grant with every representation it covers, so its size
 * is paid once per young person: 25 to a grant (about 1.9 KB) cut the receiving agencies' CPU for a page
 * of 50 by 9 ms but added 4.5 ms to the gateway's, which handled 430 KB more of them; 10 balances the
 * two (a signature check costs about as much as the gateway's handling of 10 young people's entries).
 */
export const GRANT_MAX_PEOPLE = 10;

export interface AccessGrant {
  viewerId: string;
  requestId: string;
  /** The receiving agency (its name in the agencies table). */
  audience: string;
  /** The young people it is for, each under its own purpose (`yps`): one on a pack's grant, none on a cohort's. */
  people?: GrantedPerson[];
  /** A cohort's purpose (`pk`): aggregate reporting. */
  purpose?: Purpose;
  /** Present on a meeting pack's grant only. */
  pack?: PackScope;
  /** Present on a cohort's grant only. */
  cohort?: CohortScope;
}

/** What a verified grant allows: the purpose, the agency's identifier it names, and a pack's or a cohort's scope. */
export interface VerifiedGrant {
  purpose: Purpose;
  identifier: string | null;
  pack?: PackScope;
  cohort?: CohortScope;
}

/** What the receiving agency received with the grant: the identifier exactly as sent (YoungPerson), or a pack's or cohort's reference. */
export type ExpectedGrant = { viewerId: string; requestId: string } & (
  { identifier: string | null } | { packReference: string } | { cohortReference: string }
);

/**
 * What the receiving agency is told about each young person, and all it is told: its own identifier,
 * the purpose's kind, and where the purpose names a meeting, social care's reference for that meeting
 * made for this agency alone (meeting-reference.ts). A break-glass justification travels in the user's
 * words, because the agency whose record it opens must record why it was opened (DPA 2018 s62 for
 * police; Caldicott: justify the purpose), but with any other agency's identifier masked.
 */
function personClaims({ identifier, purpose }: GrantedPerson, audience: string, referenceFor: MeetingReferencer) {
  const { kind, meetingId, reason } = purpose;
  return {
    idf: identifier,
    pk: kind,
    ...(meetingId && { mtg: referenceFor(audience, meetingId) }),
    ...(reason && { why: withoutOthersIdentifiers(reason, receivingAgency(audience)) }),
  };
}

/** Besides the user (sub), the request and the young people: a pack's or a cohort's scope. Nothing of social care's own travels. */
function grantClaims(grant: AccessGrant, referenceFor: MeetingReferencer): JWTPayload {
  return {
    rid: grant.requestId,
    ...(grant.people && { yps: grant.people.map((p) => personClaims(p, grant.audience, referenceFor)) }),
    ...(grant.purpose && { pk: grant.purpose.kind }),
    ...(grant.pack && { pack: grant.pack }),
    ...(grant.cohort && { coh: grant.cohort }),
  };
}

export async function createGrantSigner(privateJwk: JWK) {
  const key = await importSigningKey(privateJwk);
  const referenceFor = meetingReferencer(privateJwk);
  return (grant: AccessGrant): Promise<string> =>
    new SignJWT(grantClaims(grant, referenceFor))
      .setProtectedHeader({ alg: SIGNING_ALG, kid: privateJwk.kid })
      .setIssuer(GRANT_ISSUER)
      .setAudience(`grant:${grant.audience}`)
      .setSubject(grant.viewerId)
      .setIssuedAt()
      .setExpirationTime(`${GRANT_TTL_SECONDS}s`)
      .sign(key);
}

export class GrantRejected extends Error {}

function packScope(claim: unknown): PackScope | undefined {
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { reference, since, freeze } = claim as Record<string, unknown>;
  if (typeof reference !== 'string' || typeof since !== 'string' || typeof freeze !== 'boolean')
    throw new GrantRejected('access grant refused: malformed pack');
  return { reference, since, freeze };
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function cohortScope(claim: unknown): CohortScope | undefined {
  if (claim === undefined) return undefined;
  const { reference, members, periods } = (claim ?? {}) as Record<string, unknown>;
  const wellFormed =
    typeof reference === 'string' &&
    Array.isArray(members) &&
    members.every((m) => Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && (m[1] === null || isDate(m[1]))) &&
    Array.isArray(periods) &&
    periods.length > 0 &&
    periods.every((p) => isDate((p as ReportingPeriod)?.from) && isDate((p as ReportingPeriod)?.to));
  if (!wellFormed) throw new GrantRejected('access grant refused: malformed cohort');
  return { reference, members: members as CohortMember[], periods: periods as ReportingPeriod[] };
}

const PURPOSE_KINDS: readonly unknown[] = Object.values(PurposeKind);
const isPurposeKind = (v: unknown): v is PurposeKind => PURPOSE_KINDS.includes(v);

/**
 * The young people a grant names, by identifier (null: not linked): 1 to GRANT_MAX_PEOPLE of them, each
 * identifier once and each purpose one a record is read under, or the whole grant is refused.
 */
function peopleNamed(claim: unknown): Map<string | null, Purpose> | undefined {
  if (claim === undefined) return undefined;
  if (!Array.isArray(claim) || claim.length === 0 || claim.length > GRANT_MAX_PEOPLE)
    throw new GrantRejected('access grant refused: malformed young people');
  const people = new Map<string | null, Purpose>();
  for (const entry of claim) {
    const { idf = null, pk, mtg, why } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (
      !(idf === null || typeof idf === 'string') ||
      people.has(idf) ||
      (mtg !== undefined && typeof mtg !== 'string') ||
      (why !== undefined && typeof why !== 'string')
    )
      throw new GrantRejected('access grant refused: malformed young people');
    if (!isPurposeKind(pk)) throw new GrantRejected('access grant refused: unknown purpose');
    if (pk === PurposeKind.AGGREGATE_REPORTING)
      throw new GrantRejected('access grant refused: aggregate reporting is granted over a cohort only');
    people.set(idf, { kind: pk, ...(mtg !== undefined && { meetingReference: mtg }), ...(why !== undefined && { reason: why }) });
  }
  return people;
}

/** A grant whose signature, issuer, audience and expiry verified, read once however many young people it names. */
export interface ReadGrant {
  viewerId: unknown;
  requestId: unknown;
  people?: Map<string | null, Purpose>;
  /** A cohort's purpose kind (`pk`), as sent. */
  kind?: unknown;
  pack?: PackScope;
  cohort?: CohortScope;
}

/** Checks a grant's signature, issuer, audience and expiry and reads its claims; what it is for is checked by `grantFor`. */
export async function createGrantReader(publicJwk: JWK, audience: string, now: () => number = Date.now) {
  const key = await importSigningKey(publicJwk);
  return async (token: unknown): Promise<ReadGrant> => {
    if (typeof token !== 'string' || !token) throw new GrantRejected('no access grant from social care');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: GRANT_ISSUER,
        audience: `grant:${audience}`,
        algorithms: [SIGNING_ALG],
        currentDate: new Date(now()),
      }));
    } catch (err) {
      throw new GrantRejected(`access grant refused: ${(err as Error).message}`);
    }
    const pack = packScope(payload.pack);
    const cohort = cohortScope(payload.coh);
    const people = peopleNamed(payload.yps);
    return {
      viewerId: payload.sub,
      requestId: payload.rid,
      kind: payload.pk,
      ...(people && { people }),
      ...(pack && { pack }),
      ...(cohort && { cohort }),
    };
  };
}

/**
 * What a read grant allows for what the agency received: this user, this request, and the cohort, the
 * meeting pack or exactly the identifier received (a pack's grant names its one young person itself).
 */
export function grantFor(grant: ReadGrant, expected: ExpectedGrant): VerifiedGrant {
  if (grant.viewerId !== expected.viewerId) throw new GrantRejected('access grant refused: issued to another user');
  if (grant.requestId !== expected.requestId) throw new GrantRejected('access grant refused: issued for another request');
  const { pack, cohort, people } = grant;
  if ('cohortReference' in expected) {
    // A cohort's grant names its members itself: the representation carries only the cohort's reference.
    if (cohort?.reference !== expected.cohortReference) throw new GrantRejected('access grant refused: issued for another cohort');
    if (grant.kind !== PurposeKind.AGGREGATE_REPORTING || people)
      throw new GrantRejected('access grant refused: a cohort is granted for aggregate reporting only');
    return { purpose: { kind: PurposeKind.AGGREGATE_REPORTING }, identifier: null, cohort };
  }
  if (cohort) throw new GrantRejected('access grant refused: a cohort grant is not a grant to read a record');
  let identifier: string | null;
  if ('packReference' in expected) {
    // A pack's grant names the agency's identifier itself: the representation carries only the pack's reference.
    if (pack?.reference !== expected.packReference) throw new GrantRejected('access grant refused: issued for another meeting pack');
    if (people?.size !== 1) throw new GrantRejected('access grant refused: a meeting pack is granted for one young person');
    [identifier] = people.keys();
  } else {
    if (pack) throw new GrantRejected('access grant refused: a meeting pack grant is not a grant to read the record');
    identifier = expected.identifier;
  }
  const purpose = people?.get(identifier);
  if (!purpose) throw new GrantRejected('access grant refused: issued for another young person');
  // A record's purposes are each young person's own: one for the whole grant is a cohort's.
  if (grant.kind !== undefined) throw new GrantRejected('access grant refused: malformed young people');
  return { purpose, identifier, ...(pack && { pack }) };
}
