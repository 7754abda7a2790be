import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConfigurationError, secretFromEnv, type Env } from '../../shared/config';

/** Fewer bytes than SHA-256's output would make the MAC easier to guess than the hash it protects. */
const MIN_KEY_BYTES = 32;

export interface AuditKey {
  /** Derived from the key itself, so a record names the key that signed it and no id can be mismatched. */
  id: string;
  secret: Buffer;
}

/**
 * An agency's audit keys: the current one signs, every one verifies, so records signed before a
 * rotation still verify after it. Held only in the service's environment (a secret store), never
 * in its database: whoever can rewrite the database still cannot sign a record.
 */
export interface AuditKeyring {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

function keyId(secret: Buffer): string {
  return createHmac('sha256', secret).update('nwd audit key id').digest('hex').slice(0, 16);
}

/** One key from its base64 text; `variable` names where it came from, for the error. */
export function parseAuditKey(text: string, variable: string): AuditKey {
  const secret = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) || secret.length < MIN_KEY_BYTES)
    throw new ConfigurationError(`${variable} must be base64 of at least ${MIN_KEY_BYTES} random bytes (npm run keys prints one)`);
  return { id: keyId(secret), secret };
}

/** A keyring from the current key's text and any earlier keys' (kept to verify what they signed). */
export function auditKeyring(current: string, previous: readonly string[] = [], variable = 'AUDIT_KEY'): AuditKeyring {
  const key = parseAuditKey(current, variable);
  const all = [key, ...previous.map((text) => parseAuditKey(text, 'AUDIT_PREVIOUS_KEYS'))];
  return { current: key, byId: new Map(all.map((k) => [k.id, k])) };
}

/** A fresh key, as base64 text: development runs, tests, `npm run keys`, `npm run secrets:compose`. */
export const generateAuditKey = (): string => randomBytes(MIN_KEY_BYTES).toString('base64');

/**
 * AUDIT_KEY (or AUDIT_KEY_FILE): the key the service signs with; AUDIT_PREVIOUS_KEYS (or _FILE):
 * earlier keys, separated by commas or white space. Required everywhere, as the other keys are:
 * an unsigned record could be rewritten unnoticed. `prefix` reads one agency's from a process that
 * verifies several (HEALTH_AUDIT_KEY).
 */
export function auditKeyringFromEnv(env: Env, prefix = ''): AuditKeyring {
  const variable = `${prefix}AUDIT_KEY`;
  const current = secretFromEnv(env, variable);
  if (!current)
    throw new ConfigurationError(
      `${variable} (or ${variable}_FILE) is not set: it must hold the agency's audit key, base64 of at least ${MIN_KEY_BYTES} random bytes (see README, "Keys")`,
    );
  const previous = (secretFromEnv(env, `${prefix}AUDIT_PREVIOUS_KEYS`) ?? '').split(/[\s,]+/).filter(Boolean);
  return auditKeyring(current, previous, variable);
}

/** What a MAC authenticates: a chain record, an anchor of the chain head, or a frozen meeting-pack part. */
export type MacPurpose = 'record' | 'anchor' | 'snapshot';

/** HMAC-SHA256 of `message` under `key`, hex; `purpose` keeps a record's MAC from ever passing as an anchor's. */
export function mac(key: AuditKey, purpose: MacPurpose, message: string): string {
  return createHmac('sha256', key.secret).update(`${purpose}\n${message}`).digest('hex');
}

/** Whether `given` is the MAC of `message` under `key` (compared in constant time). */
export function macMatches(key: AuditKey, purpose: MacPurpose, message: string, given: string): boolean {
  const expected = Buffer.from(mac(key, purpose, message), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
