import 'reflect-metadata';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The virtual school's own record of a pupil, found by UPN. Not a GraphQL type: the young person
 * belongs to social care; education answers through EducationRecord.
 */
@Entity({ tableName: 'pupil' })
export class Pupil {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Unique pupil number, in the canonical form checkUpn returns. */
  @Property({ type: 'string', length: 13, unique: true })
  upn!: string;

  /** For year-group maths. */
  @Property({ type: 'date' })
  dateOfBirth!: string;

  /** Start of the current period of care; null when not looked after (PEP rules then do not apply). */
  @Property({ type: 'date', nullable: true })
  enteredCareDate!: string | null;

  /** DfE code of the local authority whose virtual school oversees the pupil's education. */
  @Property({ type: 'string', length: 3 })
  virtualSchool!: string;
}
