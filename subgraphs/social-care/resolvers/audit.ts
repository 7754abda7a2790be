import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import { AuditRecord } from '../../../kit/subgraph/audit/audit-record';
import { AuditEntry, toAuditEntry } from '../../../kit/subgraph/audit/graphql';
import { PageArgs, pageWindow } from '../../../kit/subgraph/graphql/pagination';
import { SOCIAL_CARE } from '../agency';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';

/** What auditors (and only auditors) can ask of social care's own audit log. */
@Resolver(() => YoungPerson)
export class AuditFields {
  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description:
      "Who has looked at (or been refused) this young person's social care data, newest first. Information-governance auditors only.",
  })
  accessLog(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.accessLog.load(p.id);
  }

  @Query(() => [AuditEntry], {
    description:
      "Break-glass reads and overrides of a young person's refusal to be discussed, newest first, for a privacy officer to review. Information-governance auditors only.",
  })
  async breakGlassAlerts(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SocialCareContext): Promise<AuditEntry[]> {
    if (ctx.viewer.role !== 'IG_AUDITOR')
      throw new GraphQLError('Break-glass alerts are for information-governance auditors.', { extensions: { code: 'FORBIDDEN' } });
    const { limit, offset } = pageWindow(page);
    // Break-glass reads, and writes with a justification to review (a chair overriding the young person's consent).
    const rows = await ctx.em.find(
      AuditRecord,
      { $or: [{ purposeKind: PurposeKind.BREAK_GLASS }, { action: 'WRITE', breakGlassReason: { $ne: null } }] },
      { orderBy: { seq: 'desc' }, limit, offset },
    );
    return rows.map((r) => toAuditEntry(SOCIAL_CARE.name, r));
  }
}
