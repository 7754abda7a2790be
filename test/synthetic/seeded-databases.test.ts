import { seedAgency } from '../../kit/dev/synthetic/seed-agency';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { openServiceDatabase } from '../../kit/subgraph/database';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { Pupil } from '../../subgraphs/education/entities/pupil';
import { service as educationService } from '../../subgraphs/education/service';
import { Patient } from '../../subgraphs/health/entities';
import { service as healthService } from '../../subgraphs/health/service';
import { MissingEpisode } from '../../subgraphs/police/entities';
import { service as policeService } from '../../subgraphs/police/service';
import { CaseStatusEpisode, MissingFromCareEpisode } from '../../subgraphs/social-care/entities/episodes';
import { IdentifierLink } from '../../subgraphs/social-care/entities/identifier-link';
import { NwdInvolvement } from '../../subgraphs/social-care/entities/nwd';
import { CaseStatus, IdentifierScheme } from '../../subgraphs/social-care/enums';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { optionsFor, recordsOf, SIZES } from './support';
import { socialCareSeeder } from '../../subgraphs/social-care/seed';

/**
 * The four agencies seeded into their own (in-memory SQLite) databases through the kit, at the default
 * size, and read back with the ORM: the facts two agencies share agree in what they store, and the
 * generator gives the same data for the same seed. (The larger population is checked without a
 * database in the other suites of this folder: seeding 20 000 people into four databases is too slow
 * for a test.)
 */

const OPTIONS = optionsFor(SIZES[0]);

describe(`the agencies' databases seeded with the default ${OPTIONS.size} young people`, () => {
  const orms: Record<'socialCare' | 'police' | 'health' | 'education', AgencyOrm | null> = {
    socialCare: null,
    police: null,
    health: null,
    education: null,
  };
  beforeAll(async () => {
    const services = { socialCare: socialCareService, police: policeService, health: healthService, education: educationService };
    for (const [name, service] of Object.entries(services) as [keyof typeof services, (typeof services)[keyof typeof services]][]) {
      const orm = await openServiceDatabase(service, ':memory:');
      await seedAgency(orm, service, OPTIONS, false);
      orms[name] = orm;
    }
  }, 300_000);
  afterAll(async () => {
    for (const orm of Object.values(orms)) await orm?.close(true);
  });

  it("stores each social care missing episode as a police report of the child's PNC ID at the same minute, police holding at least as many", async () => {
    const sc = orms.socialCare!.em.fork();
    const episodes = await sc.find(MissingFromCareEpisode, {}, { populate: ['youngPerson'] });
    expect(episodes.length).toBeGreaterThan(0);
    const pncIds = new Map(
      (await sc.find(IdentifierLink, { scheme: IdentifierScheme.PNC_ID }, { populate: ['youngPerson'] })).map((l) => [
        l.youngPerson.id,
        l.value,
      ]),
    );
    const reports = await orms.police!.em.fork().find(MissingEpisode, {}, { populate: ['nominal'] });
    const policeHeld = new Set(reports.map((r) => r.nominal.pncId));
    const reported = new Set(reports.map((r) => `${r.nominal.pncId} ${r.reportedAt.getTime()}`));
    const perChild = new Map<string, number>();
    for (const r of reports) perChild.set(r.nominal.pncId, (perChild.get(r.nominal.pncId) ?? 0) + 1);
    const unmatched: string[] = [];
    const ours = new Map<string, number>();
    for (const e of episodes) {
      const pncId = pncIds.get(e.youngPerson.id);
      expect(pncId).toBeDefined();
      if (!policeHeld.has(pncId!)) continue; // a child the police do not hold under that PNC ID
      ours.set(pncId!, (ours.get(pncId!) ?? 0) + 1);
      if (!reported.has(`${pncId} ${e.startedAt.getTime()}`)) unmatched.push(`${e.youngPerson.id} ${e.startedAt.toISOString()}`);
    }
    expect(unmatched).toEqual([]);
    expect([...ours].filter(([pncId, n]) => (perChild.get(pncId) ?? 0) < n)).toEqual([]);
  });

  it('has health and the virtual school date entry to care as social care does', async () => {
    const sc = orms.socialCare!.em.fork();
    const lookedAfter = await sc.find(CaseStatusEpisode, { status: CaseStatus.LOOKED_AFTER, endDate: null }, { populate: ['youngPerson'] });
    const links = await sc.find(
      IdentifierLink,
      { scheme: { $in: [IdentifierScheme.NHS_NUMBER, IdentifierScheme.UPN] } },
      { populate: ['youngPerson'] },
    );
    const enteredCare = new Map(lookedAfter.map((e) => [e.youngPerson.id, e.startDate]));
    const expected = new Map(links.map((l) => [l.value, enteredCare.get(l.youngPerson.id) ?? null]));
    const patients = await orms.health!.em.fork().find(Patient, {});
    const pupils = await orms.education!.em.fork().find(Pupil, {});
    expect(patients.filter((p) => p.enteredCareOn).length).toBeGreaterThan(OPTIONS.size / 2);
    expect(pupils.filter((p) => p.enteredCareDate).length).toBeGreaterThan(OPTIONS.size / 4);
    expect(patients.filter((p) => expected.get(p.nhsNumber) !== p.enteredCareOn).map((p) => p.nhsNumber)).toEqual([]);
    expect(pupils.filter((p) => expected.get(p.upn) !== p.enteredCareDate).map((p) => p.upn)).toEqual([]);
  });

  it('stores the NWD involvements the seeder writes, closed ones with their outcome', async () => {
    const stored = await orms.socialCare!.em.fork().find(NwdInvolvement, {}, { populate: ['youngPerson'] });
    const expected = Array.from({ length: OPTIONS.size }, (_, i) => generatePerson(i, OPTIONS))
      .filter((p) => p.nwd)
      .flatMap((p) => recordsOf(socialCareSeeder, p, OPTIONS).filter((r): r is NwdInvolvement => r instanceof NwdInvolvement));
    const facts = (i: NwdInvolvement) => `${i.referredOn} ${i.supportStartedOn ?? '-'} ${i.closedOn ?? '-'} ${i.closureOutcome ?? '-'}`;
    expect(stored.map(facts).sort()).toEqual(expected.map(facts).sort());
    expect(stored.filter((i) => i.closedOn && i.closureOutcome).length).toBeGreaterThan(0);
  });

  it('generates the same young people for the same seed', () => {
    const twice = [0, 11, 599].map((i) => [JSON.stringify(generatePerson(i, OPTIONS)), JSON.stringify(generatePerson(i, OPTIONS))]);
    for (const [a, b] of twice) expect(a).toBe(b);
  });
});
