/** The record with the latest date (ties: the first given); null for none. Dates are "YYYY-MM-DD", so strings compare. */
export function latest<T>(records: readonly T[], dateOf: (record: T) => string | null): T | null {
  let best: T | null = null;
  let bestDate = '';
  for (const record of records) {
    const date = dateOf(record);
    if (date !== null && date > bestDate) {
      best = record;
      bestDate = date;
    }
  }
  return best;
}
