import { BrokenCircuitError } from 'cockatiel';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { AgencyDefinition } from '../../kit/shared/agencies';

/**
 * Why an agency's part of an answer is missing, in words a meeting tool can show, and whether asking
 * again may help. Never an internal URL, a stack or a status line from inside the network.
 */
export interface Unavailability {
  reason: string;
  retryable: boolean;
  /** The agency's own code when it said why (AUDIT_UNAVAILABLE: it could not write its audit log). */
  cause?: string;
}

/** An agency answered, but not with a GraphQL response we can use. */
export class GarbledAnswer extends Error {}

/** The request's own deadline passed before the agency was asked. */
export class DeadlinePassed extends Error {}

interface HttpErrorExtensions {
  response?: { status?: number; body?: unknown };
}

const CONNECTION_FAILURES =
  /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|socket hang up|other side closed|UND_ERR_SOCKET|UND_ERR_CONNECT/i;

function chainOf(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

const describe = (e: unknown) => `${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? ''}`;

/** A connection that broke before an answer: safe to retry a query on. */
export function isConnectionReset(err: unknown): boolean {
  return chainOf(err).some((e) => /ECONNRESET|EPIPE|socket hang up|other side closed|UND_ERR_SOCKET/i.test(describe(e)));
}

function isTimeout(err: unknown): boolean {
  return chainOf(err).some((e) => ['TimeoutError', 'AbortError'].includes((e as Error).name) || /UND_ERR_.*TIMEOUT/.test(describe(e)));
}

export function unavailability(err: unknown, agency: AgencyDefinition, timeoutMs: number): Unavailability {
  const name = agency.label;
  if (err instanceof BrokenCircuitError)
    return { reason: `${name} has not been answering; the gateway is giving it a few seconds before asking again`, retryable: true };
  if (err instanceof DeadlinePassed) return { reason: `the request ran out of time before ${name} could be asked`, retryable: true };
  if (isTimeout(err)) return { reason: `${name} did not answer within ${timeoutMs / 1000} s`, retryable: true };
  if (err instanceof GarbledAnswer)
    return { reason: `${name} answered with something that is not a usable GraphQL response`, retryable: true };
  const response = ((err as { extensions?: HttpErrorExtensions }).extensions ?? {}).response;
  if (response?.status) {
    const body = response.body as { errors?: { extensions?: { code?: unknown } }[] } | undefined;
    const code = body?.errors?.[0]?.extensions?.code;
    if (code === 'AUDIT_UNAVAILABLE')
      return { reason: `${name} could not write its audit log, so it shows nothing`, retryable: true, cause: 'AUDIT_UNAVAILABLE' };
    if (response.status === 401 || response.status === 403)
      return { reason: `${name} refused the gateway's credentials (an operator must check the keys)`, retryable: false };
    if (response.status >= 500) return { reason: `${name} failed while answering`, retryable: true };
    return { reason: `${name} could not answer this question (its schema may differ from the gateway's)`, retryable: false };
  }
  if (chainOf(err).some((e) => CONNECTION_FAILURES.test(describe(e)))) return { reason: `${name} could not be reached`, retryable: true };
  return { reason: `${name} could not be asked`, retryable: true };
}

/** The response keys a selection asks for (through inline fragments), but __typename. */
function responseKeys(selectionSet: SelectionSetNode): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) responseKeys(selection.selectionSet).forEach((k) => keys.add(k));
  }
  return [...keys];
}

/**
 * Where the agency's missing answer goes: every field it was asked for, on every entity it was asked
 * about, so each null in the response has its error beside it (the gateway maps `_entities` paths back
 * to where the entities are).
 */
export function missingPaths(document: DocumentNode | undefined, representations: unknown): (string | number)[][] {
  const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [[]];
  if (Array.isArray(representations)) {
    const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    const keys = entities?.kind === Kind.FIELD && entities.selectionSet ? responseKeys(entities.selectionSet) : [];
    return representations.flatMap((_, i) => keys.map((k) => ['_entities', i, k]));
  }
  return responseKeys(operation.selectionSet).map((k) => [k]);
}

/** Codes an agency answers with when the question was at fault: relayed to the client, not counted against the agency. */
const CLIENT_FAULTS = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * An agency's 400 that says what was wrong with the question (a date that is not a date, checked by
 * the agency's own scalar): its errors, as BAD_USER_INPUT naming the variable when the message does.
 */
export function clientErrors(err: unknown): { message: string; extensions: Record<string, unknown> }[] | null {
  const response = ((err as { extensions?: HttpErrorExtensions }).extensions ?? {}).response;
  if (response?.status !== 400) return null;
  const errors = (response.body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors;
  if (!Array.isArray(errors) || !errors.length || !errors.every((e) => CLIENT_FAULTS.has(String(e.extensions?.code)))) return null;
  return errors.map((e) => {
    const message = typeof e.message === 'string' ? e.message : 'the request was not valid';
    const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message)?.[1];
    return { message, extensions: { code: 'BAD_USER_INPUT', ...(variable && { field: variable }) } };
  });
}
