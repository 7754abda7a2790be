import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import type { EducationContext } from '../context';
import { SenProvisionEpisode } from '../entities/sen-provision-episode';
import { ehcpDueDate, ehcpIssuedWithinTwentyWeeks } from '../rules/sen';

@Resolver(() => SenProvisionEpisode)
export class SenProvisionEpisodeResolver {
  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      'Computed: when the EHC plan is due, 20 weeks after the request; null without a request. Shared with education, social care and health only.',
  })
  ehcpDueDate(@Root() e: SenProvisionEpisode): string | null {
    return e.ehcpRequestDate && ehcpDueDate(e.ehcpRequestDate);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Computed: whether the EHC plan was issued within 20 weeks of the request (the due date itself counts). False once the due date has passed without a plan; null without a request or while still within the 20 weeks. Shared with education, social care and health only.',
  })
  ehcpIssuedWithinTwentyWeeks(@Root() e: SenProvisionEpisode, @Ctx() ctx: EducationContext): boolean | null {
    return ehcpIssuedWithinTwentyWeeks(e.ehcpRequestDate, e.ehcpIssueDate, ctx.today);
  }
}
