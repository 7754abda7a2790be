import type { GraphQLResolveInfo } from 'graphql';
import type { ReportingPeriod } from '../access/access-grant';
import { cohortSubject } from '../access/grant-checks';
import { agencyName, AGGREGATES_FOR_REPORTING_ROLES, mayReadAggregates, seesFullFigures } from '../access/policy';
import { pathToArray } from '../access/request-access';
import type { AgencyContext } from '../context';
import { auditedMeasures, shownOutcomes, type AgencyOutcomes, type CountedOutcomes } from './figures';

/** The rule id a suppressed figure is audited under. */
export const SMALL_NUMBERS_RULE = 'small-numbers';

/**
 * One agency's answer about a cohort, the same way in every agency: refused (with a notice, and
 * audited) for a role its policy does not name; otherwise counted from its own records, suppressed as
 * the viewer requires, and audited as an aggregate read of the cohort, never of a young person.
 */
export async function answerOutcomes<Ctx extends AgencyContext>(
  ctx: Ctx,
  cohort: { reference: string; periods: ReportingPeriod[] },
  info: GraphQLResolveInfo,
  count: () => Promise<CountedOutcomes>,
): Promise<AgencyOutcomes | null> {
  const subject = cohortSubject(cohort.reference);
  const field = `${info.parentType.name}.${info.fieldName}`;
  const viewer = ctx.access.viewer;
  if (!mayReadAggregates(ctx.policy, viewer)) {
    ctx.access.aggregate(subject, [], [{ field, rule: AGGREGATES_FOR_REPORTING_ROLES.id }]);
    ctx.access.tell(pathToArray(info.path), agencyName(ctx.policy), AGGREGATES_FOR_REPORTING_ROLES);
    return null;
  }
  const shown = shownOutcomes(agencyName(ctx.policy), await count(), cohort.periods, seesFullFigures(ctx.policy, viewer));
  const { given, suppressed } = auditedMeasures(shown);
  ctx.access.aggregate(
    subject,
    given,
    suppressed.map((code) => ({ field: code, rule: SMALL_NUMBERS_RULE })),
  );
  return shown;
}
