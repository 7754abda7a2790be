import { createHash } from 'node:crypto';
import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { serially, withChainRetry } from '../audit/chain';
import type { AgencyContext } from '../context';
import { badUserInput, conflict } from '../errors';
import { IdempotencyRecord } from './idempotency-record';

/** One record a write created or changed: what it was before (null: created) and after. */
export interface Change {
  entity: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** What a write did: the record to answer with, the young person it is about (for the audit), and its changes. */
export interface WriteOutcome {
  resultId: string;
  subject: string;
  changes: Change[];
  /** A justification auditors must review (an override of the young person's consent): raised as an alert like break-glass. */
  alert?: string;
}

export interface WriteRequest {
  /** The mutation, as the audit names it (e.g. "scheduleMeeting"). */
  operation: string;
  /** The client's key for a creating write: a retry with the same key creates nothing twice. */
  idempotencyKey?: string | null;
  /** What was asked for, to tell a retry from a different request reusing the key. */
  input: unknown;
}

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

function requestHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, input]))
    .digest('hex');
}

/**
 * Every write of every agency, one way: in one transaction (a process killed mid-write leaves nothing
 * partial), with its record in the agency's audit chain in that same transaction (a write is never
 * unaudited), refused with CONFLICT when it was made against an older version (it overwrites nothing),
 * and answered once per idempotency key (a retried request creates nothing twice). Returns the id of
 * the record the write created or changed, which the caller reloads to answer with.
 */
export async function performWrite(
  ctx: AgencyContext,
  request: WriteRequest,
  work: (tx: EntityManager) => Promise<WriteOutcome>,
): Promise<string> {
  const key = request.idempotencyKey ?? null;
  if (key !== null && !KEY.test(key))
    throw badUserInput('idempotencyKey', 'use 8 to 100 letters, digits, ".", "_", ":" or "-" (a UUID is ideal)');
  const hash = requestHash(request.operation, request.input);
  try {
    return await serially(() =>
      withChainRetry(ctx.em, async (tx) => {
        if (key !== null) {
          const earlier = await tx.findOne(IdempotencyRecord, { userId: ctx.viewer.id, key });
          if (earlier) {
            if (earlier.requestHash !== hash)
              throw badUserInput('idempotencyKey', 'this key was used for a different request: use a new key for a new request');
            return earlier.resultId;
          }
        }
        const outcome = await work(tx);
        await tx.flush();
        await ctx.audit.appendIn(tx, [
          {
            at: ctx.now,
            requestId: ctx.requestId,
            userId: ctx.viewer.id,
            userName: ctx.viewer.name,
            userAgency: ctx.viewer.agency,
            userRole: ctx.viewer.role,
            subject: outcome.subject,
            action: 'WRITE',
            purposeKind: null,
            meetingId: null,
            breakGlassReason: outcome.alert ?? null,
            fieldsRead: '[]',
            withheld: '[]',
            change: JSON.stringify({ operation: request.operation, changes: outcome.changes }),
          },
        ]);
        if (key !== null) {
          tx.create(IdempotencyRecord, {
            userId: ctx.viewer.id,
            key,
            operation: request.operation,
            requestHash: hash,
            resultId: outcome.resultId,
            at: ctx.now,
          });
          await tx.flush();
        }
        return outcome.resultId;
      }),
    );
  } catch (err) {
    if (err instanceof OptimisticLockError)
      throw conflict('Someone changed this record since you read it: nothing was saved. Reload it and try again.');
    throw err;
  }
}

/** The fields of an entity a change records, as plain values (dates as ISO strings). */
export function pick<T extends object, K extends keyof T & string>(entity: T, fields: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, entity[f] instanceof Date ? (entity[f] as Date).toISOString() : entity[f]]));
}
