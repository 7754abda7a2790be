import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { ActionStatus, Agency, Attendance, MeetingKind, MeetingStatus, ObservationKind } from '../enums';
import { YoungPerson } from './young-person';

@ObjectType({ description: 'A No Wrong Door RAISE risk meeting or deep dive about one young person.' })
@Entity()
@Index({ properties: ['youngPerson', 'heldOn'] })
export class Meeting {
  @Field(() => ID)
  @PrimaryKey({ type: 'string' })
  id!: string;

  @ManyToOne(() => YoungPerson)
  youngPerson!: YoungPerson;

  @Field(() => MeetingKind)
  @Enum({ items: () => MeetingKind })
  kind!: MeetingKind;

  @Field(() => LocalDateScalar, { description: 'When it was held (or was due to be, if postponed or cancelled).' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => MeetingStatus)
  @Enum({ items: () => MeetingStatus })
  status!: MeetingStatus;

  @Field({ description: 'Chair (name and role).' })
  @Property({ type: 'string' })
  chair!: string;

  @Field({ description: 'Whether the young person agreed to be discussed at the meeting.' })
  @Property({ type: 'boolean' })
  youngPersonAgreedToBeDiscussed!: boolean;

  @Field(() => String, { nullable: true, description: "The young person's own views and wishes, in their words where possible." })
  @Property({ type: 'text', nullable: true })
  youngPersonViews?: string | null;

  @Field(() => String, { nullable: true, description: 'The shared, strengths-based, solution-focused plan agreed.' })
  @Property({ type: 'text', nullable: true })
  plan?: string | null;
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
  @ManyToOne(() => Meeting)
  meeting!: Meeting;
}

@ObjectType({
  description:
    'A professional invited to the meeting, by agency, and whether they attended. The invitation is a legitimate relationship from the day it is sent until a set period after the meeting.',
})
@Entity()
@Index({ properties: ['practitionerId'] })
export class MeetingAttendee extends MeetingRecord {
  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The invitee's user id, when they use this service." })
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

  @Field(() => Attendance)
  @Enum({ items: () => Attendance })
  attendance!: Attendance;
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

  @Field()
  @Property({ type: 'text' })
  text!: string;
}

@ObjectType({ description: 'An action agreed at the meeting, owned by one agency, with a due date.' })
@Entity()
export class MeetingAction extends MeetingRecord {
  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Agency, { description: 'The agency that owns the action and disseminates it inside its own organisation.' })
  @Enum({ items: () => Object.values(Agency) })
  owningAgency!: Agency;

  @Field({ description: 'Named owner (name and role).' })
  @Property({ type: 'string' })
  owner!: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => ActionStatus)
  @Enum({ items: () => ActionStatus })
  status!: ActionStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;
}
