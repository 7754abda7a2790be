import type { GraphQLResolveInfo } from 'graphql';
import type { ChronologyEntry } from '../graphql/chronology';
import { agencyName, withholdingRule, YOUNG_PERSONS_WISHES, type AgencyPolicy, type PolicyRule } from './policy';
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

/**
 * The one guard for a chronology, which says again what other fields say: it shows only what this
 * viewer may see of them, for the young person and purpose the chronology is read under. `build`
 * makes the lines, asking `shows` before it puts a guarded value into a summary (the value is then
 * left out of that summary); a line about a record the young person asked not to share with the
 * viewer's agency, or stating a field withheld from the viewer, is left out whole. Each field and rule
 * that left something out gets one WITHHELD notice at the chronology and one audit line.
 */
export function guardedChronology(
  ctx: { access: RequestAccess; policy: AgencyPolicy },
  info: GraphQLResolveInfo,
  build: (shows: ShowsField) => ChronologyLine[],
): ChronologyEntry[] {
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
  const shows: ShowsField = (field, item) => {
    const rule = ruleFor(field, item);
    // The young person's wishes leave out the whole line (below), counted once, there.
    if (rule && rule !== YOUNG_PERSONS_WISHES) leaveOut(field, rule);
    return !rule;
  };
  const shown = build(shows).filter(({ record, fields = [] }) => {
    const rule = YOUNG_PERSONS_WISHES.allows({ viewer: ctx.access.viewer, purpose: subject.purpose, item: record })
      ? fields.reduce<PolicyRule | null>((found, field) => found ?? ruleFor(field, record), null)
      : YOUNG_PERSONS_WISHES;
    if (rule) leaveOut(here, rule);
    return !rule;
  });
  const path = pathToArray(info.path);
  for (const { field, rule, count } of left.values()) ctx.access.withhold(subject, field, rule, agencyName(ctx.policy), path, count);
  return shown.map((line) => line.entry);
}
