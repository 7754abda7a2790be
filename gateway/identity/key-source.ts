import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** The message a client sees: never the provider's address or what went wrong on the way to it. */
export const IDENTITY_PROVIDER_UNAVAILABLE_MESSAGE = 'identity provider unavailable: try again shortly';

/**
 * The gateway cannot tell whether a token is good: it names a key the gateway does not hold and the
 * identity provider cannot be asked, or the provider has been unreachable for longer than the grace.
 * Not the user's fault: 503, try again, never "sign in again".
 */
export class IdentityProviderUnavailable extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(IDENTITY_PROVIDER_UNAVAILABLE_MESSAGE);
  }
}

/** What readiness reports of the keys: whether tokens can be verified, and in what state (for operators). */
export interface KeyStatus {
  ready: boolean;
  state: string;
}

/** Where the verifier gets the identity provider's keys. */
export interface KeySource {
  /** The keys to verify with now; throws IdentityProviderUnavailable when none can be used. */
  current(): Promise<JWTVerifyGetKey>;
  /**
   * A token named a key the set lacks (or failed under its key id): the set fetched again when the
   * cooldown allows, undefined when it does not (the set is as new as the gateway will make it);
   * throws IdentityProviderUnavailable when the provider could not be asked.
   */
  afterKeyMiss(): Promise<JWTVerifyGetKey | undefined>;
  status(): Promise<KeyStatus>;
}

/** A key set given in the configuration (AUTH_JWKS): nothing to fetch, always ready. */
export class ConfiguredKeys implements KeySource {
  private readonly getKey: JWTVerifyGetKey;

  constructor(jwks: JSONWebKeySet) {
    this.getKey = createLocalJWKSet(jwks);
  }

  current() {
    return Promise.resolve(this.getKey);
  }

  afterKeyMiss() {
    return Promise.resolve(undefined);
  }

  status() {
    return Promise.resolve({ ready: true, state: 'keys configured (AUTH_JWKS)' });
  }
}
