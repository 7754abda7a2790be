import DataLoader from 'dataloader';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { AgencyContext } from '../kit/agency';
import { withholdingRule, YOUNG_PERSONS_WISHES, type PolicyRule } from '../kit/access/policy';
import { pathToArray, type Subject } from '../kit/access/request-access';
import type { Purpose } from '../kit/auth/purpose';
import type { EducationContext } from './context';

/** The audit subject for a young person social care holds no UPN for. */
export const NOT_LINKED = '(not linked)';

export const noGrant = () => new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });

/**
 * Per request: social care's grants, checked side by side and settled together, so that the records
 * of every young person in the request are then read in one batch (a signature check takes its own
 * time; settled one by one, each young person's record would be read on its own). A refused grant
 * settles as its error.
 */
export function grantChecker(ctx: Pick<AgencyContext, 'grants' | 'viewer' | 'requestId'>) {
  return new DataLoader<{ token: unknown; identifier: string | null }, Purpose, string>(
    (keys) =>
      Promise.all(
        keys.map((k) =>
          ctx.grants.verify!(k.token, { viewerId: ctx.viewer.id, requestId: ctx.requestId, identifier: k.identifier }).catch((err: unknown) =>
            err instanceof Error ? err : new Error(String(err)),
          ),
        ),
      ),
    { cacheKeyFn: (k) => JSON.stringify([typeof k.token === 'string' ? k.token : null, k.identifier]) },
  );
}

/**
 * Whose record an education object is about, and under which purpose it is read: the young person
 * (by UPN) the reference resolver verified social care's grant for. Everything under them (their
 * education record and its lists) inherits it by response path. Fails closed without a purpose.
 */
export function educationSubjectOf(typeName: string, root: unknown): Subject | undefined {
  if (typeName !== 'YoungPerson') return undefined;
  const person = root as { upn?: string | null; purpose?: Purpose };
  if (!person.purpose) throw noGrant();
  return { key: person.upn ?? NOT_LINKED, purpose: person.purpose };
}

/** Asks whether a guarded field's content about one item may go into a field built from it. */
export type Shows = (typeName: string, field: string, item: object) => boolean;

/**
 * For a field that carries other fields' content (the chronology's summaries): whether each guarded
 * piece may be shown to this viewer, by the same policy as the field itself. What is left out is
 * recorded, one notice per field and rule with a count, at this field's path, and in the audit.
 * (Items the young person asked not to share are removed by the kit guard from the list itself.)
 */
export function contentGuard(ctx: EducationContext, info: GraphQLResolveInfo): { shows: Shows; report(): void } {
  const subject = ctx.access.subjectAt(info.path.prev);
  const left = new Map<string, { rule: PolicyRule; count: number }>();
  return {
    shows(typeName, field, item) {
      if (!subject) return false;
      const rule = withholdingRule(ctx.policy, typeName, field, { viewer: ctx.viewer, purpose: subject.purpose, item });
      if (!rule) return true;
      if (rule !== YOUNG_PERSONS_WISHES) {
        const key = `${typeName}.${field}`;
        const seen = left.get(key);
        if (seen) seen.count++;
        else left.set(key, { rule, count: 1 });
      }
      return false;
    },
    report() {
      if (!subject) return;
      const agency = ctx.policy.agency.toLowerCase().replace('_', ' ');
      for (const [field, { rule, count }] of left) ctx.access.withhold(subject, field, rule, agency, pathToArray(info.path), count);
    },
  };
}
