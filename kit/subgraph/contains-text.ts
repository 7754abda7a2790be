import { raw, type EntityKey, type EntityManager, type EntityName } from '@mikro-orm/core';

/**
 * "Contains, whatever the case" on SQLite and PostgreSQL alike. MikroORM's $ilike is PostgreSQL's
 * ILIKE, which SQLite does not have ("near ilike": every search failed), and plain LIKE folds case on
 * SQLite but not on PostgreSQL. Both sides are lowered instead, and the text's own %, _ and \ are
 * escaped so they match themselves, with the escape character named (SQLite has no default one).
 * SQLite's lower() folds ASCII letters only: a name stored with a capital Ë is found by "Ë", not "ë".
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** A filter condition for `em.find`: the entity's text property contains `text`, ignoring case. */
export function containsIgnoringCase<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  property: EntityKey<T>,
  text: string,
): Record<string, unknown> {
  const column = em.getMetadata().get(entity).properties[property].fieldNames[0];
  return { [raw((alias) => `lower(${alias}.${column}) like ? escape '\\'`, [containsPattern(text)])]: [] };
}
