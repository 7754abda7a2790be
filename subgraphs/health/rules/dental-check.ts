import { addMonths, type LocalDate } from '../../../kit/subgraph/dates';
import { statusFor, type Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { timeliness } from './timeliness';

export const DENTAL_CHECK_MONTHS = 12;

/**
 * A dental check is due 12 months after the last one. A child never checked is due by their first
 * birthday ("Dental Check by One"). "Within the last 12 months" is inclusive: a check exactly
 * addMonths(today, -12) ago still counts, even where month-end clamping (29 February) would put
 * last + 12 months a day before today.
 */
export function dentalCheckTimeliness(checks: readonly { checkedOn: LocalDate }[], dateOfBirth: LocalDate, today: LocalDate): Timeliness {
  const last =
    checks
      .map((c) => c.checkedOn)
      .filter((d) => d <= today)
      .sort()
      .at(-1) ?? null;
  const due = addMonths(last ?? dateOfBirth, DENTAL_CHECK_MONTHS);
  if (last === null) return timeliness(statusFor(due, today), due, null);
  const withinLastYear = last >= addMonths(today, -DENTAL_CHECK_MONTHS);
  const status = withinLastYear ? statusFor(due < today ? today : due, today) : TimelinessStatus.OVERDUE;
  return timeliness(status, due, last);
}
