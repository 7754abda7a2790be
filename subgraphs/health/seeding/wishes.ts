import type { AgencyCode } from '../../../kit/shared/roles';
import type { Random } from '../../../kit/dev/synthetic/random';
import { CamhsInvolvement, SelfHarmEpisode, SexualHealthContact, type PatientRecord } from '../entities';

/** Kinds of record a young person plausibly asks health not to pass on (to their school, to police). */
const PRIVATE_KINDS = [CamhsInvolvement, SelfHarmEpisode, SexualHealthContact];

const WISHES: readonly (readonly [AgencyCode[], number])[] = [
  [['EDUCATION'], 45],
  [['POLICE'], 35],
  [['EDUCATION', 'POLICE'], 20],
];

/**
 * About one such record in ten carries the young person's wish that it is not shared with an agency.
 * Drawn after every other record, so adding wishes left the rest of the synthetic data as it was.
 */
export function youngPersonsWishes(r: Random, records: PatientRecord[]): void {
  for (const record of records) {
    if (!PRIVATE_KINDS.some((kind) => record instanceof kind)) continue;
    if (r.chance(0.1)) (record as CamhsInvolvement | SelfHarmEpisode | SexualHealthContact).notSharedWith = [...r.weighted(WISHES)];
  }
}
