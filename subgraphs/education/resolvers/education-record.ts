import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { AgencyMatchStatus, matchStatusOf } from '../../../kit/subgraph/graphql/match';
import type { LocalDate } from '../../../kit/subgraph/dates';
import { todayOf, type EducationContext } from '../context';
import { AlternativeProvisionEpisode } from '../entities/alternative-provision-episode';
import { NotInSchoolEpisode } from '../entities/not-in-school-episode';
import { PermanentExclusion } from '../entities/permanent-exclusion';
import { PersonalEducationPlan } from '../entities/personal-education-plan';
import { PostSixteenStatus } from '../entities/post-sixteen-status';
import type { Pupil } from '../entities/pupil';
import { ReducedTimetable } from '../entities/reduced-timetable';
import { SchoolEnrolment } from '../entities/school-enrolment';
import { SenProvisionEpisode } from '../entities/sen-provision-episode';
import { Suspension } from '../entities/suspension';
import { TermAttendance } from '../entities/term-attendance';
import type { EducationLoaders } from '../loaders';

@ObjectType({
  description:
    "What the virtual school (the local authority's education service for children in care and children with a social worker) holds about the young person, found by UPN. When not matched every field except matchStatus is null: not matched is not the same as nothing recorded.",
})
export class EducationRecord {
  @Field(() => AgencyMatchStatus)
  matchStatus!: AgencyMatchStatus;

  /** The virtual school's pupil record; null when not matched. Not exposed. */
  pupil!: Pupil | null;

  static of(upn: string | null, pupil: Pupil | null): EducationRecord {
    return Object.assign(new EducationRecord(), { matchStatus: matchStatusOf(upn, pupil), pupil });
  }
}

type ListLoader = Exclude<keyof EducationLoaders, 'pupilByUpn' | 'accessLog'>;
type RecordsOf<K extends ListLoader> = Awaited<ReturnType<EducationLoaders[K]['load']>>;

/** A matched pupil's records of one kind, batched across the request; null (not empty) when not matched. */
export function recordsOf<K extends ListLoader>(record: EducationRecord, ctx: EducationContext, kind: K): Promise<RecordsOf<K>> | null {
  return record.pupil ? (ctx.loaders[kind].load(record.pupil.id) as Promise<RecordsOf<K>>) : null;
}

/** A rule applied to a matched pupil's records of one kind, seen from today; null when not matched. */
export async function ruleOver<K extends ListLoader, T>(
  record: EducationRecord,
  ctx: EducationContext,
  kind: K,
  rule: (rows: RecordsOf<K>, pupil: Pupil, today: LocalDate) => T,
): Promise<T | null> {
  const rows = await recordsOf(record, ctx, kind);
  return rows && rule(rows, record.pupil!, todayOf(ctx));
}

const NOT_MATCHED = 'Null when not matched.';

@Resolver(() => EducationRecord)
export class EducationRecordResolver {
  @FieldResolver(() => [SchoolEnrolment], { nullable: true, description: `Every period on a school roll, newest first. ${NOT_MATCHED}` })
  enrolments(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'enrolments');
  }

  @FieldResolver(() => [TermAttendance], { nullable: true, description: `Attendance term by term, newest first. ${NOT_MATCHED}` })
  attendance(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'attendance');
  }

  @FieldResolver(() => [Suspension], { nullable: true, description: `Suspensions, newest first. ${NOT_MATCHED}` })
  suspensions(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'suspensions');
  }

  @FieldResolver(() => [PermanentExclusion], { nullable: true, description: `Permanent exclusions, newest first. ${NOT_MATCHED}` })
  permanentExclusions(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'permanentExclusions');
  }

  @FieldResolver(() => [ReducedTimetable], { nullable: true, description: `Reduced (part-time) timetables, newest first. ${NOT_MATCHED}` })
  reducedTimetables(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'reducedTimetables');
  }

  @FieldResolver(() => [AlternativeProvisionEpisode], { nullable: true, description: `Alternative provision, newest first. ${NOT_MATCHED}` })
  alternativeProvision(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'alternativeProvision');
  }

  @FieldResolver(() => [NotInSchoolEpisode], {
    nullable: true,
    description: `Periods on no school roll (children missing education, elective home education), newest first. ${NOT_MATCHED}`,
  })
  notInSchool(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'notInSchool');
  }

  @FieldResolver(() => [SenProvisionEpisode], { nullable: true, description: `SEN provision episodes, newest first. ${NOT_MATCHED}` })
  senProvision(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'senProvision');
  }

  @FieldResolver(() => [PersonalEducationPlan], { nullable: true, description: `Personal Education Plan meetings, newest first. ${NOT_MATCHED}` })
  peps(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'peps');
  }

  @FieldResolver(() => [PostSixteenStatus], { nullable: true, description: `Post-16 records (risk of NEET, transition plan, activity), newest first. ${NOT_MATCHED}` })
  postSixteen(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return recordsOf(r, ctx, 'postSixteen');
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: `Who has read (or been refused) this young person's education record, newest first. Information-governance auditors only. ${NOT_MATCHED}`,
  })
  accessLog(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.pupil ? ctx.loaders.accessLog.load(r.pupil.upn) : null;
  }
}
