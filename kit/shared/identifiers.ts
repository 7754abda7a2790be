/**
 * The agencies' identifiers and their check algorithms (DOMAIN.md §3).
 * A check digit catches typing errors; it never proves two records are the same child.
 */

export type Checked = { ok: true; value: string } | { ok: false; reason: string };

/** NHS number: 10 digits (spaces allowed as 3-3-4); modulus 11 with weights 10..2. */
export function checkNhsNumber(input: string): Checked {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return { ok: false, reason: 'an NHS number is 10 digits (shown 3-3-4)' };
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return { ok: false, reason: 'this number can never be issued (check digit would be 10)' };
  if (check !== Number(digits[9])) return { ok: false, reason: 'check digit does not match (typing error?)' };
  return { ok: true, value: digits };
}

/** The NHS number with its check digit, for 9 leading digits; null when no valid check digit exists. */
export function nhsCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

/** Display form 3-3-4. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

// UPN check letters: 0..22 -> A..Z without I, O and S.
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** UPN: check letter, LA code (3), school (4), year (2), serial (3); weights 2..13 on chars 2-13, mod 23. */
export function checkUpn(input: string): Checked {
  const upn = input.trim().toUpperCase();
  if (!/^[A-Z]\d{12}$/.test(upn)) {
    return { ok: false, reason: 'a UPN is a check letter followed by 12 digits (LA code, school, year, serial)' };
  }
  const expected = upnCheckLetter(upn.slice(1));
  if (upn[0] !== expected) return { ok: false, reason: 'check letter does not match (typing error?)' };
  return { ok: true, value: upn };
}

/** The check letter for the 12 digits that follow it. */
export function upnCheckLetter(twelveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * (i + 2);
  return UPN_LETTERS[sum % 23];
}

const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/** PNC ID: YYYY/NNNNNNND, or the short display form YY/NNNNNND; check letter = (YY + 7-digit serial) mod 23. */
export function checkPncId(input: string): Checked {
  const m = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/.exec(input.trim().toUpperCase());
  if (!m) return { ok: false, reason: 'a PNC ID looks like YYYY/NNNNNNND (or YY/NNNNNND)' };
  const [, year, serial, letter] = m;
  const fullYear = year.length === 4 ? year : expandPncYear(year);
  const serial7 = serial.padStart(7, '0');
  if (pncCheckLetter(fullYear, serial7) !== letter) {
    return { ok: false, reason: 'check letter does not match (typing error?)' };
  }
  return { ok: true, value: `${fullYear}/${serial7}${letter}` };
}

export function pncCheckLetter(fullYear: string, serial7: string): string {
  const n = Number(`${fullYear.slice(2)}${serial7}`);
  return PNC_LETTERS[n % 23];
}

// Short forms carry a 2-digit year; the PNC began in the 1970s, so 70-99 are 19xx.
function expandPncYear(yy: string): string {
  return Number(yy) >= 70 ? `19${yy}` : `20${yy}`;
}

/** Social care's person id: "YP-" and six digits. Its own, so no check digit. */
export function checkPersonId(input: string): Checked {
  const id = input.trim().toUpperCase();
  return /^YP-\d{6}$/.test(id) ? { ok: true, value: id } : { ok: false, reason: 'a person id looks like "YP-000123"' };
}
