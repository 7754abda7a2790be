import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import { badUserInput, forbidden, notFound } from '../../../kit/subgraph/errors';
import { requiredText } from '../../../kit/subgraph/validate';
import { performWrite, pick } from '../../../kit/subgraph/writes/write';
import { SOCIAL_CARE } from '../agency';
import type { SocialCareContext } from '../context';
import { ActionProgressNote, Meeting, MeetingAction } from '../entities/meetings';
import { YoungPerson } from '../entities/young-person';
import { ActionStatus, Agency } from '../enums';
import { isActionOverdue } from '../rules/episodes';
import { ActionProgressInput } from './meeting-inputs';

const MAX_ACTIONS = 200;

/** The agency whose staff answer for an action: the hub's actions are social care's. */
function answeringAgency(action: MeetingAction): string {
  return action.owningAgency === Agency.NWD_HUB ? SOCIAL_CARE.code : action.owningAgency;
}

/** Actions agreed at meetings: each owned by one agency and a named person in it, reported on by that agency. */
@Resolver(() => MeetingAction)
export class MeetingActionResolver {
  @FieldResolver(() => Boolean, { description: 'Open and past its due date (computed today).' })
  overdue(@Root() a: MeetingAction, @Ctx() ctx: SocialCareContext): boolean {
    return isActionOverdue(a, ctx.today);
  }

  @FieldResolver(() => [ActionProgressNote], { description: "Dated progress notes from the owning agency's staff, oldest first." })
  progress(@Root() a: MeetingAction, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.progressNotes.load(a.id);
  }

  @FieldResolver(() => Meeting, { description: 'The meeting that agreed it.' })
  meeting(@Root() a: MeetingAction, @Ctx() ctx: SocialCareContext) {
    return ctx.loaders.meeting.load(a.meeting.id);
  }

  @FieldResolver(() => YoungPerson, { description: 'The young person the action is for.' })
  async youngPerson(@Root() a: MeetingAction, @Ctx() ctx: SocialCareContext) {
    const meeting = await ctx.loaders.meeting.load(a.meeting.id);
    return meeting && ctx.loaders.youngPerson.load(meeting.youngPerson.id);
  }

  @Query(() => [MeetingAction], {
    description: `Your own actions (you are the named owner), soonest due first; at most ${MAX_ACTIONS}. A closed action is listed while you still have a relationship with the young person.`,
  })
  async myActions(
    @Ctx() ctx: SocialCareContext,
    @Arg('status', () => ActionStatus, { nullable: true, description: 'Only actions with this status.' }) status?: ActionStatus | null,
    @Arg('overdue', () => Boolean, {
      nullable: true,
      description: 'true: only open actions past their due date; false: only those that are not.',
    })
    overdue?: boolean | null,
  ): Promise<MeetingAction[]> {
    const late = { status: ActionStatus.OPEN, dueDate: { $lt: ctx.today } };
    const actions = await ctx.em.find(
      MeetingAction,
      {
        ownerId: ctx.viewer.id,
        ...(status && { status }),
        ...(overdue === true && late),
        ...(overdue === false && { $not: late }),
      },
      { populate: ['meeting'], orderBy: { dueDate: 'asc', id: 'asc' }, limit: MAX_ACTIONS },
    );
    const purposes = await ctx.loaders.purposes.loadMany(actions.map((a) => a.meeting.youngPerson.id));
    return actions.filter((_, i) => {
      const purpose = purposes[i];
      return purpose && !(purpose instanceof Error) && purpose.kind !== PurposeKind.AUDIT;
    });
  }

  @Mutation(() => MeetingAction, {
    description:
      "Reports progress on an action: a dated note and, when it changes, the status (COMPLETED or CANCELLED closes it; OPEN reopens it). The owning agency's staff only.",
  })
  async updateActionProgress(
    @Ctx() ctx: SocialCareContext,
    @Arg('actionId', () => ID) actionId: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read (MeetingAction.version).' }) expectedVersion: number,
    @Arg('progress', () => ActionProgressInput) progress: ActionProgressInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'A key of your own for this request: a retry creates no second note.',
    })
    idempotencyKey?: string | null,
  ): Promise<MeetingAction> {
    if (!/^\d{1,12}$/.test(actionId)) throw badUserInput('actionId', 'an action id is a number');
    const note = requiredText('progress.note', progress.note, 4000);
    // Who may write is decided before the transaction (through the request's loaders); state and version inside it.
    const found = await ctx.em.findOne(MeetingAction, { id: Number(actionId) }, { populate: ['meeting'] });
    const purpose = found && (await ctx.loaders.purposes.load(found.meeting.youngPerson.id));
    if (!found || !purpose || purpose.kind === PurposeKind.AUDIT) throw notFound('actionId', actionId);
    if (answeringAgency(found) !== ctx.viewer.agency) {
      throw forbidden(`Only ${found.owningAgency.toLowerCase().replace('_', ' ')} staff report on this action.`);
    }
    const id = await performWrite(
      ctx,
      { operation: 'updateActionProgress', idempotencyKey, input: { actionId, expectedVersion, note, status: progress.status } },
      async (tx) => {
        const action = await tx.findOneOrFail(MeetingAction, { id: Number(actionId) }, { populate: ['meeting'], refresh: true });
        await tx.lock(action, LockMode.OPTIMISTIC, expectedVersion);
        const before = pick(action, ['status', 'completedOn']);
        const status = progress.status ?? action.status;
        if (status !== action.status) {
          action.status = status;
          action.completedOn = status === ActionStatus.OPEN ? null : ctx.today;
        }
        const written = tx.create(ActionProgressNote, {
          action,
          writtenAt: ctx.now,
          authorId: ctx.viewer.id,
          author: ctx.viewer.name,
          note,
          status,
        });
        await tx.flush();
        return {
          resultId: String(action.id),
          subject: action.meeting.youngPerson.id,
          changes: [
            { entity: 'MeetingAction', id: String(action.id), before, after: pick(action, ['status', 'completedOn']) },
            { entity: 'ActionProgressNote', id: String(written.id), before: null, after: pick(written, ['authorId', 'note', 'status']) },
          ],
        };
      },
    );
    ctx.loaders.progressNotes.clear(Number(id));
    const action = await ctx.em.findOne(MeetingAction, { id: Number(id) }, { populate: ['meeting'], refresh: true });
    if (!action) throw notFound('actionId', id);
    return action;
  }
}
