import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { eventsPerPeriod, eventsAroundReferral, sum } from '../../../kit/subgraph/outcomes/counting';
import { OutcomeUnit, type CountedOutcomes } from '../../../kit/subgraph/outcomes/figures';
import { within } from '../../../kit/subgraph/outcomes/periods';
import { ukDate } from '../../../kit/subgraph/dates';

/** What police hold of one member of a cohort, as dates. */
export interface NominalFacts {
  referredOn: string | null;
  /** Each missing report: when the young person was reported and found, and when a return home interview was offered. */
  missingEpisodes: { reportedAt: Date; foundAt: Date | null; interviewOfferedAt: Date | null }[];
  arrests: string[];
  /** Arrests that led to a charge. */
  charges: string[];
}

/** A return home interview must be offered within 72 hours of the young person being found (statutory guidance, 2014). */
const RETURN_HOME_INTERVIEW_HOURS = 72;

/**
 * Police's measures of a cohort (North Yorkshire's NWD outcomes, DOMAIN.md §5): missing episodes,
 * return home interviews offered in time, arrests and charges; and the same before and after referral.
 */
export function countPoliceOutcomes(nominals: NominalFacts[], periods: ReportingPeriod[]): CountedOutcomes {
  const reportEnd = periods[periods.length - 1].to;
  // Each instant turned into its UK date once, not once a period.
  const reportedOn = new Map(nominals.map((n) => [n, n.missingEpisodes.map((e) => ukDate(e.reportedAt))]));
  const foundOn = new Map(nominals.flatMap((n) => n.missingEpisodes.map((e) => [e, e.foundAt && ukDate(e.foundAt)] as const)));
  const reported = (n: NominalFacts) => reportedOn.get(n)!;
  return {
    measures: [
      {
        code: 'MISSING_EPISODES',
        name: 'Missing episodes',
        definition: 'Missing reports made in the period about the cohort’s members police hold.',
        unit: OutcomeUnit.COUNT,
        figures: eventsPerPeriod(periods, nominals, reported),
      },
      {
        code: 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS',
        name: 'Return home interview offered within 72 hours',
        definition:
          'Of the missing episodes that ended in the period, those where a return home interview was offered within 72 hours of being found.',
        unit: OutcomeUnit.PERCENT,
        figures: periods.map((period) => {
          const ended = nominals.map((n) => n.missingEpisodes.filter((e) => within(foundOn.get(e), period)));
          const inTime = ended.map((episodes) =>
            episodes.filter(
              (e) =>
                e.interviewOfferedAt && e.interviewOfferedAt.getTime() - e.foundAt!.getTime() <= RETURN_HOME_INTERVIEW_HOURS * 3_600_000,
            ),
          );
          // Children, not episodes, on both sides: a figure that is about one child, whether offered an
          // interview in time or not, is suppressed however many of their episodes ended.
          return {
            numerator: sum(inTime.map((list) => list.length)),
            denominator: sum(ended.map((list) => list.length)),
            people: inTime.filter((list) => list.length).length,
            peopleLeftOut: ended.filter((list, i) => list.length > inTime[i].length).length,
          };
        }),
      },
      {
        code: 'ARRESTS',
        name: 'Arrests',
        definition: 'Arrests in the period of the cohort’s members police hold.',
        unit: OutcomeUnit.COUNT,
        figures: eventsPerPeriod(periods, nominals, (n) => n.arrests),
      },
      {
        code: 'CHARGES',
        name: 'Charges',
        definition: 'Arrests in the period that led to a charge.',
        unit: OutcomeUnit.COUNT,
        figures: eventsPerPeriod(periods, nominals, (n) => n.charges),
      },
    ],
    beforeAndAfterReferral: [
      eventsAroundReferral('MISSING_EPISODES', 'Missing reports', nominals, reported, reportEnd),
      eventsAroundReferral('ARRESTS', 'Arrests', nominals, (n) => n.arrests, reportEnd),
      eventsAroundReferral('CHARGES', 'Charges', nominals, (n) => n.charges, reportEnd),
    ],
  };
}
