import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Reference, ReferenceKind, type EntityManager, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
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
  /** Properties given a value here or by the database (the autoincrement key, a version), which a seeder must leave unset. */
  readonly unset: readonly string[];
  /** The autoincrement key, given here from its sequence because COPY returns nothing; the table quoted. */
  readonly generated?: { readonly prop: string; readonly table: string; readonly field: string };
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
 * is refused by name rather than written differently. COPY goes to the pg connection knex holds for
 * the transaction, past MikroORM's query log and metrics: every call must be awaited inside it.
 */
export class PostgresCopyWriter implements TableWriter {
  readonly plainEntities = true;
  private readonly tables = new Map<string, Table>();
  private suspended: { keys: Suspended[]; indexes: Suspended[] } = { keys: [], indexes: [] };

  async write(tx: EntityManager, meta: EntityMetadata, entities: object[]): Promise<void> {
    const table = this.tableOf(meta, tx.getPlatform());
    const connection = await this.connectionOf(tx);
    for (const name of table.unset)
      if ((entities as Row[]).some((entity) => entity[name] != null))
        throw new Error(`seeding by COPY gives ${meta.className}.${name} its value: the seeder must leave it unset`);
    if (table.generated) await this.number(connection, table.generated, entities as Row[]);
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
    // Rebuilding an index or checking a foreign key over every row is one long statement: a service
    // seeding itself at its first start has a statement timeout (DB_STATEMENT_TIMEOUT_MS), as migrations do.
    await connection.query('set local statement_timeout = 0');
    const keys = (await connection.query<Suspended>(FOREIGN_KEYS)).rows;
    const indexes = (await connection.query<Suspended>(PLAIN_INDEXES)).rows;
    const quote = (name: string) => tx.getPlatform().quoteIdentifier(name);
    for (const key of keys) await connection.query(`alter table ${key.table} drop constraint ${quote(key.name)}`);
    for (const index of indexes) await connection.query(`drop index ${index.name}`);
    this.suspended = { keys, indexes };
  }

  /** After the last batch, before the seeding commits: the indexes rebuilt, then each foreign key added back and checked over every row. */
  async afterLoad(tx: EntityManager): Promise<void> {
    const connection = await this.connectionOf(tx);
    const quote = (name: string) => tx.getPlatform().quoteIdentifier(name);
    for (const index of this.suspended.indexes) await connection.query(index.definition);
    for (const key of this.suspended.keys)
      await connection.query(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`);
    this.suspended = { keys: [], indexes: [] };
  }

  /**
   * A block of keys taken from the table's own sequence in one statement, in order, so each row gets
   * the key an insert of the same rows would have given it and the sequence ends where the inserts
   * would leave it. (A nextval per row doubled the server's seeding time.) Were another session to
   * draw from the sequence in the same instant, the primary key, kept while loading, would refuse the
   * overlap rather than store it.
   */
  private async number(connection: ClientBase, key: NonNullable<Table['generated']>, entities: Row[]): Promise<void> {
    const { rows } = await connection.query<{ last: string }>(
      'select setval(pg_get_serial_sequence($1, $2), nextval(pg_get_serial_sequence($1, $2)) + $3 - 1) as last',
      [key.table, key.field, entities.length],
    );
    const first = Number(rows[0].last) - entities.length + 1;
    entities.forEach((entity, i) => (entity[key.prop] = first + i));
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
  const unset: string[] = [];
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
    // Left to the column's default (1), as MikroORM's insert writes it when the entity has none: a
    // version a seeder gave is refused rather than dropped.
    if (prop.version) {
      unset.push(prop.name);
      continue;
    }
    if (prop.generated || prop.formula || prop.onCreate) throw refuse('a value the database or MikroORM computes');
    if (prop.defaultRaw !== undefined && prop.default === undefined && !prop.autoincrement) throw refuse('a raw SQL default');
    if (prop.primary && prop.autoincrement) {
      generated = { prop: prop.name, table: platform.quoteIdentifier(meta.tableName), field: prop.fieldNames[0] };
      unset.push(prop.name);
    }
    columns.push({ name: prop.fieldNames[0], value: columnValue(prop, platform, refuse) });
  }
  return {
    copy: `copy ${platform.quoteIdentifier(meta.tableName)} (${columns.map((c) => platform.quoteIdentifier(c.name)).join(', ')}) from stdin`,
    columns,
    unset,
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
    if (targetKey) {
      const target: unknown = Reference.unwrapReference(value);
      if (typeof target !== 'object') throw refuse('a reference given as a bare key rather than the entity');
      value = (target as Row)[targetKey[0]];
    }
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
  // JSON arrives as text (MikroORM's JsonType): an object here would be a type this writer does not know.
  throw new Error(`seeding by COPY cannot write a ${typeof value} value`);
}

const escapeText = (text: string): string => text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
