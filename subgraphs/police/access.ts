import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { AgencyContext } from '../kit/agency';
import type { Subject } from '../kit/access/request-access';
import { GrantRejected } from '../kit/auth/access-grant';
import type { Purpose } from '../kit/auth/purpose';

/** The key a young person's police data is audited under when social care holds no PNC ID for them. */
export const NOT_LINKED = '(not linked)';

interface GrantCheck {
  token: unknown;
  /** The PNC ID exactly as the gateway sent it (null when not linked): the grant must name this one. */
  identifier: string | null;
}

/**
 * Per request: checks social care's grants for every young person the gateway asks about, all at
 * once. Batching the checks means every reference resumes in the same turn, so the loaders that
 * follow still load every young person in one query each.
 */
export function createGrantChecks(base: AgencyContext) {
  return new DataLoader<GrantCheck, Purpose>(
    (checks) =>
      Promise.all(
        checks.map((c) =>
          base.grants.verify!(c.token, { viewerId: base.viewer.id, requestId: base.requestId, identifier: c.identifier }).catch((err: unknown) => {
            if (err instanceof GrantRejected) return err;
            throw err;
          }),
        ),
      ),
    { cache: false },
  );
}

export type GrantChecks = ReturnType<typeof createGrantChecks>;

/**
 * The purpose social care granted this viewer, in this request, for this PNC ID. Without a valid
 * grant nothing is shown: the refusal is logged and the reference answers FORBIDDEN.
 */
export async function grantedPurpose(
  ctx: AgencyContext & { grantChecks: GrantChecks },
  token: unknown,
  identifier: string | null,
  subjectKey: string,
): Promise<Purpose> {
  try {
    return await ctx.grantChecks.load({ token, identifier });
  } catch (err) {
    if (!(err instanceof GrantRejected)) throw err;
    ctx.access.refuse(subjectKey);
    throw new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });
  }
}

/** What the reference resolver puts on each YoungPerson, besides its GraphQL fields. */
export interface GrantedYoungPerson {
  /** The long form of the PNC ID (one audit key whichever form was sent), or null when not linked. */
  subjectKey: string | null;
  purpose?: Purpose;
}

/**
 * Whose data a police object is about: a YoungPerson carries its PNC ID and granted purpose, and
 * everything under it (the police record, its lists) inherits them by response path. Fails closed.
 */
export function policeSubjectOf(typeName: string, root: unknown): Subject | undefined {
  if (typeName !== 'YoungPerson') return undefined;
  const person = root as GrantedYoungPerson;
  if (!person.purpose) throw new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });
  return { key: person.subjectKey ?? NOT_LINKED, purpose: person.purpose };
}
