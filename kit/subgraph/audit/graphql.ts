import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { manyByKey } from '../loaders';
import { DateTimeScalar } from '../graphql/scalars';
import { AuditRecord } from './audit-record';

@Directive('@shareable')
@ObjectType({ description: 'A field withheld from a read, and the rule that withheld it.' })
export class WithheldField {
  @Field()
  field!: string;

  @Field()
  rule!: string;
}

/**
 * One entry of an agency's audit log about a young person, for information-governance auditors
 * answering "who has looked at this young person's data" (a subject access request).
 */
@Directive('@shareable')
@ObjectType({
  description: "An entry in an agency's audit log: who read (or was refused) this young person's data, when, under which purpose.",
})
export class AuditEntry {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'The agency whose log this is.' })
  loggedBy!: string;

  @Field({
    description:
      "Which young person this entry is about, by the logging agency's own identifier (social care's person id, the NHS number, UPN or PNC ID): a break-glass alert names the child looked at.",
  })
  youngPersonIdentifier!: string;

  @Field({ description: "The gateway's request id: the same id in every agency's log traces one question across agencies." })
  requestId!: string;

  @Field()
  userId!: string;

  @Field()
  userName!: string;

  @Field()
  userAgency!: string;

  @Field()
  userRole!: string;

  @Field({
    description:
      'READ, REFUSED (no legitimate relationship, or no record by the id asked, recorded alike: nothing was returned) or WRITE (see change).',
  })
  action!: string;

  @Field(() => String, { nullable: true, description: 'ALLOCATION, STATUTORY_ROLE, MEETING_INVITATION, BREAK_GLASS or AUDIT.' })
  purpose!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The meeting the purpose names. In social care's log its id; in another agency's log social care's reference for it, made for that agency alone: social care's entry with the same requestId names the meeting.",
  })
  meetingId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The user's break-glass justification; in another agency's log with every identifier not that agency's masked (\"[person id]\").",
  })
  breakGlassReason!: string | null;

  @Field(() => [String], { description: '"Type.field" read.' })
  fieldsRead!: string[];

  @Field(() => [WithheldField])
  withheld!: WithheldField[];

  @Field(() => String, {
    nullable: true,
    description: 'A write: JSON of the operation and, for each record it created or changed, what it was before and after.',
  })
  change!: string | null;
}

export function toAuditEntry(loggedBy: string, r: AuditRecord): AuditEntry {
  return Object.assign(new AuditEntry(), {
    at: r.at,
    loggedBy,
    youngPersonIdentifier: r.subject,
    requestId: r.requestId,
    userId: r.userId,
    userName: r.userName,
    userAgency: r.userAgency,
    userRole: r.userRole,
    action: r.action,
    purpose: r.purposeKind,
    meetingId: r.meetingId,
    breakGlassReason: r.breakGlassReason,
    fieldsRead: JSON.parse(r.fieldsRead) as string[],
    withheld: JSON.parse(r.withheld) as WithheldField[],
    change: r.change ?? null,
  });
}

/** Per-request loader: an agency's audit entries by subject, newest first. */
export function accessLogLoader(em: EntityManager, loggedBy: string) {
  return manyByKey<string, AuditEntry>(
    async (subjects) =>
      (await em.find(AuditRecord, { subject: { $in: subjects } }, { orderBy: { seq: 'desc' } })).map((r) => toAuditEntry(loggedBy, r)),
    (e) => e.youngPersonIdentifier,
  );
}
