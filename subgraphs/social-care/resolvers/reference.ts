import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { badUserInput } from '../../../kit/subgraph/errors';
import { withPurpose } from '../access';
import type { SocialCareContext } from '../context';
import type { YoungPerson } from '../entities/young-person';
import { linkedYoungPerson } from './linked-young-person';
import { resolvePackReference } from './meeting-pack';

/**
 * What the gateway fetched from the receiving agencies for a field that @requires it (the merged
 * chronology): each agency's record, kept on the young person for this request only.
 */
function withRequired(ref: Record<string, unknown>, person: YoungPerson | null): YoungPerson | null {
  if (!person) return null;
  const required = Object.fromEntries(
    RECEIVING_AGENCIES.filter((a) => a.recordField in ref).map((a) => [a.recordField, ref[a.recordField]]),
  );
  return Object.keys(required).length ? Object.assign(Object.create(person) as YoungPerson, required) : person;
}

/**
 * Resolves a YoungPerson another subgraph refers to, by id or by any receiving agency's identifier in
 * the cross-reference, when the viewer has a purpose. Batched.
 */
export const referenceResolvers = {
  MeetingPack: { __resolveReference: resolvePackReference },
  YoungPerson: {
    async __resolveReference(ref: Record<string, unknown>, ctx: SocialCareContext): Promise<YoungPerson | null> {
      if (typeof ref.id === 'string') return withRequired(ref, await withPurpose(ctx, await ctx.loaders.youngPerson.load(ref.id), ref.id));
      for (const { identifier } of RECEIVING_AGENCIES) {
        const value = ref[identifier.field];
        if (value == null) continue;
        if (typeof value !== 'string') throw badUserInput(identifier.field, `a ${identifier.label} is a string`);
        return withRequired(ref, await linkedYoungPerson(ctx, identifier, value));
      }
      return null;
    },
  },
};
