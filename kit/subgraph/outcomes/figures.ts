import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import type { ReportingPeriod } from '../access/access-grant';
import { codeList } from '../graphql/code-list';
import { LocalDateScalar } from '../graphql/scalars';
import { REFERRAL_WINDOW_MONTHS } from './periods';

/**
 * Cohort outcomes are figures, never rows. Each agency counts its own records of the cohort social
 * care defined; the kit turns those counts into what a viewer may see: in full for the agency's own
 * reporting staff and information-governance auditors, with small numbers suppressed for everyone else.
 */
export enum OutcomeUnit {
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  MEAN_DAYS = 'MEAN_DAYS',
  MEAN_SCORE = 'MEAN_SCORE',
  PER_YOUNG_PERSON = 'PER_YOUNG_PERSON',
}

codeList(OutcomeUnit, 'OutcomeUnit', 'What a figure’s value is.', {
  PERCENT: 'numerator / denominator × 100: the share of the young people the measure applies to.',
  COUNT: 'The numerator itself (events or young people, as the measure says); the denominator is the young people it applies to.',
  MEAN_DAYS: 'numerator / denominator: total days over the number of cases.',
  MEAN_SCORE: 'numerator / denominator: total of scores over the number of young people scored.',
  PER_YOUNG_PERSON: 'Events over the young people counted: a rate per young person.',
});

/** Fewer young people than this behind a figure, and it is suppressed (the usual rule for published children's statistics). */
export const SMALL_NUMBER = 5;

export const SUPPRESSED_REASON = `fewer than ${SMALL_NUMBER} young people are behind this figure, or behind what it leaves out: suppressed so that no child can be picked out`;

/** What an agency counted for one period: the kit decides what of it a viewer sees. */
export interface CountedFigure {
  numerator: number;
  /** The young people the measure applies to (null: a plain count of events). */
  denominator: number | null;
  /** The distinct young people behind the numerator. */
  people: number;
  /**
   * The distinct young people behind what the figure leaves out of its denominator: checked whatever
   * the unit ("38 of 40" entered care names the two who did not). Without it, a share's is counted as
   * denominator less numerator.
   */
  peopleLeftOut?: number;
}

/** One measure an agency computed for a cohort, one figure per reporting period. */
export interface CountedMeasure {
  code: string;
  name: string;
  definition: string;
  unit: OutcomeUnit;
  /** A part of a measure reported by category (a closure outcome). */
  category?: string;
  figures: CountedFigure[];
}

/** A North Yorkshire style comparison: the same young people in the six months before their NWD referral and the six after. */
export interface CountedBeforeAfter {
  code: string;
  name: string;
  definition: string;
  unit: OutcomeUnit.PER_YOUNG_PERSON | OutcomeUnit.MEAN_SCORE;
  /** The young people compared (referred long enough ago, and with the agency's record of them). */
  youngPeople: number;
  /** Totals over those young people: events, or scores. */
  before: number;
  after: number;
}

export interface CountedOutcomes {
  measures: CountedMeasure[];
  beforeAndAfterReferral: CountedBeforeAfter[];
}

@Directive('@shareable')
@ObjectType({ description: 'One figure of a measure for one reporting period. Suppressed figures carry no numbers, only the reason.' })
export class OutcomeFigure {
  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => LocalDateScalar)
  periodEnd!: string;

  @Field(() => Float, { nullable: true, description: 'What was counted (young people, events, days or scores, as the measure says).' })
  numerator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The young people the measure applies to in the period; null for a plain count of events.',
  })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'The figure, in the measure’s unit (rounded to one decimal place).' })
  value!: number | null;

  @Field({ description: 'Whether small-number suppression hid this figure from you.' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true })
  suppressionReason!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'One measure, computed by the agency that holds the records, over consecutive quarters: a line, not a number.' })
export class OutcomeMeasure {
  @Field({ description: 'Stable code of the measure, e.g. PEP_WITHIN_6_MONTHS.' })
  code!: string;

