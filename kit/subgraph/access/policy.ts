import { agencyCoded } from '../../shared/agencies';
import type { Role, Viewer } from '../../shared/roles';
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
  /**
   * Types whose records a young person may ask to keep from an agency (they carry `notSharedWith`).
   * A list of them, and the agency's chronology, tell every other agency that such records are left
   * out, whether or not this young person asked: a notice only when something was left out would
   * itself say that it exists.
   */
  youngPersonsWishesOn: string[];
  /**
   * Cohort outcomes (figures, never rows): the roles that may have this agency's figures at all, and
   * the roles that see them in full. Everyone else who may have them sees small numbers suppressed.
   */
  aggregates: { readers: readonly Role[]; fullFigures: readonly Role[] };
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

/**
 * The young person asked that an item is not shared with the viewer's agency. Applies to every
 * agency's items. Its notice says what may happen, never what did: it is given whether or not
 * anything was left out, so it must hold either way and describe nothing left out.
 */
export const YOUNG_PERSONS_WISHES = rule(
  'young-persons-wishes',
  "a young person may ask that records are not shared with an agency; any they asked to keep from the viewer's agency are left out",
  ({ viewer, item }) => sharedWithViewer(viewer, [item]).length === 1,
);

/** The young person's wishes over one field of a record (`hiddenFrom` names the agencies), told as the same rule in the same words. */
export function youngPersonsWishesOnField<Item>(hiddenFrom: (item: Item) => readonly string[] | null | undefined): PolicyRule {
  return rule<Item>(
    YOUNG_PERSONS_WISHES.id,
    YOUNG_PERSONS_WISHES.explanation,
    ({ viewer, item }) => !hiddenFrom(item)?.includes(viewer.agency),
  );
}

/** The items the young person did not ask to keep from the viewer's agency: what a count of them may count. */
export function sharedWithViewer<Item>(viewer: Viewer, items: readonly Item[]): Item[] {
  return items.filter((item) => {
    const hiddenFrom = (item as { notSharedWith?: unknown } | null | undefined)?.notSharedWith;
    return !Array.isArray(hiddenFrom) || !hiddenFrom.includes(viewer.agency);
  });
}

/**
 * Who may learn how many items a rule left out: the agency whose data it is, and information-governance
 * auditors. To anyone else a count says what kind of thing exists (sexual health contacts, an arrest).
 */
export function mayCountWithheld(policy: AgencyPolicy, viewer: Viewer): boolean {
  return viewer.agency === policy.agency || viewer.role === 'IG_AUDITOR';
}

/** Whether the young person's wishes may keep some of this agency's records from the viewer: told whatever the records hold. */
export function wishesMayApply(policy: AgencyPolicy, viewer: Viewer, typeName?: string): boolean {
  if (viewer.agency === policy.agency) return false;
  return typeName === undefined ? policy.youngPersonsWishesOn.length > 0 : policy.youngPersonsWishesOn.includes(typeName);
}

/** Cohort outcomes, as the agency's policy lists who may have them. */
export const AGGREGATES_FOR_REPORTING_ROLES = rule(
  'aggregates-for-reporting-roles',
  "this agency's cohort figures are given only to the roles its policy names for aggregate reporting",
  () => false,
);

export const mayReadAggregates = (policy: AgencyPolicy, viewer: Viewer): boolean => policy.aggregates.readers.includes(viewer.role);
export const seesFullFigures = (policy: AgencyPolicy, viewer: Viewer): boolean => policy.aggregates.fullFigures.includes(viewer.role);

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
