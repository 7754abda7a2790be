import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ReceivingAgency } from '../../shared/agencies';
import type { ReceivingAgencyContext } from '../context';
import { freezePart, frozenPack } from '../snapshots/freeze';
import { PackSnapshotView } from '../snapshots/pack-snapshot';
import type { AgencyRecord } from './agency-record';
import { unavailableNote } from './record-field';
import { requiresGrant, type ReceivedMeetingPack, type ReceivedMeetingPackClass } from './young-person';

/** What a receiving agency contributes to a meeting pack: its record of the young person, seen from the pack's "since". */
export type PackPartClass<Owner, Part extends AgencyRecord<Owner>> = new (pack: ReceivedMeetingPack<Owner>) => Part;

/**
 * A receiving agency's two fields on MeetingPack, the same for every agency: its part (what changed
 * since the meeting before, from its own records, under its own policy) and that part as it was frozen
 * for the chair when the meeting was recorded. When social care's grant says so (`freeze`: the chair,
 * just after recording), the whole part is frozen once, in the agency's own store (snapshots/freeze).
 */
export function receivingPackFields<Owner, Part extends AgencyRecord<Owner>>(
  agency: ReceivingAgency,
  MeetingPack: ReceivedMeetingPackClass<Owner>,
  PackPart: PackPartClass<Owner, Part>,
  description: string,
) {
  @Resolver(() => MeetingPack)
  class MeetingPackFields {
    @Directive(requiresGrant(agency))
    @FieldResolver(() => PackPart, { name: agency.recordField, nullable: true, description: `${description} ${unavailableNote(agency)}` })
    async part(
      @Root() pack: ReceivedMeetingPack<Owner>,
      @Ctx() ctx: ReceivingAgencyContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Part> {
      const part = new PackPart(pack);
      const subject = ctx.access.subjectAt(info.path.prev);
      if (pack.freeze && subject) {
        await freezePart(ctx, {
          type: getNamedType(info.returnType) as GraphQLObjectType,
          part,
          reference: pack.reference,
          subject,
          omit: [],
        });
      }
      return part;
    }

    @Directive(requiresGrant(agency))
    @FieldResolver(() => PackSnapshotView, {
      name: `${agency.recordField}Snapshot`,
      nullable: true,
      description: `${agency.label}'s part of the pack as it was shown to the chair when the meeting was recorded; null until then. The chair and auditors only.`,
    })
    snapshot(@Root() pack: ReceivedMeetingPack<Owner>, @Ctx() ctx: ReceivingAgencyContext): Promise<PackSnapshotView | null> {
      return frozenPack(ctx.em, pack.reference);
    }
  }
  return MeetingPackFields;
}