  @Field({ description: 'The measure as the seeds and DfE returns name it.' })
  name!: string;

  @Field({ description: 'How it is computed: numerator, denominator, and from which records.' })
  definition!: string;

  @Field({ description: 'The agency that computed it from its own records.' })
  agency!: string;

  @Field(() => OutcomeUnit)
  unit!: OutcomeUnit;

  @Field(() => String, {
    nullable: true,
    description: 'The part of the measure this row reports (e.g. a closure outcome); null for a whole measure.',
  })
  category!: string | null;

  @Field(() => [OutcomeFigure], { description: 'One figure per reporting period, oldest first.' })
  figures!: OutcomeFigure[];
}

@Directive('@shareable')
@ObjectType({
  description: `The same young people in the ${REFERRAL_WINDOW_MONTHS} months before their No Wrong Door referral and the ${REFERRAL_WINDOW_MONTHS} months from it (North Yorkshire's outcome measures).`,
})
export class BeforeAndAfterReferral {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  definition!: string;

  @Field()
  agency!: string;

  @Field(() => OutcomeUnit, { description: 'PER_YOUNG_PERSON (events per young person) or MEAN_SCORE.' })
  unit!: OutcomeUnit;

  @Field(() => Int, {
    nullable: true,
    description: 'The young people compared: referred at least six months before the last period ended.',
  })
  youngPeople!: number | null;

  @Field(() => Float, { nullable: true })
  before!: number | null;

  @Field(() => Float, { nullable: true })
  after!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'after − before (negative: fewer events, or a lower score: for SDQ, fewer difficulties).',
  })
  change!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => String, { nullable: true })
  suppressionReason!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'What one agency computed about the cohort from its own records.' })
export class AgencyOutcomes {
  @Field({ description: 'The agency that computed these figures.' })
  agency!: string;

  @Field(() => [OutcomeMeasure])
  measures!: OutcomeMeasure[];

  @Field(() => [BeforeAndAfterReferral])
  beforeAndAfterReferral!: BeforeAndAfterReferral[];
}

@ObjectType('ReportingPeriod', { description: 'A reporting period: a calendar quarter.' })
export class ReportingPeriodType implements ReportingPeriod {
  @Field(() => LocalDateScalar)
  from!: string;

  @Field(() => LocalDateScalar)
  to!: string;
}

/** The kit's aggregate types: figures about many young people, never one, so the field guard does not look for a subject. */
export const AGGREGATE_TYPES: ReadonlySet<string> = new Set([
  'CohortOutcomes',
  'ReportingPeriod',
  'AgencyOutcomes',
  'OutcomeMeasure',
  'OutcomeFigure',
  'BeforeAndAfterReferral',
]);

const isSmall = (n: number | null) => n !== null && n > 0 && n < SMALL_NUMBER;
const rounded = (n: number) => Math.round(n * 10) / 10;

function valueOf(unit: OutcomeUnit, numerator: number, denominator: number | null): number | null {
  if (unit === OutcomeUnit.COUNT) return numerator;
  if (!denominator) return null;
  return rounded(unit === OutcomeUnit.PERCENT ? (100 * numerator) / denominator : numerator / denominator);
}

/** A figure with no numbers, only the reason. */
const suppressedFigure = (period: { from: string; to: string }): OutcomeFigure =>
  Object.assign(new OutcomeFigure(), {
    periodStart: period.from,
    periodEnd: period.to,
    numerator: null,
    denominator: null,
    value: null,
    suppressed: true,
    suppressionReason: SUPPRESSED_REASON,
  });

/**
 * A figure as a viewer may see it. Suppressed when fewer than five young people are behind it, when
 * it applies to fewer than five, or when fewer than five are left out of it: "47 of 48" names the one
 * as surely as "1 of 48". Young people, not records: a child with six episodes is one child.
 */
