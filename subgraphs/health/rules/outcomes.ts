import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { addMonths } from '../../../kit/subgraph/dates';
import {
  comparable,
  eventsPerPeriod,
  inMonthsTo,
  sharePerPeriod,
  eventsAroundReferral,
  sum,
} from '../../../kit/subgraph/outcomes/counting';
import { OutcomeUnit, type CountedOutcomes } from '../../../kit/subgraph/outcomes/figures';
import { within } from '../../../kit/subgraph/outcomes/periods';

/** What health holds of one member of a cohort, as dates and scores. */
export interface PatientFacts {
  referredOn: string | null;
  enteredCareOn: string | null;
  /** Initial assessments completed and review assessments done. */
  healthAssessments: string[];
  dentalChecks: string[];
  emergencyAttendances: string[];
  sdqScores: { completedOn: string; total: number }[];
}

/** Looked after for at least 12 months at the period's end, as health records it: who the 12-month measures apply to. */
const inCareTwelveMonths = (p: PatientFacts, periodEnd: string) => !!p.enteredCareOn && p.enteredCareOn <= addMonths(periodEnd, -12);

const latestBetween = (scores: PatientFacts['sdqScores'], from: string, to: string) =>
  scores.filter((s) => within(s.completedOn, { from, to })).sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))[0];

/**
 * Health's measures of a cohort (DOMAIN.md §5, Middlesbrough's scorecard; North Yorkshire's outcomes):
 * health assessments and dental checks within 12 months for children looked after at least 12 months,
 * A&E attendances, and before and after referral A&E attendances and the SDQ.
 */
export function countHealthOutcomes(patients: PatientFacts[], periods: ReportingPeriod[]): CountedOutcomes {
  const reportEnd = periods[periods.length - 1].to;
  // SDQ at entry: the latest in the year up to the referral; later: the latest from six months after it.
  const sdq = patients.flatMap((p) => {
    if (!comparable(p.referredOn, reportEnd)) return [];
    const atEntry = latestBetween(p.sdqScores, addMonths(p.referredOn, -12), p.referredOn);
    const later = latestBetween(p.sdqScores, addMonths(p.referredOn, 6), reportEnd);
    return atEntry && later ? [[atEntry.total, later.total]] : [];
  });
  return {
    measures: [
      {
        code: 'HEALTH_ASSESSMENT_WITHIN_12_MONTHS',
        name: 'Health assessment within the last 12 months',
        definition:
          'Of the cohort looked after for at least 12 months at the period end (health’s record of entering care), those with an initial or review health assessment in the 12 months to it.',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          patients,
          (p, q) => inCareTwelveMonths(p, q.to),
          (p, q) => p.healthAssessments.some((d) => inMonthsTo(d, q.to, 12)),
        ),
      },
      {
        code: 'DENTAL_CHECK_WITHIN_12_MONTHS',
        name: 'Dental check within the last 12 months',
        definition:
          'Of the cohort looked after for at least 12 months at the period end, those with a dental check in the 12 months to it.',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          patients,
          (p, q) => inCareTwelveMonths(p, q.to),
          (p, q) => p.dentalChecks.some((d) => inMonthsTo(d, q.to, 12)),
        ),
      },
      {
        code: 'A_AND_E_ATTENDANCES',
        name: 'A&E attendances',
        definition: 'Attendances at an emergency department in the period, by the cohort’s members health holds.',
        unit: OutcomeUnit.COUNT,
        figures: eventsPerPeriod(periods, patients, (p) => p.emergencyAttendances),
      },
    ],
    beforeAndAfterReferral: [
      eventsAroundReferral('A_AND_E_ATTENDANCES', 'A&E attendances', patients, (p) => p.emergencyAttendances, reportEnd),
      {
        code: 'SDQ_TOTAL',
        name: 'SDQ total difficulties score',
        definition:
          'Average SDQ total (0-40) at entry (the latest in the 12 months up to the referral) and later (the latest from six months after it), for young people with both.',
        unit: OutcomeUnit.MEAN_SCORE,
        youngPeople: sdq.length,
        before: sum(sdq.map(([before]) => before)),
        after: sum(sdq.map(([, after]) => after)),
      },
    ],
  };
}
