import { Embedded, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { RegisteredGpPractice } from './registered-gp-practice';

/**
 * Health's own record of a young person, found by NHS number. Not a GraphQL type: the graph reaches it
 * as YoungPerson.health (HealthRecord), so health never exposes a second "person".
 */
@Entity()
export class Patient {
  @PrimaryKey()
  id!: number;

  /** Normalised: 10 digits, no spaces. */
  @Property({ unique: true, length: 10 })
  nhsNumber!: string;

  /** Health keeps its own copy: the review interval depends on whether the child is under 5. */
  @Property({ type: 'date' })
  dateOfBirth!: string;

  /** Start of the current period of being looked after, as notified to health; null when not looked after. */
  @Property({ type: 'date', nullable: true })
  enteredCareOn: string | null = null;

  @Embedded(() => RegisteredGpPractice, { nullable: true })
  registeredGp: RegisteredGpPractice | null = null;
}
