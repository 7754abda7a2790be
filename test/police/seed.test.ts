import type { EntityClass } from '@mikro-orm/core';
import { seedAgency } from '../../kit/dev/synthetic/seed-agency';
import { openServiceDatabase as openDatabaseFor } from '../../kit/subgraph/database';
import { ukDate } from '../../kit/subgraph/dates';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { generatePerson, type PopulationOptions } from '../../kit/dev/synthetic/population';
import {
  Arrest,
  Associate,
  ExploitationConcern,
  IntelligenceItem,
  LocationOfConcern,
  MissingEpisode,
  Nominal,
  NrmReferral,
  ReturnHomeInterview,
} from '../../subgraphs/police/entities';
import { ArrestOutcome, HandlingCode, IntelligenceGradingScheme, OffenceCategory } from '../../subgraphs/police/enums';
import { service as policeService } from '../../subgraphs/police/service';

const OPTIONS: PopulationOptions = { size: 600, seed: 'police-seed-test', asOf: '2026-11-23' };

async function seeded(options = OPTIONS): Promise<AgencyOrm> {
  const orm = await openDatabaseFor(policeService, ':memory:');
  await seedAgency(orm, policeService, options, false);
  return orm;
}

/** Every row of every table, as plain data, for comparing two seedings. */
async function dump(orm: AgencyOrm) {
  const em = orm.em.fork();
  const tables: EntityClass<object>[] = [
    Nominal,
    MissingEpisode,
    ReturnHomeInterview,
    Arrest,
    ExploitationConcern,
    NrmReferral,
    IntelligenceItem,
    Associate,
    LocationOfConcern,
  ];
  return Promise.all(tables.map(async (t) => JSON.stringify(await em.find(t, {}, { orderBy: { id: 'asc' } as never }))));
}

describe('police seeding', () => {
  let orm: AgencyOrm;
  const people = Array.from({ length: OPTIONS.size }, (_, i) => generatePerson(i, OPTIONS));
  const byPnc = new Map(people.filter((p) => p.pncId).map((p) => [p.pncId!, p]));

  beforeAll(async () => {
    orm = await seeded();
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('holds a nominal for exactly the people with a PNC ID the police really hold', async () => {
    const nominals = await orm.em.fork().find(Nominal, {});
    const expected = people
      .filter((p) => p.pncId && p.heldByPolice)
      .map((p) => p.pncId)
      .sort();
    expect(nominals.map((n) => n.pncId).sort()).toEqual(expected);
    expect(await policeService.seeder.isSeeded(orm.em.fork())).toBe(true);
  });

  it('dates everything after the date of birth and on or before the as-of date', async () => {
    const em = orm.em.fork();
    const episodes = await em.find(MissingEpisode, {}, { populate: ['nominal'] });
    const dated = [
      ...episodes.flatMap(
        (e) => [[e.nominal, ukDate(e.reportedAt)], ...(e.foundAt ? [[e.nominal, ukDate(e.foundAt)]] : [])] as [Nominal, string][],
      ),
      ...(await em.find(Arrest, {}, { populate: ['nominal'] })).map((a) => [a.nominal, a.arrestedOn] as [Nominal, string]),
      ...(await em.find(NrmReferral, {}, { populate: ['nominal'] })).flatMap((n) =>
        [n.referredOn, n.reasonableGroundsDecisionOn, n.conclusiveGroundsDecisionOn]
          .filter((d): d is string => d !== null)
          .map((d) => [n.nominal, d] as [Nominal, string]),
      ),
      ...(await em.find(IntelligenceItem, {}, { populate: ['nominal'] })).map(
        (i) => [i.nominal, ukDate(i.recordedAt)] as [Nominal, string],
      ),
    ];
    expect(dated.length).toBeGreaterThan(100);
    for (const [nominal, date] of dated) {
      expect(date > byPnc.get(nominal.pncId)!.dateOfBirth && date <= OPTIONS.asOf).toBe(true);
    }
    const interviews = await em.find(ReturnHomeInterview, {}, { populate: ['missingEpisode'] });
    for (const i of interviews) expect(i.offeredAt >= i.missingEpisode.foundAt!).toBe(true);
  });

  it('gives No Wrong Door young people more missing episodes and arrests than others', async () => {
    const em = orm.em.fork();
    const perPerson = async (entity: EntityClass<{ nominal: Nominal }>) => {
      const rows = await em.find(entity, {}, { populate: ['nominal'] as never });
      const mean = (nwd: boolean) => {
        const group = [...byPnc.values()].filter((p) => p.heldByPolice && p.nwd === nwd);
        return rows.filter((r) => byPnc.get(r.nominal.pncId)!.nwd === nwd).length / group.length;
      };
      return { nwd: mean(true), others: mean(false) };
    };
    const missing = await perPerson(MissingEpisode);
    const arrests = await perPerson(Arrest);
    expect(missing.nwd).toBeGreaterThan(2 * missing.others);
    expect(arrests.nwd).toBeGreaterThan(arrests.others);
  });

  it('mostly grades intelligence 3x5x2 with handling code P, with some C and a few legacy 5x5x5 items', async () => {
    const items = await orm.em.fork().find(IntelligenceItem, {});
    const share = (pred: (i: IntelligenceItem) => boolean) => items.filter(pred).length / items.length;
    expect(share((i) => i.handlingCode === HandlingCode.P)).toBeGreaterThan(0.6);
    expect(share((i) => i.handlingCode === HandlingCode.C)).toBeGreaterThan(0.03);
    expect(share((i) => i.gradingScheme === IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE)).toBeGreaterThan(0);
    expect(share((i) => i.gradingScheme === IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE)).toBeLessThan(0.2);
  });

  it("records the young person's wish that their school is not told for about one arrest or missing episode in ten", async () => {
    const em = orm.em.fork();
    for (const entity of [Arrest, MissingEpisode] as EntityClass<{ notSharedWith?: string[] | null }>[]) {
      const rows = await em.find(entity, {});
      const wishes = rows.filter((r) => r.notSharedWith);
      expect(wishes.every((r) => JSON.stringify(r.notSharedWith) === '["EDUCATION"]')).toBe(true);
      expect(wishes.length / rows.length).toBeGreaterThan(0.06);
      expect(wishes.length / rows.length).toBeLessThan(0.14);
    }
  });

  it('is deterministic: the same options give the same rows', async () => {
    const again = await seeded();
    try {
      expect(await dump(again)).toEqual(await dump(orm));
    } finally {
      await again.close(true);
    }
  });

  it('refuses a gravity score outside 1 to 8 in the database itself', async () => {
    const em = orm.em.fork();
    const nominal = await em.findOneOrFail(Nominal, { id: 1 });
    em.create(Arrest, {
      nominal,
      arrestedOn: '2026-01-01',
      offenceCategory: OffenceCategory.OTHER,
      gravityScore: 9,
      charge: null,
      outcome: ArrestOutcome.NO_FURTHER_ACTION,
      offenceInNwdHub: false,
    });
    await expect(em.flush()).rejects.toThrow(/constraint/i);
  });
});