export function shownFigure(unit: OutcomeUnit, counted: CountedFigure, period: ReportingPeriod, full: boolean): OutcomeFigure {
  const { numerator, denominator, people } = counted;
  const leftOut = counted.peopleLeftOut ?? (unit === OutcomeUnit.PERCENT && denominator !== null ? denominator - numerator : null);
  if (!full && (isSmall(people) || isSmall(denominator) || isSmall(leftOut))) return suppressedFigure(period);
  return Object.assign(new OutcomeFigure(), {
    periodStart: period.from,
    periodEnd: period.to,
    numerator,
    denominator,
    value: valueOf(unit, numerator, denominator),
    suppressed: false,
    suppressionReason: null,
  });
}

/**
 * A measure reported by category (closures by outcome): one category hidden in a period hides every
 * category in it, or the others and their common denominator would give the hidden one away.
 */
function hideWithTheirCategories(measures: OutcomeMeasure[]): OutcomeMeasure[] {
  const hiddenIn = new Map<string, Set<number>>();
  for (const m of measures)
    if (m.category !== null)
      m.figures.forEach((f, j) => {
        if (f.suppressed) hiddenIn.set(m.code, (hiddenIn.get(m.code) ?? new Set()).add(j));
      });
  for (const m of measures) {
    const hidden = hiddenIn.get(m.code);
    if (m.category !== null && hidden)
      m.figures = m.figures.map((f, j) =>
        hidden.has(j) && !f.suppressed ? suppressedFigure({ from: f.periodStart, to: f.periodEnd }) : f,
      );
  }
  return measures;
}

function shownBeforeAfter(counted: CountedBeforeAfter, agency: string, full: boolean): BeforeAndAfterReferral {
  const suppressed = !full && isSmall(counted.youngPeople);
  const per = (total: number) => (counted.youngPeople ? rounded(total / counted.youngPeople) : null);
  const [before, after] = [per(counted.before), per(counted.after)];
  return Object.assign(new BeforeAndAfterReferral(), {
    code: counted.code,
    name: counted.name,
    definition: counted.definition,
    agency,
    unit: counted.unit,
    youngPeople: suppressed ? null : counted.youngPeople,
    before: suppressed ? null : before,
    after: suppressed ? null : after,
    change: suppressed || before === null || after === null ? null : rounded(after - before),
    suppressed,
    suppressionReason: suppressed ? SUPPRESSED_REASON : null,
  });
}

/** An agency's counted outcomes as one viewer may see them (`full`: the agency's own reporting staff and auditors). */
export function shownOutcomes(agency: string, counted: CountedOutcomes, periods: ReportingPeriod[], full: boolean): AgencyOutcomes {
  return Object.assign(new AgencyOutcomes(), {
    agency,
    measures: hideWithTheirCategories(
      counted.measures.map((m) =>
        Object.assign(new OutcomeMeasure(), {
          code: m.code,
          name: m.name,
          definition: m.definition,
          agency,
          unit: m.unit,
          category: m.category ?? null,
          figures: m.figures.map((f, i) => shownFigure(m.unit, f, periods[i], full)),
        }),
      ),
    ),
    beforeAndAfterReferral: counted.beforeAndAfterReferral.map((b) => shownBeforeAfter(b, agency, full)),
  });
}

/** A measure as the audit names it: its code, with its category or as the before/after comparison. */
const measureKey = (m: OutcomeMeasure) => m.code + (m.category ? `:${m.category}` : '');
const comparisonKey = (b: BeforeAndAfterReferral) => `${b.code}:before-after`;

/** The measures in a viewer's answer, for the audit: those given, and those of them suppressed. */
export function auditedMeasures(outcomes: AgencyOutcomes): { given: string[]; suppressed: string[] } {
  return {
    given: [...outcomes.measures.map(measureKey), ...outcomes.beforeAndAfterReferral.map(comparisonKey)],
    suppressed: [
      ...outcomes.measures.filter((m) => m.figures.some((f) => f.suppressed)).map(measureKey),
      ...outcomes.beforeAndAfterReferral.filter((b) => b.suppressed).map(comparisonKey),
    ],
  };
}
