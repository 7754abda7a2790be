import { Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../kit/errors';
import { matchStatusOf } from '../../kit/graphql/match';
import { checkPncId } from '../../kit/identifiers';
import type { PoliceContext } from '../context';
import type { Nominal } from '../entities';
import { PoliceRecord } from './police-record';

/** The police view of the shared entity: found by PNC ID, adding one field, `police`. */
@Directive('@key(fields: "pncId")')
@ObjectType({ description: 'A young person known to children\'s social care. The police subgraph finds them by the PNC ID in social care\'s cross-reference.' })
export class YoungPerson {
  @Field(() => String, { nullable: true, description: 'Police National Computer ID (YYYY/NNNNNNND); null when social care\'s cross-reference holds none.' })
  pncId!: string | null;

  /** The nominal found under pncId, if any: set by the reference resolver, not a GraphQL field. */
  nominal!: Nominal | null;
}

@Resolver(() => YoungPerson)
export class YoungPersonPoliceResolver {
  @FieldResolver(() => PoliceRecord, { description: 'What the police hold about this young person, or why nothing can be shown (matchStatus).' })
  police(@Root() person: YoungPerson): PoliceRecord {
    return Object.assign(new PoliceRecord(), { matchStatus: matchStatusOf(person.pncId, person.nominal), nominal: person.nominal });
  }
}

/** Federation reference resolver: the gateway sends `{ pncId }` (possibly null), batched and not de-duplicated. */
export const youngPersonReference = {
  YoungPerson: {
    async __resolveReference(ref: { pncId?: string | null }, ctx: PoliceContext): Promise<YoungPerson> {
      const pncId = ref.pncId ?? null;
      let nominal: Nominal | null = null;
      if (pncId !== null) {
        const checked = checkPncId(pncId);
        if (!checked.ok) throw badUserInput('pncId', checked.reason);
        nominal = await ctx.loaders.nominalByPncId.load(checked.value);
      }
      return Object.assign(new YoungPerson(), { pncId, nominal });
    },
  },
};
