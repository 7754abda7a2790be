import type { RequestHandler } from 'express';
import type { Viewer } from '../../kit/shared/roles';

/**
 * At most `max` requests of one user in hand at once, in this process. However cheap each is, a user
 * (or a script with their token) firing dozens in parallel would hold the agencies' connections and
 * time while others wait; a meeting tool needs a handful at once. Counted per replica: it bounds the
 * work one user can put on one process, which is what it is for. More are refused at once with 429
 * RATE_LIMITED and Retry-After: 1, rather than queued.
 */
export function limitConcurrentPerUser(max: number): RequestHandler {
  const inHand = new Map<string, number>();
  return (_req, res, next) => {
    const { id } = res.locals.viewer as Viewer;
    const current = inHand.get(id) ?? 0;
    if (current >= max) {
      res.setHeader('retry-after', '1');
      res.status(429).json({
        errors: [
          {
            message: `At most ${max} requests at once per user: wait for an answer before sending more.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
      return;
    }
    inHand.set(id, current + 1);
    res.once('close', () => {
      const left = (inHand.get(id) ?? 1) - 1;
      if (left > 0) inHand.set(id, left);
      else inHand.delete(id);
    });
    next();
  };
}
