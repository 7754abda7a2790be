import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { pathToArray } from '../../kit/access/request-access';
import { ChronologyEntry } from '../../kit/graphql/chronology';
import { shareableLines } from '../access';
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
    const subject = ctx.access.subjectAt(info.path.prev);
    if (!subject) throw new Error('health chronology asked for outside a young person');
    const { shown, withheld } = shareableLines(healthChronology(history), ctx.policy, { viewer: ctx.viewer, purpose: subject.purpose });
    for (const [rule, count] of withheld) ctx.access.withhold(subject, 'HealthRecord.chronology', rule, 'health', pathToArray(info.path), count);
    return shown;
  }
}
