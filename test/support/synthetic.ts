import { MetadataStorage, type EntityProperty } from '@mikro-orm/core';
import type { SeedingSession } from '../../kit/dev/synthetic/seeding-session';
import type { PopulationOptions, SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import type { AgencySeeder } from '../../kit/subgraph/service';

/**
 * What one agency's seeder writes for one synthetic young person, captured by an entity manager that
 * only collects: for choosing a young person with the records a test needs, and for checking the
 * generated council without a database.
 */
export function recordsOf(seeder: AgencySeeder, person: SyntheticYoungPerson, options: PopulationOptions): object[] {
  const rows: object[] = [];
  seeder.seedPerson(collectingSession(rows), person, options);
  return rows;
}

/**
 * A seeding session that only collects what a seeder persists into `rows` (as a database would get it,
 * `create` persisting unless told not to); a reference is a bare instance with its primary key set.
 */
export function collectingSession(rows: object[]): SeedingSession {
  const make = (entity: new () => object, data: object) => Object.assign(Object.create(entity.prototype as object) as object, data);
  const primaryKey = (entity: new () => object) =>
    Object.values<EntityProperty>(MetadataStorage.getMetadataFromDecorator(entity).properties).find((prop) => prop.primary)?.name ?? 'id';
  return {
    create: (entity: new () => object, data: object, options?: { persist?: boolean }) => {
      const row = make(entity, data);
      if (options?.persist !== false) rows.push(row);
      return row;
    },
    persist: (row: object) => rows.push(row),
    getReference: (entity: new () => object, key: unknown) => make(entity, { [primaryKey(entity)]: key }),
  } as unknown as SeedingSession;
}

export function rowsOf<T extends object>(rows: readonly object[], entity: abstract new (...args: never[]) => T): T[] {
  return rows.filter((row): row is T => row instanceof entity);
}
