import { ReferenceKind, wrap, type EntityClass, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import { findIn, type Order } from '../../kit/subgraph/find-in';
import type { AgencyService } from '../../kit/subgraph/service';
import { service as education } from '../../subgraphs/education/service';
import { service as health } from '../../subgraphs/health/service';
import { service as police } from '../../subgraphs/police/service';
import { service as socialCare } from '../../subgraphs/social-care/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Issue 11: the agencies' loaders read their lists with findIn, a statement written once from the
 * entity's metadata, rather than em.find (60 % of a loader's CPU went on building the query). What a
 * meeting sees must not change: for every entity of every agency, keyed by its id, by each relation it
 * owns and by each date or text column, findIn returns exactly the entities em.find does, in the same
 * order, with every property converted the same way, on SQLite and on PostgreSQL.
 */
const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
if (!postgresAvailable()) console.warn('find-in: PostgreSQL is not running here; checking SQLite only');
const services: AgencyService[] = [socialCare, education, health, police];
const pgName = (service: AgencyService) => `nwd_test_find_in_${service.agency.name.replace(/-/g, '_')}_${process.pid}`;
afterAll(async () => {
  if (postgresAvailable()) await dropDatabases(services.map(pgName)).catch(() => undefined);
});

type Row = Record<string, unknown>;

/** The properties a loader may ask by: the id, each relation the entity owns, each text column (a custom type findIn refuses). */
function keysToAskBy(meta: EntityMetadata): EntityProperty[] {
  return Object.values(meta.properties as Record<string, EntityProperty>).filter(
    (p) =>
      p.fieldNames?.length === 1 &&
      (p.primary ||
        p.kind === ReferenceKind.MANY_TO_ONE ||
        (p.kind === ReferenceKind.ONE_TO_ONE && p.owner) ||
        (p.kind === ReferenceKind.SCALAR && p.runtimeType === 'string' && !p.customType)),
  );
}

/** A property's value as a key: a relation's id, or the value itself. */
const keyOf = (value: unknown): string | number =>
  value !== null && typeof value === 'object' && !(value instanceof Date)
    ? (wrap(value, true).getPrimaryKey() as string | number)
    : (value as string | number);

describe.each(kinds)('findIn, against em.find, on %s', (kind) => {
  describe.each(services)('$agency.name', (service) => {
    let agency: TestAgency;
    beforeAll(async () => {
      if (kind === 'postgres') await dropDatabases([pgName(service)]);
      agency = await startTestAgency(service, {}, kind === 'postgres' ? `${TEST_POSTGRES}/${pgName(service)}` : ':memory:');
    });
    afterAll(() => agency?.stop());

    it('returns the same entities, in the same order, for every entity and every key it can be asked by', async () => {
      const metas = Object.values(agency.orm.getMetadata().getAll()).filter((m) => !m.abstract && !m.embeddable && !m.virtual);
      let compared = 0;
      let refused = 0;
      for (const meta of metas) {
        const entity = meta.class as EntityClass<Row>;
        const id = meta.primaryKeys[0];
        const sample = (await agency.orm.em.fork().find(entity, {}, { limit: 40, orderBy: { [id]: 'asc' } })) as Row[];
        if (sample.length === 0) continue;
        const dated = Object.values(meta.properties as Record<string, EntityProperty>).find(
          (p) => p.customType && p.fieldNames?.length === 1,
        );
        for (const prop of keysToAskBy(meta)) {
          const values = [...new Set(sample.map((row) => row[prop.name]).filter((v) => v != null))];
          if (values.length === 0) continue;
          const keys = [...new Set(values.slice(0, 3).map(keyOf))];
          // Last first by the key itself, then by a date where the entity has one, the id breaking ties.
          const orderBy: Order<Row> = [
            ...(prop.name === id ? [] : [[prop.name, 'desc'] as const]),
            ...(dated ? [[dated.name, 'asc'] as const] : []),
            [id, 'desc'],
          ];
          const expected = await agency.orm.em
            .fork()
            .find(entity, { [prop.name]: { $in: keys } }, { orderBy: Object.fromEntries(orderBy) as Record<string, 'asc' | 'desc'> });
          const actual = await findIn(agency.orm.em.fork(), entity, prop.name, keys, { orderBy });
          expect({ entity: meta.className, key: prop.name, rows: actual.map((e) => wrap(e).toObject()) }).toEqual({
            entity: meta.className,
            key: prop.name,
            rows: expected.map((e) => wrap(e).toObject()),
          });
          expect(actual.length).toBeGreaterThan(0);
          compared++;
        }
        // A date column is a custom type: ordering by it is fine, asking by it is refused, not answered unconverted.
        if (dated) {
          await expect(findIn(agency.orm.em.fork(), entity, dated.name, ['2026-01-01'])).rejects.toThrow(
            `findIn: ${meta.className}.${dated.name} has a custom type, which em.find converts a value to; use em.find`,
          );
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(3);
      // Every agency has a dozen or more kinds of record, each asked by several keys.
      expect(compared).toBeGreaterThan(20);
    });
  });
});

describe('findIn', () => {
  let agency: TestAgency;
  beforeAll(async () => {
    agency = await startTestAgency(socialCare);
  });
  afterAll(() => agency?.stop());

  it('adds each `where` condition, as em.find would (the viewer’s own allocations)', async () => {
    const { Allocation } = await import('../../subgraphs/social-care/entities/allocation');
    const all = await agency.orm.em.fork().find(Allocation, {}, { limit: 200 });
    const practitioner = all[0].practitionerId;
    const people = [...new Set(all.map((a) => a.youngPerson.id))].slice(0, 30);
    const expected = await agency.orm.em
      .fork()
      .find(Allocation, { practitionerId: practitioner, youngPerson: { $in: people } }, { orderBy: { id: 'asc' } });
    const actual = await findIn(agency.orm.em.fork(), Allocation, 'youngPerson', people, {
      where: { practitionerId: practitioner },
      orderBy: [['id', 'asc']],
    });
    expect(actual.map((a) => wrap(a).toObject())).toEqual(expected.map((a) => wrap(a).toObject()));
    // Someone else's allocations to the same young people are left out.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.filter((a) => people.includes(a.youngPerson.id)).length);
  });

  it('asks nothing of the database for no keys, and names a property the entity does not have', async () => {
    const { Meeting } = await import('../../subgraphs/social-care/entities/meetings');
    agency.queries.length = 0;
    expect(await findIn(agency.orm.em.fork(), Meeting, 'id', [])).toEqual([]);
    expect(agency.queries).toEqual([]);
    await expect(findIn(agency.orm.em.fork(), Meeting, 'nothing' as never, ['x'])).rejects.toThrow(
      'findIn: Meeting has no property "nothing"',
    );
  });

  it('hands back managed entities: the identity map holds them, as em.find’s', async () => {
    const { YoungPerson } = await import('../../subgraphs/social-care/entities/young-person');
    const em = agency.orm.em.fork();
    const [first] = await em.find(YoungPerson, {}, { limit: 1 });
    const [again] = await findIn(em, YoungPerson, 'id', [first.id]);
    expect(again).toBe(first);
  });
});
