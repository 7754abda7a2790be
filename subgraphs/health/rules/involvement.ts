import type { LocalDate } from '../../../kit/subgraph/dates';
import { CamhsReferralDecision, HealthInvolvementStatus } from '../enums';

export interface InvolvementDates {
  decision?: CamhsReferralDecision | null;
  decidedOn?: LocalDate | null;
  startedOn: LocalDate | null;
  endedOn: LocalDate | null;
}

/** Where an involvement stands on `today`, from its dates alone (a date after today has not happened yet). */
export function involvementStatus(involvement: InvolvementDates, today: LocalDate): HealthInvolvementStatus {
  const { decision, decidedOn, startedOn, endedOn } = involvement;
  if (endedOn && endedOn <= today) return HealthInvolvementStatus.CLOSED;
  if (startedOn && startedOn <= today) return HealthInvolvementStatus.OPEN;
  if (startedOn) return HealthInvolvementStatus.WAITING_TO_START;
  const decided = decision && (!decidedOn || decidedOn <= today) ? decision : null;
  if (decided === CamhsReferralDecision.DECLINED) return HealthInvolvementStatus.DECLINED;
  if (decided === CamhsReferralDecision.ACCEPTED) return HealthInvolvementStatus.WAITING_TO_START;
  return HealthInvolvementStatus.AWAITING_DECISION;
}
