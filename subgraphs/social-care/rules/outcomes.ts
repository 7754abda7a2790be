import type { ReportingPeriod } from '../../../kit/subgraph/access/access-grant';
import { daysBetween } from '../../../kit/subgraph/dates';
import { placementMovesInLast12Months } from './episodes';
import { comparable, daysWithin, sharePerPeriod, eventsAroundReferral, sum } from '../../../kit/subgraph/outcomes/counting';
import { OutcomeUnit, type CountedMeasure, type CountedOutcomes } from '../../../kit/subgraph/outcomes/figures';
import { referralWindows, within } from '../../../kit/subgraph/outcomes/periods';
import { CaseStatus, NwdClosureOutcome, PlacementType } from '../enums';

interface Dated {
  startDate: string;
  endDate?: string | null;
}

/** What social care holds of one member of a cohort, as dates. */
export interface PersonFacts {
  /** The NWD referral the cohort counts from (the earliest in the cohort); null outside NWD. */
  referredOn: string | null;
  involvements: {
    referredOn: string;
    supportStartedOn: string | null;
    closedOn: string | null;
    closureOutcome: NwdClosureOutcome | null;
  }[];
  statuses: (Dated & { status: CaseStatus })[];
  placements: (Dated & { placementType: PlacementType })[];
  /** Start dates of SSDA903 missing (M) and away without authorisation (A) episodes. */
  missingFromCare: string[];
}

/** Children's homes and residential care homes, secure included; the NWD hub's own beds are the alternative being measured. */
const RESIDENTIAL: ReadonlySet<PlacementType> = new Set([PlacementType.K1, PlacementType.K2, PlacementType.R1]);

const overlaps = (e: Dated, period: ReportingPeriod) => e.startDate <= period.to && (!e.endDate || e.endDate >= period.from);
const lookedAfterDuring = (p: PersonFacts, period: ReportingPeriod) =>
  p.statuses.some((s) => s.status === CaseStatus.LOOKED_AFTER && overlaps(s, period));
const lookedAfterOn = (p: PersonFacts, day: string) => lookedAfterDuring(p, { from: day, to: day });
/** On the edge of care when referred to NWD: the group NWD works to keep at home (Redcar: 87.5 % of 48 did). */
export const edgeOfCareAtReferral = (p: PersonFacts) =>
  !!p.referredOn &&
  p.statuses.some(
    (s) => s.status === CaseStatus.EDGE_OF_CARE && within(p.referredOn, { from: s.startDate, to: s.endDate ?? p.referredOn! }),
  );
const enteredCareSince = (p: PersonFacts, to: string) => lookedAfterDuring(p, { from: p.referredOn!, to });

/**
 * Social care's measures of a cohort (DOMAIN.md §5): looked after at the period end, placement
 * stability, missing from care, NWD referral to support, edge of care remaining at home, entering
 * care, closure outcomes; before and after referral, missing from care and days in residential care.
 */
