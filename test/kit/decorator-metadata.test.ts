import { printSubgraphSchema } from '@apollo/subgraph';
import { MikroORM } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AGENCY_NAMES } from '../../kit/shared/agencies';
import { DIST } from '../../kit/shared/paths';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { loadAgencyService } from '../../kit/subgraph/load-service';
import { assertServicesBuilt } from '../support/built';

/**
 * Tests run from source through SWC; the services run from tsc's output. type-graphql and MikroORM
 * read decorator metadata, which the two compilers emit independently: for every agency, the schema
 * and the database tables built from SWC's metadata must be exactly those built from tsc's.
 */
function fromTsc(name: string): { sdl: string; sql: string } {
  const script = `
    require('reflect-metadata');
    const { printSubgraphSchema } = require('@apollo/subgraph');
    const { MikroORM } = require('@mikro-orm/core');
    const { LibSqlDriver } = require('@mikro-orm/libsql');
    const { loadAgencyService } = require(${JSON.stringify(join(DIST, 'kit', 'subgraph', 'load-service'))});
    const { AuditRecord } = require(${JSON.stringify(join(DIST, 'kit', 'subgraph', 'audit', 'audit-record'))});
    (async () => {
      const service = loadAgencyService(${JSON.stringify(name)});
      const sdl = printSubgraphSchema(await service.buildSchema());
      const orm = await MikroORM.init({ driver: LibSqlDriver, dbName: ':memory:', entities: [...service.entities, AuditRecord], allowGlobalContext: true });
      const sql = await orm.schema.getCreateSchemaSQL({ wrap: false });
      await orm.close(true);
      process.stdout.write(JSON.stringify({ sdl, sql }));
    })().catch((err) => { console.error(err); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { sdl: string; sql: string };
}

beforeAll(assertServicesBuilt);

describe.each(AGENCY_NAMES)('%s built from SWC (tests) and from tsc (the services)', (name) => {
  it('has the same GraphQL schema and the same tables', async () => {
    const service = loadAgencyService(name);
    const orm = await MikroORM.init({
      driver: LibSqlDriver,
      dbName: ':memory:',
      entities: [...service.entities, AuditRecord],
      allowGlobalContext: true,
    });
    try {
      const swc = { sdl: printSubgraphSchema(await service.buildSchema()), sql: await orm.schema.getCreateSchemaSQL({ wrap: false }) };
      expect(swc).toEqual(fromTsc(name));
    } finally {
      await orm.close(true);
    }
  });
});
