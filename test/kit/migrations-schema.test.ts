import { MikroORM } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { AGENCIES } from '../../kit/shared/agencies';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { loadAgencyService } from '../../kit/subgraph/load-service';
import { loadMigrations } from '../../kit/subgraph/migrations/folder';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { PackSnapshot } from '../../kit/subgraph/snapshots/pack-snapshot';
import { IdempotencyRecord } from '../../kit/subgraph/writes/idempotency-record';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Each agency's committed migrations, applied to an empty database, make exactly the schema its
 * entities describe: what the running code expects is what the migrations built, in both dialects.
 */
const services = AGENCIES.map((agency) => loadAgencyService(agency.name));

describe.each(services)('$agency.name migrations', (service) => {
  it('are the same changes, under the same names, for PostgreSQL and SQLite', () => {
    const names = (dialect: 'postgresql' | 'sqlite') => loadMigrations(service.agency.name, dialect).map(({ name }) => name);
    expect(names('postgresql')).toEqual(names('sqlite'));
  });

  it('make on SQLite the very schema MikroORM makes from the entities', async () => {
    // The schema diff cannot be asked on SQLite: MikroORM 6.6.16 misreads CHECK constraints on enums
    // of more than two values there, so it is never empty. SQLite keeps each table's and index's
    // CREATE statement as written; both databases must hold the same ones.
    const objects = async (orm: AgencyOrm) =>
      (await orm.em
        .getConnection()
        .execute(
          "select type, name, sql from sqlite_master where name not in ('mikro_orm_migrations', 'sqlite_sequence') order by type, name",
        )) as { type: string; name: string; sql: string }[];
    const migrated = await openServiceDatabase(service, ':memory:');
    const synced = await MikroORM.init({
      entities: [...service.entities, AuditRecord, IdempotencyRecord, PackSnapshot],
      driver: LibSqlDriver,
      dbName: ':memory:',
    });
    try {
      await synced.schema.createSchema();
      const wanted = await objects(synced);
      expect(wanted.length).toBeGreaterThan(5);
      const made = await objects(migrated);
      // Tables and indexes as the entities describe them; and, which no entity describes, the triggers
      // that keep the evidence (the audit log, frozen meeting packs) append-only.
      expect(made.filter((o) => o.type !== 'trigger')).toEqual(wanted);
      expect(made.filter((o) => o.type === 'trigger').map((o) => o.name)).toEqual([
        'audit_record_no_delete',
        'audit_record_no_update',
        'pack_snapshot_no_delete',
        'pack_snapshot_no_update',
      ]);
    } finally {
      await Promise.all([migrated.close(true), synced.close(true)]);
    }
  });

  (postgresAvailable() ? it : it.skip)(
    'make on PostgreSQL a schema MikroORM finds nothing to change in, every foreign key indexed',
    async () => {
      const name = `nwd_test_migrated_${service.agency.name.replace(/-/g, '_')}_${process.pid}`;
      await dropDatabases([name]);
      const orm = await openServiceDatabase(service, `${TEST_POSTGRES}/${name}`, { create: true });
      try {
        // Not safe mode: a table or column too many would show as a drop.
        expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
        // PostgreSQL, unlike SQLite as MikroORM sets it up, does not index a foreign key by itself: every
        // loader's lookup by young person, meeting, pupil, patient or nominal would be a sequential scan,
        // and the view's cost would grow with the population (issue 11). An index whose first column is
        // the key's serves it.
        const unindexed = (await orm.em.getConnection().execute(`
        select c.conrelid::regclass::text as "table", a.attname as "column"
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f'
          and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
        order by 1, 2`)) as { table: string; column: string }[];
        const foreignKeys = (await orm.em.getConnection().execute(`select count(*)::int as n from pg_constraint where contype = 'f'`)) as {
          n: number;
        }[];
        expect(foreignKeys[0].n).toBeGreaterThan(0);
        expect(unindexed).toEqual([]);
      } finally {
        await orm.close(true);
        await dropDatabases([name]);
      }
    },
  );
});
