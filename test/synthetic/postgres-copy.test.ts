import { seedAgency } from '../../kit/dev/synthetic/seed-agency';
import { PostgresCopyWriter } from '../../kit/dev/synthetic/postgres-copy';
import { BulkSeedingSession, INSERT_MANY } from '../../kit/dev/synthetic/seeding-session';
import { openServiceDatabase } from '../../kit/subgraph/database';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { service as educationService } from '../../subgraphs/education/service';
import { service as healthService } from '../../subgraphs/health/service';
import { IntelligenceItem, Nominal } from '../../subgraphs/police/entities';
import { IntelligenceGradingScheme } from '../../subgraphs/police/enums';
import { service as policeService } from '../../subgraphs/police/service';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';
import { optionsFor } from './support';

/**
 * Issue 11: seeding PostgreSQL by COPY, outside MikroORM's inserts, must store exactly what MikroORM's
 * own inserts store: every column of every table of every agency, generated keys included, and each
 * sequence left where its inserts would leave it. 600 young people make two seeding batches, so the
 * second batch numbers its keys on from the first's.
 */
const SERVICES = { 'social care': socialCareService, education: educationService, health: healthService, police: policeService };
const OPTIONS = optionsFor(600);
const available = postgresAvailable();
const names = Object.keys(SERVICES).flatMap((agency) => ['copy', 'insert'].map((how) => database(agency, how)));

function database(agency: string, how: string): string {
  return `nwd_test_copy_${agency.replace(' ', '_')}_${how}_${process.pid}`;
}

interface TableContents {
  rows: number;
  md5: string;
}

/** Every index and constraint, as PostgreSQL prints their definitions (NOT VALID for a foreign key not checked). */
async function catalogueOf(orm: AgencyOrm): Promise<string[]> {
  const connection = orm.em.getConnection();
  const indexes = (await connection.execute("select indexdef as definition from pg_indexes where schemaname = 'public' order by 1")) as {
    definition: string;
  }[];
  const constraints = (await connection.execute(
    `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as definition
       from pg_constraint where connamespace = 'public'::regnamespace order by 1`,
  )) as { definition: string }[];
  return [...indexes, ...constraints].map((row) => row.definition);
}

/** Every table's rows (as PostgreSQL prints them, in a fixed order), every sequence's position, and the catalogue. */
async function contentsOf(orm: AgencyOrm): Promise<Record<string, TableContents | string | string[]>> {
  const connection = orm.em.getConnection();
  const tables = (await connection.execute(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1",
  )) as { name: string }[];
  const contents: Record<string, TableContents | string | string[]> = { catalogue: await catalogueOf(orm) };
  for (const { name } of tables) {
    const [row] = (await connection.execute(
      `select count(*) as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${name}" t`,
    )) as { rows: string; md5: string }[];
    contents[name] = { rows: Number(row.rows), md5: row.md5 };
  }
  const sequences = (await connection.execute(
    "select sequencename as name, last_value as last from pg_sequences where schemaname = 'public' order by 1",
  )) as { name: string; last: string | null }[];
  for (const { name, last } of sequences) contents[`sequence ${name}`] = String(last);
  return contents;
}

