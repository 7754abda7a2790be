import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

/**
 * Plain rows of `entity` matching `where`: the named properties only, a relation as its key, nothing
 * hydrated or tracked. For reads of many records that keep none (counting a cohort, choosing a
 * caseload's candidates): entities cost several times as much to build as the query takes.
 */
export function plainQuery<Row extends object>(
  em: EntityManager,
  entity: EntityName<object>,
  fields: readonly (keyof Row & string)[],
  where: FilterQuery<object>,
): Promise<Row[]> {
  return (em as SqlEntityManager)
    .createQueryBuilder(entity)
    .select([...fields])
    .where(where)
    .execute<Row[]>('all');
}
