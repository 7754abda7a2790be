import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { NOT_LINKED } from '../../../kit/subgraph/access/grant-checks';
import type { Purpose } from '../../../kit/subgraph/access/purpose';
import { ukDate } from '../../../kit/subgraph/dates';
import { badUserInput } from '../../../kit/subgraph/errors';
import { checkNhsNumber } from '../../../kit/shared/identifiers';
import type { HealthContext } from '../context';
import type { Patient } from '../entities';
import { HealthRecord } from './health-record';

/** Health's view of the shared entity: keyed by the NHS number, the identifier health owns. */
@Directive('@key(fields: "nhsNumber")')
@ObjectType({ description: "A young person known to children's social care; health finds them by NHS number." })
export class YoungPerson {
  @Field(() => String, {
    nullable: true,
    description: "NHS number (10 digits) from social care's cross-reference; null when none is linked, so health cannot look.",
  })
  nhsNumber: string | null = null;

  /** Social care's signed access grant for this viewer and request (resolved by social care; health only reads it). */
  @Directive('@external')
  @Field(() => String, { nullable: true, description: "Social care's access grant for health (internal)." })
  healthAccess?: string | null;

  /** Health's record, looked up when the reference was resolved. Not a GraphQL field. */
  patient: Patient | null = null;

  /** Why this viewer may see the young person, from social care's grant. Not a GraphQL field. */
  purpose?: Purpose;
}

@Resolver(() => YoungPerson)
export class YoungPersonHealthResolver {
  @Directive('@requires(fields: "healthAccess")')
  @FieldResolver(() => HealthRecord, {
    description: "What looked-after children's health holds about the young person; matchStatus says whether health could find them.",
  })
  health(@Root() person: YoungPerson, @Ctx() ctx: HealthContext): HealthRecord {
    return new HealthRecord(person.nhsNumber, person.patient, ctx.loaders, ukDate(ctx.clock.now()));
  }
}

/** A malformed number is the caller's mistake (say so); a missing one just means "not linked". */
function normalisedNhsNumber(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const checked = checkNhsNumber(String(value));
  if (!checked.ok) throw badUserInput('nhsNumber', checked.reason);
  return checked.value;
}

/**
 * The gateway reaches health only through YoungPerson representations, batched but not de-duplicated,
 * each carrying social care's grant: no grant for this viewer, request and NHS number, no data.
 */
export const youngPersonReferenceResolvers = {
  YoungPerson: {
    async __resolveReference(reference: { nhsNumber?: unknown; healthAccess?: unknown }, ctx: HealthContext): Promise<YoungPerson> {
      const nhsNumber = normalisedNhsNumber(reference.nhsNumber);
      const purpose = await ctx.grantedPurpose(reference.healthAccess, reference.nhsNumber, nhsNumber ?? NOT_LINKED);
      const patient = nhsNumber ? await ctx.loaders.patientByNhsNumber.load(nhsNumber) : null;
      return Object.assign(new YoungPerson(), { nhsNumber, patient, purpose });
    },
  },
};
