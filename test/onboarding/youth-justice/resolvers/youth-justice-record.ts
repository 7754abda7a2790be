import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, ObjectType, Resolver, Root } from 'type-graphql';
import { guardedChronology } from '../../../kit/subgraph/access/chronology-guard';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { ChronologyEntry, chronologyEntry, Significance } from '../../../kit/subgraph/graphql/chronology';
import { YOUTH_JUSTICE } from '../agency';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import type { YouthJusticeContext } from '../context';
import type { YjsCase } from '../entities';

@ObjectType({ description: 'What the youth justice service holds about the young person, found by its case reference.' })
export class YouthJusticeRecord extends AgencyRecord<YjsCase> {}

/** What the chronology's one line states: the date the case opened, which the policy keeps to need-to-know agencies. */
const CHRONOLOGY_DRAWS_ON = ['YouthJusticeRecord.caseOpenedOn'];

@Resolver(() => YouthJusticeRecord)
export class YouthJusticeRecordResolver {
  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'When the case opened. Null when not matched.' })
  caseOpenedOn(@Root() record: YouthJusticeRecord) {
    return record.whenMatched((yjsCase) => yjsCase.openedOn);
  }

  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: "The youth justice service's dated events, for the merged chronology. Null when not matched.",
  })
  chronology(@Root() record: YouthJusticeRecord, @Ctx() ctx: YouthJusticeContext, @Info() info: GraphQLResolveInfo) {
    return record.whenMatched((yjsCase) =>
      guardedChronology(ctx, info, CHRONOLOGY_DRAWS_ON, () => [
        {
          entry: chronologyEntry(
            YOUTH_JUSTICE.name,
            yjsCase.openedOn,
            'Case opened',
            'Youth justice service case opened.',
            Significance.HIGH,
          ),
          record: yjsCase,
          fields: [...CHRONOLOGY_DRAWS_ON],
        },
      ]),
    );
  }

  @FieldResolver(() => [AuditEntry], { nullable: true, description: 'Who has read this record. Auditors only. Null when not matched.' })
  accessLog(@Root() record: YouthJusticeRecord, @Ctx() ctx: YouthJusticeContext) {
    return record.whenMatched((yjsCase) => ctx.loaders.accessLog.load(yjsCase.reference));
  }
}
