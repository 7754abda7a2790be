import { ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Patient } from './patient';

/** What every dated health record shares: its own id and the patient it belongs to (neither is exposed). */
export abstract class PatientRecord {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Patient)
  patient!: Patient;
}
