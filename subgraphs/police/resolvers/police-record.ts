import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { guardedChronology } from '../../../kit/subgraph/access/chronology-guard';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import type { PoliceContext } from '../context';
import {
  Arrest,
  Associate,
  ExploitationConcern,
  IntelligenceItem,
  LocationOfConcern,
  MissingEpisode,
  type Nominal,
  NrmReferral,
} from '../entities';
import { POLICE_CHRONOLOGY_DRAWS_ON, policeChronology } from '../rules/chronology';
import { sharedWithViewer } from '../../../kit/subgraph/access/policy';
import { arrestsInLastSixMonths, isCurrentlyMissing, missingEpisodesInLastSixMonths } from '../rules/recent';
import { loadHistory } from './history';

const NOT_MATCHED = 'Null when the police record is not matched (see matchStatus): unknown, not "none".';

@ObjectType({
  description:
    "What the police hold about the young person under the PNC ID in social care's cross-reference. Every field but matchStatus is null when not matched: that means the police could not look, never that there is nothing.",
})
export class PoliceRecord extends AgencyRecord<Nominal> {}

@Resolver(() => PoliceRecord)
export class PoliceRecordResolver {
  @FieldResolver(() => [MissingEpisode], { nullable: true, description: `Missing person episodes, newest first. ${NOT_MATCHED}` })
  missingEpisodes(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.missingEpisodes.load(nominal.id));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `Missing episodes reported in the last six months, from the same day six months ago to today (a NWD outcome measure). ${NOT_MATCHED}`,
  })
  missingEpisodesInLastSixMonths(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched(async (nominal) =>
      missingEpisodesInLastSixMonths(
        sharedWithViewer(ctx.viewer, await ctx.loaders.recentOrOpenMissingEpisodes.load(nominal.id)),
        ctx.today,
      ),
    );
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Whether the young person is missing right now (an episode reported and not yet found), from the episodes the viewer may see. ${NOT_MATCHED}`,
  })
  currentlyMissing(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched(async (nominal) =>
      isCurrentlyMissing(sharedWithViewer(ctx.viewer, await ctx.loaders.recentOrOpenMissingEpisodes.load(nominal.id)), ctx.now),
    );
  }

  @FieldResolver(() => [Arrest], { nullable: true, description: `Arrests, newest first. ${NOT_MATCHED}` })
  arrests(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.arrests.load(nominal.id));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `Arrests in the last six months, from the same day six months ago to today (a NWD outcome measure). ${NOT_MATCHED}`,
  })
  arrestsInLastSixMonths(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched(async (nominal) =>
      arrestsInLastSixMonths(sharedWithViewer(ctx.viewer, await ctx.loaders.recentArrests.load(nominal.id)), ctx.today),
    );
  }

  @FieldResolver(() => [ExploitationConcern], {
    nullable: true,
    description: `Exploitation concerns (CSE, CCE, county lines), newest first. ${NOT_MATCHED}`,
  })
  exploitationConcerns(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.exploitationConcerns.load(nominal.id));
  }

  @FieldResolver(() => [NrmReferral], {
    nullable: true,
    description: `National Referral Mechanism referrals, newest first. ${NOT_MATCHED}`,
  })
  nrmReferrals(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.nrmReferrals.load(nominal.id));
  }

  @FieldResolver(() => [IntelligenceItem], { nullable: true, description: `Intelligence log entries, newest first. ${NOT_MATCHED}` })
  intelligence(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.intelligence.load(nominal.id));
  }

  @FieldResolver(() => [Associate], { nullable: true, description: `Associates recorded for missing plans, newest first. ${NOT_MATCHED}` })
  associates(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.associates.load(nominal.id));
  }

  @FieldResolver(() => [LocationOfConcern], {
    nullable: true,
    description: `Locations of concern recorded for missing plans, newest first. ${NOT_MATCHED}`,
  })
  locationsOfConcern(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.locationsOfConcern.load(nominal.id));
  }

  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: `The police's dated events for this young person, newest first, ready to merge into a cross-agency chronology. Intelligence appears by grade only, never its text; names and places never appear; what the police policy withholds from the viewer (an arrest's outcome, events the young person asked not to share) is left out, with a WITHHELD error. ${NOT_MATCHED}`,
  })
  chronology(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext, @Info() info: GraphQLResolveInfo) {
    return record.whenMatched(async (nominal) => {
      const history = await loadHistory(nominal.id, ctx);
      // What a summary would say of a field is withheld as the field is (the arrest's outcome).
      return guardedChronology(ctx, info, POLICE_CHRONOLOGY_DRAWS_ON, (shows) => policeChronology(history, shows));
    });
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: `Who has looked at (or been refused) this young person's police data, newest first: the DPA 2018 s62 log of consultation and disclosure. Information-governance auditors only. ${NOT_MATCHED}`,
  })
  accessLog(@Root() record: PoliceRecord, @Ctx() ctx: PoliceContext) {
    return record.whenMatched((nominal) => ctx.loaders.accessLog.load(nominal.pncId));
  }
}
