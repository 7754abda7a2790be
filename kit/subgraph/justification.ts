import { CONTROL, INVISIBLE } from './characters';

/**
 * A justification an auditor reviews (a break-glass read, an override of the young person's refusal):
 * DOMAIN.md §4, "record the reasons for every decision to share". It must be words someone can judge,
 * so it is counted in letters, not characters: twenty zero-width spaces, or twenty of one letter, say
 * nothing; and it is bounded, because an audit record is not a place to store a document.
 */
export const JUSTIFICATION_MIN_LETTERS = 20;
export const JUSTIFICATION_MAX_LENGTH = 1000;
/** "aaaaaaaaaaaaaaaaaaaa" is twenty letters: a sentence uses more than a handful of different ones. */
const MIN_DISTINCT_LETTERS = 6;

/** What is wrong with a justification (already trimmed), or null when it will do. */
export function justificationProblem(text: string): string | null {
  const length = [...text].length;
  if (length > JUSTIFICATION_MAX_LENGTH) return `must be at most ${JUSTIFICATION_MAX_LENGTH} characters (got ${length})`;
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (INVISIBLE.test(text)) return 'must not contain invisible, format or direction-changing characters';
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < JUSTIFICATION_MIN_LETTERS)
    return `say why in words: at least ${JUSTIFICATION_MIN_LETTERS} letters (got ${letters.length})`;
  if (new Set(letters.map((l) => l.toLowerCase())).size < MIN_DISTINCT_LETTERS) return 'say why in words, not a repeated letter';
  return null;
}
