import { raw, type FilterQuery } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/knex';
import { Arg, Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { SOCIAL_CARE } from '../agency';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import { JUSTIFICATION_MAX_LENGTH, JUSTIFICATION_MIN_LETTERS } from '../../../kit/subgraph/justification';
import { justification } from '../../../kit/subgraph/validate';
import { badUserInput, notFound } from '../../../kit/subgraph/errors';
import { containsIgnoringCase } from '../../../kit/subgraph/contains-text';
import { asked, surelyHasPurpose, undecidedPurpose, withPurpose, type OnYoungPerson } from '../access';
import { linkedYoungPerson } from './linked-young-person';
import { cursorAt, PageArgs, pageWindow } from '../../../kit/subgraph/graphql/pagination';
import type { SocialCareContext } from '../context';
import { NwdInvolvement } from '../entities/nwd';
import { YoungPerson } from '../entities/young-person';
import { NwdSupport, RagPriority } from '../enums';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PageInfo } from './page-info';
import { raiseDueFor } from './raise-due';
import { plainQuery } from '../../../kit/subgraph/plain-query';

@ArgsType()
class IdentifierArgs {
  @Field(() => String, { nullable: true, description: "LA child id (this council's own)." })
  laChildId?: string | null;
}
// One argument per receiving agency in the agencies table (nhsNumber, upn, pncId...).
for (const { identifier } of RECEIVING_AGENCIES) {
  Field(() => String, { nullable: true, description: identifier.description })(IdentifierArgs.prototype, identifier.field);
}
const IDENTIFIER_ARGS = ['laChildId', ...RECEIVING_AGENCIES.map((a) => a.identifier.field)];

@InputType({ description: 'Narrows the NWD caseload; all given conditions must hold.' })
class NwdCaseloadFilter {
  @Field(() => RagPriority, { nullable: true })
  priority?: RagPriority;

  @Field(() => NwdSupport, { nullable: true })
  support?: NwdSupport;

  @Field(() => String, { nullable: true, description: 'Exact key worker name.' })
  keyWorker?: string;

  @Field(() => String, { nullable: true, description: 'Part of the given or family name (at least 2 characters).' })
  nameContains?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only young people whose next RAISE meeting is due before this date (YoungPerson.nextRaiseDue): "who is due this week".',
  })
  raiseDueBefore?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only those whose RAISE meeting is overdue; false: only those whose is not.' })
  raiseOverdue?: boolean;
}

@ObjectType({ description: 'One page of the No Wrong Door caseload.' })
class NwdCaseloadPage {
  @Field(() => [YoungPerson])
  nodes!: YoungPerson[];

