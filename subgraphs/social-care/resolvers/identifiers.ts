import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SocialCareContext } from '../context';
import { IdentifierLink } from '../entities/identifier-link';
import { YoungPerson } from '../entities/young-person';
import { IdentifierScheme } from '../enums';

async function currentLink(p: YoungPerson, ctx: SocialCareContext, scheme: IdentifierScheme): Promise<string | null> {
  const links = await ctx.loaders.identifierLinks.load(p.id);
  return links.find((l) => l.scheme === scheme && !l.supersededOn)?.value ?? null;
}

/** The cross-reference: each agency's identifier for the young person, with provenance. */
@Resolver(() => YoungPerson)
export class IdentifierFields {
  @FieldResolver(() => String, { nullable: true, description: 'NHS number (health\'s identifier), if linked. Null: not linked, so health cannot be matched.' })
  nhsNumber(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentLink(p, ctx, IdentifierScheme.NHS_NUMBER);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Unique Pupil Number (education\'s identifier), if linked.' })
  upn(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentLink(p, ctx, IdentifierScheme.UPN);
  }

  @FieldResolver(() => String, { nullable: true, description: 'PNC ID (police\'s identifier), if linked.' })
  pncId(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return currentLink(p, ctx, IdentifierScheme.PNC_ID);
  }

  @FieldResolver(() => [IdentifierLink], { nullable: true, description: 'Every link in the cross-reference, current and superseded, with who linked it, when and how.' })
  identifierLinks(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.identifierLinks.load(p.id);
  }
}
