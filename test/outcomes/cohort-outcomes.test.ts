import type { EntityManager } from '@mikro-orm/core';
import { PERSONAS, type PersonaName } from '../../kit/dev/personas';
import { LEAD_AGENCY, type AgencyName } from '../../kit/shared/agencies';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { ukDate } from '../../kit/subgraph/dates';
import type { AgencyService } from '../../kit/subgraph/service';
import { operation } from '../../scripts/operations';
import { service as educationService } from '../../subgraphs/education/service';
import { service as healthService } from '../../subgraphs/health/service';
import { EmergencyAttendance, Patient } from '../../subgraphs/health/entities';
import { service as policeService } from '../../subgraphs/police/service';
import { MissingEpisode, Nominal } from '../../subgraphs/police/entities';
import { IdentifierLink } from '../../subgraphs/social-care/entities/identifier-link';
import { NwdInvolvement } from '../../subgraphs/social-care/entities/nwd';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestGraph, type TestGraph } from '../support/graph';
import { dataOf, withheldAt, type GraphQLBody } from '../support/graphql';

interface Figure {
  periodStart: string;
  periodEnd: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}
interface Measure {
  code: string;
  unit: string;
  category: string | null;
  figures: Figure[];
}
interface BeforeAfter {
  code: string;
  youngPeople: number | null;
  before: number | null;
  after: number | null;
  suppressed: boolean;
}
interface AgencyFigures {
  agency: string;
  measures: Measure[];
  beforeAndAfterReferral: BeforeAfter[];
}
interface Outcomes {
  reference: string;
  periods: { from: string; to: string }[];
  youngPeople: { value: number | null; suppressed: boolean };
  socialCare: AgencyFigures | null;
  education: AgencyFigures | null;
  health: AgencyFigures | null;
  police: AgencyFigures | null;
}

const QUERY = `query Outcomes($group: CohortGroup!, $quarters: Int!) {
  cohortOutcomes(group: $group, quarters: $quarters) {
    reference periods { from to } youngPeople { value suppressed }
    socialCare { ...F } education { ...F } health { ...F } police { ...F }
  }
}
fragment F on AgencyOutcomes {
  agency
  measures { code unit category figures { periodStart periodEnd numerator denominator value suppressed } }
  beforeAndAfterReferral { code youngPeople before after suppressed }
}`;

const SERVICES: Record<AgencyName, Pick<AgencyService, 'agency' | 'entities'>> = {
  'social-care': socialCareService,
  education: educationService,
  health: healthService,
  police: policeService,
};

/** The rule of published children's statistics, as the domain states it: counts under 5 (but not 0) are not shown. */
const small = (n: number | null) => n !== null && n > 0 && n < 5;

