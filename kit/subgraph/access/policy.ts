import type { AgencyCode, Viewer } from '../../shared/roles';
import { PurposeKind, type Purpose } from './purpose';

/**
 * An agency's sharing rules, kept as data in its own subgraph (policy.ts) and reviewed there: for
 * each guarded "Type.field", the rule that decides who sees it. A withheld value is never silently
 * null: the response carries a notice naming the agency and the rule.
 */
export interface RuleContext {
  viewer: Viewer;
  purpose: Purpose;
  /** The object the field belongs to (e.g. the intelligence item), for rules that depend on it. */
  item: any;
}

export interface PolicyRule {
  /** Stable id, in notices and the audit log (e.g. "handling-code-c"). */
  id: string;
  /** What a meeting tool shows: "withheld by police: <explanation>". */
  explanation: string;
  allows(ctx: RuleContext): boolean;
}

export interface AgencyPolicy {
  /** The agency that owns the data and the rules. */
  agency: AgencyCode;
  /** "Type.field" -> rule. */
  fields: Record<string, PolicyRule>;
  /** Fields an information-governance auditor may read under the AUDIT purpose ("Type.field" or "Type.*"). */
  auditFields: string[];
}

/** The agency as notices name it: "police", "social care". */
export function agencyName(policy: AgencyPolicy): string {
  return policy.agency.toLowerCase().replace('_', ' ');
}

export function rule(id: string, explanation: string, allows: (ctx: RuleContext) => boolean): PolicyRule {
  return { id, explanation, allows };
}

/** The young person asked that an item is not shared with the viewer's agency. Applies to every agency's items. */
export const YOUNG_PERSONS_WISHES = rule(
  'young-persons-wishes',
  "the young person asked that this is not shared with the viewer's agency",
  ({ viewer, item }) => !Array.isArray(item?.notSharedWith) || !item.notSharedWith.includes(viewer.agency),
);

/** Every agency's access log is for information-governance auditors only. */
export const ACCESS_LOG_AUDITORS_ONLY = rule(
  'audit-log-auditors-only',
  'the access log is for information-governance auditors only',
  ({ viewer }) => viewer.role === 'IG_AUDITOR',
);

/** Under the AUDIT purpose only access logs (and what identifies the young person) are shown. */
export const AUDIT_LOGS_ONLY = rule('audit-logs-only', 'an audit purpose shows access logs only', () => false);

export function isAuditField(policy: AgencyPolicy, typeName: string, field: string): boolean {
  return policy.auditFields.includes(`${typeName}.${field}`) || policy.auditFields.includes(`${typeName}.*`) || typeName === 'AuditEntry' || typeName === 'WithheldField';
}

/** The rule that withholds this field from this viewer, or null when it may be shown. */
export function withholdingRule(policy: AgencyPolicy, typeName: string, field: string, ctx: RuleContext): PolicyRule | null {
  if (ctx.purpose.kind === PurposeKind.AUDIT) return isAuditField(policy, typeName, field) ? null : AUDIT_LOGS_ONLY;
  if (!YOUNG_PERSONS_WISHES.allows(ctx)) return YOUNG_PERSONS_WISHES;
  const rule = policy.fields[`${typeName}.${field}`];
  return rule && !rule.allows(ctx) ? rule : null;
}
