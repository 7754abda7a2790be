import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  Reference,
  ReferenceKind,
  Utils,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type Platform,
} from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TableWriter } from './seeding-session';

type Row = Record<string, unknown>;

interface Column {
  readonly name: string;
  /** The value as MikroORM would bind it: references by key, `default` for a missing value, custom types converted. */
  readonly value: (entity: Row) => unknown;
}

interface Table {
  readonly copy: string;
  readonly columns: readonly Column[];
  /** The autoincrement key, numbered here because COPY returns nothing (the sequence is moved past it). */
  readonly generated?: { readonly prop: string; readonly field: string };
}

/** A foreign key or index set aside while the rows are written: its table, name and definition as PostgreSQL prints them. */
interface Suspended {
  table: string;
  name: string;
  definition: string;
}

const FOREIGN_KEYS = `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
  from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace order by 1, 2`;

/** Indexes that neither enforce a constraint nor uniqueness. */
const PLAIN_INDEXES = `select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
  from pg_index i join pg_class c on c.oid = i.indexrelid
  where c.relnamespace = current_schema()::regnamespace and not i.indisunique and not i.indisprimary
    and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid) order by 1, 2`;

/** Rows sent to the server per chunk of the stream: big enough to amortise the stream, small enough not to hold a batch twice. */
const ROWS_PER_CHUNK = 1_000;

/**
 * Writes a seeding batch's rows with PostgreSQL's COPY instead of multi-row inserts: at 100 000 young
 * people an insert's SQL text (values inlined by MikroORM, then parsed by the server) was most of the
 * seeding time. Columns, custom types, references and defaults come from MikroORM's metadata the way
 * its own inserts bind them; a seeding test compares every table with what MikroORM's inserts store.
 * Anything it cannot write as MikroORM would (raw SQL defaults, composite keys, JSON embeddables, ...)
 * is refused by name rather than written differently.
 */
export class PostgresCopyWriter implements TableWriter {
  readonly plainEntities = true;
  private readonly tables = new Map<string, Table>();
  /** Per table with an autoincrement key: the last key numbered here (read from the table the first time). */
  private readonly lastKeys = new Map<string, { readonly field: string; last: number }>();
  private suspended: { keys: Suspended[]; indexes: Suspended[] } = { keys: [], indexes: [] };

  async write(tx: EntityManager, meta: EntityMetadata, entities: object[]): Promise<void> {
    const table = this.tableOf(meta, tx.getPlatform());
    const connection = await this.connectionOf(tx);
    if (table.generated) await this.number(connection, meta, table.generated, entities as Row[]);
    await pipeline(Readable.from(copyChunks(table, entities as Row[]), { objectMode: false }), connection.query(copyFrom(table.copy)));
  }

  /**
   * Before the first batch, in the seeding's transaction: foreign keys and non-unique indexes are
   * dropped, to be built once over all the rows at the end (PostgreSQL's own advice for populating a
   * database). Maintained row by row they were two thirds of the server's COPY time: 840 000 meeting
   * attendees at 100 000 young people. Primary keys and unique indexes stay, so duplicates still fail
   * as they are written.
   */
  async beforeLoad(tx: EntityManager): Promise<void> {
    const connection = await this.connectionOf(tx);
    const keys = (await connection.query<Suspended>(FOREIGN_KEYS)).rows;
    const indexes = (await connection.query<Suspended>(PLAIN_INDEXES)).rows;
    for (const key of keys) await connection.query(`alter table ${key.table} drop constraint ${quote(key.name)}`);
    for (const index of indexes) await connection.query(`drop index ${index.name}`);
    this.suspended = { keys, indexes };
  }

