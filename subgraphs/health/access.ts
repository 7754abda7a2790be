import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { AgencyContext } from '../kit/agency';
import { withholdingRule, type AgencyPolicy, type PolicyRule, type RuleContext } from '../kit/access/policy';
import type { Subject } from '../kit/access/request-access';
import { GrantRejected } from '../kit/auth/access-grant';
import type { Purpose } from '../kit/auth/purpose';
import type { ChronologyEntry } from '../kit/graphql/chronology';
import type { HealthContext } from './context';
import type { YoungPerson } from './resolvers/young-person';
import type { SourcedLine } from './rules/chronology';

/** The audit log's subject when social care has no NHS number for the young person. */
export const NOT_LINKED_SUBJECT = '(not linked)';

/**
 * Per request: checks social care's grants, all representations of a request in one batch, so every
 * young person resolves in the same tick and the record loaders after them still batch.
 */
export function createGrantChecks(base: AgencyContext) {
  return new DataLoader<{ grant: unknown; identifier: string | null }, Purpose>(
    (checks) =>
      Promise.all(
        checks.map(({ grant, identifier }) =>
          base.grants.verify!(grant, { viewerId: base.viewer.id, requestId: base.requestId, identifier }).catch((err: Error) => err),
        ),
      ),
    { cache: false },
  );
}

/**
 * The purpose under which social care let this viewer see this young person in this request: its
 * grant must be signed by social care, for this user, this request and this NHS number exactly as the
 * gateway sent it. Without one, nothing is returned and the refusal is logged.
 */
export async function grantedPurpose(ctx: HealthContext, grant: unknown, received: unknown, subjectKey: string): Promise<Purpose> {
  const identifier = received === null || received === undefined ? null : String(received);
  try {
    return await ctx.grantChecks.load({ grant, identifier });
  } catch (err) {
    if (!(err instanceof GrantRejected)) throw err;
    ctx.access.refuse(subjectKey);
    throw new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });
  }
}

/** Whose health data an object is: the YoungPerson (by NHS number) and its granted purpose; nested objects inherit it. */
export function healthSubjectOf(typeName: string, root: unknown): Subject | undefined {
  if (typeName !== 'YoungPerson') return undefined;
  const { nhsNumber, purpose } = root as YoungPerson;
  // Only a reference resolved with a grant carries a purpose: anything else shows nothing.
  if (!purpose) throw new GraphQLError('No access grant from social care for this young person.', { extensions: { code: 'FORBIDDEN' } });
  return { key: nhsNumber ?? NOT_LINKED_SUBJECT, purpose };
}

/**
 * The chronology lines this viewer may see: a line is shown only when every field it states may be
 * (the young person's wishes on its record included). The others are counted by the rule that withheld them.
 */
export function shareableLines(
  lines: SourcedLine[],
  policy: AgencyPolicy,
  who: Omit<RuleContext, 'item'>,
): { shown: ChronologyEntry[]; withheld: Map<PolicyRule, number> } {
  const shown: ChronologyEntry[] = [];
  const withheld = new Map<PolicyRule, number>();
  for (const line of lines) {
    const rule = line.fields
      .map((field) => field.split('.'))
      .reduce<PolicyRule | null>((found, [typeName, field]) => found ?? withholdingRule(policy, typeName, field, { ...who, item: line.record }), null);
    if (rule) withheld.set(rule, (withheld.get(rule) ?? 0) + 1);
    else shown.push(line.entry);
  }
  return { shown, withheld };
}
