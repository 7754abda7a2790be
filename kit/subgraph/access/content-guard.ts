import type { GraphQLResolveInfo } from 'graphql';
import { agencyName, withholdingRule, YOUNG_PERSONS_WISHES, type AgencyPolicy, type PolicyRule } from './policy';
import { pathToArray, type RequestAccess } from './request-access';

/** Whether the viewer may see one guarded field ("Type.field") of one record, asked before it goes into a summary. */
export type ShowsField = (field: string, item: object) => boolean;

export interface ContentGuard {
  /**
   * For one piece of an entry. What is left out is counted by field and rule, except under the young
   * person's wishes: the entry carries those, and the kit guard drops it with a notice of its own.
   */
  shows: ShowsField;
  /**
   * For an entry that states several fields: all of them, or the entry is left out here. It is then
   * counted under this field (wishes too, as the kit guard never sees it), by the first rule that withheld it.
   */
  showsAll(fields: string[], item: object): boolean;
  /** One WITHHELD notice (with a count) at this field, and one audit line, per field and rule left out. */
  report(): void;
}

/**
 * For a field that repeats other fields' content (a chronology's summaries): the same policy as those
 * fields, for the young person and purpose this field is read under.
 */
export function contentGuard(ctx: { access: RequestAccess; policy: AgencyPolicy }, info: GraphQLResolveInfo): ContentGuard {
  const here = `${info.parentType.name}.${info.fieldName}`;
  const subject = ctx.access.subjectAt(info.path);
  // The kit guard registers every young person before their fields resolve: no subject is a bug, not "show all".
  if (!subject) throw new Error(`${here} asked for outside a young person`);
  const left = new Map<string, { field: string; rule: PolicyRule; count: number }>();
  const ruleFor = (field: string, item: object) => {
    const [typeName, name] = field.split('.');
    return withholdingRule(ctx.policy, typeName, name, { viewer: ctx.access.viewer, purpose: subject.purpose, item });
  };
  const leaveOut = (field: string, rule: PolicyRule) => {
    const seen = left.get(`${field}|${rule.id}`);
    if (seen) seen.count++;
    else left.set(`${field}|${rule.id}`, { field, rule, count: 1 });
  };
  return {
    shows(field, item) {
      const rule = ruleFor(field, item);
      if (rule && rule !== YOUNG_PERSONS_WISHES) leaveOut(field, rule);
      return !rule;
    },
    showsAll(fields, item) {
      const rule = fields.reduce<PolicyRule | null>((found, field) => found ?? ruleFor(field, item), null);
      if (rule) leaveOut(here, rule);
      return !rule;
    },
    report() {
      const path = pathToArray(info.path);
      for (const { field, rule, count } of left.values()) ctx.access.withhold(subject, field, rule, agencyName(ctx.policy), path, count);
    },
  };
}
