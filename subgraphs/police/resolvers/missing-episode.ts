import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateTimeScalar } from '../../../kit/subgraph/graphql/scalars';
import type { PoliceContext } from '../context';
import { MissingEpisode, ReturnHomeInterview } from '../entities';
import { ReturnHomeInterviewStatus } from '../enums';
import { returnHomeInterviewDueBy, returnHomeInterviewStatus } from '../rules/return-home-interview';

@Resolver(() => MissingEpisode)
export class MissingEpisodeResolver {
  @FieldResolver(() => ReturnHomeInterview, {
    nullable: true,
    description: 'The return home interview offered after this episode; null if none has been offered.',
  })
  returnHomeInterview(@Root() episode: MissingEpisode, @Ctx() ctx: PoliceContext) {
    return ctx.loaders.returnHomeInterviewByEpisode.load(episode.id);
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      'The latest time a return home interview can be offered in time: 72 hours after the child was found. Null while still missing.',
  })
  returnHomeInterviewDueBy(@Root() episode: MissingEpisode) {
    return returnHomeInterviewDueBy(episode);
  }

  @FieldResolver(() => ReturnHomeInterviewStatus, {
    description: 'Computed now: whether the return home interview was, or still can be, offered within 72 hours of the child being found.',
  })
  async returnHomeInterviewStatus(@Root() episode: MissingEpisode, @Ctx() ctx: PoliceContext) {
    const offer = await ctx.loaders.returnHomeInterviewByEpisode.load(episode.id);
    return returnHomeInterviewStatus(episode, offer, ctx.now);
  }
}
