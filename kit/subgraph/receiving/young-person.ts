import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { LinkedIdentifier, ReceivingAgency } from '../../shared/agencies';
import { NOT_LINKED, noGrant } from '../access/grant-checks';
import type { Purpose } from '../access/purpose';
import type { Subject } from '../access/request-access';
import type { ReceivingAgencyContext } from '../context';
import { badUserInput } from '../errors';

/**
 * A receiving agency's view of the shared YoungPerson: found by the agency's own identifier (its
 * federation key), under social care's grant, which the gateway fetches because the agency's field
 * @requires it. One shape for every receiving agency, built from its row in the agencies table.
 */
export interface ReceivedYoungPerson<Owner> {
  /** The agency's identifier, normalised; null when social care's cross-reference links none. */
  identifier: string | null;
  /** The agency's own record of the young person (patient, pupil, nominal); null when not matched. */
  owner: Owner | null;
  /** Why this viewer may see the young person, from social care's verified grant. */
  purpose: Purpose;
}

export type ReceivedYoungPersonClass<Owner> = new () => ReceivedYoungPerson<Owner>;

/** The YoungPerson object type for one receiving agency: its key, its identifier field and the external grant field. */
export function receivingYoungPersonType<Owner>(agency: ReceivingAgency): ReceivedYoungPersonClass<Owner> {
  const { identifier, grantField } = agency;
  @Directive(`@key(fields: "${identifier.field}")`)
  @ObjectType('YoungPerson', {
    description: `A young person known to children's social care; ${agency.label} finds them by ${identifier.label}.`,
  })
  class YoungPerson implements ReceivedYoungPerson<Owner> {
    identifier: string | null = null;
    owner: Owner | null = null;
    purpose!: Purpose;
  }
  Field(() => String, {
    nullable: true,
    description: `${identifier.description} From social care's cross-reference; null when none is linked, so ${agency.label} cannot look.`,
  })(YoungPerson.prototype, identifier.field);
  Directive('@external')(YoungPerson.prototype, grantField);
  Field(() => String, { nullable: true, description: `Social care's access grant for ${agency.label} (internal).` })(
    YoungPerson.prototype,
    grantField,
  );
  return YoungPerson;
}

/** The directive on a receiving agency's YoungPerson field: the gateway must fetch social care's grant first. */
export function requiresGrant(agency: ReceivingAgency): string {
  return `@requires(fields: "${agency.grantField}")`;
}

/** A received identifier, normalised; null when absent (not linked); a malformed one is the caller's mistake. */
function checkedIdentifier(identifier: LinkedIdentifier, received: unknown): string | null {
  if (received === null || received === undefined) return null;
  if (typeof received !== 'string') throw badUserInput(identifier.field, `a ${identifier.label} is a string`);
  const checked = identifier.check(received);
  if (!checked.ok) throw badUserInput(identifier.field, checked.reason);
  return checked.value;
}

/**
 * The one reference flow of a receiving agency: check the identifier, verify social care's grant for
 * this viewer, this request and exactly the identifier received, then load the agency's record.
 * Nothing is read before the grant is verified; a refusal is audited and says nothing about whether
 * the agency holds the identifier. Representations come batched (and repeated): the grant checks and
 * `findRecord` batch them.
 */
export function receivingReferenceResolvers<Ctx extends ReceivingAgencyContext, Owner>(
  agency: ReceivingAgency,
  YoungPerson: ReceivedYoungPersonClass<Owner>,
  MeetingPack: ReceivedMeetingPackClass<Owner>,
  findRecord: (ctx: Ctx, identifier: string) => Promise<Owner | null>,
): GraphQLResolverMap<Ctx> {
  return {
    MeetingPack: { __resolveReference: receivingPackReferenceResolver(agency, MeetingPack, findRecord) },
    YoungPerson: {
      async __resolveReference(reference: Record<string, unknown>, ctx: Ctx): Promise<ReceivedYoungPerson<Owner>> {
        const received = reference[agency.identifier.field];
        const identifier = checkedIdentifier(agency.identifier, received);
        const purpose = await ctx.grantedPurpose(reference[agency.grantField], received, identifier ?? NOT_LINKED);
        const owner = identifier === null ? null : await findRecord(ctx, identifier);
        return Object.assign(new YoungPerson(), { [agency.identifier.field]: identifier, identifier, owner, purpose });
      },
    },
  };
}

