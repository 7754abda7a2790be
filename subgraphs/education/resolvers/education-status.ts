import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Timeliness } from '../../../kit/subgraph/graphql/timeliness';
import type { EducationContext } from '../context';
import { SchoolEnrolment } from '../entities/school-enrolment';
import { SenProvisionEpisode } from '../entities/sen-provision-episode';
import { persistentlyAbsentThisYear } from '../rules/attendance';
import { currentEnrolment } from '../rules/enrolment';
import { currentEpisode } from '../rules/episodes';
import { pepTimeliness, pepWithinLastSixMonths } from '../rules/pep';
import type { PersonalEducationPlan } from '../entities/personal-education-plan';
import { EducationRecord } from './education-record';

const meetingDates = (peps: PersonalEducationPlan[]) => peps.map((p) => p.meetingDate);

/** Values computed on the day asked from the recorded dates (the injected clock's today), never stored. */
@Resolver(() => EducationRecord)
export class EducationStatusResolver {
  @FieldResolver(() => SchoolEnrolment, {
    nullable: true,
    description:
      'The school the pupil is on roll at today (the main registration when dual registered); null when on no roll or not matched.',
  })
  currentEnrolment(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.whenMatched(async (pupil) => {
      const enrolments = await ctx.loaders.enrolments.load(pupil.id);
      return currentEnrolment(enrolments, ctx.today);
    });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Persistently absent over the current academic year so far: 10% or more of possible sessions missed. Null when nothing is recorded for this academic year, or not matched.',
  })
  persistentlyAbsent(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.whenMatched(async (pupil) => {
      const terms = await ctx.loaders.attendance.load(pupil.id);
      return persistentlyAbsentThisYear(terms, ctx.today);
    });
  }

  @FieldResolver(() => SenProvisionEpisode, {
    nullable: true,
    description: 'The SEN provision in place today; null when none is recorded or not matched.',
  })
  currentSenProvision(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.whenMatched(async (pupil) => {
      const episodes = await ctx.loaders.senProvision.load(pupil.id);
      return currentEpisode(episodes, ctx.today);
    });
  }

  @FieldResolver(() => Timeliness, {
    nullable: true,
    description:
      'PEP timeliness: the first PEP is due within 20 school days of entering care (school days are weekdays; holidays are not modelled), then a review every term, due by the end of the term after the last PEP. Terms are fixed (Autumn 1 Sep-31 Dec, Spring 1 Jan-31 Mar, Summer 1 Apr-31 Aug) because Easter moves. NOT_APPLICABLE when not looked after; null when not matched.',
  })
  pepTimeliness(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.whenMatched(async (pupil) => {
      const peps = await ctx.loaders.latestPep.load(pupil.id);
      return pepTimeliness(meetingDates(peps), pupil.enteredCareDate, ctx.today);
    });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'The local KPI "PEP within the last 6 months" (000:294): a PEP meeting on or after the same date 6 months ago. Null when not looked after or not matched.',
  })
  pepWithinLastSixMonths(@Root() r: EducationRecord, @Ctx() ctx: EducationContext) {
    return r.whenMatched(async (pupil) => {
      const peps = await ctx.loaders.latestPep.load(pupil.id);
      return pepWithinLastSixMonths(meetingDates(peps), pupil.enteredCareDate, ctx.today);
    });
  }
}
