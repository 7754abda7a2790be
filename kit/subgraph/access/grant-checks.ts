import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { GrantRejected, grantFor, type CohortScope, type ReadGrant, type VerifiedGrant } from './access-grant';
import type { Purpose } from './purpose';
import type { Viewer } from '../../shared/roles';
import type { RequestAccess } from './request-access';

/** The audit subject for a young person social care holds none of this agency's identifiers for. */
export const NOT_LINKED = '(not linked)';

/** One answer for every refused grant: it says nothing about whether the agency holds the young person. */
export const noGrant = () =>
  new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });

/**
 * The purpose social care granted this viewer, in this request, for `identifier` exactly as the
 * gateway sent it (null or undefined: not linked). A refusal is audited under `subjectKey` and
 * answers FORBIDDEN.
 */
export type GrantedPurpose = (token: unknown, identifier: unknown, subjectKey: string) => Promise<Purpose>;

/** The grant social care made for a meeting pack (`reference`), verified: its purpose, identifier and scope. */
export type GrantedPack = (token: unknown, reference: string) => Promise<VerifiedGrant>;

/** The grant social care made for a cohort (`reference`), verified: the members and periods to count. */
export type GrantedCohort = (token: unknown, reference: string) => Promise<CohortScope>;

type Read = (token: unknown) => Promise<ReadGrant>;
type Expected = { identifier: string | null } | { packReference: string } | { cohortReference: string };

/** The audit subject of a cohort: figures about many young people, none of them named. */
export const cohortSubject = (reference: string) => `(cohort ${reference})`;

/** The audit subject of a refused pack grant: no identifier could be established from it. */
export const packSubject = (reference: string) => `(meeting pack ${reference})`;

/**
 * Per request. The grants are read side by side and settle together: a signature check takes its own
 * time, and settled one by one each young person's records would be read in a query of their own. Each
 * distinct grant is read once however many young people it names (a caseload page's: up to
 * GRANT_MAX_PEOPLE) and however often the gateway repeats it. A refused grant settles as its error, so
 * it fails only the young people it was sent for.
 */
export function grantChecks(
  read: Read,
  request: { viewer: Viewer; requestId: string; access: RequestAccess },
): { grantedPurpose: GrantedPurpose; grantedPack: GrantedPack; grantedCohort: GrantedCohort } {
  const grants = new DataLoader<string, ReadGrant>((tokens) =>
    Promise.all(tokens.map((token) => read(token).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))))),
  );
  const verified = async (token: unknown, expected: Expected): Promise<VerifiedGrant> => {
    // Anything but a token is refused alike, without a signature to check.
    const grant = typeof token === 'string' && token ? await grants.load(token) : await read(token);
    return grantFor(grant, { viewerId: request.viewer.id, requestId: request.requestId, ...expected });
  };
  const check = async (token: unknown, expected: Expected, subjectKey: string) => {
    try {
      return await verified(token, expected);
    } catch (err) {
      if (!(err instanceof GrantRejected)) throw err;
      request.access.refuse(subjectKey);
      throw noGrant();
    }
  };
  return {
    async grantedPurpose(token, identifier, subjectKey) {
      const received = identifier == null ? null : typeof identifier === 'string' ? identifier : JSON.stringify(identifier);
      return (await check(token, { identifier: received }, subjectKey)).purpose;
    },
    grantedPack: (token, reference) => check(token, { packReference: reference }, packSubject(reference)),
    grantedCohort: async (token, reference) => (await check(token, { cohortReference: reference }, cohortSubject(reference))).cohort!,
  };
}
