import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { ActionStatus, Agency, Attendance, MeetingKind, MeetingStatus, ObservationKind, RiskCategory } from '../enums';
import { YoungPerson } from './young-person';

/**
 * A No Wrong Door RAISE risk meeting or deep dive. Social care, as the hub, owns meetings: it schedules
 * them, invites professionals, and records what was decided. Its version guards every change: a write
 * that was made against an older version is refused (CONFLICT) and changes nothing.
 */
@ObjectType({ description: 'A No Wrong Door RAISE risk meeting or deep dive about one young person.' })
@Entity()
@Index({ properties: ['youngPerson', 'heldOn'] })
@Index({ properties: ['status', 'heldOn'] })
export class Meeting {
  @Field(() => ID)
  @PrimaryKey({ type: 'string' })
  id!: string;

  @ManyToOne(() => YoungPerson, { index: true })
  youngPerson!: YoungPerson;

  @Field(() => MeetingKind)
  @Enum({ items: () => MeetingKind })
  kind!: MeetingKind;

  @Field(() => LocalDateScalar, {
    description: 'The meeting date: when it was held, is to be held (SCHEDULED), or was due to be (POSTPONED, CANCELLED).',
  })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => MeetingStatus)
  @Enum({ items: () => MeetingStatus })
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'Why it was postponed or cancelled.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was postponed, cancelled or held and recorded.' })
  @Property({ type: 'date', nullable: true })
  statusChangedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting scheduled in place of this one, when it was postponed to a new date.' })
  @Property({ type: 'string', nullable: true })
  rescheduledAsId?: string | null;

  @Field({ description: 'The chair (name): schedules the meeting, invites, records it and owns any consent override.' })
  @Property({ type: 'string' })
  chair!: string;

  @Field(() => ID, { description: "The chair's user id." })
  @Property({ type: 'string' })
  chairId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the young person agreed to be discussed at the meeting; null until they have been asked. When they did not agree, invitees from other agencies see nothing through their invitation unless the chair records an override reason.',
  })
  @Property({ type: 'boolean', nullable: true })
  youngPersonAgreedToBeDiscussed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the chair shared with invitees from other agencies although the young person did not agree: audited and raised as an alert.',
  })
  @Property({ type: 'text', nullable: true })
  consentOverrideReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who overrode the young person not agreeing (the chair).' })
  @Property({ type: 'string', nullable: true })
  consentOverriddenById?: string | null;

  @Field(() => String, { nullable: true, description: "The young person's own views and wishes, in their words where possible." })
  @Property({ type: 'text', nullable: true })
  youngPersonViews?: string | null;

  @Field(() => String, { nullable: true, description: 'The analysis: what the risks and strengths mean together (the A of RAISE).' })
  @Property({ type: 'text', nullable: true })
  analysis?: string | null;

  @Field(() => String, { nullable: true, description: 'The shared, strengths-based, solution-focused plan agreed.' })
  @Property({ type: 'text', nullable: true })
  plan?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A deep dive's findings from the whole case history, informing the NWD care and progression plan.",
  })
  @Property({ type: 'text', nullable: true })
  findings?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the meeting agreed to review the plan (the next RAISE meeting is due by then).',
  })
  @Property({ type: 'date', nullable: true })
  nextReviewOn?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the meeting was recorded.' })
  @Property({ type: 'datetime', nullable: true })
  recordedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded it.' })
  @Property({ type: 'string', nullable: true })
  recordedById?: string | null;

  @Field(() => Int, {
    description: 'Changes with every write: send it back as expectedVersion, so a change made meanwhile is never overwritten.',
  })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;

  /** The meeting pack's reference for other agencies: opaque, so social care's meeting ids never reach them. Not a GraphQL field here. */
  @Property({ type: 'string', length: 64, unique: true })
  packReference!: string;
}

