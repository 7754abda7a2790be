import { badUserInput } from '../../../kit/subgraph/errors';
import { checkNhsNumber, checkPncId, checkUpn, type Checked } from '../../../kit/shared/identifiers';
import { withPurpose } from '../access';
import type { SocialCareContext } from '../context';
import type { YoungPerson } from '../entities/young-person';
import { IdentifierScheme } from '../enums';

type Representation = { id?: string; nhsNumber?: string | null; upn?: string | null; pncId?: string | null };

const SCHEMES: [keyof Representation, IdentifierScheme, (v: string) => Checked][] = [
  ['nhsNumber', IdentifierScheme.NHS_NUMBER, checkNhsNumber],
  ['upn', IdentifierScheme.UPN, checkUpn],
  ['pncId', IdentifierScheme.PNC_ID, checkPncId],
];

/** Resolves a YoungPerson another subgraph refers to, by id or by any identifier in the cross-reference, when the viewer has a purpose. Batched. */
export const socialCareReferenceResolvers = {
  YoungPerson: {
    async __resolveReference(ref: Representation, ctx: SocialCareContext): Promise<YoungPerson | null> {
      if (ref.id) return withPurpose(ctx, await ctx.loaders.youngPerson.load(ref.id));
      for (const [field, scheme, check] of SCHEMES) {
        const value = ref[field];
        if (value == null) continue;
        const checked = check(value);
        if (!checked.ok) throw badUserInput(field, checked.reason);
        const link = await ctx.loaders.linkByIdentifier.load(`${scheme}:${checked.value}`);
        return withPurpose(ctx, link ? await ctx.loaders.youngPerson.load(link.youngPerson.id) : null);
      }
      return null;
    },
  },
};
