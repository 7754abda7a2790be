import type { GraphQLResolveInfo } from 'graphql';
import { withholdingRule, YOUNG_PERSONS_WISHES, type PolicyRule } from '../../kit/access/policy';
import { pathToArray } from '../../kit/access/request-access';
import type { PoliceContext } from '../context';
import type { ShowsField } from '../rules/chronology';

/**
 * The police policy as the chronology applies it to the values it writes into summaries: the same
 * rules as the fields themselves, for the young person and purpose this chronology is read under.
 * What it leaves out is reported like any withheld field: a WITHHELD notice at the chronology (with
 * how many entries) and a line in the audit log. Events the young person asked not to share are left
 * to the guard, which drops their entries and says so.
 */
export function chronologyPolicy(ctx: PoliceContext, info: GraphQLResolveInfo) {
  const subject = ctx.access.subjectAt(info.path);
  const withheld = new Map<string, { field: string; rule: PolicyRule; count: number }>();

  const shows: ShowsField = (field, item) => {
    if (!subject) return false; // fail closed: nothing is shown about nobody
    const [typeName, fieldName] = field.split('.');
    const rule = withholdingRule(ctx.policy, typeName, fieldName, { viewer: ctx.viewer, purpose: subject.purpose, item });
    if (!rule) return true;
    if (rule !== YOUNG_PERSONS_WISHES) {
      const key = `${field}|${rule.id}`;
      const seen = withheld.get(key) ?? { field, rule, count: 0 };
      seen.count += 1;
      withheld.set(key, seen);
    }
    return false;
  };

  return {
    shows,
    reportWithheld() {
      if (!subject) return;
      const agency = ctx.policy.agency.toLowerCase().replace('_', ' ');
      for (const { field, rule, count } of withheld.values()) ctx.access.withhold(subject, field, rule, agency, pathToArray(info.path), count);
    },
  };
}
