import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { Timeliness } from '../../../kit/subgraph/graphql/timeliness';
import type { PoliceContext } from '../context';
import { NrmReferral } from '../entities';
import {
  conclusiveGroundsAfterRecoveryPeriod,
  conclusiveGroundsEarliestOn,
  reasonableGroundsDecidedInTime,
  reasonableGroundsTimeliness,
} from '../rules/nrm';

@Resolver(() => NrmReferral)
export class NrmReferralResolver {
  @FieldResolver(() => Timeliness, {
    description:
      'Computed: the reasonable grounds decision is due within 5 working days of the referral (bank holidays not counted as such). Overdue while awaited past that day; up to date once made.',
  })
  reasonableGroundsDecision(@Root() referral: NrmReferral, @Ctx() ctx: PoliceContext) {
    return reasonableGroundsTimeliness(referral, ctx.today);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Computed: whether the reasonable grounds decision was made within 5 working days of the referral; null until it is made.',
  })
  reasonableGroundsDecidedInTime(@Root() referral: NrmReferral) {
    return reasonableGroundsDecidedInTime(referral);
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      'Computed: the first day a conclusive grounds decision may be made, 30 days after a positive reasonable grounds decision (the recovery period); null otherwise.',
  })
  conclusiveGroundsEarliestOn(@Root() referral: NrmReferral) {
    return conclusiveGroundsEarliestOn(referral);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Computed: whether the conclusive grounds decision came after the 30-day recovery period; null until it is made.',
  })
  conclusiveGroundsAfterRecoveryPeriod(@Root() referral: NrmReferral) {
    return conclusiveGroundsAfterRecoveryPeriod(referral);
  }
}