/**
 * A receiving agency's subjects: a YoungPerson is about the young person its identifier names, under
 * the purpose its reference resolver verified; everything under it inherits that by response path.
 * Fails closed: no purpose, nothing shown.
 */
export function receivingSubjectOf(typeName: string, root: unknown): Subject | undefined {
  if (typeName !== 'YoungPerson' && typeName !== 'MeetingPack') return undefined;
  const person = root as Partial<ReceivedYoungPerson<unknown>>;
  if (!person.purpose) throw noGrant();
  return { key: person.identifier ?? NOT_LINKED, purpose: person.purpose };
}

/**
 * A receiving agency's view of a meeting pack (social care's MeetingPack, keyed by an opaque reference):
 * what changed for the young person since the date in social care's grant for the pack, computed from
 * the agency's own records. The grant names the agency's identifier itself; no meeting id arrives.
 */
export interface ReceivedMeetingPack<Owner> extends ReceivedYoungPerson<Owner> {
  reference: string;
  /** The changes are those since this date (the meeting before, or the NWD referral). */
  since: string;
  /** Keep what is shown (the meeting is recorded and its chair is asking). */
  freeze: boolean;
}

export type ReceivedMeetingPackClass<Owner> = new () => ReceivedMeetingPack<Owner>;

/** The MeetingPack object type for one receiving agency: its key and the external grant field. */
export function receivingMeetingPackType<Owner>(agency: ReceivingAgency): ReceivedMeetingPackClass<Owner> {
  @Directive('@key(fields: "reference")')
  @ObjectType('MeetingPack', {
    description: `A RAISE meeting's pack: what ${agency.label} shows of what changed since the meeting before.`,
  })
  class MeetingPack implements ReceivedMeetingPack<Owner> {
    @Field(() => ID, { description: 'The pack, as social care refers to it (opaque).' })
    reference!: string;

    since!: string;
    freeze = false;
    identifier: string | null = null;
    owner: Owner | null = null;
    purpose!: Purpose;
  }
  Directive('@external')(MeetingPack.prototype, agency.grantField);
  Field(() => String, { nullable: true, description: `Social care's access grant for ${agency.label}'s part of the pack (internal).` })(
    MeetingPack.prototype,
    agency.grantField,
  );
  return MeetingPack;
}

/** A meeting pack's reference, then social care's grant for it, then the agency's record: nothing is read before the grant is verified. */
export function receivingPackReferenceResolver<Ctx extends ReceivingAgencyContext, Owner>(
  agency: ReceivingAgency,
  MeetingPack: ReceivedMeetingPackClass<Owner>,
  findRecord: (ctx: Ctx, identifier: string) => Promise<Owner | null>,
) {
  return async (reference: Record<string, unknown>, ctx: Ctx): Promise<ReceivedMeetingPack<Owner>> => {
    const ref = reference.reference;
    if (typeof ref !== 'string' || !/^[A-Za-z0-9_-]{16,100}$/.test(ref)) throw badUserInput('reference', 'not a meeting pack reference');
    const granted = await ctx.grantedPack(reference[agency.grantField], ref);
    const pack = granted.pack!;
    const owner = granted.identifier === null ? null : await findRecord(ctx, granted.identifier);
    return Object.assign(new MeetingPack(), {
      reference: ref,
      since: pack.since,
      freeze: pack.freeze,
      identifier: granted.identifier,
      owner,
      purpose: granted.purpose,
    });
  };
}
