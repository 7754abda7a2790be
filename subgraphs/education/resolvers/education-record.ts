import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, ObjectType, Resolver, Root } from 'type-graphql';
import { guardedChronology } from '../../../kit/subgraph/access/chronology-guard';
import { AuditEntry } from '../../../kit/subgraph/audit/graphql';
import { ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import type { EducationContext } from '../context';
import {
  AlternativeProvisionEpisode,
  NotInSchoolEpisode,
  PermanentExclusion,
  PersonalEducationPlan,
  PostSixteenStatus,
  type Pupil,
  ReducedTimetable,
  SchoolEnrolment,
  SenProvisionEpisode,
  Suspension,
  TermAttendance,
} from '../entities';
import { EDUCATION_CHRONOLOGY_DRAWS_ON, educationChronology } from '../rules/chronology';
import { loadHistory } from './history';

const NOT_MATCHED = 'Null when not matched.';

@ObjectType({
  description:
    "What the virtual school (the local authority's education service for children in care and children with a social worker) holds about the young person, found by UPN. When not matched every field except matchStatus is null: not matched is not the same as nothing recorded.",
})
export class EducationRecord extends AgencyRecord<Pupil> {}

/** Every list is read through the request's batch loaders: one query per kind of record per request. */
@Resolver(() => EducationRecord)
export class EducationRecordResolver {
  @FieldResolver(() => [SchoolEnrolment], { nullable: true, description: `Every period on a school roll, newest first. ${NOT_MATCHED}` })
  enrolments(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.enrolments.load(pupil.id));
  }

  @FieldResolver(() => [TermAttendance], { nullable: true, description: `Attendance term by term, newest first. ${NOT_MATCHED}` })
  attendance(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.attendance.load(pupil.id));
  }

  @FieldResolver(() => [Suspension], { nullable: true, description: `Suspensions, newest first. ${NOT_MATCHED}` })
  suspensions(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.suspensions.load(pupil.id));
  }

  @FieldResolver(() => [PermanentExclusion], { nullable: true, description: `Permanent exclusions, newest first. ${NOT_MATCHED}` })
  permanentExclusions(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.permanentExclusions.load(pupil.id));
  }

  @FieldResolver(() => [ReducedTimetable], { nullable: true, description: `Reduced (part-time) timetables, newest first. ${NOT_MATCHED}` })
  reducedTimetables(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.reducedTimetables.load(pupil.id));
  }

  @FieldResolver(() => [AlternativeProvisionEpisode], {
    nullable: true,
    description: `Alternative provision, newest first. ${NOT_MATCHED}`,
  })
  alternativeProvision(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.alternativeProvision.load(pupil.id));
  }

  @FieldResolver(() => [NotInSchoolEpisode], {
    nullable: true,
    description: `Periods on no school roll (children missing education, elective home education), newest first. ${NOT_MATCHED}`,
  })
  notInSchool(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.notInSchool.load(pupil.id));
  }

  @FieldResolver(() => [SenProvisionEpisode], { nullable: true, description: `SEN provision episodes, newest first. ${NOT_MATCHED}` })
  senProvision(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.senProvision.load(pupil.id));
  }

  @FieldResolver(() => [PersonalEducationPlan], {
    nullable: true,
    description: `Personal Education Plan meetings, newest first. ${NOT_MATCHED}`,
  })
  peps(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.peps.load(pupil.id));
  }

  @FieldResolver(() => [PostSixteenStatus], {
    nullable: true,
    description: `Post-16 records (risk of NEET, transition plan, activity), newest first. ${NOT_MATCHED}`,
  })
  postSixteen(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.postSixteen.load(pupil.id));
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: `Who has read (or been refused) this young person's education record, newest first. Information-governance auditors only. ${NOT_MATCHED}`,
  })
  accessLog(@Root() record: EducationRecord, @Ctx() ctx: EducationContext) {
    return record.whenMatched((pupil) => ctx.loaders.accessLog.load(pupil.upn));
  }

  @FieldResolver(() => [ChronologyEntry], {
    nullable: true,
    description:
      "The virtual school's dated events for this young person, newest first, for merging into a deep-dive chronology. Summaries follow the same sharing rules as the records they come from. Null when not matched.",
  })
  chronology(@Root() record: EducationRecord, @Ctx() ctx: EducationContext, @Info() info: GraphQLResolveInfo) {
    return record.whenMatched(async (pupil) => {
      // The same loaders as the list fields: no extra queries when both are asked for.
      const history = await loadHistory(pupil.id, ctx);
      return guardedChronology(ctx, info, EDUCATION_CHRONOLOGY_DRAWS_ON, (shows) => educationChronology(history, ctx.today, shows));
    });
  }
}