export function countSocialCareOutcomes(people: PersonFacts[], periods: ReportingPeriod[]): CountedOutcomes {
  const reportEnd = periods[periods.length - 1].to;
  const edge = people.filter(edgeOfCareAtReferral);
  const closures: CountedMeasure[] = Object.values(NwdClosureOutcome).map((outcome) => ({
    code: 'NWD_CLOSURE_OUTCOME',
    name: 'NWD involvements closed, by outcome',
    definition: 'NWD involvements of the cohort closed in the period with this outcome, of all closed in the period.',
    unit: OutcomeUnit.COUNT,
    category: outcome,
    figures: periods.map((q) => {
      const closed = people.map((p) => p.involvements.filter((i) => within(i.closedOn, q)));
      const withOutcome = closed.map((mine) => mine.filter((i) => i.closureOutcome === outcome).length);
      return {
        numerator: sum(withOutcome),
        denominator: sum(closed.map((mine) => mine.length)),
        people: withOutcome.filter(Boolean).length,
      };
    }),
  }));
  return {
    measures: [
      {
        code: 'LOOKED_AFTER_AT_PERIOD_END',
        name: 'Children looked after',
        definition: 'Members of the cohort looked after on the last day of the period (of the whole cohort).',
        unit: OutcomeUnit.COUNT,
        figures: periods.map((q) => {
          const n = people.filter((p) => lookedAfterOn(p, q.to)).length;
          return { numerator: n, denominator: people.length, people: n, peopleLeftOut: people.length - n };
        }),
      },
      {
        code: 'THREE_OR_MORE_PLACEMENT_MOVES_IN_12_MONTHS',
        name: '3 or more placement moves in 12 months',
        definition:
          'Of the cohort looked after on the last day of the period, those with three or more placement moves in the 12 months to it (Middlesbrough: 7.4 %; YoungPerson.placementMovesInLast12Months on that day).',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          people,
          (p, q) => lookedAfterOn(p, q.to),
          (p, q) => placementMovesInLast12Months(p.placements, q.to) >= 3,
        ),
      },
      {
        code: 'MISSING_FROM_CARE',
        name: 'Looked-after children who went missing',
        definition:
          'Of the cohort looked after at any time in the period, those with a missing or away-without-authorisation episode (SSDA903) starting in it.',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          people,
          (p, q) => lookedAfterDuring(p, q),
          (p, q) => p.missingFromCare.some((d) => within(d, q)),
        ),
      },
      {
        code: 'NWD_REFERRAL_TO_SUPPORT_DAYS',
        name: 'NWD referral to support',
        definition:
          'Average days from NWD referral to support starting, for involvements whose support started in the period (Middlesbrough: 23 days).',
        unit: OutcomeUnit.MEAN_DAYS,
        figures: periods.map((q) => {
          const started = people.map((p) => p.involvements.filter((i) => within(i.supportStartedOn, q)));
          const involvements = started.flat();
          return {
            numerator: sum(involvements.map((i) => daysBetween(i.referredOn, i.supportStartedOn!))),
            denominator: involvements.length,
            // A young person referred twice is still one child behind the figure.
            people: started.filter((mine) => mine.length).length,
          };
        }),
      },
      {
        code: 'REMAINED_AT_HOME_OR_WITH_FAMILY',
        name: 'Edge of care: remained at home or with family',
        definition:
          'Of the cohort on the edge of care when referred to NWD (referred by the period end), those not looked after at any time from the referral to the period end (Redcar: 87.5 % of 48).',
        unit: OutcomeUnit.PERCENT,
        figures: sharePerPeriod(
          periods,
          edge,
          (p, q) => p.referredOn! <= q.to,
          (p, q) => !enteredCareSince(p, q.to),
        ),
      },
      {
        code: 'ENTERED_CARE_AFTER_REFERRAL',
        name: 'Edge of care: entered care',
        definition:
          'Of the cohort on the edge of care when referred to NWD (referred by the period end), those looked after at some time from the referral to the period end.',
        unit: OutcomeUnit.COUNT,
        figures: sharePerPeriod(
          periods,
          edge,
          (p, q) => p.referredOn! <= q.to,
          (p, q) => enteredCareSince(p, q.to),
        ),
      },
      ...closures,
    ],
    beforeAndAfterReferral: [
      eventsAroundReferral('MISSING_FROM_CARE', 'Missing from care episodes', people, (p) => p.missingFromCare, reportEnd),
      {
        code: 'RESIDENTIAL_DAYS',
        name: 'Days in residential care per young person',
        definition:
          'Days placed in children’s homes or residential care (K1, K2, R1; not NWD hub beds) in the six months before the NWD referral and the six months from it, per young person compared (North Yorkshire: 131 → 72).',
        unit: OutcomeUnit.PER_YOUNG_PERSON,
        ...residentialDaysBeforeAndAfter(people, reportEnd),
      },
    ],
  };
}

function residentialDaysBeforeAndAfter(people: PersonFacts[], reportEnd: string) {
  let youngPeople = 0;
  let before = 0;
  let after = 0;
  for (const p of people) {
    if (!comparable(p.referredOn, reportEnd)) continue;
    const windows = referralWindows(p.referredOn);
    youngPeople++;
    for (const pl of p.placements.filter((x) => RESIDENTIAL.has(x.placementType))) {
      before += daysWithin(pl, windows.before);
      after += daysWithin(pl, windows.after);
    }
  }
  return { youngPeople, before, after };
}