/** What every line recorded at a meeting has: its own id and the meeting. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class MeetingRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  // Every loader selects by it.
  @ManyToOne(() => Meeting, { index: true })
  meeting!: Meeting;
}

@ObjectType({
  description:
    'A professional invited to the meeting, by agency, and whether they attended. The invitation is a legitimate relationship from the day it is sent until 28 days after the meeting (while it is still on).',
})
@Entity()
@Index({ properties: ['practitionerId'] })
export class MeetingAttendee extends MeetingRecord {
  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The invitee's user id; null when an agency and role were invited, not a person." })
  @Property({ type: 'string', nullable: true })
  practitionerId?: string | null;

  @Field(() => LocalDateScalar, { description: 'When the invitation was sent.' })
  @Property({ type: 'date' })
  invitedOn!: string;

  @Field({ description: 'Role, e.g. "Social worker", "Police liaison officer", "Designated teacher".' })
  @Property({ type: 'string' })
  role!: string;

  @Field(() => Agency)
  @Enum({ items: () => Object.values(Agency) })
  agency!: Agency;

  @Field(() => Attendance, { nullable: true, description: 'Null until the meeting is recorded.' })
  @Enum({ items: () => Attendance, nullable: true })
  attendance?: Attendance | null;
}

@ObjectType({
  description: 'A Signs of Safety scaling score given by one professional: 0 (certain harm will happen) to 10 (safe enough to close).',
})
@Entity()
export class ScalingScore extends MeetingRecord {
  @Field()
  @Property({ type: 'string' })
  professional!: string;

  @Field(() => Agency)
  @Enum({ items: () => Object.values(Agency) })
  agency!: Agency;

  @Field(() => Int, { description: '0 to 10.' })
  @Property({ type: 'integer' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Why this score.' })
  @Property({ type: 'text', nullable: true })
  rationale?: string | null;
}

@ObjectType({ description: 'A strength ("what is working well") or risk ("what are we worried about") discussed at the meeting.' })
@Entity()
export class MeetingObservation extends MeetingRecord {
  @Field(() => ObservationKind)
  @Enum({ items: () => ObservationKind })
  kind!: ObservationKind;

  @Field(() => RiskCategory, { nullable: true, description: 'What a risk is about; null for a strength.' })
  @Enum({ items: () => RiskCategory, nullable: true })
  category?: RiskCategory | null;

  @Field()
  @Property({ type: 'text' })
  text!: string;
}

@ObjectType({
  description:
    "An action agreed at the meeting, owned by one agency and a named person in it, with a due date. Only the owning agency updates it; while it is open it keeps its owner's legitimate relationship with the young person.",
})
@Entity()
@Index({ properties: ['ownerId', 'status'] })
export class MeetingAction extends MeetingRecord {
  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Agency, { description: 'The agency that owns the action and disseminates it inside its own organisation.' })
  @Enum({ items: () => Object.values(Agency) })
  owningAgency!: Agency;

  @Field(() => ID, { description: 'The named owner: a user id of the owning agency.' })
  @Property({ type: 'string' })
  ownerId!: string;

  @Field({ description: "The owner's name." })
  @Property({ type: 'string' })
  owner!: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => ActionStatus)
  @Enum({ items: () => ActionStatus })
  status!: ActionStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was completed or cancelled.' })
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When progress was last reported; null until it is.' })
  @Property({ type: 'datetime', nullable: true })
  lastProgressAt?: Date | null;

  @Field(() => Int, { description: 'How many progress reports were made.' })
  @Property({ type: 'integer', default: 0 })
  progressReports: number & Opt = 0;

  @Field(() => Int, { description: 'Changes with every update: send it back as expectedVersion.' })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

@ObjectType({ description: "A dated note of progress on an action, written by the owning agency's staff; the status after it." })
@Entity()
export class ActionProgressNote {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => MeetingAction, { index: true })
  action!: MeetingAction;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  writtenAt!: Date;

  @Field(() => ID)
  @Property({ type: 'string' })
  authorId!: string;

  @Field()
  @Property({ type: 'string' })
  author!: string;

  @Field(() => Agency, { description: "The author's agency: its sharing rules apply to the note." })
  @Enum({ items: () => Object.values(Agency) })
  authorAgency!: Agency;

  @Field(() => String, {
    nullable: true,
    description:
      "What was done, or why not. Shown to the author's agency, social care (the hub) and auditors; withheld from other agencies.",
  })
  @Property({ type: 'text' })
  note!: string;

  @Field(() => ActionStatus, { description: "The action's status after this note." })
  @Enum({ items: () => ActionStatus })
  status!: ActionStatus;
}

@ObjectType({ description: "A significant event a deep dive identified in the young person's whole history." })
@Entity()
export class SignificantEvent extends MeetingRecord {
  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field(() => Agency, { description: 'The agency whose records show it.' })
  @Enum({ items: () => Object.values(Agency) })
  agency!: Agency;

  @Field()
  @Property({ type: 'text' })
  summary!: string;
}
