import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { clockFromEnv, type Clock } from './clock';
import { ukDate } from './dates';
import { serveGraphQL } from './http';
import { createLogger } from './logger';
import { isPostgres, openAgencyDatabase, type AgencyOrm } from './orm';
import { population, populationOptionsFromEnv, type PopulationOptions, type SyntheticYoungPerson } from './synthetic/population';
import { progressReporter } from './synthetic/progress';

export type AgencyName = 'social-care' | 'education' | 'health' | 'police';

/** What every resolver of every agency gets: its own unit of work and the one clock. */
export interface AgencyContext {
  em: EntityManager;
  clock: Clock;
  requestId: string;
}

export interface AgencySeeder {
  /** True when the database already holds this agency's data. */
  isSeeded(em: EntityManager): Promise<boolean>;
  /** Persists (without flushing) everything this agency holds about one synthetic young person. */
  seedPerson(em: EntityManager, person: SyntheticYoungPerson, options: PopulationOptions): void;
}

/** One agency subgraph: everything the shared bootstrap needs to know about it. */
export interface AgencyService<Ctx extends AgencyContext = AgencyContext> {
  name: AgencyName;
  defaultPort: number;
  entities: EntityClass<unknown>[];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(base: AgencyContext): Ctx;
  seeder: AgencySeeder;
}

export interface RunOptions {
  port?: number;
  database?: string;
  clock?: Clock;
  /** false: never seed; otherwise seed an empty database with these options. */
  seed?: PopulationOptions | false;
  onQuery?: (sql: string) => void;
  quiet?: boolean;
  /** Drop and recreate the schema first (tests). */
  fresh?: boolean;
}

export interface RunningAgency {
  name: AgencyName;
  url: string;
  orm: AgencyOrm;
  stop(): Promise<void>;
}

export function databaseFor(name: AgencyName, env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? `data/${name}.db`;
}

export async function openDatabaseFor(service: AgencyService<any>, database: string, onQuery?: (sql: string) => void) {
  if (!isPostgres(database) && database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return openAgencyDatabase({ entities: service.entities, database, onQuery });
}

const SEED_BATCH = 500;

/** Seeds the agency's share of the population, flushing in batches so memory stays flat at any size. */
export async function seedAgency(
  orm: AgencyOrm,
  service: AgencyService<any>,
  options: PopulationOptions,
  showProgress = true,
): Promise<void> {
  const progress = showProgress ? progressReporter(service.name, options.size) : undefined;
  let em = orm.em.fork();
  let done = 0;
  for (const person of population(options)) {
    service.seeder.seedPerson(em, person, options);
    if (++done % SEED_BATCH === 0 || done === options.size) {
      await em.flush();
      em = orm.em.fork();
      progress?.update(done);
    }
  }
}

/** Opens the database, seeds it if empty, and serves the agency's subgraph over HTTP. */
export async function runAgencyService<Ctx extends AgencyContext>(
  service: AgencyService<Ctx>,
  options: RunOptions = {},
): Promise<RunningAgency> {
  const logger = createLogger(service.name);
  const clock = options.clock ?? clockFromEnv();
  const database = options.database ?? databaseFor(service.name);
  const orm = await openDatabaseFor(service, database, options.onQuery);
  if (options.fresh) await orm.schema.refreshDatabase();

  const seed = options.seed ?? populationOptionsFromEnv(process.env, ukDate(clock.now()));
  if (seed && !(await service.seeder.isSeeded(orm.em.fork()))) {
    logger.info({ size: seed.size, seed: seed.seed, asOf: seed.asOf }, 'empty database: seeding synthetic data');
    await seedAgency(orm, service, seed, !options.quiet);
  }

  const schema = await service.buildSchema();
  const port = options.port ?? Number(process.env.PORT ?? service.defaultPort);
  const http = await serveGraphQL<Ctx>(
    {
      schema,
      logger,
      health: () => orm.isConnected(),
      context: async ({ req }) =>
        service.createContext({
          em: orm.em.fork(),
          clock,
          requestId: String(req.headers['x-request-id'] ?? randomUUID()),
        }),
    },
    port,
  );
  return {
    name: service.name,
    url: http.url,
    orm,
    async stop() {
      await http.stop();
      await orm.close(true);
    },
  };
}

/** Entry point for `node dist/subgraphs/<agency>/main.js`: runs until SIGINT/SIGTERM. */
export function main(service: AgencyService<any>): void {
  const logger = createLogger(service.name);
  runAgencyService(service)
    .then((running) => {
      logger.info({ url: running.url }, `${service.name} subgraph ready`);
      const shutdown = () => {
        running.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((err) => {
      logger.fatal({ err }, `${service.name} subgraph failed to start`);
      process.exit(1);
    });
}
