import { Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { NOT_LINKED } from '../../../kit/subgraph/access/grant-checks';
import type { Purpose } from '../../../kit/subgraph/access/purpose';
import { badUserInput } from '../../../kit/subgraph/errors';
import { matchStatusOf } from '../../../kit/subgraph/graphql/match';
import { checkPncId } from '../../../kit/shared/identifiers';
import type { PoliceContext } from '../context';
import type { Nominal } from '../entities';
import { PoliceRecord } from './police-record';

/** The police view of the shared entity: found by PNC ID, adding one field, `police`. */
@Directive('@key(fields: "pncId")')
@ObjectType({ description: 'A young person known to children\'s social care. The police subgraph finds them by the PNC ID in social care\'s cross-reference.' })
export class YoungPerson {
  @Field(() => String, { nullable: true, description: 'Police National Computer ID (YYYY/NNNNNNND); null when social care\'s cross-reference holds none.' })
  pncId!: string | null;

  /** Social care's signed access grant for this viewer, request and PNC ID (resolved by social care, internal there). */
  @Directive('@external')
  @Field(() => String, { nullable: true })
  policeAccess?: string | null;

  /** The nominal found under pncId, if any: set by the reference resolver, not a GraphQL field. */
  nominal!: Nominal | null;

  /** The long form of pncId, the key the audit log uses; not a GraphQL field. */
  subjectKey!: string | null;

  /** Why this viewer may see this young person, from social care's grant; not a GraphQL field. */
  purpose!: Purpose;
}

@Resolver(() => YoungPerson)
export class YoungPersonPoliceResolver {
  @Directive('@requires(fields: "policeAccess")')
  @FieldResolver(() => PoliceRecord, { description: 'What the police hold about this young person, or why nothing can be shown (matchStatus).' })
  police(@Root() person: YoungPerson): PoliceRecord {
    return Object.assign(new PoliceRecord(), { matchStatus: matchStatusOf(person.pncId, person.nominal), nominal: person.nominal });
  }
}

/**
 * Federation reference resolver: the gateway sends `{ pncId, policeAccess }` (pncId possibly null),
 * batched and not de-duplicated. Nothing is loaded until social care's grant for this viewer, this
 * request and exactly this PNC ID has been verified.
 */
export const youngPersonReference = {
  YoungPerson: {
    async __resolveReference(ref: { pncId?: string | null; policeAccess?: unknown }, ctx: PoliceContext): Promise<YoungPerson> {
      const pncId = ref.pncId ?? null;
      let subjectKey: string | null = null;
      if (pncId !== null) {
        const checked = checkPncId(pncId);
        if (!checked.ok) throw badUserInput('pncId', checked.reason);
        subjectKey = checked.value;
      }
      const purpose = await ctx.grantedPurpose(ref.policeAccess, pncId, subjectKey ?? NOT_LINKED);
      const nominal = subjectKey === null ? null : await ctx.loaders.nominalByPncId.load(subjectKey);
      return Object.assign(new YoungPerson(), { pncId, nominal, subjectKey, purpose });
    },
  },
};
