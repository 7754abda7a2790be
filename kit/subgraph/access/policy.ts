import { agencyCoded } from '../../shared/agencies';
import type { Viewer } from '../../shared/roles';
import { PurposeKind, type Purpose } from './purpose';

/**
 * An agency's sharing rules, kept as data in its own subgraph (policy.ts) and reviewed there: for
 * each guarded "Type.field", the rule that decides who sees it. A withheld value is never silently
 * null: the response carries a notice naming the agency and the rule.
 */
export interface RuleContext<Item = unknown> {
  viewer: Viewer;
  purpose: Purpose;
  /** The object the field belongs to (e.g. the intelligence item), for rules that depend on it. */
  item: Item;
}

export interface PolicyRule {
  /** Stable id, in notices and the audit log (e.g. "handling-code-c"). */
  id: string;
  /** What a meeting tool shows: "withheld by police: <explanation>". */
  explanation: string;
  allows(ctx: RuleContext): boolean;
}

export interface AgencyPolicy {
  /** The agency that owns the data and the rules: its code in the agencies table. */
  agency: string;
  /** "Type.field" -> rule. */
  fields: Record<string, PolicyRule>;
  /** Fields an information-governance auditor may read under the AUDIT purpose ("Type.field" or "Type.*"). */
  auditFields: string[];
  /**
   * Types that never carry anything about a young person (a page's wrapper, its cursor). Every other
   * type's fields are shown only inside a young person's record: the guard withholds (and audits) a
   * field whose young person it cannot establish.
   */
  nonPersonalTypes: string[];
}

/** The agency as notices name it: "police", "social care". */
export function agencyName(policy: AgencyPolicy): string {
  return agencyCoded(policy.agency).label;
}

/** A rule over the objects of one type (`Item`): the guard hands it the object the field belongs to. */
export function rule<Item = unknown>(id: string, explanation: string, allows: (ctx: RuleContext<Item>) => boolean): PolicyRule {
  return { id, explanation, allows: allows };
}

/** Fail closed: a field of a personal type read where no young person (and so no purpose) could be established. */
export const SUBJECT_NOT_ESTABLISHED = rule(
  'subject-not-established',
  'the young person this is about could not be established, so it is not shown',
  () => false,
);

/** The young person asked that an item is not shared with the viewer's agency. Applies to every agency's items. */
export const YOUNG_PERSONS_WISHES = rule(
  'young-persons-wishes',
  "the young person asked that this is not shared with the viewer's agency",
  ({ viewer, item }) => sharedWithViewer(viewer, [item]).length === 1,
);

/** The items the young person did not ask to keep from the viewer's agency: what a count of them may count. */
export function sharedWithViewer<Item>(viewer: Viewer, items: readonly Item[]): Item[] {
  return items.filter((item) => {
    const hiddenFrom = (item as { notSharedWith?: unknown } | null | undefined)?.notSharedWith;
    return !Array.isArray(hiddenFrom) || !hiddenFrom.includes(viewer.agency);
  });
}

/** Every agency's access log is for information-governance auditors only. */
export const ACCESS_LOG_AUDITORS_ONLY = rule(
  'audit-log-auditors-only',
  'the access log is for information-governance auditors only',
  ({ viewer }) => viewer.role === 'IG_AUDITOR',
);

/** Under the AUDIT purpose only access logs (and what identifies the young person) are shown. */
export const AUDIT_LOGS_ONLY = rule('audit-logs-only', 'an audit purpose shows access logs only', () => false);

/** A frozen meeting pack is what its chair was shown: for the chair, and for auditors. */
export const SNAPSHOT_FOR_ITS_CHAIR = rule<{ viewerId?: string }>(
  'pack-snapshot-chair-and-auditors',
  'a frozen meeting pack is what its chair was shown: only the chair and auditors read it',
  ({ viewer, item }) => viewer.id === item.viewerId || viewer.role === 'IG_AUDITOR',
);

/** Rules every agency's policy has, for the kit's own types. */
export const KIT_RULES: Record<string, PolicyRule> = {
  'PackSnapshot.content': SNAPSHOT_FOR_ITS_CHAIR,
  'PackSnapshot.notices': SNAPSHOT_FOR_ITS_CHAIR,
  'PackSnapshot.contentHash': SNAPSHOT_FOR_ITS_CHAIR,
};

export function isAuditField(policy: AgencyPolicy, typeName: string, field: string): boolean {
  return (
    policy.auditFields.includes(`${typeName}.${field}`) ||
    policy.auditFields.includes(`${typeName}.*`) ||
    typeName === 'AuditEntry' ||
    typeName === 'WithheldField' ||
    typeName === 'PackSnapshot'
  );
}

/** The rule that withholds this field from this viewer, or null when it may be shown. */
export function withholdingRule(policy: AgencyPolicy, typeName: string, field: string, ctx: RuleContext): PolicyRule | null {
  if (ctx.purpose.kind === PurposeKind.AUDIT) return isAuditField(policy, typeName, field) ? null : AUDIT_LOGS_ONLY;
  if (!YOUNG_PERSONS_WISHES.allows(ctx)) return YOUNG_PERSONS_WISHES;
  const rule = policy.fields[`${typeName}.${field}`] ?? KIT_RULES[`${typeName}.${field}`];
  return rule && !rule.allows(ctx) ? rule : null;
}
