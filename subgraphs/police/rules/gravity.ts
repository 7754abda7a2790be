/** The Youth Justice Service gravity scale (002:1136): 1 least serious, 8 most serious. */
export const GRAVITY_MIN = 1;
export const GRAVITY_MAX = 8;

export function isGravityScore(score: number): boolean {
  return Number.isInteger(score) && score >= GRAVITY_MIN && score <= GRAVITY_MAX;
}

/** The score itself when it is on the scale; anything else is refused before it reaches the database. */
export function checkGravityScore(score: number): number {
  if (!isGravityScore(score)) {
    throw new RangeError(`YJS gravity score must be a whole number from ${GRAVITY_MIN} to ${GRAVITY_MAX} (got ${score})`);
  }
  return score;
}
