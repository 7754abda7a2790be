import { addDays, addWorkingDays, type LocalDate } from '../../../kit/subgraph/dates';
import { statusFor, Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { ReasonableGroundsOutcome } from '../enums';

/**
 * National Referral Mechanism timescales (Modern Slavery Act 2015 statutory guidance): the reasonable
 * grounds decision is due within 5 working days of referral; the conclusive grounds decision is not to be
 * made before a 30-day recovery period after a positive reasonable grounds decision.
 */
export const REASONABLE_GROUNDS_WORKING_DAYS = 5;
export const RECOVERY_PERIOD_DAYS = 30;

export interface NrmDates {
  referredOn: LocalDate;
  reasonableGroundsDecisionOn: LocalDate | null;
  reasonableGroundsOutcome: ReasonableGroundsOutcome | null;
  conclusiveGroundsDecisionOn: LocalDate | null;
}

export function reasonableGroundsDueOn(referral: Pick<NrmDates, 'referredOn'>): LocalDate {
  return addWorkingDays(referral.referredOn, REASONABLE_GROUNDS_WORKING_DAYS);
}

/** Once decided nothing more is due (UP_TO_DATE; whether it was in time is a separate answer); until then, due or overdue. */
export function reasonableGroundsTimeliness(referral: NrmDates, today: LocalDate): Timeliness {
  const dueDate = reasonableGroundsDueOn(referral);
  const lastDone = referral.reasonableGroundsDecisionOn;
  const status = lastDone ? TimelinessStatus.UP_TO_DATE : statusFor(dueDate, today);
  return Object.assign(new Timeliness(), { status, dueDate, lastDone });
}

/** Whether the decision came within 5 working days (the due day itself is in time); null until decided. */
export function reasonableGroundsDecidedInTime(referral: NrmDates): boolean | null {
  const decided = referral.reasonableGroundsDecisionOn;
  return decided ? decided <= reasonableGroundsDueOn(referral) : null;
}

/** The first day a conclusive grounds decision may be made; null unless reasonable grounds were found. */
export function conclusiveGroundsEarliestOn(referral: NrmDates): LocalDate | null {
  const decided = referral.reasonableGroundsDecisionOn;
  if (!decided || referral.reasonableGroundsOutcome !== ReasonableGroundsOutcome.POSITIVE) return null;
  return addDays(decided, RECOVERY_PERIOD_DAYS);
}

/** Whether the conclusive decision respected the recovery period (day 30 itself does); null until it is made. */
export function conclusiveGroundsAfterRecoveryPeriod(referral: NrmDates): boolean | null {
  const earliest = conclusiveGroundsEarliestOn(referral);
  const decided = referral.conclusiveGroundsDecisionOn;
  if (!decided || !earliest) return null;
  return decided >= earliest;
}
