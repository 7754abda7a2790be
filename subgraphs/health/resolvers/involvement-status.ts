import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../context';
import { CamhsInvolvement, LifeCoachInvolvement } from '../entities';
import { HealthInvolvementStatus } from '../enums';
import { involvementStatus } from '../rules/involvement';

const STATUS = { description: 'Where the involvement stands today, computed from its dates (never stored).' };

/** Statuses are computed on the day asked, so they need the request's clock: field resolvers, not stored columns. */
@Resolver(() => CamhsInvolvement)
export class CamhsInvolvementStatusResolver {
  @FieldResolver(() => HealthInvolvementStatus, STATUS)
  status(@Root() involvement: CamhsInvolvement, @Ctx() ctx: HealthContext): HealthInvolvementStatus {
    return involvementStatus(involvement, ctx.today);
  }
}

@Resolver(() => LifeCoachInvolvement)
export class LifeCoachInvolvementStatusResolver {
  @FieldResolver(() => HealthInvolvementStatus, STATUS)
  status(@Root() involvement: LifeCoachInvolvement, @Ctx() ctx: HealthContext): HealthInvolvementStatus {
    return involvementStatus(involvement, ctx.today);
  }
}
