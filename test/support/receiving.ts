import { PERSONAS } from '../../kit/dev/personas';
import type { ReceivingAgency } from '../../kit/shared/agencies';
import type { Viewer } from '../../kit/shared/roles';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import type { TestAgency } from './agency';
import type { GraphQLBody } from './graphql';

/**
 * Talking to a receiving agency as the gateway does: `_entities` over YoungPerson representations,
 * each carrying the agency's own identifier and, unless a test leaves it out, social care's grant for
 * that viewer, that request and exactly that identifier. One way for every receiving agency.
 */

/** Who asks, and the purpose social care's grant names (the legitimate relationship it found). */
export interface Asking {
  viewer: Viewer;
  purpose: Purpose;
}

const meeting: Purpose = { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000001-M1' };

/**
 * How a receiving agency's audit names the meeting a purpose comes from: social care's reference for it,
 * made for that agency (128 bits, base64url), never social care's meeting id, which carries its person id.
 */
export const MEETING_REFERENCE = /^[A-Za-z0-9_-]{22}$/;

/** The personas as social care would grant them: each with the relationship it typically has. */
export const AS = {
  socialWorker: { viewer: PERSONAS.socialWorker, purpose: { kind: PurposeKind.ALLOCATION } },
  keyWorker: { viewer: PERSONAS.keyWorker, purpose: { kind: PurposeKind.ALLOCATION } },
  iro: { viewer: PERSONAS.iro, purpose: { kind: PurposeKind.ALLOCATION } },
  virtualSchoolHead: { viewer: PERSONAS.virtualSchoolHead, purpose: { kind: PurposeKind.STATUTORY_ROLE } },
  designatedTeacher: { viewer: PERSONAS.designatedTeacher, purpose: meeting },
  lacNurse: { viewer: PERSONAS.lacNurse, purpose: meeting },
  lifeCoach: { viewer: PERSONAS.lifeCoach, purpose: meeting },
  policeLiaison: { viewer: PERSONAS.policeLiaison, purpose: meeting },
  policeAnalyst: {
    viewer: PERSONAS.policeAnalyst,
    purpose: { kind: PurposeKind.BREAK_GLASS, reason: 'Missing tonight: checking the record for a last sighting' },
  },
  auditor: { viewer: PERSONAS.auditor, purpose: { kind: PurposeKind.AUDIT } },
} satisfies Record<string, Asking>;

/** A representation as the gateway sends it: the agency's key, and social care's grant when given. */
export type Representation = Record<string, unknown> & { __typename: 'YoungPerson' };

function receiving(agency: TestAgency): ReceivingAgency {
  if (agency.agency.kind !== 'receiving') throw new Error(`${agency.agency.name} receives no grants`);
  return agency.agency;
}

/** A representation without a grant (as nobody but the gateway, after social care, could send), or with this one. */
export function representation(agency: TestAgency, identifier: string | null, grant?: string | null): Representation {
  const { identifier: key, grantField } = receiving(agency);
  return { __typename: 'YoungPerson', [key.field]: identifier, ...(grant !== undefined && { [grantField]: grant }) };
}

/** Representations for the next request, each with social care's grant for `as`, that request and that identifier. */
export function grantedRepresentations(
  agency: TestAgency,
  identifiers: (string | null)[],
  as: Partial<Asking> = {},
): Promise<Representation[]> {
  const requestId = agency.nextRequestId();
  return Promise.all(
    identifiers.map(async (identifier) => representation(agency, identifier, await agency.grant(identifier, { ...as, requestId }))),
  );
}

/** `_entities` over $representations, selecting `selection` of the agency's record (e.g. `police { ... }`). */
export function entitiesQuery(agency: TestAgency, recordField: string, selection: string): string {
  return `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on YoungPerson { ${receiving(agency).identifier.field} ${recordField} { ${selection} } } }
  }`;
}

/** One request about these young people as `as`, with grants made for it; the whole response. */
export async function askAbout<Data>(
  agency: TestAgency,
  query: string,
  identifiers: (string | null)[],
  as: Partial<Asking> = {},
): Promise<GraphQLBody<Data>> {
  const representations = await grantedRepresentations(agency, identifiers, as);
  return agency.request<Data>(query, { representations }, { viewer: as.viewer });
}

/** The data of an `_entities` query whose entities carry `Record` under the agency's field. */
export type Entities<Record> = { _entities: Record[] };

/** A meeting pack's reference as social care makes them (opaque, 32 hex characters). */
export const TEST_PACK_REFERENCE = '0123456789abcdef0123456789abcdef';

/** `_entities` over one MeetingPack, selecting `selection` of the agency's part of it. */
export function packQuery(agency: TestAgency, selection: string): string {
  return `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on MeetingPack { reference ${receiving(agency).recordField} { ${selection} } } }
  }`;
}

/** One request about a meeting pack for this young person, changes since `since`, as `as`, with social care's pack grant for it. */
export async function askAboutPack<Data>(
  agency: TestAgency,
  query: string,
  identifier: string | null,
  as: Partial<Asking> = {},
  scope: { since?: string; freeze?: boolean; reference?: string } = {},
): Promise<GraphQLBody<Data>> {
  const pack = { reference: scope.reference ?? TEST_PACK_REFERENCE, since: scope.since ?? '2000-01-01', freeze: scope.freeze ?? false };
  const grant = await agency.grant(identifier, { ...as, requestId: agency.nextRequestId(), pack });
  const representations = [{ __typename: 'MeetingPack', reference: pack.reference, [receiving(agency).grantField]: grant }];
  return agency.request<Data>(query, { representations }, { viewer: as.viewer });
}
