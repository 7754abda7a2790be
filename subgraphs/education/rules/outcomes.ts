import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { addDays, ageOn } from '../../../kit/subgraph/dates';
import { inMonthsTo, sharePerPeriod } from '../../../kit/subgraph/outcomes/counting';
import { OutcomeUnit, type CountedOutcomes } from '../../../kit/subgraph/outcomes/figures';

/** What education holds of one member of a cohort, as dates. */
export interface PupilFacts {
  dateOfBirth: string;
  enteredCareDate: string | null;
  pepMeetings: string[];
}

/** A PEP is due within 20 school days of entering care: about four calendar weeks, before which none can be expected. */
const FIRST_PEP_DAYS = 28;

/** Looked after, of school age (4 to 16) at the period's end, and in care long enough for a first PEP. */
const pepApplies = (p: PupilFacts, periodEnd: string) => {
  const age = ageOn(p.dateOfBirth, periodEnd);
  return !!p.enteredCareDate && p.enteredCareDate <= addDays(periodEnd, -FIRST_PEP_DAYS) && age >= 4 && age <= 16;
};

/** Education's measures of a cohort (DOMAIN.md §5): PEP within the last six months (Middlesbrough's local KPI, 98.9 %). */
export function countEducationOutcomes(pupils: PupilFacts[], periods: ReportingPeriod[]): CountedOutcomes {
  return {
    measures: [
      {
        code: 'PEP_WITHIN_6_MONTHS',
        name: 'PEP within the last 6 months',
        definition:
          'Of the cohort’s looked-after pupils of school age (4-16) in care for at least four weeks at the period end, those with a Personal Education Plan meeting in the six months to it.',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          pupils,
          (p, q) => pepApplies(p, q.to),
          (p, q) => p.pepMeetings.some((d) => inMonthsTo(d, q.to, 6)),
        ),
      },
    ],
    beforeAndAfterReferral: [],
  };
}
