import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { contentGuard } from '../../../kit/subgraph/access/content-guard';
import { ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { todayOf, type EducationContext } from '../context';
import { educationChronology, type EducationHistory } from '../rules/chronology';
import { EducationRecord, recordsOf } from './education-record';

const KINDS = [
  'enrolments', 'attendance', 'suspensions', 'permanentExclusions', 'reducedTimetables',
  'alternativeProvision', 'notInSchool', 'senProvision', 'peps', 'postSixteen',
] as const satisfies readonly (keyof EducationHistory)[];

@Resolver(() => EducationRecord)
export class EducationChronologyResolver {
  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description:
      "The virtual school's dated events for this young person, newest first, for merging into a deep-dive chronology. Summaries follow the same sharing rules as the records they come from. Null when not matched.",
  })
  async chronology(@Root() r: EducationRecord, @Ctx() ctx: EducationContext, @Info() info: GraphQLResolveInfo): Promise<ChronologyEntry[] | null> {
    if (!r.pupil) return null;
    // The same loaders as the list fields: no extra queries when both are asked for.
    const lists = await Promise.all(KINDS.map((kind) => recordsOf(r, ctx, kind)));
    const history = Object.fromEntries(KINDS.map((kind, i) => [kind, lists[i]])) as unknown as EducationHistory;
    // A summary carries no more than the record's own fields would show this viewer.
    const guard = contentGuard(ctx, info);
    const entries = educationChronology(history, todayOf(ctx), guard.shows);
    guard.report();
    return entries;
  }
}