  /** After the last batch, before the seeding commits: the indexes rebuilt, then each foreign key added back and checked over every row. */
  async afterLoad(tx: EntityManager): Promise<void> {
    const connection = await this.connectionOf(tx);
    for (const index of this.suspended.indexes) await connection.query(index.definition);
    for (const key of this.suspended.keys)
      await connection.query(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`);
    this.suspended = { keys: [], indexes: [] };
  }

  /** Moves every numbered table's sequence past the keys given here, in the batch's transaction, so later inserts do not collide. */
  async afterBatch(tx: EntityManager): Promise<void> {
    const connection = await this.connectionOf(tx);
    for (const [tableName, { field, last }] of this.lastKeys)
      if (last > 0) await connection.query('select setval(pg_get_serial_sequence($1, $2), $3)', [quote(tableName), field, last]);
  }

  private async number(connection: ClientBase, meta: EntityMetadata, key: { prop: string; field: string }, entities: Row[]): Promise<void> {
    let numbered = this.lastKeys.get(meta.tableName);
    if (!numbered) {
      const stored = await connection.query<{ last: string | null }>(
        `select max(${quote(key.field)}) as last from ${quote(meta.tableName)}`,
      );
      this.lastKeys.set(meta.tableName, (numbered = { field: key.field, last: Number(stored.rows[0]?.last ?? 0) }));
    }
    for (const entity of entities) {
      if (entity[key.prop] !== undefined && entity[key.prop] !== null)
        throw new Error(`seeding by COPY numbers ${meta.className}.${key.prop} itself: the seeder must leave it unset`);
      entity[key.prop] = ++numbered.last;
    }
  }

  /** The pg connection knex holds for the batch's transaction, so COPY commits or rolls back with it. */
  private connectionOf(tx: EntityManager): Promise<ClientBase> {
    const trx = tx.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('seeding by COPY runs inside a transaction');
    return (trx.client as { acquireConnection(): Promise<ClientBase> }).acquireConnection();
  }

  private tableOf(meta: EntityMetadata, platform: Platform): Table {
    let table = this.tables.get(meta.className);
    if (!table) this.tables.set(meta.className, (table = describeTable(meta, platform)));
    return table;
  }
}

function describeTable(meta: EntityMetadata, platform: Platform): Table {
  const columns: Column[] = [];
  let generated: Table['generated'];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
    const refuse = (why: string) => new Error(`seeding by COPY cannot write ${meta.className}.${prop.name}: ${why}`);
    if (prop.kind === ReferenceKind.EMBEDDED) {
      if (prop.object) throw refuse('an embeddable stored as JSON');
      continue; // its own properties, flattened by MikroORM, carry the columns
    }
    if (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE) throw refuse(`a ${prop.kind} relation`);
    if (prop.fieldNames.length !== 1) throw refuse('more than one column');
    // MikroORM's insert leaves a version column out, for the database's default to start it.
    if (prop.version) continue;
    if (prop.generated || prop.formula || prop.onCreate) throw refuse('a value the database or MikroORM computes');
    if (prop.defaultRaw !== undefined && prop.default === undefined && !prop.autoincrement) throw refuse('a raw SQL default');
    if (prop.primary && prop.autoincrement) {
      generated = { prop: prop.name, field: prop.fieldNames[0] };
    }
    columns.push({ name: prop.fieldNames[0], value: columnValue(prop, platform, refuse) });
  }
  return {
    copy: `copy ${quote(meta.tableName)} (${columns.map((c) => quote(c.name)).join(', ')}) from stdin`,
    columns,
    generated,
  };
}

function columnValue(prop: EntityProperty, platform: Platform, refuse: (why: string) => Error): Column['value'] {
  const embedded = prop.embedded;
  // A reference is written as the referred row's key (set by now: tables are written in commit order).
  const targetKey = prop.kind === ReferenceKind.MANY_TO_ONE ? prop.targetMeta?.primaryKeys : undefined;
  if (targetKey && targetKey.length !== 1) throw refuse('a reference to a composite key');
  const read = embedded
    ? (entity: Row) => (entity[embedded[0]] as Row | null | undefined)?.[embedded[1]]
    : (entity: Row) => entity[prop.name];
  return (entity) => {
    let value: unknown = read(entity);
    // As MikroORM's insert: an explicit null stays null where the column allows it, else the default.
    if (!(prop.nullable && value === null)) value ??= prop.default;
    if (value == null) return value;
    if (targetKey) value = (Reference.unwrapReference(value) as Row)[targetKey[0]];
    return prop.customType
      ? (prop.customType.convertToDatabaseValue(value, platform, { key: prop.name, mode: 'query-data' }) as unknown)
      : value;
  };
}

function* copyChunks(table: Table, entities: Row[]): Generator<string> {
  for (let start = 0; start < entities.length; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (const entity of entities.slice(start, start + ROWS_PER_CHUNK))
      chunk += table.columns.map((column) => copyText(column.value(entity))).join('\t') + '\n';
    yield chunk;
  }
}

/** A value in COPY's text format: \N for null, and backslash escapes for the separators. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // Every timestamp column is timestamptz: the instant is what is stored.
  if (value instanceof Date) return value.toISOString();
  if (Utils.isPlainObject(value) || Array.isArray(value)) return escapeText(JSON.stringify(value));
  throw new Error(`seeding by COPY cannot write a ${typeof value} value`);
}

const escapeText = (text: string): string => text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
