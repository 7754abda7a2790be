import type { LocalDate } from '../../../kit/subgraph/dates';
import { SchoolTerm } from '../enums';

/**
 * School terms with the fixed boundaries this service uses (Easter moves, so real term dates vary):
 * Autumn 1 Sep-31 Dec, Spring 1 Jan-31 Mar, Summer 1 Apr-31 Aug. The academic year starts on 1 September.
 */
export interface Term {
  /** Calendar year in which the academic year starts (2026 for 2026/27). */
  startYear: number;
  term: SchoolTerm;
}

const ORDER = [SchoolTerm.AUTUMN, SchoolTerm.SPRING, SchoolTerm.SUMMER] as const;

export function academicYearStarting(date: LocalDate): number {
  const [year, month] = date.split('-').map(Number);
  return month >= 9 ? year : year - 1;
}

/** DfE style label: "2026/27". */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function academicYearOf(date: LocalDate): string {
  return academicYearLabel(academicYearStarting(date));
}

export function termOf(date: LocalDate): Term {
  const month = Number(date.slice(5, 7));
  const term = month >= 9 ? SchoolTerm.AUTUMN : month <= 3 ? SchoolTerm.SPRING : SchoolTerm.SUMMER;
  return { startYear: academicYearStarting(date), term };
}

/** Position in an unbroken sequence of terms, so terms can be compared and stepped. */
function ordinal(t: Term): number {
  return t.startYear * 3 + ORDER.indexOf(t.term);
}

function fromOrdinal(n: number): Term {
  return { startYear: Math.floor(n / 3), term: ORDER[n % 3] };
}

export function nextTerm(t: Term): Term {
  return fromOrdinal(ordinal(t) + 1);
}

/** Terms from a to b: 0 when the same term, 1 when b is the next term, negative when b is earlier. */
export function termsApart(a: Term, b: Term): number {
  return ordinal(b) - ordinal(a);
}

export function termStart(t: Term): LocalDate {
  const y = t.startYear;
  return t.term === SchoolTerm.AUTUMN ? `${y}-09-01` : t.term === SchoolTerm.SPRING ? `${y + 1}-01-01` : `${y + 1}-04-01`;
}

export function termEnd(t: Term): LocalDate {
  const y = t.startYear;
  return t.term === SchoolTerm.AUTUMN ? `${y}-12-31` : t.term === SchoolTerm.SPRING ? `${y + 1}-03-31` : `${y + 1}-08-31`;
}

/** Every term that overlaps from..to, oldest first. */
export function termsBetween(from: LocalDate, to: LocalDate): Term[] {
  const terms: Term[] = [];
  for (let n = ordinal(termOf(from)); n <= ordinal(termOf(to)); n++) terms.push(fromOrdinal(n));
  return terms;
}
