import type { EntityManager } from '@mikro-orm/core';
import type { PopulationOptions, SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import type { AgencySeeder } from '../../kit/subgraph/service';

/**
 * What one agency's seeder writes for one synthetic young person, captured by an entity manager that
 * only collects: for choosing a young person with the records a test needs, and for checking the
 * generated council without a database.
 */
export function recordsOf(seeder: AgencySeeder, person: SyntheticYoungPerson, options: PopulationOptions): object[] {
  const rows: object[] = [];
  const make = (entity: new () => object, data: object) => Object.assign(Object.create(entity.prototype as object) as object, data);
  const em = {
    create: (entity: new () => object, data: object, options?: { persist?: boolean }) => {
      const row = make(entity, data);
      if (options?.persist !== false) rows.push(row);
      return row;
    },
    persist: (row: object) => rows.push(row),
    getReference: (entity: new () => object, id: unknown) => make(entity, { id }),
  } as unknown as EntityManager;
  seeder.seedPerson(em, person, options);
  return rows;
}

export function rowsOf<T extends object>(rows: readonly object[], entity: abstract new (...args: never[]) => T): T[] {
  return rows.filter((row): row is T => row instanceof entity);
}
