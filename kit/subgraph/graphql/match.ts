import { codeList } from './code-list';

/**
 * Whether an agency holds a record for the young person. "Not matched" must never read as
 * "nothing to worry about": an unmatched agency has simply not been able to look.
 */
export enum AgencyMatchStatus {
  MATCHED = 'MATCHED',
  NOT_LINKED = 'NOT_LINKED',
  NO_RECORD_FOR_IDENTIFIER = 'NO_RECORD_FOR_IDENTIFIER',
}

codeList(AgencyMatchStatus, 'AgencyMatchStatus', 'Whether an agency holds a record for this young person under its own identifier.', {
  MATCHED: "The agency holds a record under the identifier in social care's cross-reference.",
  NOT_LINKED:
    "Not matched: social care's cross-reference has no identifier for this agency, so the agency cannot look. Absence of data here says nothing about the young person.",
  NO_RECORD_FOR_IDENTIFIER:
    'Not matched: the agency has no record under the linked identifier (it may be wrong, or the record is held elsewhere). Absence of data here says nothing about the young person.',
});

/** MATCHED when the agency's record was found; otherwise why not. */
export function matchStatusOf(identifier: string | null | undefined, record: unknown): AgencyMatchStatus {
  if (!identifier) return AgencyMatchStatus.NOT_LINKED;
  return record ? AgencyMatchStatus.MATCHED : AgencyMatchStatus.NO_RECORD_FOR_IDENTIFIER;
}
