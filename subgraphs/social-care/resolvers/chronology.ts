import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { guardedChronology, type ChronologyLine } from '../../../kit/subgraph/access/chronology-guard';
import { toLocalDate } from '../../../kit/subgraph/dates';
import { byDateDescending, ChronologyEntry, chronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { SOCIAL_CARE } from '../agency';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';
import { MeetingKind, MissingFromCareType } from '../enums';

const line = (record: object, date: string, kind: string, summary: string): ChronologyLine => ({
  entry: chronologyEntry(SOCIAL_CARE.name, date, kind, summary),
  record,
});

/** Social care's part of the deep-dive chronology, built from its dated records, through the same guard as every agency's. */
@Resolver(() => YoungPerson)
export class ChronologyFields {
  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description: "Social care's dated events for this young person, newest first.",
  })
  async chronology(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext, @Info() info: GraphQLResolveInfo): Promise<ChronologyEntry[]> {
    const l = ctx.loaders;
    const [statuses, legal, placements, missing, plans, nwd, meetings] = await Promise.all([
      l.caseStatusEpisodes.load(p.id),
      l.legalStatusEpisodes.load(p.id),
      l.placementEpisodes.load(p.id),
      l.missingFromCareEpisodes.load(p.id),
      l.plans.load(p.id),
      l.nwdInvolvements.load(p.id),
      l.meetings.load(p.id),
    ]);
    return guardedChronology(ctx, info, () =>
      [
        ...statuses.map((s) => line(s, s.startDate, 'Status began', s.status)),
        ...statuses.flatMap((s) => (s.endDate ? [line(s, s.endDate, 'Status ended', s.status)] : [])),
        ...legal.map((s) => line(s, s.startDate, 'Legal status', s.legalStatus)),
        ...placements.map((s) => line(s, s.startDate, 'Placement began', s.placementType)),
        ...placements.flatMap((s) => (s.endDate ? [line(s, s.endDate, 'Placement ended', s.reasonForChange ?? 'no reason recorded')] : [])),
        ...missing.map((m) =>
          line(
            m,
            toLocalDate(m.startedAt),
            'Missing from care',
            m.type === MissingFromCareType.M ? 'Missing' : 'Away without authorisation',
          ),
        ),
        ...plans.map((s) => line(s, s.agreedOn, 'Plan agreed', s.type)),
        ...nwd.map((n) => line(n, n.referredOn, 'Referred to No Wrong Door', `${n.priority} priority, from ${n.referralSource}`)),
        ...meetings.map((m) => line(m, m.heldOn, m.kind === MeetingKind.RAISE ? 'RAISE meeting' : 'Deep dive', m.status)),
      ].sort((a, b) => byDateDescending(a.entry, b.entry)),
    );
  }
}
