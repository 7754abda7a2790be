import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from '../../kit/shared/logger';
import { fetchKeySet, type FetchedKeySet } from './fetch-key-set';
import type { KeyPolicy } from './key-policy';
import { IdentityProviderUnavailable, type KeySource, type KeyStatus } from './key-source';

interface HeldKeySet extends FetchedKeySet {
  /** When it was fetched (epoch ms). */
  at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** fetch's own message is "fetch failed": the reason (ECONNREFUSED...) is in its cause. */
const describe = (err: unknown): string =>
  err instanceof Error ? [err.message, err.cause instanceof Error ? err.cause.message : undefined].filter(Boolean).join(': ') : String(err);

/**
 * The identity provider's key set, fetched from its JWKS address and held (in place of jose's
 * createRemoteJWKSet, which drops its keys ten minutes after its last fetch whether or not the
 * provider can be reached, and whose cooldown counts only successful fetches, so an unreachable
 * provider is asked again for every unknown key id).
 *
 * - A set older than refreshMs is fetched again before use; each successful fetch replaces the set
 *   whole, so a key the provider has withdrawn stops verifying as soon as a fetch without it succeeds.
 * - A token naming a key the set lacks has the set fetched at once: a rotation to a new key id
 *   needs no wait.
 * - At most one fetch per cooldownMs, successful or not, and concurrent requests share one fetch.
 * - When a fetch fails the set held is still used, until staleGraceMs after it was fetched; keys it
 *   does not hold are never guessed at (a token naming one is refused as "identity provider
 *   unavailable", 503, not accepted and not called invalid).
 *
 * The clock is a parameter so tests can move time on without waiting for it.
 */
export class RemoteKeys implements KeySource {
  private held?: HeldKeySet;
  private lastAttemptAt?: number;
  /** The first failed fetch since the last successful one. */
  private failingSince?: number;
  private pending?: Promise<boolean>;

  constructor(
    private readonly url: URL,
    private readonly policy: KeyPolicy,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<JWTVerifyGetKey> {
    await this.refreshIfDue();
    const usable = this.usable();
    if (!usable) throw this.unavailable();
    return usable.getKey;
  }

  async afterKeyMiss(): Promise<JWTVerifyGetKey | undefined> {
    if (await this.fetchUnlessCoolingDown()) return this.held!.getKey;
    // No fetch now: either the last one succeeded (the set is as new as the cooldown allows, so the
    // key is not the provider's) or it failed (the provider could not be asked about this key).
    if (this.failingSince !== undefined) throw this.unavailable();
    return undefined;
  }

  async status(): Promise<KeyStatus> {
    await this.refreshIfDue();
    const usable = this.usable();
    const since = this.failingSince === undefined ? '' : ` since ${iso(this.failingSince)}`;
    if (!usable)
      return {
        ready: false,
        state: this.held
          ? `unreachable${since}: the keys fetched at ${iso(this.held.at)} are past their ${this.policy.staleGraceMs} ms grace`
          : `unreachable${since}: no key set fetched yet`,
      };
    if (this.failingSince !== undefined)
      return {
        ready: true,
        state: `keys stale${since}: the identity provider cannot be reached; the keys fetched at ${iso(usable.at)} are used until ${iso(usable.at + this.policy.staleGraceMs)}`,
      };
    return { ready: true, state: 'keys current' };
  }

  private async refreshIfDue(): Promise<void> {
    if (!this.held || this.now() >= this.held.at + this.policy.refreshMs) await this.fetchUnlessCoolingDown();
  }

  private usable(): HeldKeySet | undefined {
    return this.held && this.now() < this.held.at + this.policy.staleGraceMs ? this.held : undefined;
  }

  private unavailable(): IdentityProviderUnavailable {
    const nextAttempt = (this.lastAttemptAt ?? this.now()) + this.policy.cooldownMs;
    return new IdentityProviderUnavailable(Math.max(1, Math.ceil((nextAttempt - this.now()) / 1000)));
  }

  /** Joins the fetch under way, or starts one if the cooldown allows; true when it succeeded. */
  private fetchUnlessCoolingDown(): Promise<boolean> {
    if (this.pending) return this.pending;
    if (this.lastAttemptAt !== undefined && this.now() < this.lastAttemptAt + this.policy.cooldownMs) return Promise.resolve(false);
    this.lastAttemptAt = this.now();
    this.pending = fetchKeySet(this.url, this.policy.fetchTimeoutMs)
      .then(
        (fetched) => {
          this.replace(fetched);
          return true;
        },
        (err: unknown) => {
          this.failed(err);
          return false;
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private replace(fetched: FetchedKeySet): void {
    const before = this.held?.kids ?? [];
    const added = fetched.kids.filter((kid) => !before.includes(kid));
    const removed = before.filter((kid) => !fetched.kids.includes(kid));
    if (this.failingSince !== undefined)
      this.logger.warn({ jwksUrl: this.url.href, unreachableSince: iso(this.failingSince) }, 'identity provider reachable again');
    if (added.length || removed.length) this.logger.info({ added, removed }, 'identity provider keys changed');
    this.held = { ...fetched, at: this.now() };
    this.failingSince = undefined;
  }

  private failed(err: unknown): void {
    this.failingSince ??= this.lastAttemptAt;
    const usable = this.usable();
    // The address is for operators' logs only: a client is told nothing of where or how.
    this.logger.warn(
      {
        jwksUrl: this.url.href,
        err: describe(err),
        unreachableSince: iso(this.failingSince!),
        keysUsableUntil: usable ? iso(usable.at + this.policy.staleGraceMs) : null,
      },
      usable
        ? 'identity provider key set could not be fetched: using the keys held'
        : 'identity provider key set could not be fetched: no usable keys',
    );
  }
}
