import type { LocalDate } from '../../../kit/subgraph/dates';
import type { SocialCareContext } from '../context';
import { nextRaiseDue } from '../rules/raise-schedule';

/** When a young person's next RAISE meeting is due, from their open NWD involvement and their meetings; null when not on the caseload. */
export async function raiseDueFor(personId: string, ctx: SocialCareContext): Promise<LocalDate | null> {
  const [involvements, meetings] = await Promise.all([ctx.loaders.nwdInvolvements.load(personId), ctx.loaders.meetings.load(personId)]);
  const open = involvements.find((i) => !i.closedOn);
  return open ? nextRaiseDue(meetings, open.priority, open.referredOn, ctx.today) : null;
}
