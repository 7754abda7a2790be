import { PERSONAS, type PersonaName } from '../../kit/dev/personas';
import type { PurposeKind } from '../../kit/subgraph/access/purpose';

/**
 * The words an agency's sharing table is written in, for its information-governance lead: who reads
 * (one demo persona per role the graph serves), and rows of "these fields, in this situation, are shown
 * to these readers and withheld from those". Tables are written by hand from DOMAIN.md and the README,
 * never computed from policy.ts: they are what the policy is checked against.
 */
export type Reader = PersonaName;

export const SOCIAL_CARE_STAFF = ['socialWorker', 'keyWorker', 'iro'] as const satisfies Reader[];
export const EDUCATION_STAFF = ['virtualSchoolHead', 'designatedTeacher'] as const satisfies Reader[];
export const HEALTH_STAFF = ['lacNurse', 'lifeCoach'] as const satisfies Reader[];
export const POLICE_STAFF = ['policeLiaison', 'policeAnalyst'] as const satisfies Reader[];
export const EVERYONE_WITH_A_RELATIONSHIP = [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...HEALTH_STAFF, ...POLICE_STAFF] as const;
/** The information-governance auditor, who always reads under the AUDIT purpose: access logs and which record it is. */
export const AUDITOR = 'auditor' satisfies Reader;
/** Readers who see figures, never a child (a corporate parenting board member): no row is about them, since they read no record. */
export const FIGURES_ONLY = ['boardMember'] as const satisfies PersonaName[];
/** Everyone a sharing table speaks of: every persona that can read a young person's record. */
export const RECORD_READERS = (Object.keys(PERSONAS) as Reader[]).filter((p) => !(FIGURES_ONLY as readonly string[]).includes(p));

export interface SharingRow {
  /** The fields the row is about, as "Type.field" in the graph. */
  fields: readonly string[];
  /** What is particular about the record or the relationship, in words; absent: any record, any relationship. */
  when?: string;
  /** The record the fields belong to, where it decides (an intelligence item marked for sharing). */
  item?: Readonly<Record<string, unknown>>;
  /** The relationships the row holds under; absent: every one. The auditor reads under AUDIT whatever this says. */
  purposes?: readonly PurposeKind[];
  /** Every reader is on exactly one side (a test refuses a row that forgets someone). */
  shownTo: readonly Reader[];
  withheldFrom: readonly Reader[];
}