  @Field(() => Int, { description: 'Young people matching the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@Resolver(() => YoungPerson)
export class YoungPersonQueries {
  @Query(() => YoungPerson, {
    description:
      "A young person by social care's person id, when you have a legitimate relationship (allocation, statutory role or meeting invitation). Otherwise give breakGlassReason: access is then allowed, recorded and raised as an alert for auditors.",
  })
  async youngPerson(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SocialCareContext,
    @Arg('breakGlassReason', () => String, {
      nullable: true,
      description: `Emergency access only: why you need this record now, in words (at least ${JUSTIFICATION_MIN_LETTERS} letters, at most ${JUSTIFICATION_MAX_LENGTH} characters).`,
    })
    breakGlassReason?: string,
  ): Promise<YoungPerson> {
    const checked = SOCIAL_CARE.identifier.check(id);
    if (!checked.ok || checked.value !== id) throw badUserInput('id', 'a person id looks like "YP-000123"');
    if (breakGlassReason != null) ctx.breakGlassReasons.set(id, justification('breakGlassReason', breakGlassReason));
    const person = await withPurpose(ctx, await ctx.loaders.youngPerson.load(id), id);
    if (!person) throw notFound('id', id);
    return person;
  }

  @Query(() => YoungPerson, {
    nullable: true,
    description: "Finds a young person by exactly one agency identifier, through social care's cross-reference. Null when none is linked.",
  })
  async youngPersonByIdentifier(
    @Ctx() ctx: SocialCareContext,
    @Args(() => IdentifierArgs) args: IdentifierArgs,
  ): Promise<YoungPerson | null> {
    const given = Object.entries(args as Record<string, string | null | undefined>).filter(([, v]) => v != null);
    if (given.length !== 1) throw badUserInput('youngPersonByIdentifier', `give exactly one of ${IDENTIFIER_ARGS.join(', ')}`);
    const [field, value] = given[0] as [string, string];
    if (field === 'laChildId') {
      const laChildId = value.trim();
      return withPurpose(ctx, await ctx.em.findOne(YoungPerson, { laChildId }), asked(field, laChildId));
    }
    return linkedYoungPerson(ctx, RECEIVING_AGENCIES.find((a) => a.identifier.field === field)!.identifier, value);
  }

  @Query(() => NwdCaseloadPage, {
    description: 'Young people with an open No Wrong Door involvement whom you have a legitimate relationship with, by family name.',
  })
  async nwdCaseload(
    @Ctx() ctx: SocialCareContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NwdCaseloadFilter, { nullable: true }) filter?: NwdCaseloadFilter,
  ): Promise<NwdCaseloadPage> {
    const { limit, offset } = pageWindow(page);
    const name = filter?.nameContains?.trim();
    if (name != null && name.length < 2) throw badUserInput('filter.nameContains', 'give at least 2 characters');
    // A raw condition serves one query only: each query gets its own.
    const named = (): FilterQuery<YoungPerson>[] =>
      name
        ? [
            {
              $or: [
                containsIgnoringCase(ctx.em, YoungPerson, 'givenName', name),
                containsIgnoringCase(ctx.em, YoungPerson, 'familyName', name),
              ],
            },
          ]
        : [];
    // The young people as a condition on the involvement's own key; the join to young_person only for a name.
    const where = (people: OnYoungPerson, byName = true): FilterQuery<NwdInvolvement> => ({
      closedOn: null,
      ...(filter?.priority && { priority: filter.priority }),
      ...(filter?.support && { support: filter.support }),
      ...(filter?.keyWorker && { keyWorker: filter.keyWorker }),
      ...(byName && name && { youngPerson: { $and: named() } }),
      $and: [people as FilterQuery<NwdInvolvement>],
    });
    // Who is on it, decided without loading the council: those the rule certainly opens to the viewer
    // (an allocation or hub involvement of theirs open today) in the database; the few others they may
    // have a purpose for (invitations, actions, a statutory role) by the rule itself, one by one, batched.
    // The ids the caseload is drawn from: whoever has an open involvement.
    const open = () =>
      (ctx.em as SqlEntityManager).createQueryBuilder(NwdInvolvement, 'o').select('o.youngPerson').where({ closedOn: null }).getKnexQuery();
    const sure = () => surelyHasPurpose(ctx, open);
    const opened = (confirmed: string[]) => {
      const certainly = sure();
      // No `or` with an empty list: it kept PostgreSQL from starting at the viewer's own rows (42 ms
      // against 3 for a key worker's page at 100 000). Nobody certain and nobody confirmed is nobody.
      const conditions: OnYoungPerson[] = [
        ...(certainly ? [certainly] : []),
        ...(confirmed.length ? [{ youngPerson: { $in: confirmed } }] : []),
      ];
      if (conditions.length === 0) return where({ youngPerson: { $in: [] } });
      return where(conditions.length === 1 ? conditions[0] : { $or: conditions });
    };
    // Only those the database cannot settle come back (not the virtual school head's thousands): not by
    // name, as the page narrows by name and these are only the viewer's own candidates.
    const mayOnly = undecidedPurpose(ctx, open);
    const undecided = async (): Promise<string[]> => {
      const rows = mayOnly ? await plainQuery<{ youngPerson: string }>(ctx.em, NwdInvolvement, ['youngPerson'], where(mayOnly, false)) : [];
      const ids = [...new Set(rows.map((row) => row.youngPerson))];
      const purposes = await ctx.loaders.purposes.loadMany(ids);
      // A caseload is whom the viewer works with: an auditor's purpose opens logs, and breaking glass on
      // someone in the same request opens their record, not a place on the caseload.
      return ids.filter((_, i) => {
        const purpose = purposes[i];
        return purpose && !(purpose instanceof Error) && purpose.kind !== PurposeKind.AUDIT && purpose.kind !== PurposeKind.BREAK_GLASS;
      });
    };
    const ordered = {
      populate: ['youngPerson'] as const,
      orderBy: { youngPerson: { familyName: 'asc', givenName: 'asc', id: 'asc' } } as const,
    };
    if (filter?.raiseDueBefore == null && filter?.raiseOverdue == null) {
      // Ordered, counted and paged in the database, in one statement: the young people a page shows and
      // how many there are in all (a window count over the rows the page is cut from). A separate count
      // weighed the same looked-after children again (the virtual school head's at 100 000: 16 ms of
      // PostgreSQL against 1.4). Past the last page no row carries the count, so only then is it asked.
      const page = (confirmed: string[]) =>
        (ctx.em as SqlEntityManager)
          .createQueryBuilder(NwdInvolvement, 'n')
          .select(['y.*', raw('count(*) over () as total_count')])
          .join('n.youngPerson', 'y')
          .where(opened(confirmed) as QBFilterQuery<NwdInvolvement>)
          .orderBy(ordered.orderBy)
          .limit(limit)
          .offset(offset)
          .execute<(Record<string, unknown> & { total_count: number | string })[]>('all', false);
      // The page of those surely opened is asked alongside the undecided, on another connection: it is
      // the answer whenever the rule confirms nobody more (the virtual school head's at 100 000: the two
      // statements took 19 and 27 ms one after the other). Asked again only when someone is confirmed.
      const [confirmed, surePage] = await Promise.all([undecided(), page([])]);
      const rows = confirmed.length ? await page(confirmed) : surePage;
      const nodes = rows.map((row) => ctx.em.map(YoungPerson, row));
      const totalCount = rows.length
        ? Number(rows[0].total_count)
        : offset === 0
          ? 0
          : await ctx.em.count(NwdInvolvement, opened(confirmed));
      const end = offset + nodes.length;
      return { nodes, totalCount, pageInfo: { hasNextPage: end < totalCount, endCursor: nodes.length ? cursorAt(end) : null } };
    }
    // When the next RAISE meeting is due is worked out per young person, from their meetings.
    const visible = await ctx.em.find(NwdInvolvement, opened(await undecided()), ordered);
    const due = await Promise.all(visible.map((i) => raiseDueFor(i.youngPerson.id, ctx)));
    const wanted = visible.filter((_, i) => {
      const date = due[i]!;
      return (
        (filter.raiseDueBefore == null || date < filter.raiseDueBefore) &&
        (filter.raiseOverdue == null || ctx.today > date === filter.raiseOverdue)
      );
    });
    const totalCount = wanted.length;
    const nodes = wanted.slice(offset, offset + limit).map((i) => i.youngPerson);
    const end = offset + nodes.length;
    return { nodes, totalCount, pageInfo: { hasNextPage: end < totalCount, endCursor: nodes.length ? cursorAt(end) : null } };
  }
}
