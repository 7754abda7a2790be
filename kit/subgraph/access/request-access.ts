import { PurposeKind, purposeMeeting, type Purpose } from './purpose';
import type { Viewer } from '../../shared/roles';
import type { AuditContent } from '../audit/chain';
import type { PolicyRule } from './policy';

/** Whose data a part of the response is, and under which purpose it is being read. */
export interface Subject {
  /** The young person, by this agency's own identifier. */
  key: string;
  purpose: Purpose;
}

/** A machine-readable notice that something was withheld: sent as a GraphQL error with code WITHHELD at its path. */
export interface WithheldNotice {
  path: (string | number)[];
  agency: string;
  rule: string;
  explanation: string;
  count?: number;
}

/** An agency's part of a meeting pack, as it was shown: JSON content and the notices of what was withheld in it. */
export interface PackSnapshotContent {
  reference: string;
  /** The young person, by this agency's own identifier. */
  subject: string;
  content: string;
  notices: string;
}

/** The audit subject of what was withheld because no young person could be established for it. */
export const SUBJECT_NOT_ESTABLISHED_KEY = '(not established)';

type ResponsePath = { prev: ResponsePath | undefined; key: string | number };

export function pathToArray(path: ResponsePath | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p; p = p.prev) out.unshift(p.key);
  return out;
}

/** Each path's key, made once: every field asks for its own and its ancestors' (subjectAt), and siblings share ancestors. */
const keys = new WeakMap<ResponsePath, string>();

/** `pathToArray(path).join('.')`, from the parent's key. */
function keyOf(path: ResponsePath | undefined): string {
  if (!path) return '';
  let key = keys.get(path);
  if (key === undefined) {
    key = path.prev ? `${keyOf(path.prev)}.${path.key}` : String(path.key);
    keys.set(path, key);
  }
  return key;
}

interface SubjectLog {
  subject: Subject;
  read: Set<string>;
  withheld: Map<string, { field: string; rule: string }>;
}

/**
 * Everything one request does with personal data in one subgraph: which young person each part of
 * the response is about, what was read, what was withheld and why, what was refused. The audit
 * plugin writes it before the response leaves.
 */
export class RequestAccess {
  readonly notices: WithheldNotice[] = [];
  private readonly subjectsByPath = new Map<string, Subject>();
  private readonly logs = new Map<string, SubjectLog>();
  private readonly refusals = new Map<string, string | null>();
  private readonly aggregates = new Map<string, { read: Set<string>; withheld: Map<string, { field: string; rule: string }> }>();
  /** Parts of a meeting pack to keep as the chair is shown them, written with the request's audit records. */
  readonly snapshots: PackSnapshotContent[] = [];
  /** Fields withheld because no young person could be established for them (fail closed). */
  private readonly unattributed = new Map<string, { field: string; rule: string }>();

  constructor(
    readonly viewer: Viewer,
    readonly requestId: string,
  ) {}

  /** The object at `path` (and everything under it) is about `subject`. */
  registerSubject(path: ResponsePath | undefined, subject: Subject) {
    this.subjectsByPath.set(keyOf(path), subject);
  }

  /** The subject of the nearest enclosing object that has one. */
  subjectAt(path: ResponsePath | undefined): Subject | undefined {
    for (let p = path; p; p = p.prev) {
      const s = this.subjectsByPath.get(keyOf(p));
      if (s) return s;
    }
    return undefined;
  }

  /**
   * One audit record per young person and purpose as the record states it: the justification is part
   * of it, so two break-glass reads of young people with no identifier linked, for different reasons,
   * are two records, each reason there for the privacy officer.
   */
  private log(subject: Subject): SubjectLog {
    const { purpose } = subject;
    const id = JSON.stringify([subject.key, purpose.kind, purposeMeeting(purpose), purpose.reason ?? null]);
    let log = this.logs.get(id);
    if (!log) this.logs.set(id, (log = { subject, read: new Set(), withheld: new Map() }));
    return log;
  }

  read(subject: Subject, field: string) {
    this.log(subject).read.add(field);
  }

  /** Withheld from this read: audited, and told at `path` (with how many, only to those who may count them: `mayCountWithheld`). */
  withhold(subject: Subject, field: string, rule: PolicyRule, agency: string, path: (string | number)[], count?: number) {
    this.auditWithheld(subject, field, rule);
    this.tell(path, agency, rule, count);
  }

