import { Ctx, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import type { YouthJusticeContext } from '../context';
import type { YjsCase } from '../entities';

@ObjectType({ description: 'What the youth justice service holds about the young person, found by its case reference.' })
export class YouthJusticeRecord extends AgencyRecord<YjsCase> {}

@Resolver(() => YouthJusticeRecord)
export class YouthJusticeRecordResolver {
  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'When the case opened. Null when not matched.' })
  caseOpenedOn(@Root() record: YouthJusticeRecord) {
    return record.whenMatched((yjsCase) => yjsCase.openedOn);
  }

  @FieldResolver(() => [AuditEntry], { nullable: true, description: 'Who has read this record. Auditors only. Null when not matched.' })
  accessLog(@Root() record: YouthJusticeRecord, @Ctx() ctx: YouthJusticeContext) {
    return record.whenMatched((yjsCase) => ctx.loaders.accessLog.load(yjsCase.reference));
  }
}
