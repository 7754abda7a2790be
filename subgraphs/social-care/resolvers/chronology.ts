import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Info, InputType, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RECEIVING_AGENCIES, recordTypeName, type ReceivingAgency } from '../../../kit/shared/agencies';
import { guardedChronology } from '../../../kit/subgraph/access/chronology-guard';
import { badUserInput } from '../../../kit/subgraph/errors';
import { ChronologyEntry, SIGNIFICANCE_RANK, Significance } from '../../../kit/subgraph/graphql/chronology';
import { cursorAt, PageArgs, pageWindow } from '../../../kit/subgraph/graphql/pagination';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';
import { SOCIAL_CARE_CHRONOLOGY_DRAWS_ON, socialCareChronology, type SocialCareHistory } from '../rules/chronology';
import { PageInfo } from './page-info';

async function loadHistory(personId: string, { loaders: l }: SocialCareContext): Promise<SocialCareHistory> {
  const [statuses, legal, placements, missing, plans, nwd, meetings] = await Promise.all([
    l.caseStatusEpisodes.load(personId),
    l.legalStatusEpisodes.load(personId),
    l.placementEpisodes.load(personId),
    l.missingFromCareEpisodes.load(personId),
    l.plans.load(personId),
    l.nwdInvolvements.load(personId),
    l.meetings.load(personId),
  ]);
  return { statuses, legal, placements, missing, plans, nwd, meetings };
}

/**
 * Each receiving agency's record, as social care declares it to require its chronology: external,
 * so the gateway fetches it from that agency, under that agency's policy and the viewer's grant.
 */
for (const agency of RECEIVING_AGENCIES) {
  @ObjectType(recordTypeName(agency))
  class ExternalRecord {}
  Directive('@external')(ExternalRecord.prototype, 'chronology');
  Field(() => [ChronologyEntry], { nullable: true })(ExternalRecord.prototype, 'chronology');
  Directive('@external')(YoungPerson.prototype, agency.recordField);
  Field(() => ExternalRecord, { nullable: true })(YoungPerson.prototype, agency.recordField);
}

const ENTRY = 'date agency kind summary significance';
/** What the merged chronology requires of every receiving agency: its entries, as that agency shows them to this viewer. */
const REQUIRED = RECEIVING_AGENCIES.map((a) => `${a.recordField} { chronology { ${ENTRY} } }`).join(' ');

@InputType({ description: 'Narrows the merged chronology; all given conditions must hold.' })
class ChronologyFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only entries recorded by these agencies (social-care, education, health, police...).',
  })
  agencies?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only entries of these kinds ("Missing episode", "Arrest", "Placement began"...).',
  })
  kinds?: string[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only entries on or after this date.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only entries on or before this date.' })
  to?: string | null;

  @Field(() => Significance, { nullable: true, description: 'Only entries at least this significant.' })
  significance?: Significance | null;
}

@ArgsType()
class ChronologyArgs extends PageArgs {
  @Field(() => ChronologyFilter, { nullable: true })
  filter?: ChronologyFilter | null;

  @Field({ defaultValue: false, description: 'Oldest first (a deep dive reads a history from the start); newest first by default.' })
  oldestFirst: boolean = false;
}

@ObjectType({ description: 'A page of the merged multi-agency chronology.' })
class ChronologyPage {
  @Field(() => [ChronologyEntry])
  entries!: ChronologyEntry[];

  @Field(() => Int, { description: 'Entries matching the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** The required part of a representation: each agency's entries (null when it could not look, or withheld them). */
type Received = Partial<Record<string, { chronology?: ChronologyEntry[] | null } | null>>;

function byDate(oldestFirst: boolean) {
  return (a: ChronologyEntry, b: ChronologyEntry) => {
    const order = a.date < b.date ? -1 : a.date > b.date ? 1 : a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0;
    return oldestFirst ? order : -order;
  };
}

/** Social care's part of the deep-dive chronology, and the whole multi-agency chronology merged. */
@Resolver(() => YoungPerson)
export class ChronologyFields {
  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: "Social care's dated events for this young person, newest first.",
  })
  async chronology(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext, @Info() info: GraphQLResolveInfo): Promise<ChronologyEntry[]> {
    const history = await loadHistory(p.id, ctx);
    return guardedChronology(ctx, info, SOCIAL_CARE_CHRONOLOGY_DRAWS_ON, () => socialCareChronology(history));
  }

  /**
   * Merged here, in social care, with @requires over every receiving agency's chronology: the gateway
   * fetches each agency's entries under that agency's own policy and the viewer's grant, and hands them
   * to social care in the same request; social care adds its own, then filters, orders and pages. Social
   * care sees only what the viewer may see, only for this request, and keeps none of it.
   */
  @Directive(`@requires(fields: "${REQUIRED}")`)
  @FieldResolver(() => ChronologyPage, {
    description:
      "The young person's whole multi-agency chronology, every agency's entries merged and ordered by date, each as its agency shows it to you (what an agency withholds is left out there, with its notice). Filter by agency, kind, dates and significance; paged.",
  })
  async multiAgencyChronology(
    @Root() p: YoungPerson & Received,
    @Ctx() ctx: SocialCareContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ChronologyArgs) args: ChronologyArgs,
  ): Promise<ChronologyPage> {
    const { limit, offset } = pageWindow(args);
    const f = args.filter ?? {};
    if (f.from && f.to && f.from > f.to) throw badUserInput('filter.to', `must not be before filter.from (${f.from})`);
    const history = await loadHistory(p.id, ctx);
    const own = guardedChronology(ctx, info, SOCIAL_CARE_CHRONOLOGY_DRAWS_ON, () => socialCareChronology(history));
    const theirs = RECEIVING_AGENCIES.flatMap((a: ReceivingAgency) => p[a.recordField]?.chronology ?? []);
    const entries = [...own, ...theirs]
      .filter(
        (e) =>
          (!f.agencies?.length || f.agencies.includes(e.agency)) &&
          (!f.kinds?.length || f.kinds.includes(e.kind)) &&
          (!f.from || e.date >= f.from) &&
          (!f.to || e.date <= f.to) &&
          (!f.significance || SIGNIFICANCE_RANK[e.significance] >= SIGNIFICANCE_RANK[f.significance]),
      )
      .sort(byDate(args.oldestFirst));
    const page = entries.slice(offset, offset + limit);
    const end = offset + page.length;
    return {
      entries: page,
      totalCount: entries.length,
      pageInfo: { hasNextPage: end < entries.length, endCursor: page.length ? cursorAt(end) : null },
    };
  }
}
