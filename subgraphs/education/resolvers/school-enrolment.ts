import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context';
import { SchoolEnrolment } from '../entities/school-enrolment';
import { nationalCurriculumYear, yearGroupOn } from '../rules/year-group';

@Resolver(() => SchoolEnrolment)
export class SchoolEnrolmentResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Computed from the date of birth: national curriculum year group as the census codes it (N1, N2 nursery; R reception; 1 to 14), today while on roll, on the last day otherwise.',
  })
  yearGroup(@Root() e: SchoolEnrolment, @Ctx() ctx: EducationContext): string | null {
    const today = ctx.today;
    const on = e.endDate !== null && e.endDate < today ? e.endDate : today;
    return nationalCurriculumYear(yearGroupOn(e.pupil.dateOfBirth, on));
  }
}
