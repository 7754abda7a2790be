import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { GrantRejected, type CohortScope, type ExpectedGrant, type VerifiedGrant } from './access-grant';
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

type Verify = (token: unknown, expected: ExpectedGrant) => Promise<VerifiedGrant>;
type Expected = { identifier: string | null } | { packReference: string } | { cohortReference: string };

/** The audit subject of a cohort: figures about many young people, none of them named. */
export const cohortSubject = (reference: string) => `(cohort ${reference})`;

/** The audit subject of a refused pack grant: no identifier could be established from it. */
export const packSubject = (reference: string) => `(meeting pack ${reference})`;

/**
 * Per request. The grants are checked side by side and settle together: a signature check takes its
 * own time, and settled one by one each young person's records would be read in a query of their own.
 * A refused grant settles as its error, so it fails only its own young person.
 */
export function grantChecks(
  verify: Verify,
  request: { viewer: Viewer; requestId: string; access: RequestAccess },
): { grantedPurpose: GrantedPurpose; grantedPack: GrantedPack; grantedCohort: GrantedCohort } {
  const loader = new DataLoader<{ token: unknown; expected: Expected }, VerifiedGrant, string>(
    (keys) =>
      Promise.all(
        keys.map((k) =>
          verify(k.token, { viewerId: request.viewer.id, requestId: request.requestId, ...k.expected }).catch((err: unknown) =>
            err instanceof Error ? err : new Error(String(err)),
          ),
        ),
      ),
    // The gateway repeats representations: one check per distinct grant (any non-string token is refused alike).
    { cacheKeyFn: (k) => JSON.stringify([typeof k.token === 'string' ? k.token : null, k.expected]) },
  );
  const check = async (token: unknown, expected: Expected, subjectKey: string) => {
    try {
      return await loader.load({ token, expected });
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
