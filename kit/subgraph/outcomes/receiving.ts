import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, ID, Info, ObjectType, Resolver, Root } from 'type-graphql';
import type { ReceivingAgency } from '../../shared/agencies';
import type { CohortScope } from '../access/access-grant';
import type { ReceivingAgencyContext } from '../context';
import { badUserInput } from '../errors';
import { requiresGrant } from '../receiving/young-person';
import { answerOutcomes } from './answer';
import { referralDates } from './counting';
import { countInChunks } from './in-chunks';
import { AgencyOutcomes, type CountedOutcomes } from './figures';

/** A receiving agency's view of a cohort social care defined: its reference and, from the verified grant, its members and periods. */
export interface ReceivedCohort {
  reference: string;
  scope: CohortScope;
}

export type ReceivedCohortClass = new () => ReceivedCohort;

/**
 * How an agency counts its own records of a cohort's members (its own identifiers) over the grant's
 * periods. It is given a part of the cohort at a time (countInChunks), each member once.
 */
export type CountOutcomes<Ctx extends ReceivingAgencyContext> = (ctx: Ctx, cohort: CohortScope) => Promise<CountedOutcomes>;

/** The CohortOutcomes object type for one receiving agency: its key and the external grant field. */
export function receivingCohortType(agency: ReceivingAgency): ReceivedCohortClass {
  @Directive('@key(fields: "reference")')
  @ObjectType('CohortOutcomes', { description: `A cohort social care defined, as ${agency.label} counts it.` })
  class CohortOutcomes implements ReceivedCohort {
    @Field(() => ID, { description: 'The cohort, as social care refers to it in this answer (opaque).' })
    reference!: string;

    scope!: CohortScope;
  }
  Directive('@external')(CohortOutcomes.prototype, agency.grantField);
  Field(() => String, { nullable: true, description: `Social care's grant for ${agency.label} to count the cohort (internal).` })(
    CohortOutcomes.prototype,
    agency.grantField,
  );
  return CohortOutcomes;
}

/** A cohort's reference, then social care's grant for it: nothing is counted before the grant is verified. */
export function receivingCohortReferenceResolver<Ctx extends ReceivingAgencyContext>(agency: ReceivingAgency, Cohort: ReceivedCohortClass) {
  return async (reference: Record<string, unknown>, ctx: Ctx): Promise<ReceivedCohort> => {
    const ref = reference.reference;
    if (typeof ref !== 'string' || !/^[A-Za-z0-9_-]{16,100}$/.test(ref)) throw badUserInput('reference', 'not a cohort reference');
    const scope = await ctx.grantedCohort(reference[agency.grantField], ref);
    return Object.assign(new Cohort(), { reference: ref, scope });
  };
}

/** A receiving agency's field on CohortOutcomes (`health`, `education`, `police`): its figures about the cohort. */
export function receivingOutcomeFields<Ctx extends ReceivingAgencyContext>(
  agency: ReceivingAgency,
  Cohort: ReceivedCohortClass,
  count: CountOutcomes<Ctx>,
  description: string,
) {
  @Resolver(() => Cohort)
  class CohortOutcomeFields {
    @Directive(requiresGrant(agency))
    @FieldResolver(() => AgencyOutcomes, {
      name: agency.recordField,
      nullable: true,
      description: `${description} Null (with a notice) for a role ${agency.label}'s policy does not name for aggregate reporting, or when ${agency.label} could not answer.`,
    })
    outcomes(@Root() cohort: ReceivedCohort, @Ctx() ctx: Ctx, @Info() info: GraphQLResolveInfo): Promise<AgencyOutcomes | null> {
      const { scope } = cohort;
      return answerOutcomes(ctx, { reference: cohort.reference, periods: scope.periods }, info, () =>
        countInChunks([...referralDates(scope.members)], ctx.cohortChunkSize, (members) => count(ctx, { ...scope, members })),
      );
    }
  }
  return CohortOutcomeFields;
}
