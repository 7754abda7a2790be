import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { ActionStatus, Agency, Attendance, MeetingKind, RiskCategory } from '../enums';

/** What a meeting tool sends to write a meeting: each field named in any error about it. */
@InputType({ description: 'A RAISE meeting or deep dive to schedule.' })
export class ScheduleMeetingInput {
  @Field(() => ID)
  youngPersonId!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => LocalDateScalar, { description: 'The meeting date: today or later, within a year.' })
  date!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The chair's user id: social care staff allocated to the young person (their name is taken from the allocation); you, when left out.",
  })
  chairId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the young person agreed to be discussed, if already asked.' })
  youngPersonAgreedToBeDiscussed?: boolean | null;
}

@InputType({ description: 'Who to invite: a user (userId), or an agency and role when the person is not known yet.' })
export class InviteeInput {
  @Field(() => ID, { nullable: true, description: "The invitee's user id, as in their identity provider's token." })
  userId?: string | null;

  @Field({ description: 'Name (or, for an agency and role, e.g. "Designated teacher, Example School").' })
  name!: string;

  @Field({ description: 'Role, e.g. "Designated teacher", "Police liaison officer".' })
  role!: string;

  @Field(() => Agency)
  agency!: Agency;
}

@InputType({ description: 'Whether one invitee attended.' })
export class AttendanceInput {
  @Field(() => ID, { description: 'The attendee (an id from Meeting.attendees).' })
  attendeeId!: string;

  @Field(() => Attendance)
  attendance!: Attendance;
}

@InputType({ description: "One professional's Signs of Safety scaling score." })
export class ScalingScoreInput {
  @Field(() => ID, { description: 'The attendee who gave it: they must have attended.' })
  attendeeId!: string;

  @Field(() => Int, { description: '0 (certain harm will happen) to 10 (safe enough to close).' })
  score!: number;

  @Field(() => String, { nullable: true })
  rationale?: string | null;
}

@InputType({ description: 'A risk discussed: what it is about, and what was said.' })
export class RiskInput {
  @Field(() => RiskCategory)
  category!: RiskCategory;

  @Field()
  text!: string;
}

@InputType({ description: 'An action agreed: owned by one agency and a named person in it.' })
export class ActionInput {
  @Field()
  description!: string;

  @Field(() => Agency, { description: 'The agency that must do it (one of the partner agencies or the NWD hub).' })
  owningAgency!: Agency;

  @Field(() => ID, {
    description:
      "The owner's user id: an invitee of this meeting from the owning agency, or for the hub's own actions social care staff allocated to the young person. Their name is taken from the invitation or allocation.",
  })
  ownerId!: string;

  @Field(() => LocalDateScalar, { description: 'On or after the meeting date.' })
  dueDate!: string;
}

@InputType({ description: 'A significant event a deep dive identified in the whole case history.' })
export class SignificantEventInput {
  @Field(() => LocalDateScalar)
  occurredOn!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field()
  summary!: string;
}

@InputType({ description: 'What a held meeting recorded. Everything is saved together, or nothing is.' })
export class RecordMeetingInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was held, if not on its scheduled date (never after today).' })
  heldOn?: string | null;

  @Field(() => [AttendanceInput], { description: 'Attendance of every invitee.' })
  attendance!: AttendanceInput[];

  @Field({ description: 'Whether the young person agreed to be discussed.' })
  youngPersonAgreedToBeDiscussed!: boolean;

  @Field(() => String, { nullable: true })
  youngPersonViews?: string | null;

  @Field(() => [ScalingScoreInput])
  scalingScores!: ScalingScoreInput[];

  @Field(() => [String], { description: 'What is working well.' })
  strengths!: string[];

  @Field(() => [RiskInput], { description: 'What we are worried about, by category.' })
  risks!: RiskInput[];

  @Field(() => String, { nullable: true })
  analysis?: string | null;

  @Field({ description: 'The shared plan.' })
  plan!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "When to review the plan: after the meeting, within 56 days. The next RAISE meeting is due then, or sooner if the young person's priority says so.",
  })
  nextReviewOn?: string | null;

  @Field(() => [ActionInput])
  actions!: ActionInput[];

  @Field(() => String, { nullable: true, description: "A deep dive's findings (required for a deep dive)." })
  findings?: string | null;

  @Field(() => [SignificantEventInput], { nullable: true, description: "A deep dive's significant events." })
  significantEvents?: SignificantEventInput[] | null;
}

@InputType({ description: "Progress on an action, from the owning agency's staff." })
export class ActionProgressInput {
  @Field({ description: 'What was done, or why not.' })
  note!: string;

  @Field(() => ActionStatus, { nullable: true, description: 'The new status, if it changes (COMPLETED or CANCELLED closes the action).' })
  status?: ActionStatus | null;
}