describe('cohort outcomes through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // Counted three members at a time (COHORT_CHUNK_SIZE): suppression is decided on the added-up figures.
    graph = await startTestGraph('sqlite', { env: { COHORT_CHUNK_SIZE: '3' } });
  }, 180_000);
  afterAll(async () => graph?.stop(), 60_000);

  const ask = (persona: PersonaName, variables: Record<string, unknown> = { group: 'NWD_CASELOAD', quarters: 4 }) =>
    graph.request<{ cohortOutcomes: Outcomes }>(QUERY, variables, { persona }).then((r) => r.body);

  async function withDatabase<T>(agency: AgencyName, look: (em: EntityManager) => Promise<T>): Promise<T> {
    const orm = await openServiceDatabase(SERVICES[agency], graph.databases[agency]);
    try {
      return await look(orm.em.fork());
    } finally {
      await orm.close(true);
    }
  }

  describe('as the information-governance lead (every agency’s figures in full)', () => {
    let full: Outcomes;
    let members: { ids: string[]; pnc: string[]; nhs: string[] };
    beforeAll(async () => {
      full = dataOf(await ask('auditor')).cohortOutcomes;
      const span = { from: full.periods[0].from, to: full.periods[full.periods.length - 1].to };
      members = await withDatabase(LEAD_AGENCY.name as AgencyName, async (em) => {
        const open = await em.find(NwdInvolvement, {
          referredOn: { $lte: span.to },
          $or: [{ closedOn: null }, { closedOn: { $gte: span.from } }],
        });
        const ids = [...new Set(open.map((i) => i.youngPerson.id))];
        const links = await em.find(IdentifierLink, { youngPerson: ids, supersededOn: null });
        return {
          ids,
          pnc: links.filter((l) => l.scheme === 'PNC_ID').map((l) => l.value),
          nhs: links.filter((l) => l.scheme === 'NHS_NUMBER').map((l) => l.value),
        };
      });
    });

    it('names four complete quarters, oldest first, ending before today', () => {
      expect(full.periods).toHaveLength(4);
      expect(full.periods[3]).toEqual({ from: '2026-07-01', to: '2026-09-30' });
      expect(full.periods[0]).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    });

    it('counts the NWD caseload social care holds: every young person with an involvement open in the quarters', () => {
      expect(full.youngPeople).toEqual({ value: members.ids.length, suppressed: false });
      expect(members.ids.length).toBeGreaterThan(0);
    });

    it('gives police missing episodes per quarter equal to the missing reports police hold for the cohort’s PNC IDs', async () => {
      const reports = await withDatabase('police', async (em) => {
        const nominals = await em.find(Nominal, { pncId: members.pnc });
        return (await em.find(MissingEpisode, { nominal: nominals })).map((e) => ukDate(e.reportedAt));
      });
      const measure = full.police!.measures.find((m) => m.code === 'MISSING_EPISODES')!;
      expect(measure.figures.map((f) => f.numerator)).toEqual(
        full.periods.map((q) => reports.filter((d) => d >= q.from && d <= q.to).length),
      );
      expect(reports.length).toBeGreaterThan(0);
    });

    it('gives health A&E attendances per quarter equal to those health holds for the cohort’s NHS numbers', async () => {
      const attended = await withDatabase('health', async (em) => {
        const patients = await em.find(Patient, { nhsNumber: members.nhs });
        return (await em.find(EmergencyAttendance, { patient: patients })).map((a) => a.attendedOn);
      });
      const measure = full.health!.measures.find((m) => m.code === 'A_AND_E_ATTENDANCES')!;
      expect(measure.figures.map((f) => f.numerator)).toEqual(
        full.periods.map((q) => attended.filter((d) => d >= q.from && d <= q.to).length),
      );
    });

    it('gives social care’s referral-to-support days as the average over involvements whose support started in each quarter', async () => {
      const started = await withDatabase(LEAD_AGENCY.name as AgencyName, (em) =>
        em.find(NwdInvolvement, { youngPerson: members.ids, supportStartedOn: { $ne: null } }),
      );
      const measure = full.socialCare!.measures.find((m) => m.code === 'NWD_REFERRAL_TO_SUPPORT_DAYS')!;
      full.periods.forEach((q, i) => {
        const inQuarter = started.filter((s) => s.supportStartedOn! >= q.from && s.supportStartedOn! <= q.to);
        const days = inQuarter.reduce((sum, s) => sum + (Date.parse(s.supportStartedOn!) - Date.parse(s.referredOn)) / 86_400_000, 0);
        expect([q.to, measure.figures[i].denominator, measure.figures[i].numerator]).toEqual([q.to, inQuarter.length, days]);
      });
    });

    it('shows every figure, small ones included, and suppresses nothing', () => {
      const all = [full.socialCare, full.education, full.health, full.police].flatMap((a) => a!.measures.flatMap((m) => m.figures));
      expect(all.some((f) => small(f.numerator) || small(f.denominator))).toBe(true);
      expect(all.every((f) => !f.suppressed)).toBe(true);
    });

    it('suppresses for a corporate parenting board member exactly the figures with fewer than five young people behind them or left out', async () => {
      const board = dataOf(await ask('boardMember')).cohortOutcomes;
      for (const agency of ['socialCare', 'education', 'health', 'police'] as const) {
        full[agency]!.measures.forEach((m, i) => {
          m.figures.forEach((f, j) => {
            const seen = board[agency]!.measures[i].figures[j];
            const complement = m.unit === 'PERCENT' && f.denominator !== null && f.numerator !== null ? f.denominator - f.numerator : null;
            // A count of events may come from fewer young people than events: then it is suppressed too, so only check the young people rule one way.
            const mustHide = small(f.denominator) || (m.unit !== 'COUNT' && small(f.numerator)) || small(complement);
            if (mustHide)
              expect([agency, m.code, f.periodEnd, seen]).toEqual([
                agency,
                m.code,
                f.periodEnd,
                expect.objectContaining({ suppressed: true, numerator: null, value: null }),
              ]);
            if (!seen.suppressed) expect(seen).toEqual(f);
          });
        });
      }
      expect(board.youngPeople.suppressed).toBe(small(full.youngPeople.value));
    });
  });

  it('refuses roles no policy names for aggregate reporting, saying why', async () => {
    for (const persona of ['designatedTeacher', 'lifeCoach', 'socialWorker'] as const) {
      const body = await ask(persona);
      expect([persona, body.data?.cohortOutcomes ?? null, body.errors?.[0].extensions.code]).toEqual([persona, null, 'FORBIDDEN']);
      expect(body.errors?.[0].message).toMatch(/^cohortOutcomes: cohort figures are for the roles named for aggregate reporting/);
    }
    // Each attempt is audited in social care, which refused it, as an aggregate read given nothing.
    const attempts = await withDatabase(LEAD_AGENCY.name as AgencyName, (em) =>
      em.find(AuditRecord, { userId: PERSONAS.designatedTeacher.id, action: 'AGGREGATE' }),
    );
    expect(attempts.map((r) => [r.subject, JSON.parse(r.withheld) as unknown])).toEqual([
      ['(cohort not defined)', [{ field: 'Query.cohortOutcomes', rule: 'aggregates-for-reporting-roles' }]],
    ]);
  });

  // Each agency's policy names who may have its figures: health's and education's are not for police
  // (they have no need of them), police's not for the looked-after children's nurse.
  it.each([
    ['policeAnalyst', ['socialCare', 'police'], ['health', 'education']],
    ['lacNurse', ['socialCare', 'health', 'education'], ['police']],
    ['virtualSchoolHead', ['socialCare', 'health', 'education', 'police'], []],
  ] as const)('gives %s the figures of %j and, with a notice from each, not those of %j', async (persona, given, refused) => {
    const body = await ask(persona);
    const outcomes = dataOf(body).cohortOutcomes;
    for (const agency of given) expect([agency, outcomes[agency]?.measures.length]).toEqual([agency, expect.any(Number)]);
    for (const agency of refused) {
      expect([agency, outcomes[agency]]).toEqual([agency, null]);
      expect([agency, withheldAt(body.errors, ['cohortOutcomes', agency], 'aggregates-for-reporting-roles')?.extensions.code]).toEqual([
        agency,
        'WITHHELD',
      ]);
    }
    expect((body.errors ?? []).filter((e) => e.extensions.code !== 'WITHHELD')).toEqual([]);
  });

  it('names what was wrong with a bad question', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ group: 'NWD_CASELOAD', quarters: 0 }, 'quarters'],
      [{ group: 'NWD_CASELOAD', quarters: 13 }, 'quarters'],
      [{ group: 'NWD_REFERRALS', quarters: 4 }, 'referredFrom'],
    ];
    for (const [variables, field] of cases) {
      const body = (await ask('boardMember', variables)) as GraphQLBody<unknown>;
      expect([variables, body.errors?.[0].extensions.code, body.errors?.[0].extensions.field]).toEqual([
        variables,
        'BAD_USER_INPUT',
        field,
      ]);
    }
  });

  it('is audited in every agency as an aggregate read of the cohort, never as a read of a young person', async () => {
    const outcomes = dataOf(await ask('boardMember')).cohortOutcomes;
    for (const agency of Object.keys(SERVICES) as AgencyName[]) {
      const records = await withDatabase(agency, (em) =>
        em.find(AuditRecord, { userId: PERSONAS.boardMember.id, subject: `(cohort ${outcomes.reference})` }),
      );
      expect([agency, records.map((r) => [r.action, r.purposeKind])]).toEqual([agency, [['AGGREGATE', 'AGGREGATE_REPORTING']]]);
      const reads = await withDatabase(agency, (em) => em.count(AuditRecord, { userId: PERSONAS.boardMember.id, action: 'READ' }));
      expect([agency, reads]).toEqual([agency, 0]);
    }
  });

  it('answers the scorecard and NWD outcome operations of gateway/operations', async () => {
    for (const name of ['corporate-parenting-scorecard', 'nwd-outcomes']) {
      const { document, variables } = operation(name);
      const body = (await graph.request(document, variables, { persona: 'boardMember' })).body;
      expect([name, body.errors ?? []]).toEqual([name, []]);
    }
  });
});
