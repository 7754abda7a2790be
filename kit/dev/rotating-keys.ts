import type { JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import { generateSigningKeyPair, importSigningKey, type KeyPairJwk } from '../shared/keys';

type SigningKey = Awaited<ReturnType<typeof importSigningKey>>;

interface Generation extends KeyPairJwk {
  kid: string;
  key: SigningKey;
}

/**
 * The development identity provider's keys, rotated the way a real provider's should be: every key
 * has its own key id (never a new key under an old id: a verifier holding the old key would refuse
 * every new token until it next fetched, then every old token at once). The key set publishes the
 * previous key (tokens it signed keep verifying until the next rotation), the current one (signs) and
 * the next one (published ahead, so a gateway that fetched the set already knows the key that will
 * sign after a rotation).
 */
export class RotatingKeys {
  // Key ids differ between runs too: a restarted provider's keys are new keys.
  private readonly run = randomBytes(4).toString('hex');
  private serial = 0;
  private previous?: Generation;
  private current!: Generation;
  private next!: Generation;

  static async create(): Promise<RotatingKeys> {
    const keys = new RotatingKeys();
    keys.current = await keys.generate();
    keys.next = await keys.generate();
    return keys;
  }

  private constructor() {}

  private async generate(): Promise<Generation> {
    const kid = `dev-idp-${this.run}-${++this.serial}`;
    const pair = await generateSigningKeyPair(kid);
    return { ...pair, kid, key: await importSigningKey(pair.privateJwk) };
  }

  /** The key that signs now, and its id. */
  get signing(): { kid: string; key: SigningKey } {
    return this.current;
  }

  /** What the JWKS endpoint publishes: previous (if any), current, next. */
  published(): JWK[] {
    return [this.previous, this.current, this.next].filter((g): g is Generation => !!g).map((g) => g.publicJwk);
  }

  /** The next key starts signing; the one before the previous is no longer published (rotated out). */
  async rotate(): Promise<void> {
    const upcoming = await this.generate();
    this.previous = this.current;
    this.current = this.next;
    this.next = upcoming;
  }
}
