import { createHash } from 'node:crypto';

/** What a GraphQL request over HTTP asks: the gateway's fetch to a subgraph, or the body a subgraph parsed. */
export interface BoundOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * JSON with every object's keys sorted, so equal values give equal text whatever order their keys were
 * written in. The value is taken as JSON carries it (undefined members dropped, dates as strings...):
 * the gateway digests what it is about to serialise, the subgraph what it parsed, and both must agree.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null)) as unknown));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/**
 * SHA-256 (base64url) of exactly what a request runs: its query text, operation name and variables.
 * Absent and null are the same (JSON drops one and keeps the other); no variables is {}.
 */
export function operationDigest(operation: BoundOperation): string {
  const canonical = canonicalJson([operation.query ?? null, operation.operationName ?? null, operation.variables ?? {}]);
  return createHash('sha256').update(canonical).digest('base64url');
}