  /** What a rule actually left out of this read, for the audit (auditors only) whether or not a notice says so. */
  auditWithheld(subject: Subject, field: string, rule: PolicyRule) {
    this.log(subject).withheld.set(`${field}|${rule.id}`, { field, rule: rule.id });
  }

  /** A notice at `path` that the rule withholds (or may withhold) something there. */
  tell(path: (string | number)[], agency: string, rule: PolicyRule, count?: number) {
    this.notices.push({ path, agency, rule: rule.id, explanation: rule.explanation, ...(count !== undefined && { count }) });
  }

  /** Keep an agency's part of a meeting pack as the chair is shown it (written once, with the audit records). */
  keepSnapshot(snapshot: PackSnapshotContent) {
    this.snapshots.push(snapshot);
  }

  /** What another reading on this request's behalf read and withheld (a snapshot's), audited with this request; its notices are its own. */
  absorbReads(other: RequestAccess) {
    for (const { subject, read, withheld } of other.logs.values()) {
      const log = this.log(subject);
      read.forEach((f) => log.read.add(f));
      withheld.forEach((w, k) => log.withheld.set(k, w));
    }
    other.unattributed.forEach((u, k) => this.unattributed.set(k, u));
  }

  /** A field of a personal type with no established young person: withheld with a notice, and audited under no subject. */
  withholdUnattributed(field: string, rule: PolicyRule, agency: string, path: (string | number)[]) {
    this.unattributed.set(`${field}|${rule.id}`, { field, rule: rule.id });
    this.notices.push({ path, agency, rule: rule.id, explanation: rule.explanation });
  }

  /**
   * Nothing returned, and nothing said whether it exists: no legitimate relationship with `subjectKey`,
   * or a miss, whose `subjectKey` is what was asked for. Both are audited alike.
   */
  refuse(subjectKey: string, breakGlassReason?: string) {
    this.refusals.set(subjectKey, breakGlassReason ?? null);
  }

  /**
   * Figures about a cohort (`subjectKey`: the cohort, never a young person): the measures given, and
   * those suppressed or refused under `rule`. Audited as an aggregate read.
   */
  aggregate(subjectKey: string, read: string[], withheld: { field: string; rule: string }[] = []) {
    let log = this.aggregates.get(subjectKey);
    if (!log) this.aggregates.set(subjectKey, (log = { read: new Set(), withheld: new Map() }));
    read.forEach((f) => log.read.add(f));
    withheld.forEach((w) => log.withheld.set(`${w.field}|${w.rule}`, w));
  }

  auditContents(at: Date): AuditContent[] {
    const who = {
      at,
      requestId: this.requestId,
      userId: this.viewer.id,
      userName: this.viewer.name,
      userAgency: this.viewer.agency,
      userRole: this.viewer.role,
    };
    return [
      ...[...this.logs.values()].map(({ subject, read, withheld }) => ({
        ...who,
        subject: subject.key,
        action: 'READ' as const,
        purposeKind: subject.purpose.kind,
        meetingId: purposeMeeting(subject.purpose),
        breakGlassReason: subject.purpose.reason ?? null,
        fieldsRead: JSON.stringify([...read].sort()),
        withheld: JSON.stringify([...withheld.values()]),
      })),
      ...[...this.refusals].map(([subject, breakGlassReason]) => ({
        ...who,
        subject,
        action: 'REFUSED' as const,
        purposeKind: null,
        meetingId: null,
        breakGlassReason,
        fieldsRead: '[]',
        withheld: '[]',
      })),
      ...[...this.aggregates].map(([subject, { read, withheld }]) => ({
        ...who,
        subject,
        action: 'AGGREGATE' as const,
        purposeKind: PurposeKind.AGGREGATE_REPORTING,
        meetingId: null,
        breakGlassReason: null,
        fieldsRead: JSON.stringify([...read].sort()),
        withheld: JSON.stringify([...withheld.values()]),
      })),
      ...(this.unattributed.size
        ? [
            {
              ...who,
              subject: SUBJECT_NOT_ESTABLISHED_KEY,
              action: 'READ' as const,
              purposeKind: null,
              meetingId: null,
              breakGlassReason: null,
              fieldsRead: '[]',
              withheld: JSON.stringify([...this.unattributed.values()]),
            },
          ]
        : []),
    ];
  }
}
