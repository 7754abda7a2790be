import { isDeepStrictEqual } from 'node:util';
import { PERSONAS } from '../../kit/dev/personas';
import { withholdingRule, type AgencyPolicy } from '../../kit/subgraph/access/policy';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { AUDITOR, RECORD_READERS, type Reader, type SharingRow } from './sharing-table';

/**
 * Checks a hand-written sharing table against an agency's policy, through withholdingRule: the very
 * function the subgraphs' field guard asks before it resolves a field. The tables' test and the policy
 * mutation check (test/policy/mutation-check.ts) both use `disagreements`, so a mutant the check reports
 * killed is one that fails the test.
 */
export type Verdict = 'shown' | 'withheld';

/** Every relationship a reader other than the auditor can hold (legitimateRelationship gives an auditor AUDIT, always). */
const RELATIONSHIPS = Object.values(PurposeKind).filter((kind) => kind !== PurposeKind.AUDIT);

function purposesOf(row: SharingRow, reader: Reader): readonly PurposeKind[] {
  return reader === AUDITOR ? [PurposeKind.AUDIT] : (row.purposes ?? RELATIONSHIPS);
}

const expectedOf = (row: SharingRow, reader: Reader): Verdict => (row.shownTo.includes(reader) ? 'shown' : 'withheld');

/** What the policy does with `field` of `item` for `reader` under `kind`. */
export function verdictOf(policy: AgencyPolicy, field: string, reader: Reader, kind: PurposeKind, item: unknown): Verdict {
  const [typeName, fieldName] = field.split('.');
  const rule = withholdingRule(policy, typeName, fieldName, { viewer: PERSONAS[reader], purpose: { kind }, item });
  return rule ? 'withheld' : 'shown';
}

/** The cells of a row where the policy does otherwise than the row says, in words. */
export function disagreements(policy: AgencyPolicy, row: SharingRow): string[] {
  const found: string[] = [];
  for (const field of row.fields)
    for (const reader of [...row.shownTo, ...row.withheldFrom])
      for (const kind of purposesOf(row, reader)) {
        const expected = expectedOf(row, reader);
        const actual = verdictOf(policy, field, reader, kind, row.item ?? {});
        if (actual !== expected)
          found.push(
            `${field}${row.when ? ` (${row.when})` : ''} for ${reader} under ${kind}: the table says ${expected}, the policy ${actual === 'shown' ? 'shows it' : 'withholds it'}`,
          );
      }
  return found;
}

/** Readers a row names twice, or not at all: a table must say for everyone. */
export function readersMisnamed(row: SharingRow): Reader[] {
  const named = [...row.shownTo, ...row.withheldFrom];
  return RECORD_READERS.filter((reader) => named.filter((n) => n === reader).length !== 1);
}

const describes = (row: SharingRow, item: unknown) =>
  Object.entries(row.item ?? {}).every(([key, value]) => isDeepStrictEqual((item as Record<string, unknown> | null)?.[key], value));

/**
 * What a table expects for a field of a record read in the graph: the rows about that field, that
 * relationship and that record must exist and agree. For the authorization matrix, which reads real records.
 */
export function expectedFor(rows: readonly SharingRow[], field: string, reader: Reader, kind: PurposeKind, item: unknown): Verdict {
  const matching = rows.filter((row) => row.fields.includes(field) && purposesOf(row, reader).includes(kind) && describes(row, item));
  const verdicts = new Set(matching.map((row) => expectedOf(row, reader)));
  if (verdicts.size !== 1)
    throw new Error(
      `The sharing table has ${verdicts.size ? 'rows that disagree' : 'no row'} for ${field} read by ${reader} under ${kind}`,
    );
  return [...verdicts][0];
}
