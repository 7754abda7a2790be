import type { GraphQLResolveInfo } from 'graphql';
import { randomBytes } from 'node:crypto';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import type { CohortMember } from '../../../kit/subgraph/access/access-grant';
import { cohortSubject } from '../../../kit/subgraph/access/grant-checks';
import { AGGREGATES_FOR_REPORTING_ROLES, mayReadAggregates, seesFullFigures } from '../../../kit/subgraph/access/policy';
import { codeList } from '../../../kit/subgraph/graphql/code-list';
import { addFieldResolver } from '../../../kit/subgraph/graphql/generated-fields';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { badUserInput, forbidden } from '../../../kit/subgraph/errors';
import { answerOutcomes } from '../../../kit/subgraph/outcomes/answer';
import { AgencyOutcomes, OutcomeFigure, OutcomeUnit, ReportingPeriodType, shownFigure } from '../../../kit/subgraph/outcomes/figures';
import { MAX_QUARTERS, quartersEnding } from '../../../kit/subgraph/outcomes/periods';
import type { SocialCareContext } from '../context';
import { readCohort, CohortGroup, type CohortFacts } from './cohort';

codeList(CohortGroup, 'CohortGroup', 'Which young people a cohort outcome question is about.', {
  NWD_CASELOAD: 'Young people with a No Wrong Door involvement open at any time in the reporting periods.',
  EDGE_OF_CARE: 'Of the NWD caseload, those on the edge of care when referred: NWD works to keep them safely at home.',
  LOOKED_AFTER: 'Children looked after at any time in the reporting periods.',
  NWD_REFERRALS: 'Young people referred to No Wrong Door between referredFrom and referredTo.',
});

/**
 * Figures about a cohort, computed by each agency from its own records: social care defines the cohort
 * and hands each agency only that agency's identifiers for its members, under a grant whose purpose is
 * aggregate reporting. Figures, never rows; small numbers suppressed for anyone but the agency's own
 * reporting staff and auditors. Keyed by a reference made for this answer alone.
 */
@Directive('@key(fields: "reference")')
@ObjectType({
  description:
    'Cohort outcomes: the corporate parenting scorecard and No Wrong Door outcomes, each measure computed by the agency that holds the records, over consecutive quarters. Figures only, never young people; small numbers suppressed.',
})
export class CohortOutcomes {
  @Field(() => ID, { description: 'This answer’s cohort, as the agencies were told it (opaque, new each time).' })
  reference!: string;

  @Field(() => CohortGroup)
  group!: CohortGroup;

  @Field(() => [ReportingPeriodType], { description: 'The quarters every measure is given for, oldest first.' })
  periods!: ReportingPeriodType[];

  /** The members' identifiers and social care's counts of them. Not GraphQL fields. */
  facts!: CohortFacts;
}

