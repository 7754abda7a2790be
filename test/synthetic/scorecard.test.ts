import { addMonths } from '../../kit/subgraph/dates';
import { PersonalEducationPlan } from '../../subgraphs/education/entities/personal-education-plan';
import { Pupil } from '../../subgraphs/education/entities/pupil';
import { DentalCheck, InitialHealthAssessment, Patient, ReviewHealthAssessment } from '../../subgraphs/health/entities';
import { optionsFor, percent, rowsOf, seededPopulation, SIZES } from './support';

/**
 * Middlesbrough's corporate parenting scorecard for looked-after children comes out roughly right
 * (000:294-300): PEP within the last 6 months 98.9 %, health assessment within 12 months 92.4 %,
 * dental check within 12 months 66.8 % (3+ placement moves, 7.4 %, is in care.test.ts).
 */

interface Census {
  pupils: number;
  withPep: number;
  patients: number;
  assessed: number;
  dental: number;
}

function census(size: number): Census {
  const options = optionsFor(size);
  const sixMonthsAgo = addMonths(options.asOf, -6);
  const yearAgo = addMonths(options.asOf, -12);
  const c: Census = { pupils: 0, withPep: 0, patients: 0, assessed: 0, dental: 0 };
  for (const { person, health, education } of seededPopulation(options, ['health', 'education'])) {
    if (person.status !== 'LOOKED_AFTER') continue;
    // Measured for children looked after long enough for the check to be due: 2 months for a PEP, 12 for health.
    if (rowsOf(education, Pupil).length && person.statusSince <= addMonths(options.asOf, -2)) {
      c.pupils++;
      if (rowsOf(education, PersonalEducationPlan).some((p) => p.meetingDate >= sixMonthsAgo)) c.withPep++;
    }
    if (rowsOf(health, Patient).length && person.statusSince <= yearAgo) {
      c.patients++;
      const assessedOn = [
        ...rowsOf(health, InitialHealthAssessment).map((a) => a.completedOn),
        ...rowsOf(health, ReviewHealthAssessment).map((a) => a.assessedOn),
      ];
      if (assessedOn.some((d) => d && d >= yearAgo)) c.assessed++;
      if (rowsOf(health, DentalCheck).some((d) => d.checkedOn >= yearAgo)) c.dental++;
    }
  }
  return c;
}

describe.each(SIZES)("Middlesbrough's scorecard for the looked-after children of a population of %i", (size) => {
  let c: Census;
  beforeAll(() => {
    c = census(size);
  });

  it('has a PEP in the last 6 months for about 98.9 % of looked-after pupils', () => {
    expect(c.pupils).toBeGreaterThan(size * 0.3);
    expect(percent(c.withPep, c.pupils)).toBeGreaterThanOrEqual(95);
  });

  it('has a health assessment in the last 12 months for about 92.4 %', () => {
    expect(percent(c.assessed, c.patients)).toBeGreaterThanOrEqual(85);
    expect(percent(c.assessed, c.patients)).toBeLessThanOrEqual(98);
  });

  it('has a dental check in the last 12 months for about 66.8 %', () => {
    expect(percent(c.dental, c.patients)).toBeGreaterThanOrEqual(size < 1000 ? 57 : 60);
    expect(percent(c.dental, c.patients)).toBeLessThanOrEqual(size < 1000 ? 77 : 74);
  });
});
