import { addDays, addMonths, daysBetween, type LocalDate } from '../../kit/subgraph/dates';
import type { AgencySeeder } from '../../kit/subgraph/service';
import { DEFAULT_POPULATION, population, type PopulationOptions, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { educationSeeder } from '../../subgraphs/education/seed';
import { healthSeeder } from '../../subgraphs/health/seed';
import { policeSeeder } from '../../subgraphs/police/seed';
import { socialCareSeeder } from '../../subgraphs/social-care/seed';
import { TEST_TODAY } from '../support/agency';
import { recordsOf } from '../support/synthetic';

export { recordsOf, rowsOf } from '../support/synthetic';

/**
 * The realism tests read the synthetic council as each agency's seeder writes it, one young person at
 * a time and without a database (so 20 000 people take seconds and never sit in memory at once); one
 * suite also seeds real databases (seeded-databases.test.ts) to check the two routes agree.
 */

/** The default population and a large one: each property must hold at both (issue 9, "Done when"). */
export const SIZES = [DEFAULT_POPULATION.size, 20_000] as const;

export function optionsFor(size: number): PopulationOptions {
  return { size, seed: DEFAULT_POPULATION.seed, asOf: TEST_TODAY };
}

/** Everything the four agencies hold about one young person, as their seeders create it. */
export interface Seeded {
  person: SyntheticYoungPerson;
  socialCare: object[];
  police: object[];
  health: object[];
  education: object[];
}

export type Agency = Exclude<keyof Seeded, 'person'>;

const SEEDERS: Record<Agency, AgencySeeder> = {
  socialCare: socialCareSeeder,
  police: policeSeeder,
  health: healthSeeder,
  education: educationSeeder,
};

/** Each young person of the population with what the agencies asked for hold about them. */
export function* seededPopulation(options: PopulationOptions, agencies: readonly Agency[]): Generator<Seeded> {
  for (const person of population(options)) {
    const seeded: Seeded = { person, socialCare: [], police: [], health: [], education: [] };
    for (const agency of agencies) seeded[agency] = recordsOf(SEEDERS[agency], person, options);
    yield seeded;
  }
}

/** Whether a dated episode overlaps [from, to] (an open episode runs on to `to`). */
export function overlaps(episode: { startDate: LocalDate; endDate?: LocalDate | null }, from: LocalDate, to: LocalDate): boolean {
  return episode.startDate <= to && (episode.endDate ?? to) >= from;
}

/** Days of an episode falling within [from, to], both included. */
export function daysWithin(episode: { startDate: LocalDate; endDate?: LocalDate | null }, from: LocalDate, to: LocalDate): number {
  const start = episode.startDate > from ? episode.startDate : from;
  const end = (episode.endDate ?? to) < to ? (episode.endDate ?? to) : to;
  return start > end ? 0 : daysBetween(start, end) + 1;
}

/** The six months before a date ([date - 6 months, date - 1]) and the six after ([date, date + 6 months - 1]). */
export function sixMonthsAround(date: LocalDate): { before: [LocalDate, LocalDate]; after: [LocalDate, LocalDate] } {
  return { before: [addMonths(date, -6), addDays(date, -1)], after: [date, addDays(addMonths(date, 6), -1)] };
}

/** A share as a percentage with one decimal, for messages that print the figure measured. */
export const percent = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 10;
