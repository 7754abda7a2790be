import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { AgencyMatchStatus } from '../../../kit/subgraph/graphql/match';
import type { HealthContext } from '../context';
import { HealthRecord, NOT_MATCHED } from './health-record';

/** Health's own audit log about the young person, for information-governance auditors (policy: audit-log-auditors-only). */
@Resolver(() => HealthRecord)
export class HealthAuditFields {
  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: `Who has read (or been refused) this young person's health data, newest first. Information-governance auditors only.${NOT_MATCHED}`,
  })
  accessLog(@Root() record: HealthRecord, @Ctx() ctx: HealthContext): Promise<AuditEntry[]> | null {
    return record.matchStatus === AgencyMatchStatus.MATCHED && record.nhsNumber ? ctx.loaders.accessLog.load(record.nhsNumber) : null;
  }
}
