import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { GrantRejected } from './access-grant';
import type { Purpose } from './purpose';
import type { Viewer } from '../../shared/roles';
import type { RequestAccess, Subject } from './request-access';

/** The audit subject for a young person social care holds none of this agency's identifiers for. */
export const NOT_LINKED = '(not linked)';

/** One answer for every refused grant: it says nothing about whether the agency holds the young person. */
export const noGrant = () => new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });

/**
 * The purpose social care granted this viewer, in this request, for `identifier` exactly as the
 * gateway sent it (null or undefined: not linked). A refusal is audited under `subjectKey` and
 * answers FORBIDDEN.
 */
export type GrantedPurpose = (token: unknown, identifier: unknown, subjectKey: string) => Promise<Purpose>;

type Verify = (token: unknown, expected: { viewerId: string; requestId: string; identifier: string | null }) => Promise<Purpose>;

/**
 * Per request. The grants are checked side by side and settle together: a signature check takes its
 * own time, and settled one by one each young person's records would be read in a query of their own.
 * A refused grant settles as its error, so it fails only its own young person.
 */
export function grantChecks(verify: Verify, request: { viewer: Viewer; requestId: string; access: RequestAccess }): GrantedPurpose {
  const loader = new DataLoader<{ token: unknown; identifier: string | null }, Purpose, string>(
    (keys) =>
      Promise.all(
        keys.map((k) =>
          verify(k.token, { viewerId: request.viewer.id, requestId: request.requestId, identifier: k.identifier }).catch((err: unknown) =>
            err instanceof Error ? err : new Error(String(err)),
          ),
        ),
      ),
    // The gateway repeats representations: one check per distinct grant (any non-string token is refused alike).
    { cacheKeyFn: (k) => JSON.stringify([typeof k.token === 'string' ? k.token : null, k.identifier]) },
  );
  return async (token, identifier, subjectKey) => {
    try {
      return await loader.load({ token, identifier: identifier === null || identifier === undefined ? null : String(identifier) });
    } catch (err) {
      if (!(err instanceof GrantRejected)) throw err;
      request.access.refuse(subjectKey);
      throw noGrant();
    }
  };
}

/**
 * An agency's subjectOf when it reads under social care's grants: a YoungPerson is about the young
 * person `keyOf` names for the audit, under the purpose its reference resolver verified, and
 * everything under it inherits that by response path. Fails closed: no purpose, nothing shown.
 */
export function grantedSubjectOf<P extends { purpose?: Purpose }>(keyOf: (person: P) => string | null | undefined) {
  return (typeName: string, root: unknown): Subject | undefined => {
    if (typeName !== 'YoungPerson') return undefined;
    const person = root as P;
    if (!person.purpose) throw noGrant();
    return { key: keyOf(person) ?? NOT_LINKED, purpose: person.purpose };
  };
}
