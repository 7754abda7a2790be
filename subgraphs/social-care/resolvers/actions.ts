import { LockMode } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import { badUserInput, notFound } from '../../../kit/subgraph/errors';
import { writeAuthority } from '../access';
import { cursorAt, PageArgs, pageWindow } from '../../../kit/subgraph/graphql/pagination';
import { requiredText } from '../../../kit/subgraph/validate';
import { performWrite, pick } from '../../../kit/subgraph/writes/write';
import type { SocialCareContext } from '../context';
import { ActionProgressNote, Meeting, MeetingAction } from '../entities/meetings';
import { YoungPerson } from '../entities/young-person';
import { ActionStatus, Agency } from '../enums';
import { isActionOverdue } from '../rules/episodes';
import { answeringAgency } from '../rules/meetings';
import { ActionProgressInput } from './meeting-inputs';
import { PageInfo } from './page-info';

/** Purposes that make someone answerable for their agency's work with a young person, beyond their own actions. */
const ANSWERABLE = new Set([PurposeKind.ALLOCATION, PurposeKind.STATUTORY_ROLE, PurposeKind.SPECIALIST_INVOLVEMENT]);

@ObjectType({ description: 'One page of your actions.' })
class MeetingActionPage {
  @Field(() => [MeetingAction])
  nodes!: MeetingAction[];

  @Field(() => Int, { description: 'Your actions matching the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
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

  @Query(() => MeetingActionPage, {
    description:
      'Your own actions (you are the named owner), soonest due first, paged. An action is listed while you have a relationship with its young person (an open action is one; a closed one counts on the day it was closed).',
  })
  async myActions(
    @Ctx() ctx: SocialCareContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ActionStatus, { nullable: true, description: 'Only actions with this status.' }) status?: ActionStatus | null,
    @Arg('overdue', () => Boolean, {
      nullable: true,
      description: 'true: only open actions past their due date; false: only those that are not.',
    })
    overdue?: boolean | null,
  ): Promise<MeetingActionPage> {
    const { limit, offset } = pageWindow(page);
    const late = { status: ActionStatus.OPEN, dueDate: { $lt: ctx.today } };
    // Filtered in SQL, then by relationship (batched), then paged: nothing is dropped before it is judged.
    const actions = await ctx.em.find(
      MeetingAction,
      {
        ownerId: ctx.viewer.id,
        ...(status && { status }),
        ...(overdue === true && late),
        ...(overdue === false && { $not: late }),
      },
      { populate: ['meeting'], orderBy: { dueDate: 'asc', id: 'asc' } },
    );
    const purposes = await ctx.loaders.purposes.loadMany(actions.map((a) => a.meeting.youngPerson.id));
    const visible = actions.filter((_, i) => {
      const purpose = purposes[i];
      return purpose && !(purpose instanceof Error) && purpose.kind !== PurposeKind.AUDIT;
    });
    const nodes = visible.slice(offset, offset + limit);
    const end = offset + nodes.length;
    return {
      nodes,
      totalCount: visible.length,
      pageInfo: { hasNextPage: end < visible.length, endCursor: nodes.length ? cursorAt(end) : null },
    };
  }

  @Mutation(() => MeetingAction, {
    description:
      "Reports progress on an action: a dated note and, when it changes, the status (COMPLETED or CANCELLED closes it; OPEN reopens it). Its owner, or the owning agency's staff who are answerable for the young person (allocated, statutory role, hub specialist).",
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
    const authorAgency = Agency[ctx.viewer.agency];
    // Who may write is decided before the transaction (through the request's loaders); state and version inside it.
    const found = await ctx.em.findOne(MeetingAction, { id: Number(actionId) }, { populate: ['meeting'] });
    const allowed = await writeAuthority(
      ctx,
      { field: 'actionId', value: actionId, record: found, personId: found?.meeting.youngPerson.id },
      (purpose, action) =>
        answeringAgency(action.owningAgency) === ctx.viewer.agency && (action.ownerId === ctx.viewer.id || ANSWERABLE.has(purpose.kind)),
      (action) =>
        answeringAgency(action.owningAgency) === ctx.viewer.agency
          ? "Only the action's owner, or their agency's staff answerable for the young person, report on it."
          : `Only ${action.owningAgency.toLowerCase().replace('_', ' ')} staff report on this action.`,
    );
    const personId = allowed.meeting.youngPerson.id;
    const id = await performWrite(
      ctx,
      { operation: 'updateActionProgress', idempotencyKey, input: { actionId, expectedVersion, note, status: progress.status } },
      async (tx) => {
        const action = await tx.findOneOrFail(MeetingAction, { id: Number(actionId) }, { populate: ['meeting'], refresh: true });
        await tx.lock(action, LockMode.OPTIMISTIC, expectedVersion);
        const before = pick(action, ['status', 'completedOn', 'lastProgressAt']);
        const status = progress.status ?? action.status;
        if (status !== action.status) {
          action.status = status;
          action.completedOn = status === ActionStatus.OPEN ? null : ctx.today;
        }
        // Every report changes the action (and so its version): two people reporting at once cannot both win.
        action.lastProgressAt = ctx.now;
        action.progressReports += 1;
        const written = tx.create(ActionProgressNote, {
          action,
          writtenAt: ctx.now,
          authorId: ctx.viewer.id,
          author: ctx.viewer.name,
          authorAgency,
          note,
          status,
        });
        await tx.flush();
        return {
          resultId: String(action.id),
          subject: personId,
          changes: [
            { entity: 'MeetingAction', id: String(action.id), before, after: pick(action, ['status', 'completedOn', 'lastProgressAt']) },
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
