import { CommitOrderCalculator, EventType, helper, type EntityManager } from '@mikro-orm/core';

/** What a seeder does with the database: makes new rows, and refers to rows already stored. */
export type SeedingSession = Pick<EntityManager, 'create' | 'persist' | 'getReference'>;

type EntityClass = new () => object;

/**
 * Collects a batch of new entities and writes them with multi-row inserts, table by table in the order
 * their foreign keys need, around MikroORM's unit of work: seeding only ever adds rows, so change
 * tracking, identity maps and the flush's diffing are pure cost (at 5 000 young people they were most of
 * social care's seeding time). Values still go through MikroORM's own mapping (`insertMany` of entities:
 * column names, custom types, embeddables, generated keys), and `@BeforeCreate` checks still run.
 */
export class BulkSeedingSession implements SeedingSession {
  private readonly pending = new Map<string, object[]>();

  constructor(private readonly em: EntityManager) {}

  readonly create = ((entityName: unknown, data: object) => {
    if (typeof entityName !== 'function') throw new Error('seeding creates entities by class, not by name');
    const entity = Object.assign(new (entityName as EntityClass)(), data);
    this.add(entity);
    return entity;
  }) as EntityManager['create'];

  readonly persist = ((entity: object | object[]) => {
    for (const one of Array.isArray(entity) ? (entity as object[]) : [entity]) this.add(one);
    return this.em;
  }) as EntityManager['persist'];

  /** Rows stored by an earlier batch (a school in the directory), by primary key. */
  readonly getReference: EntityManager['getReference'] = this.em.getReference.bind(this.em);

  private add(entity: object): void {
    const name = helper(entity).__meta.className;
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
        await tx.insertMany(rows);
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
