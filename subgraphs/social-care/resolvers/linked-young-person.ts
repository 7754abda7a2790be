import type { LinkedIdentifier } from '../../../kit/shared/agencies';
import { badUserInput } from '../../../kit/subgraph/errors';
import { asked, withPurpose } from '../access';
import type { SocialCareContext } from '../context';
import type { YoungPerson } from '../entities/young-person';

/**
 * The young person linked to another agency's identifier, when the viewer has a purpose. A miss looks
 * a young person up too, by what was asked (so nobody): the same queries as a match, then withPurpose.
 */
export async function linkedYoungPerson(ctx: SocialCareContext, identifier: LinkedIdentifier, value: string): Promise<YoungPerson | null> {
  const checked = identifier.check(value);
  if (!checked.ok) throw badUserInput(identifier.field, checked.reason);
  const link = await ctx.loaders.linkByIdentifier.load(`${identifier.scheme}:${checked.value}`);
  const askedFor = asked(identifier.field, checked.value);
  return withPurpose(ctx, await ctx.loaders.youngPerson.load(link?.youngPerson.id ?? askedFor), askedFor);
}
