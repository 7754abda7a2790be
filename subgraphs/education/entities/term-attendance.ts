import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SchoolTerm } from '../enums';
import { attendancePercentage, isPersistentlyAbsent } from '../rules/attendance';
import { PupilRecord } from './pupil-record';

@Entity({ tableName: 'term_attendance' })
// One row per pupil per term: the current term's row is updated as weekly figures arrive.
@Unique({ properties: ['pupil', 'academicYear', 'term'] })
@ObjectType({
  description:
    'Attendance in one term, in sessions (a morning or an afternoon). The census reports it a term in arrears; the virtual school collects it weekly, so the current term is the count so far.',
})
export class TermAttendance extends PupilRecord {
  @Property({ type: 'string', length: 7 })
  @Field({ description: 'Academic year, e.g. "2026/27" (1 September to 31 August).' })
  academicYear!: string;

  @Enum({ items: () => SchoolTerm })
  @Field(() => SchoolTerm)
  term!: SchoolTerm;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Sessions possible: the sessions the school was open for this pupil.' })
  sessionsPossible!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: "Sessions missed with the school's authorisation (e.g. illness, medical appointments)." })
  authorisedAbsence!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Sessions missed without authorisation.' })
  unauthorisedAbsence!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Computed: sessions attended as a percentage of sessions possible, one decimal place; null when no sessions were possible.',
  })
  get attendancePercentage(): number | null {
    return attendancePercentage(this);
  }

  @Field({ description: 'Computed: persistent absence, i.e. 10% or more of possible sessions missed (authorised or not) this term.' })
  get persistentlyAbsent(): boolean {
    return isPersistentlyAbsent([this]) ?? false;
  }
}
