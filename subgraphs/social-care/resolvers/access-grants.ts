import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import { addFieldResolver } from '../../../kit/subgraph/graphql/generated-fields';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';
import { currentLink } from './identifiers';

@ObjectType({
  description: "Why you may see this record: the legitimate relationship it is being read under (recorded in every agency's audit).",
})
class AccessPurpose {
  @Field(() => PurposeKind)
  kind!: PurposeKind;

  @Field(() => String, { nullable: true, description: 'The meeting whose invitation gives the relationship.' })
  meetingId?: string | null;

  @Field(() => String, { nullable: true, description: 'Your break-glass justification.' })
  reason?: string | null;
}

/** Why you may see this young person (every agency records it with each read). */
@Resolver(() => YoungPerson)
export class AccessGrantFields {
  @FieldResolver(() => AccessPurpose, {
    description: 'Why you may see this record (allocation, statutory role, meeting invitation, break-glass, audit).',
  })
  async accessPurpose(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<AccessPurpose> {
    // The guard has already refused anyone without one: a young person is only ever returned with a purpose.
    return (await ctx.loaders.purposes.load(p.id))!;
  }
}

/**
 * Social care's signed statement to each receiving agency, fetched by the gateway because that
 * agency's field @requires it: this user, in this request, may see the young person under this
 * purpose, and here is the agency's own identifier for them. Not part of the API clients see
 * (@inaccessible). One field per receiving agency in the agencies table.
 */
for (const agency of RECEIVING_AGENCIES) {
  addFieldResolver(
    AccessGrantFields,
    agency.grantField,
    () => String,
    { nullable: true, description: `Access grant for ${agency.label} (internal).` },
    async (p: YoungPerson, ctx: SocialCareContext): Promise<string | null> => {
      const purpose = await ctx.loaders.purposes.load(p.id);
      return purpose && ctx.signGrant(agency, await currentLink(p, ctx, agency.identifier.scheme), purpose);
    },
  );
  Directive('@inaccessible')(AccessGrantFields.prototype, agency.grantField);
}
