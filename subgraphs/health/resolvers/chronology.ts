import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { contentGuard } from '../../../kit/subgraph/access/content-guard';
import { ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import type { HealthContext } from '../context';
import { healthChronology } from '../rules/chronology';
import { HealthRecord, NOT_MATCHED } from './health-record';

/**
 * The chronology says again what other fields say, so it shows only what this viewer may see of
 * them: lines stating a withheld field (or about a record the young person asked not to be shared)
 * are left out, with a notice per rule saying how many.
 */
@Resolver(() => HealthRecord)
export class HealthChronologyResolver {
  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: `Every dated health event this viewer may see, as a chronology line, newest first (statuses only: no clinical notes or scores).${NOT_MATCHED}`,
  })
  async chronology(@Root() record: HealthRecord, @Ctx() ctx: HealthContext, @Info() info: GraphQLResolveInfo): Promise<ChronologyEntry[] | null> {
    const history = await record.history();
    if (!history) return null;
    const guard = contentGuard(ctx, info);
    const shown = healthChronology(history).filter((line) => guard.showsAll(line.fields, line.record));
    guard.report();
    return shown.map((line) => line.entry);
  }
}