@Resolver(() => CohortOutcomes)
export class CohortOutcomeQueries {
  @Query(() => CohortOutcomes, {
    description:
      'Figures about a cohort over consecutive quarters: the corporate parenting scorecard and NWD outcomes before and after referral, from every agency. For the roles each agency’s policy names for aggregate reporting (a corporate parenting board member sees figures, never children). Audited in every agency as an aggregate read.',
  })
  async cohortOutcomes(
    @Ctx() ctx: SocialCareContext,
    @Arg('group', () => CohortGroup) group: CohortGroup,
    @Arg('quarters', () => Int, { defaultValue: 4, description: `How many complete quarters, 1 to ${MAX_QUARTERS}.` }) quarters: number,
    @Arg('upTo', () => LocalDateScalar, { nullable: true, description: 'The quarters end on or before this date (default today).' })
    upTo?: string | null,
    @Arg('referredFrom', () => LocalDateScalar, { nullable: true, description: 'NWD_REFERRALS: the first referral date included.' })
    referredFrom?: string | null,
    @Arg('referredTo', () => LocalDateScalar, { nullable: true, description: 'NWD_REFERRALS: the last referral date included.' })
    referredTo?: string | null,
  ): Promise<CohortOutcomes> {
    if (!mayReadAggregates(ctx.policy, ctx.viewer)) {
      // The attempt is on the record too, under no cohort (none was defined).
      ctx.access.aggregate(cohortSubject('not defined'), [], [{ field: 'Query.cohortOutcomes', rule: AGGREGATES_FOR_REPORTING_ROLES.id }]);
      throw forbidden(
        'cohortOutcomes: cohort figures are for the roles named for aggregate reporting (such as the corporate parenting board)',
      );
    }
    if (!Number.isInteger(quarters) || quarters < 1 || quarters > MAX_QUARTERS)
      throw badUserInput('quarters', `give 1 to ${MAX_QUARTERS} quarters`);
    if (upTo && upTo > ctx.today) throw badUserInput('upTo', 'cannot be after today');
    if (group === CohortGroup.NWD_REFERRALS && !(referredFrom && referredTo && referredFrom <= referredTo))
      throw badUserInput('referredFrom', 'NWD_REFERRALS needs referredFrom and referredTo, in that order');
    const periods = quartersEnding(upTo ?? ctx.today, quarters);
    const facts = await readCohort(
      ctx.em.fork(),
      group,
      periods,
      { from: referredFrom ?? null, to: referredTo ?? null },
      ctx.cohortChunkSize,
    );
    return Object.assign(new CohortOutcomes(), {
      reference: randomBytes(18).toString('base64url'),
      group,
      periods: periods.map((p) => Object.assign(new ReportingPeriodType(), p)),
      facts,
    });
  }

  @FieldResolver(() => OutcomeFigure, { description: 'How many young people are in the cohort (suppressed when fewer than five).' })
  youngPeople(@Root() cohort: CohortOutcomes, @Ctx() ctx: SocialCareContext): OutcomeFigure {
    const n = cohort.facts.members.length;
    const span = { from: cohort.periods[0].from, to: cohort.periods[cohort.periods.length - 1].to };
    return shownFigure(OutcomeUnit.COUNT, { numerator: n, denominator: null, people: n }, span, seesFullFigures(ctx.policy, ctx.viewer));
  }

  @FieldResolver(() => AgencyOutcomes, {
    name: 'socialCare',
    nullable: true,
    description:
      "Social care's figures: looked after, placement stability, missing from care, NWD referral to support, edge of care, closures; missing and residential days before and after referral.",
  })
  socialCare(@Root() cohort: CohortOutcomes, @Ctx() ctx: SocialCareContext, @Info() info: GraphQLResolveInfo) {
    return answerOutcomes(ctx, cohort, info, () => Promise.resolve(cohort.facts.counted));
  }
}

/**
 * Social care's grant to each receiving agency for this cohort: that agency's own identifier for each
 * member it links (with the member's NWD referral date), the periods, and nothing else. Internal.
 */
for (const agency of RECEIVING_AGENCIES) {
  addFieldResolver(
    CohortOutcomeQueries,
    agency.grantField,
    () => String,
    { nullable: true, description: `Cohort grant for ${agency.label} (internal).` },
    (cohort: CohortOutcomes, ctx: SocialCareContext): Promise<string> => {
      const members: CohortMember[] = cohort.facts.members.flatMap((p) => {
        const identifier = p.identifiers[agency.identifier.scheme];
        return identifier ? [[identifier, p.referredOn] as CohortMember] : [];
      });
      ctx.access.aggregate(cohortSubject(cohort.reference), [`CohortOutcomes.${agency.grantField}`]);
      return ctx.signCohortGrant(agency, {
        reference: cohort.reference,
        members,
        periods: cohort.periods.map(({ from, to }) => ({ from, to })),
      });
    },
  );
  Directive('@inaccessible')(CohortOutcomeQueries.prototype, agency.grantField);
}
