import type { AgencyCode } from '../../../kit/shared/roles';
import type { PupilSeed } from './pupil-seed';

/** About one record in ten that a young person could mind being passed on, they asked that it is not. */
export const WISHES_SHARE = 0.1;

/**
 * The young person's wishes about one record: `agencies` they asked not to be told, or null. Drawn
 * from the pupil's own wishes stream, so adding wishes leaves every other seeded value unchanged.
 */
export function wishesAbout(seed: PupilSeed, agencies: AgencyCode[]): AgencyCode[] | null {
  return seed.wishes.chance(WISHES_SHARE) ? agencies : null;
}
