import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { ukDate } from '../../../kit/subgraph/dates';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import { receivingPackFields } from '../../../kit/subgraph/receiving/meeting-pack';
import { receivingMeetingPackType, type ReceivedMeetingPack } from '../../../kit/subgraph/receiving/young-person';
import { POLICE } from '../agency';
import type { PoliceContext } from '../context';
import { Arrest, ExploitationConcern, MissingEpisode, NrmReferral, type Nominal } from '../entities';

export const MeetingPack = receivingMeetingPackType<Nominal>(POLICE);

@ObjectType({
  description:
    "What changed in the police's records since the meeting before (on or after `since`), for the next RAISE meeting. Null when not matched.",
})
export class PoliceChanges extends AgencyRecord<Nominal> {
  @Field(() => LocalDateScalar, { description: 'Changes are those on or after this date: the meeting before, or the NWD referral.' })
  readonly since: string;

  constructor(pack: ReceivedMeetingPack<Nominal>) {
    super(pack);
    this.since = pack.since;
  }
}

const onOrAfter = <T>(rows: T[], date: (row: T) => string, since: string) => rows.filter((row) => date(row) >= since);

@Resolver(() => PoliceChanges)
export class PoliceChangesResolver {
  @FieldResolver(() => [MissingEpisode], { nullable: true, description: 'Missing episodes reported since, newest first.' })
  missingEpisodes(@Root() changes: PoliceChanges, @Ctx() ctx: PoliceContext) {
    return changes.whenMatched(async (nominal) =>
      onOrAfter(await ctx.loaders.missingEpisodes.load(nominal.id), (e) => ukDate(e.reportedAt), changes.since),
    );
  }

  @FieldResolver(() => [Arrest], { nullable: true, description: 'Arrests since, newest first.' })
  arrests(@Root() changes: PoliceChanges, @Ctx() ctx: PoliceContext) {
    return changes.whenMatched(async (nominal) =>
      onOrAfter(await ctx.loaders.arrests.load(nominal.id), (a) => a.arrestedOn, changes.since),
    );
  }

  @FieldResolver(() => [ExploitationConcern], { nullable: true, description: 'Exploitation concerns recorded since, newest first.' })
  exploitationConcerns(@Root() changes: PoliceChanges, @Ctx() ctx: PoliceContext) {
    return changes.whenMatched(async (nominal) =>
      onOrAfter(await ctx.loaders.exploitationConcerns.load(nominal.id), (c) => c.concernFrom, changes.since),
    );
  }

  @FieldResolver(() => [NrmReferral], { nullable: true, description: 'National Referral Mechanism referrals since, newest first.' })
  nrmReferrals(@Root() changes: PoliceChanges, @Ctx() ctx: PoliceContext) {
    return changes.whenMatched(async (nominal) =>
      onOrAfter(await ctx.loaders.nrmReferrals.load(nominal.id), (n) => n.referredOn, changes.since),
    );
  }
}

export const PolicePackFields = receivingPackFields(
  POLICE,
  MeetingPack,
  PoliceChanges,
  "What changed in the police's records since the meeting before: missing episodes, arrests, exploitation concerns, NRM referrals.",
);
