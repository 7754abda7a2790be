import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { addFieldResolver } from '../../../kit/subgraph/graphql/generated-fields';
import type { SocialCareContext } from '../context';
import { IdentifierLink } from '../entities/identifier-link';
import { YoungPerson } from '../entities/young-person';

/** The identifier currently linked for one scheme; null when none is. */
export async function currentLink(p: YoungPerson, ctx: SocialCareContext, scheme: string): Promise<string | null> {
  const links = await ctx.loaders.identifierLinks.load(p.id);
  return links.find((l) => l.scheme === scheme && !l.supersededOn)?.value ?? null;
}

/** The cross-reference: each agency's identifier for the young person, with provenance. */
@Resolver(() => YoungPerson)
export class IdentifierFields {
  @FieldResolver(() => [IdentifierLink], {
    nullable: true,
    description: 'Every link in the cross-reference, current and superseded, with who linked it, when and how.',
  })
  identifierLinks(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.identifierLinks.load(p.id);
  }
}

/**
 * One field per receiving agency in the agencies table (nhsNumber, upn, pncId...): its key for the
 * young person, which the gateway reads to send that agency its own identifier and nothing else.
 * @inaccessible, as the grants are: no client selects one, so no agency's staff read another's
 * identifier here; the cross-reference is identifierLinks, under social care's policy.
 */
for (const agency of RECEIVING_AGENCIES) {
  const { field, scheme, label } = agency.identifier;
  addFieldResolver(
    IdentifierFields,
    field,
    () => String,
    {
      nullable: true,
      description: `${label} (${agency.label}'s identifier), if linked: the gateway's key for ${agency.label} (internal). Null: not linked, so ${agency.label} cannot be matched.`,
    },
    (p: YoungPerson, ctx: SocialCareContext) => currentLink(p, ctx, scheme),
  );
  Directive('@inaccessible')(IdentifierFields.prototype, field);
}
