import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { codeList } from './code-list';
import { LocalDateScalar } from './scalars';

/** Computed, never stored: every status here is derived from dates and the injected clock. */
export enum TimelinessStatus {
  UP_TO_DATE = 'UP_TO_DATE',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

codeList(
  TimelinessStatus,
  'TimelinessStatus',
  'Whether a statutory timescale is being met, computed from recorded dates on the day asked.',
  {
    UP_TO_DATE: 'Done within its timescale; the next one is not due within 28 days.',
    DUE_SOON: 'Due within the next 28 days (or today), not yet overdue.',
    OVERDUE: 'The due date has passed without it being done.',
    NOT_APPLICABLE: 'The rule does not apply to this young person now.',
  },
);

/** How close to its due date a statutory task is. A value type several agencies return, hence shareable. */
@Directive('@shareable')
@ObjectType({ description: 'A statutory timescale, computed from dates: when the next one is due and whether it is late.' })
export class Timeliness {
  @Field(() => TimelinessStatus)
  status!: TimelinessStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next one is (or was) due.' })
  dueDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the last one was done, if ever.' })
  lastDone!: string | null;
}

export const DUE_SOON_DAYS = 28;

/** Status of a task due on `dueDate`, seen on `today`: on the due date itself it is not yet overdue. */
export function statusFor(dueDate: string, today: string, dueSoonDays = DUE_SOON_DAYS): TimelinessStatus {
  if (today > dueDate) return TimelinessStatus.OVERDUE;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + dueSoonDays);
  return dueDate <= soon.toISOString().slice(0, 10) ? TimelinessStatus.DUE_SOON : TimelinessStatus.UP_TO_DATE;
}
