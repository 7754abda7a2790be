import { openServiceDatabase as openDatabaseFor } from '../../kit/subgraph/database';
import { addMonths } from '../../kit/subgraph/dates';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { DentalCheck, InitialHealthAssessment, Patient, ReviewHealthAssessment, SdqScore } from '../../subgraphs/health/entities';
import { healthService, rowsOf, seeded } from './support';

const LARGE = { size: 600, seed: 'seed-test', asOf: '2026-11-23' };
const population = Array.from({ length: LARGE.size }, (_, i) => seeded(generatePerson(i, LARGE), LARGE));
const held = population.filter((s) => s.patient);
const share = (n: number, of: number) => n / of;

describe('health seed', () => {
  it('seeds only people with an NHS number linked whom health really holds', () => {
    for (const s of population) {
      expect(s.patient !== null).toBe(Boolean(s.person.nhsNumber && s.person.heldByHealth));
      if (!s.patient) expect(s.rows).toHaveLength(0);
    }
  });

  it('is deterministic', () => {
    const again = seeded(generatePerson(7, LARGE), LARGE);
    expect(JSON.stringify(again)).toBe(JSON.stringify(population[7]));
  });

  it('dates every record after the date of birth and on or before the as-of date', () => {
    for (const s of held) {
      for (const row of s.rows) {
        for (const value of Object.values(row)) {
          if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
            expect(value > s.person.dateOfBirth && value <= LARGE.asOf).toBe(true);
          }
        }
      }
    }
  });

  it('has realistic rates: ~92% assessed and ~67% dental check within 12 months (looked after), NWD SDQ higher', () => {
    const yearAgo = addMonths(LARGE.asOf, -12);
    const lookedAfter = held.filter((s) => s.patient!.enteredCareOn);
    const assessed = lookedAfter.filter((s) =>
      [...rowsOf(s, InitialHealthAssessment).map((a) => a.completedOn), ...rowsOf(s, ReviewHealthAssessment).map((r) => r.assessedOn)].some(
        (d) => d !== null && d >= yearAgo,
      ),
    );
    const dental = lookedAfter.filter((s) => rowsOf(s, DentalCheck).some((d) => d.checkedOn >= yearAgo));
    expect(share(assessed.length, lookedAfter.length)).toBeGreaterThan(0.87);
    expect(share(assessed.length, lookedAfter.length)).toBeLessThan(0.98);
    expect(share(dental.length, lookedAfter.length)).toBeGreaterThan(0.58);
    expect(share(dental.length, lookedAfter.length)).toBeLessThan(0.76);

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sdq = (nwd: boolean) => held.filter((s) => s.person.nwd === nwd).flatMap((s) => rowsOf(s, SdqScore).map((x) => x.total));
    expect(mean(sdq(true))).toBeGreaterThan(15.5);
    expect(mean(sdq(false))).toBeLessThan(15);
  });

  it('writes only obviously synthetic free text and GP practices', () => {
    for (const s of held) {
      const gp = s.patient!.registeredGp;
      if (gp) {
        expect(gp.odsCode).toMatch(/^Y99\d{3}$/);
        expect(gp.name).toContain('(synthetic)');
      }
      for (const row of s.rows) {
        for (const [key, value] of Object.entries(row)) {
          if (/note|summary/i.test(key) && value !== null) expect(value).toMatch(/^\[Synthetic, invented\] /);
        }
      }
    }
  });
});

describe('SDQ totals are validated before they are stored', () => {
  it.each([-1, 41])('refuses to flush a total of %i', async (total) => {
    const orm = await openDatabaseFor(healthService, ':memory:');
    try {
      const em = orm.em.fork();
      const patient = Object.assign(new Patient(), { nhsNumber: '9990000018', dateOfBirth: '2012-01-01' });
      em.persist([patient, Object.assign(new SdqScore(), { patient, completedOn: '2026-01-01', total })]);
      await expect(em.flush()).rejects.toThrow('0 to 40');
      expect(await orm.em.fork().count(SdqScore)).toBe(0);
    } finally {
      await orm.close(true);
    }
  });
});
