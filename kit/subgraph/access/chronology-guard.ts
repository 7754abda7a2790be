import type { GraphQLResolveInfo } from 'graphql';
import type { ChronologyEntry } from '../graphql/chronology';
import {
  agencyName,
  mayCountWithheld,
  wishesMayApply,
  withholdingRule,
  YOUNG_PERSONS_WISHES,
  type AgencyPolicy,
  type PolicyRule,
} from './policy';
import { pathToArray, type RequestAccess } from './request-access';

/** Whether the viewer may see one guarded field ("Type.field") of one record, asked before its value goes into a summary. */
export type ShowsField = (field: string, item: object) => boolean;

/** A chronology entry and where it comes from, so it is shown only to a viewer who may see what it says. */
export interface ChronologyLine {
  entry: ChronologyEntry;
  /** The record the line is about: the young person's wishes on it apply to the line. */
  record: object;
  /** Every "Type.field" the line states outright: the line is shown only to a viewer who may see all of them. */
  fields?: string[];
}

/** A record in general: the rules over whole kinds of record look only at who asks, and say so whatever the record. */
const ANY_RECORD = {};

/**
 * The one guard for a chronology, which says again what other fields say: it shows only what this
 * viewer may see of them, for the young person and purpose the chronology is read under. `build`
 * makes the lines, asking `shows` before it puts a guarded value into a summary (the value is then
 * left out of that summary); a line about a record the young person asked not to share with the
 * viewer's agency, or stating a field withheld from the viewer, is left out whole. `drawsOn` names
 * every "Type.field" a line may state or a summary may carry.
 *
 * The notices say what the rules keep from this viewer, never what this young person's record holds:
 * one for each rule that closes a field the chronology draws on, and one for the young person's wishes
 * wherever they may apply, given whether or not anything was left out (a notice only for a child who
 * has sexual health contacts would say that they have them). How many lines were left out is told only
 * to those who may count them; what was left out, field by field, goes to the audit.
 */
export function guardedChronology(
  ctx: { access: RequestAccess; policy: AgencyPolicy },
  info: GraphQLResolveInfo,
  drawsOn: readonly string[],
  build: (shows: ShowsField) => ChronologyLine[],
): ChronologyEntry[] {
  const here = `${info.parentType.name}.${info.fieldName}`;
  const subject = ctx.access.subjectAt(info.path);
  // The kit guard registers every young person before their fields resolve: no subject is a bug, not "show all".
  if (!subject) throw new Error(`${here} asked for outside a young person`);
  const viewer = ctx.access.viewer;
  const declared = new Set(drawsOn);
  const ruleFor = (field: string, item: object) => {
    // A field stated but not declared would be told of only for the children who have it.
    if (!declared.has(field)) throw new Error(`${here} states ${field}, which it does not say it draws on`);
    const [typeName, name] = field.split('.');
    return withholdingRule(ctx.policy, typeName, name, { viewer, purpose: subject.purpose, item });
  };
  const left = new Map<string, { field: string; rule: PolicyRule; count: number }>();
  const leaveOut = (field: string, rule: PolicyRule) => {
    const seen = left.get(`${field}|${rule.id}`);
    if (seen) seen.count++;
    else left.set(`${field}|${rule.id}`, { field, rule, count: 1 });
  };
  const shows: ShowsField = (field, item) => {
    const rule = ruleFor(field, item);
    // The young person's wishes leave out the whole line (below), counted once, there.
    if (rule && rule !== YOUNG_PERSONS_WISHES) leaveOut(field, rule);
    return !rule;
  };
  const shown = build(shows).filter(({ record, fields = [] }) => {
    const rule = YOUNG_PERSONS_WISHES.allows({ viewer, purpose: subject.purpose, item: record })
      ? fields.reduce<PolicyRule | null>((found, field) => found ?? ruleFor(field, record), null)
      : YOUNG_PERSONS_WISHES;
    if (rule) leaveOut(here, rule);
    return !rule;
  });

  const told = new Map<string, PolicyRule>();
  for (const field of drawsOn) {
    const rule = ruleFor(field, ANY_RECORD);
    if (rule) told.set(rule.id, rule);
  }
  if (wishesMayApply(ctx.policy, viewer)) told.set(YOUNG_PERSONS_WISHES.id, YOUNG_PERSONS_WISHES);
  for (const { field, rule } of left.values()) {
    ctx.access.auditWithheld(subject, field, rule);
    // Never silent, even about a rule that looks at the record and so could not be told beforehand.
    if (!told.has(rule.id)) told.set(rule.id, rule);
  }
  const counted = mayCountWithheld(ctx.policy, viewer);
  const path = pathToArray(info.path);
  for (const rule of told.values()) {
    const count = [...left.values()].filter((l) => l.rule.id === rule.id).reduce((sum, l) => sum + l.count, 0);
    ctx.access.tell(path, agencyName(ctx.policy), rule, counted && count ? count : undefined);
  }
  return shown.map((line) => line.entry);
}
