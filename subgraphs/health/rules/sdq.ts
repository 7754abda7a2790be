import { SdqBand } from '../enums';

export const SDQ_MAX_TOTAL = 40;

/** The total difficulties score is the sum of four 0-10 scales: a whole number from 0 to 40. */
export function assertSdqTotal(total: number): void {
  if (!Number.isInteger(total) || total < 0 || total > SDQ_MAX_TOTAL) {
    throw new RangeError(`an SDQ total difficulties score is a whole number from 0 to ${SDQ_MAX_TOTAL} (got ${total})`);
  }
}

/** DfE bands: 0-13 normal, 14-16 borderline, 17-40 cause for concern. */
export function sdqBand(total: number): SdqBand {
  assertSdqTotal(total);
  if (total <= 13) return SdqBand.NORMAL;
  if (total <= 16) return SdqBand.BORDERLINE;
  return SdqBand.CAUSE_FOR_CONCERN;
}
