import type { AgencySeeder } from '../../kit/subgraph/service';
import { LA_CODE, type PopulationOptions, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { Random } from '../../kit/dev/synthetic/random';
import { Pupil } from './entities/pupil';
import { academicYearStarting } from './rules/terms';
import { yearGroupOn } from './rules/year-group';
import { seedAttendance } from './seeding/attendance';
import { seedAlternativeProvision, seedReducedTimetable, seedSuspensions } from './seeding/behaviour';
import { autumnTermBegins, earliest } from './seeding/calendar';
import { seedEnrolments } from './seeding/enrolments';
import { seedPeps } from './seeding/peps';
import { seedPostSixteen } from './seeding/post-sixteen';
import type { PupilSeed } from './seeding/pupil-seed';
import { seedSchoolDirectory } from './seeding/schools';
import { seedSen } from './seeding/sen';
import type { SeedingSession } from '../../kit/dev/synthetic/seeding-session';

function seedPupil(em: SeedingSession, person: SyntheticYoungPerson, options: PopulationOptions): void {
  const asOf = options.asOf;
  const pupil = em.create(Pupil, {
    upn: person.upn!,
    dateOfBirth: person.dateOfBirth,
    enteredCareDate: person.enteredCareOn,
    virtualSchool: LA_CODE,
  });
  const yearGroup = yearGroupOn(person.dateOfBirth, asOf);
  // Reception (or this year's nursery class) began in September, when school-age time began.
  const educationStart = earliest(autumnTermBegins(academicYearStarting(asOf) - Math.max(0, yearGroup)), asOf);
  const seed: PupilSeed = {
    em,
    r: new Random(options.seed, 'education', person.index),
    wishes: new Random(options.seed, 'education-wishes', person.index),
    person,
    pupil,
    asOf,
    yearGroup,
    educationStart,
  };

  // The order of the steps fixes the order of random draws: keep it, or the data changes.
  const stints = seedEnrolments(seed);
  seedAttendance(seed, stints);
  seedSuspensions(seed, stints);
  seedReducedTimetable(seed, stints);
  seedAlternativeProvision(seed, stints);
  const sen = seedSen(seed);
  seedPeps(seed);
  seedPostSixteen(seed, stints, sen);
}

/** The virtual school's share of the synthetic population: pupils with a linked UPN the school really holds. */
export const educationSeeder: AgencySeeder = {
  async isSeeded(em) {
    return (await em.count(Pupil)) > 0;
  },
  seedPerson(em, person, options) {
    // The school directory is shared by all pupils: written once, with the first person of the population.
    if (person.index === 0) seedSchoolDirectory(em);
    if (person.upn && person.heldByEducation) seedPupil(em, person, options);
  },
};
