import { createHash, createHmac } from 'node:crypto';
import { accessSync, appendFileSync, closeSync, constants, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One record of section 6, as the service writes it. */
export interface AuditRecord {
  seq: number;
  at: string;
  requestId: string;
  userId: string;
  userName: string;
  userAgency: string;
  userRole: string;
  subject: string;
  action: 'READ' | 'REFUSED';
  purposeKind: string | null;
  meetingId: string | null;
  breakGlassReason: string | null;
  /** JSON text of the sorted "Type.field" array. */
  fieldsRead: string;
  /** JSON text of the { field, rule } array. */
  withheld: string;
  prevHash: string;
  hash: string;
  keyId: string;
  mac: string;
}

export type AuditContent = Omit<AuditRecord, 'seq' | 'at' | 'prevHash' | 'hash' | 'keyId' | 'mac'>;

/**
 * The agency's audit log (section 6): hash-chained, each record signed with the agency's audit key,
 * appended to a file (one JSON record a line, synced) before the response leaves. A partner with a
 * database keeps it there; the chain and the signature are the same.
 */
export class AuditLog {
  private readonly records: AuditRecord[];
  private readonly keyId: string;

  constructor(
    private readonly file: string,
    private readonly key: Buffer,
  ) {
    if (key.length < 32) throw new Error('AUDIT_KEY must be base64 of at least 32 random bytes');
    this.keyId = createHmac('sha256', key).update('nwd audit key id').digest('hex').slice(0, 16);
    this.records = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as AuditRecord)
      : [];
  }

  /** Appends the records in order, all or none reaching the file before this returns. */
  append(contents: AuditContent[]): void {
    const at = new Date().toISOString();
    const made: AuditRecord[] = [];
    let last = this.records.at(-1);
    for (const content of contents) {
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? '0'.repeat(64);
      const c = { ...content, at };
      const hash = createHash('sha256')
        .update(
          JSON.stringify([
            seq,
            at,
            c.requestId,
            c.userId,
            c.userName,
            c.userAgency,
            c.userRole,
            c.subject,
            c.action,
            c.purposeKind,
            c.meetingId,
            c.breakGlassReason,
            c.fieldsRead,
            c.withheld,
            prevHash,
          ]),
        )
        .digest('hex');
      const mac = createHmac('sha256', this.key).update(`record\n${hash}`).digest('hex');
      last = { ...c, seq, prevHash, hash, keyId: this.keyId, mac };
      made.push(last);
    }
    const fd = openSync(this.file, 'a');
    try {
      appendFileSync(fd, made.map((r) => `${JSON.stringify(r)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.records.push(...made);
  }

  /** Whether records can be appended now (readiness). */
  writable(): boolean {
    try {
      accessSync(existsSync(this.file) ? this.file : dirname(this.file), constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** The records about one young person, newest first. */
  about(subject: string): AuditRecord[] {
    return this.records.filter((r) => r.subject === subject).reverse();
  }
}