(available ? describe : describe.skip)('seeding PostgreSQL by COPY', () => {
  const orms: AgencyOrm[] = [];
  const open = async (agency: keyof typeof SERVICES, how: string): Promise<AgencyOrm> => {
    const orm = await openServiceDatabase(SERVICES[agency], `${TEST_POSTGRES}/${database(agency, how)}`, { create: true, fresh: true });
    orms.push(orm);
    return orm;
  };
  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    await dropDatabases(names);
  });

  it.each(Object.keys(SERVICES) as (keyof typeof SERVICES)[])(
    "stores in %s's tables exactly what MikroORM's inserts store, keys and sequences included",
    async (agency) => {
      const [byCopy, byInsert] = [await open(agency, 'copy'), await open(agency, 'insert')];
      await seedAgency(byCopy, SERVICES[agency], OPTIONS, false, new PostgresCopyWriter());
      await seedAgency(byInsert, SERVICES[agency], OPTIONS, false, INSERT_MANY);

      const [copied, inserted] = [await contentsOf(byCopy), await contentsOf(byInsert)];
      expect(Object.values(copied).some((table) => typeof table === 'object' && 'rows' in table && table.rows > OPTIONS.size)).toBe(true);
      expect((copied.catalogue as string[]).filter((definition) => definition.includes('FOREIGN KEY')).length).toBeGreaterThan(5);
      expect(copied).toEqual(inserted);
      // Vacuumed, as autovacuum would leave it: every page of every filled table marked visible to all.
      const notAllVisible = (await byCopy.em
        .getConnection()
        .execute(
          "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.relpages > 0 and c.relallvisible < c.relpages",
        )) as { relname: string }[];
      expect(notAllVisible).toEqual([]);
    },
    120_000,
  );

  it('leaves the database as migrated, foreign keys and indexes included, when seeding fails part way', async () => {
    const orm = await open('social care', 'failing');
    names.push(database('social care', 'failing'));
    const migrated = await contentsOf(orm);
    const failing = {
      agency: socialCareService.agency,
      seeder: {
        ...socialCareService.seeder,
        seedPerson: (...args: Parameters<typeof socialCareService.seeder.seedPerson>) => {
          if (args[1].index === 550) throw new Error('the 551st young person could not be made');
          socialCareService.seeder.seedPerson(...args);
        },
      },
    };
    await expect(seedAgency(orm, failing, OPTIONS, false, new PostgresCopyWriter())).rejects.toThrow('551st');
    // Sequences aren't rolled back (in PostgreSQL nothing undoes a nextval or setval): the gap is harmless.
    const withoutSequences = (contents: object) => Object.entries(contents).filter(([name]) => !name.startsWith('sequence '));
    expect(withoutSequences(await contentsOf(orm))).toEqual(withoutSequences(migrated));
  });

  it('keeps text with tabs, newlines, backslashes and quotes as written, and leaves the sequence for later inserts', async () => {
    const orm = await open('police', 'escapes');
    names.push(database('police', 'escapes'));
    const awkward = 'line one\n\tline two\r\nC:\\path\\to "it" \'as said\' \\N é 🙂';
    const seeding = new BulkSeedingSession(orm.em.fork(), new PostgresCopyWriter());
    const nominal = seeding.create(Nominal, { pncId: '2019/0000001Z', dateOfBirth: '2011-03-04' });
    seeding.create(IntelligenceItem, item(nominal, awkward));
    seeding.create(IntelligenceItem, item(nominal, ''));
    await seeding.flush();

    const em = orm.em.fork();
    const read = await em.find(IntelligenceItem, {}, { orderBy: { id: 'asc' } });
    expect(read.map((i) => [i.id, i.fullText, i.handlingConditions])).toEqual([
      [1, awkward, null],
      [2, '', null],
    ]);
    // An ordinary insert after seeding takes the next key rather than colliding with a copied one.
    em.create(IntelligenceItem, item(em.getReference(Nominal, nominal.id), 'later'));
    await em.flush();
    expect((await em.fork().find(IntelligenceItem, {}, { orderBy: { id: 'asc' } })).map((i) => i.id)).toEqual([1, 2, 3]);
  });
});

function item(nominal: Nominal, fullText: string): Omit<IntelligenceItem, 'id'> {
  return {
    nominal,
    recordedAt: new Date(Date.UTC(2026, 9, 1, 22, 15)),
    gradingScheme: IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE,
    sourceEvaluation: null,
    intelligenceAssessment: null,
    handlingCode: null,
    handlingConditions: null,
    legacySourceEvaluation: 'B',
    legacyIntelligenceEvaluation: '2',
    legacyHandlingCode: '4',
    fullText,
    sanitisedText: 'Sanitised synthetic text.',
    markedForSharing: false,
  };
}
