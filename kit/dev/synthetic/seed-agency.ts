import { isPostgres, type AgencyOrm } from '../../subgraph/orm';
import type { AgencyService } from '../../subgraph/service';
import { population, type PopulationOptions } from './population';
import { progressReporter } from './progress';
import { PostgresCopyWriter } from './postgres-copy';
import { BulkSeedingSession, INSERT_MANY, type TableWriter } from './seeding-session';

const SEED_BATCH = 500;
/** Young people made between turns of the event loop while a batch is written. */
const YIELD_EVERY = 20;

/** Seeds an agency's share of the synthetic population in one transaction, written in batches so memory stays flat at any size. */
export async function seedAgency(
  orm: AgencyOrm,
  service: Pick<AgencyService, 'agency' | 'seeder'>,
  options: PopulationOptions,
  showProgress = true,
  /** How batches are written; by default COPY on PostgreSQL (MikroORM's inserts spent most of 100 000 young people's seeding on SQL text). */
  given?: TableWriter,
): Promise<void> {
  const postgres = isPostgres(orm.config.get('clientUrl') ?? '');
  const writer = given ?? (postgres ? new PostgresCopyWriter() : INSERT_MANY);
  const progress = showProgress ? progressReporter(service.agency.name, options.size) : undefined;
  // All or nothing: a seeding that fails leaves the database as it was (on PostgreSQL with its foreign
  // keys and indexes, which the writer sets aside while it loads).
  await orm.em.fork().transactional(async (tx) => {
    await writer.beforeLoad?.(tx);
    const session = new BulkSeedingSession(tx, writer);
    let done = 0;
    // One batch is written while the next is made, so the database and this process work at once.
    let writing: Promise<void> = Promise.resolve();
    try {
      for (const person of population(options)) {
        service.seeder.seedPerson(session, person, options);
        const made = ++done;
        if (made % SEED_BATCH === 0 || made === options.size) {
          await writing;
          writing = session.flush().then(() => progress?.update(made));
          writing.catch(() => undefined); // awaited at the next batch; not unhandled meanwhile
        } else if (made % YIELD_EVERY === 0) {
          // Making people is synchronous: the batch being written streams on only when the event loop turns.
          await new Promise(setImmediate);
        }
      }
    } finally {
      // The transaction ends on the connection the last batch is written on: after it, whatever happened.
      await writing.catch(() => undefined);
    }
    await writing;
    await writer.afterLoad?.(tx);
  });
  // What autovacuum would do some time later (and never, where it is off), done now: the planner's
  // statistics, without which PostgreSQL takes every freshly filled table for empty (a caseload page
  // at 20 000 young people: 44 ms against 14); and on PostgreSQL the visibility map, so a scan skips
  // checking each row's visibility on pages every transaction sees whole (at 100 000, the virtual
  // school head's caseload count 33 ms against 16, its page 43 against 25; 2 s of seeding).
  await orm.em.getConnection().execute(postgres ? 'vacuum (analyze)' : 'analyze');
}
