import { badUserInput } from './errors';
import { parseLocalDate, type LocalDate } from './dates';
import { CONTROL, DECEPTIVE } from './characters';
import { justificationProblem } from './justification';

/**
 * Checks of what a client writes, each naming the field that was wrong (BAD_USER_INPUT), so a meeting
 * tool can put the message next to the right box. Text is trimmed; control characters (a NUL byte
 * included) and characters that disguise text are refused rather than stored (./characters).
 */
export function requiredText(field: string, value: string | null | undefined, max = 4000): string {
  const text = optionalText(field, value, max);
  if (!text) throw badUserInput(field, 'must not be empty');
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max = 4000): string | null {
  if (value == null) return null;
  if (CONTROL.test(value)) throw badUserInput(field, 'must not contain control characters');
  if (DECEPTIVE.test(value)) throw badUserInput(field, 'must not contain direction-changing or invisible characters');
  const text = value.trim();
  if (text.length > max) throw badUserInput(field, `must be at most ${max} characters (got ${text.length})`);
  return text || null;
}

/** A justification auditors review (./justification): trimmed, in words, bounded, nothing invisible. */
export function justification(field: string, value: string): string {
  const text = value.trim();
  const problem = justificationProblem(text);
  if (problem) throw badUserInput(field, problem);
  return text;
}

export function wholeNumberIn(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(field, `must be a whole number from ${min} to ${max} (got ${value})`);
  return value;
}

export function localDate(field: string, value: string): LocalDate {
  try {
    parseLocalDate(value);
    return value;
  } catch {
    throw badUserInput(field, `must be a date YYYY-MM-DD (got "${value}")`);
  }
}

export function notBefore(field: string, date: LocalDate, earliest: LocalDate, what: string): LocalDate {
  if (date < earliest) throw badUserInput(field, `must not be before ${what} (${earliest}); got ${date}`);
  return date;
}

export function notAfter(field: string, date: LocalDate, latest: LocalDate, what: string): LocalDate {
  if (date > latest) throw badUserInput(field, `must not be after ${what} (${latest}); got ${date}`);
  return date;
}

/** A user id as identity providers issue them: printable, no spaces, at most 200 characters. */
export function userId(field: string, value: string): string {
  const id = value.trim();
  if (!/^[\x21-\x7E]{1,200}$/.test(id)) throw badUserInput(field, 'must be a user id (printable characters, no spaces)');
  return id;
}

/** A list with no more than `max` items. */
export function atMost<T>(field: string, items: readonly T[], max: number): readonly T[] {
  if (items.length > max) throw badUserInput(field, `at most ${max} items (got ${items.length})`);
  return items;
}
