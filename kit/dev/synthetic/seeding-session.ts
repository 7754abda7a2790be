import { CommitOrderCalculator, EventType, type CreateOptions, type EntityManager, type EntityMetadata } from '@mikro-orm/core';

/** What a seeder does with the database: makes new rows, and refers to rows already stored. */
export type SeedingSession = Pick<EntityManager, 'create' | 'persist' | 'getReference'>;

type EntityClass = new () => object;

/** Writes one table's share of a batch, inside the batch's transaction. */
export interface TableWriter {
  /**
   * Whether the writer takes entities without MikroORM's per-instance property accessors (which
   * MikroORM's own inserts read through).
   */
  readonly plainEntities?: boolean;
  write(tx: EntityManager, meta: EntityMetadata, entities: object[]): Promise<void>;
  /** Runs in the seeding's transaction before its first batch, and after its last. */
  beforeLoad?(tx: EntityManager): Promise<void>;
  afterLoad?(tx: EntityManager): Promise<void>;
}

/** MikroORM's own multi-row inserts: every database, and the reference the PostgreSQL COPY writer is tested against. */
export const INSERT_MANY: TableWriter = {
  write: async (tx, _meta, entities) => {
    await tx.insertMany(entities);
  },
};

/**
 * Collects a batch of new entities and writes them table by table, in the order their foreign keys need,
 * around MikroORM's unit of work: seeding only ever adds rows, so change tracking, identity maps and the
 * flush's diffing are pure cost (at 5 000 young people they were most of social care's seeding time).
 * The writer is MikroORM's `insertMany` (its own mapping of columns, custom types, embeddables and
 * generated keys) or, on PostgreSQL, COPY; `@BeforeCreate` checks run either way.
 */
export class BulkSeedingSession implements SeedingSession {
  private readonly pending = new Map<string, object[]>();

  constructor(
    private readonly em: EntityManager,
    private readonly writer: TableWriter = INSERT_MANY,
  ) {}

  /** As MikroORM's: the entity is persisted unless `{ persist: false }` (a seeder adding to it before persisting it). */
  readonly create = ((entityName: unknown, data: object, options?: CreateOptions<boolean>) => {
    if (typeof entityName !== 'function') throw new Error('seeding creates entities by class, not by name');
    const entity = Object.assign(
      this.writer.plainEntities ? constructPlain(entityName as EntityClass) : new (entityName as EntityClass)(),
      data,
    );
    if (options?.persist !== false) this.add(entity);
    return entity;
  }) as EntityManager['create'];

  readonly persist = ((entity: object | object[]) => {
    for (const one of Array.isArray(entity) ? (entity as object[]) : [entity]) this.add(one);
    return this.em;
  }) as EntityManager['persist'];

  /** Rows stored by an earlier batch (a school in the directory), by primary key. */
  readonly getReference: EntityManager['getReference'] = this.em.getReference.bind(this.em);

  private add(entity: object): void {
    const name = (entity as { __meta: EntityMetadata }).__meta.className;
    const rows = this.pending.get(name);
    if (rows) rows.push(entity);
    else this.pending.set(name, [entity]);
  }

  /** Writes everything collected, in one transaction, and forgets it. */
  async flush(): Promise<void> {
    const batch = new Map(this.pending);
    this.pending.clear();
    await this.em.transactional(async (tx) => {
      for (const name of commitOrder(tx, [...batch.keys()])) {
        const rows = batch.get(name)!;
        const meta = tx.getMetadata().find(name)!;
        if (meta.hooks.beforeCreate?.length) {
          for (const entity of rows) await tx.getEventManager().dispatchEvent(EventType.beforeCreate, { entity, em: tx, meta }, meta);
        }
        await this.writer.write(tx, meta, rows);
      }
    });
  }
}

/** Tables ordered so that every row's foreign keys point at rows already inserted (as MikroORM's own flush orders them). */
function commitOrder(em: EntityManager, names: string[]): string[] {
  const calculator = new CommitOrderCalculator();
  for (const name of names) calculator.addNode(name);
  for (const name of names) for (const prop of em.getMetadata().find(name)!.props) calculator.discoverProperty(prop, name);
  return calculator.sort();
}

/**
 * Per entity class, a constructor whose prototype sits between the class's and its instances and holds
 * every stored property as a plain writable value. MikroORM defines an accessor for each property on
 * the class's prototype, and the first write of each property on each instance replaces it with an
 * accessor of the instance's own and makes the instance's helper: 5–7 µs an entity, most of social
 * care's seeding time after the SQL itself. A plain instance costs well under 1 µs; its methods
 * (`@BeforeCreate`) and MikroORM's metadata are still the class's.
 */
const PLAIN = new WeakMap<EntityClass, EntityClass>();

function constructPlain(entityClass: EntityClass): object {
  let plain = PLAIN.get(entityClass);
  if (!plain) PLAIN.set(entityClass, (plain = plainConstructor(entityClass)));
  return new plain();
}

function plainConstructor(entityClass: EntityClass): EntityClass {
  const meta = (entityClass.prototype as { __meta: EntityMetadata }).__meta;
  // The class's field initialisers, as two instances of it give them: a default that is not the same
  // constant each time (a clock, a random id) could not be shared, so it is refused.
  const [one, two] = [new entityClass(), new entityClass()] as Record<string, unknown>[];
  const shadows: PropertyDescriptorMap = {};
  const initial: Record<string, unknown> = {};
  // Only what MikroORM gave accessors: a class's own getters (computed, not stored) stay.
  for (const prop of meta.props.filter((p) => p.persist !== false && !p.getter)) {
    if (!Object.is(one[prop.name], two[prop.name]))
      throw new Error(`seeding cannot share ${meta.className}.${prop.name}'s initial value: it differs between instances`);
    shadows[prop.name] = { value: undefined, writable: true, enumerable: false, configurable: true };
    if (one[prop.name] !== undefined) initial[prop.name] = one[prop.name];
  }
  // Each instance gets the initial values as its own properties, as the class's constructor gives them.
  const plain = (Object.keys(initial).length
    ? function (this: object) {
        Object.assign(this, initial);
      }
    : function () {}) as unknown as EntityClass;
  plain.prototype = Object.create(entityClass.prototype as object, shadows) as object;
  return plain;
}
