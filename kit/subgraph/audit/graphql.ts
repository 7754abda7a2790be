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

  @Field({ description: 'READ, REFUSED (no legitimate relationship: nothing was returned) or WRITE (see change).' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'ALLOCATION, STATUTORY_ROLE, MEETING_INVITATION, BREAK_GLASS or AUDIT.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  meetingId!: string | null;

  @Field(() => String, { nullable: true })
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
      (await em.find(AuditRecord, { subject: { $in: subjects } }, { orderBy: { seq: 'desc' } })).map((r) =>
        Object.assign(toAuditEntry(loggedBy, r), { subject: r.subject }),
      ),
    (e) => (e as AuditEntry & { subject: string }).subject,
  );
}
