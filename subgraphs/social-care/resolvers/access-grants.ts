import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import type { GrantAudience } from '../../../kit/subgraph/access/access-grant';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';
import { IdentifierScheme } from '../enums';

async function grantFor(ctx: SocialCareContext, p: YoungPerson, audience: GrantAudience, scheme: IdentifierScheme): Promise<string | null> {
  const purpose = await ctx.purposes.load(p.id);
  if (!purpose) return null;
  const links = await ctx.loaders.identifierLinks.load(p.id);
  const identifier = links.find((l) => l.scheme === scheme && !l.supersededOn)?.value ?? null;
  return ctx.grants.sign!({ viewerId: ctx.viewer.id, requestId: ctx.requestId, audience, identifier, purpose });
}

@ObjectType({ description: 'Why you may see this record: the legitimate relationship it is being read under (recorded in every agency\'s audit).' })
class AccessPurpose {
  @Field(() => PurposeKind)
  kind!: PurposeKind;

  @Field(() => String, { nullable: true, description: 'The meeting whose invitation gives the relationship.' })
  meetingId?: string | null;

  @Field(() => String, { nullable: true, description: 'Your break-glass justification.' })
  reason?: string | null;
}

/**
 * Social care's signed statement to each other agency, fetched by the gateway because that agency's
 * fields @require it: this user, in this request, may see the young person under this purpose. Not
 * part of the API clients see (@inaccessible).
 */
@Resolver(() => YoungPerson)
export class AccessGrantFields {
  @FieldResolver(() => AccessPurpose, { description: 'Why you may see this record (allocation, statutory role, meeting invitation, break-glass, audit).' })
  async accessPurpose(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<AccessPurpose> {
    return (await ctx.purposes.load(p.id))!;
  }

  @Directive('@inaccessible')
  @FieldResolver(() => String, { nullable: true, description: 'Access grant for health (internal).' })
  healthAccess(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return grantFor(ctx, p, 'health', IdentifierScheme.NHS_NUMBER);
  }

  @Directive('@inaccessible')
  @FieldResolver(() => String, { nullable: true, description: 'Access grant for education (internal).' })
  educationAccess(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return grantFor(ctx, p, 'education', IdentifierScheme.UPN);
  }

  @Directive('@inaccessible')
  @FieldResolver(() => String, { nullable: true, description: 'Access grant for police (internal).' })
  policeAccess(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return grantFor(ctx, p, 'police', IdentifierScheme.PNC_ID);
  }
}
