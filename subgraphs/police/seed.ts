import type { EntityManager } from '@mikro-orm/core';
import type { AgencySeeder } from '../../kit/subgraph/service';
import { checkPncId } from '../../kit/shared/identifiers';
import type { PopulationOptions, SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { Random } from '../../kit/dev/synthetic/random';
import { Nominal } from './entities';
import { seedArrests } from './seeding/arrests';
import { seedAssociates, seedLocationsOfConcern } from './seeding/associations';
import { seedExploitation } from './seeding/exploitation';
import { seedIntelligence } from './seeding/intelligence';
import { seedMissingEpisodes } from './seeding/missing';
import { sceneFor } from './seeding/scene';
import type { SeedingSession } from '../../kit/dev/synthetic/seeding-session';

/**
 * The police's share of the synthetic population: only young people social care has a PNC ID for, and
 * only when the police really hold them. One random stream per person, so the data never depends on order.
 */
export const policeSeeder: AgencySeeder = {
  async isSeeded(em: EntityManager) {
    return (await em.count(Nominal)) > 0;
  },

  seedPerson(em: SeedingSession, person: SyntheticYoungPerson, options: PopulationOptions) {
    if (!person.pncId || !person.heldByPolice) return;
    const checked = checkPncId(person.pncId);
    if (!checked.ok) throw new Error(`synthetic population produced an invalid PNC ID for person ${person.index}: ${checked.reason}`);
    const nominal = em.create(Nominal, { pncId: checked.value, dateOfBirth: person.dateOfBirth });
    const r = new Random(options.seed, 'police', person.index);
    const wishes = new Random(options.seed, 'police-wishes', person.index);
    const scene = sceneFor(em, r, wishes, person, nominal, checked.value, options.asOf);
    seedMissingEpisodes(scene);
    seedArrests(scene);
    seedExploitation(scene);
    seedIntelligence(scene);
    seedAssociates(scene);
    seedLocationsOfConcern(scene);
  },
};
