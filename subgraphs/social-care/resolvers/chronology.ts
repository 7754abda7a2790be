import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byDateDescending, ChronologyEntry, chronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { toLocalDate } from '../../../kit/subgraph/dates';
import type { SocialCareContext } from '../context';
import { YoungPerson } from '../entities/young-person';

const entry = (date: string, kind: string, summary: string) => chronologyEntry('social-care', date, kind, summary);

/** Social care's part of the deep-dive chronology, built from its dated records. */
@Resolver(() => YoungPerson)
export class ChronologyFields {
  @FieldResolver(() => [ChronologyEntry], { nullable: true, description: "Social care's dated events for this young person, newest first." })
  async chronology(@Root() p: YoungPerson, @Ctx() ctx: SocialCareContext): Promise<ChronologyEntry[]> {
    const l = ctx.loaders;
    const [statuses, legal, placements, missing, plans, nwd, meetings] = await Promise.all([
      l.caseStatusEpisodes.load(p.id), l.legalStatusEpisodes.load(p.id), l.placementEpisodes.load(p.id),
      l.missingFromCareEpisodes.load(p.id), l.plans.load(p.id), l.nwdInvolvements.load(p.id), l.meetings.load(p.id),
    ]);
    return [
      ...statuses.map((s) => entry(s.startDate, 'Status began', s.status)),
      ...statuses.filter((s) => s.endDate).map((s) => entry(s.endDate!, 'Status ended', s.status)),
      ...legal.map((s) => entry(s.startDate, 'Legal status', s.legalStatus)),
      ...placements.map((s) => entry(s.startDate, 'Placement began', s.placementType)),
      ...placements.filter((s) => s.endDate).map((s) => entry(s.endDate!, 'Placement ended', s.reasonForChange ?? 'no reason recorded')),
      ...missing.map((m) => entry(toLocalDate(m.startedAt), 'Missing from care', m.type === 'M' ? 'Missing' : 'Away without authorisation')),
      ...plans.map((s) => entry(s.agreedOn, 'Plan agreed', s.type)),
      ...nwd.map((n) => entry(n.referredOn, 'Referred to No Wrong Door', `${n.priority} priority, from ${n.referralSource}`)),
      ...meetings.map((m) => entry(m.heldOn, m.kind === 'RAISE' ? 'RAISE meeting' : 'Deep dive', m.status)),
    ].sort(byDateDescending);
  }
}
