import { statusFor, Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import type { LocalDate } from '../../../kit/subgraph/dates';

export function timeliness(status: TimelinessStatus, dueDate: LocalDate | null, lastDone: LocalDate | null): Timeliness {
  return Object.assign(new Timeliness(), { status, dueDate, lastDone });
}

export const notApplicable = (): Timeliness => timeliness(TimelinessStatus.NOT_APPLICABLE, null, null);

/** A recurring task due on `dueDate`, last done on `lastDone`, seen on `today`. */
export function scheduled(lastDone: LocalDate | null, dueDate: LocalDate, today: LocalDate): Timeliness {
  return timeliness(statusFor(dueDate, today), dueDate, lastDone);
}
