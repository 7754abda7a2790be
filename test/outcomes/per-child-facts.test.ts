import type { PersonaName } from '../../kit/dev/personas';
import { startTestGraph, GRAPH_SEED, type TestGraph } from '../support/graph';
import { dataOf } from '../support/graphql';

/**
 * Each agency's cohort figures are the sums of the per-child facts its own staff read through the
 * graph, young person by young person (break-glass: every record opens, and every opening is
 * recorded). No persona reads every agency's records in full, by design, so each agency's figures are
 * checked as its own reporting staff see them: social care's by the NWD key worker, police's by the
 * intelligence analyst, health's by the looked-after children's nurse, education's by the virtual
 * school head. The expectations are the measures as DOMAIN.md §5 and the seeds define them, computed
 * here from dates; nothing is taken from the code that computes the figures.
 */
const REASON = 'Checking the corporate parenting scorecard against case records';
/** Members each agency counts at once here: fewer than any agency's share of the cohort, so its figures are added up from parts. */
const CHUNK = 7;
const spansChunks = (agency: string, held: number) => expect([agency, held > CHUNK]).toEqual([agency, true]);
const SIZE = Number(GRAPH_SEED.SEED_SIZE);
const ids = Array.from({ length: SIZE }, (_, i) => `YP-${String(i + 1).padStart(6, '0')}`);

interface Figure {
  periodEnd: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}
interface AgencyFigures {
  measures: { code: string; category: string | null; figures: Figure[] }[];
  beforeAndAfterReferral: { code: string; youngPeople: number | null; before: number | null; after: number | null }[];
}
type Agency = 'socialCare' | 'education' | 'health' | 'police';
interface Period {
  from: string;
  to: string;
}

const FIGURES = `query($group: CohortGroup!) { cohortOutcomes(group: $group, quarters: 4) { periods { from to } AGENCY {
  measures { code category figures { periodEnd numerator denominator suppressed } }
  beforeAndAfterReferral { code youngPeople before after }
} } }`;

interface Dated {
  startDate: string;
  endDate: string | null;
}
interface SocialCareFacts {
  id: string;
  dateOfBirth: string;
  caseStatusHistory: (Dated & { status: string })[];
  placements: (Dated & { placementType: string })[];
  missingFromCare: { startedAt: string }[];
  nwdInvolvements: { referredOn: string; supportStartedOn: string | null; closedOn: string | null; closureOutcome: string | null }[];
}

const ukDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));
const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  const date = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(Math.min(date, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  return d.toISOString().slice(0, 10);
};
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const inPeriod = (day: string | null | undefined, p: Period) => !!day && day >= p.from && day <= p.to;
const overlaps = (e: Dated, p: Period) => e.startDate <= p.to && (!e.endDate || e.endDate >= p.from);
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
/** The six months before the referral, and the six from it (North Yorkshire counted per six months). */
const windows = (referredOn: string) => ({
  before: { from: addMonths(referredOn, -6), to: addDays(referredOn, -1) },
  after: { from: referredOn, to: addDays(addMonths(referredOn, 6), -1) },
});

describe('cohort figures against the per-child facts', () => {
  let graph: TestGraph;
  let periods: Period[];
  let members: SocialCareFacts[];
  const referral = (p: SocialCareFacts) => p.nwdInvolvements.map((i) => i.referredOn).sort()[0];

  beforeAll(async () => {
    // Each agency counts a cohort seven members at a time and adds the parts, as it does a council's
    // thousands (COHORT_CHUNK_SIZE): the figures must be the whole cohort's all the same.
    graph = await startTestGraph('sqlite', { env: { COHORT_CHUNK_SIZE: String(CHUNK) } });
  }, 180_000);
  afterAll(async () => graph?.stop(), 60_000);

  const figuresOf = async (persona: PersonaName, agency: Agency) => {
    const body = (
      await graph.request<{ cohortOutcomes: { periods: Period[] } & Record<Agency, AgencyFigures> }>(
        FIGURES.replace('AGENCY', agency),
        { group: 'NWD_CASELOAD' },
        { persona },
      )
    ).body;
    return dataOf(body).cohortOutcomes;
  };
  /** What `persona` reads of each young person through the per-child fields, ten at a time. */
  async function perChild<T>(persona: PersonaName, people: string[], selection: string): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < people.length; i += 10)
      out.push(
        ...(await Promise.all(
          people.slice(i, i + 10).map(async (id) => {
            const body = (
              await graph.request<{ youngPerson: T }>(
                `query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { ${selection} } }`,
                { id, why: REASON },
                { persona },
              )
            ).body;
            return dataOf(body).youngPerson;
          }),
        )),
      );
    return out;
  }
  const measure = (figures: AgencyFigures, code: string, category: string | null = null) =>
    figures.measures.find((m) => m.code === code && m.category === category)!.figures;
  const beforeAfter = (figures: AgencyFigures, code: string) => figures.beforeAndAfterReferral.find((b) => b.code === code)!;

  describe("social care's, as the NWD key worker reads each young person", () => {
    let figures: AgencyFigures;
    let everyone: SocialCareFacts[];
    beforeAll(async () => {
      const answer = await figuresOf('keyWorker', 'socialCare');
      periods = answer.periods;
      figures = answer.socialCare;
      everyone = await perChild<SocialCareFacts>(
        'keyWorker',
        ids,
        `id dateOfBirth caseStatusHistory { status startDate endDate } placements { placementType startDate endDate }
         missingFromCare { startedAt } nwdInvolvements { referredOn supportStartedOn closedOn closureOutcome }`,
      );
      const span = { from: periods[0].from, to: periods[periods.length - 1].to };
      // The NWD caseload of the quarters: an involvement open at some time in them.
      members = everyone.filter((p) => p.nwdInvolvements.some((i) => i.referredOn <= span.to && (!i.closedOn || i.closedOn >= span.from)));
    }, 120_000);

    const lookedAfter = (p: SocialCareFacts, period: Period) =>
      p.caseStatusHistory.some((s) => s.status === 'LOOKED_AFTER' && overlaps(s, period));

    it('counts those looked after on each quarter’s last day', () => {
      expect(members.length).toBeGreaterThan(0);
      expect(measure(figures, 'LOOKED_AFTER_AT_PERIOD_END').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => [members.filter((p) => lookedAfter(p, { from: q.to, to: q.to })).length, members.length]),
      );
    });

    it('counts 3 or more placement moves in the 12 months to each quarter’s end among those looked after on it', () => {
      expect(measure(figures, 'THREE_OR_MORE_PLACEMENT_MOVES_IN_12_MONTHS').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => {
          const eligible = members.filter((p) => lookedAfter(p, { from: q.to, to: q.to }));
          // A move is a placement after the first in the window: three moves, four placements.
          const moved = eligible.filter(
            (p) => p.placements.filter((pl) => overlaps(pl, { from: addMonths(q.to, -12), to: q.to })).length - 1 >= 3,
          );
          return [moved.length, eligible.length];
        }),
      );
    });

    it('counts those looked after in each quarter who went missing from care in it', () => {
      expect(measure(figures, 'MISSING_FROM_CARE').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => {
          const eligible = members.filter((p) => lookedAfter(p, q));
          return [eligible.filter((p) => p.missingFromCare.some((m) => inPeriod(ukDay(m.startedAt), q))).length, eligible.length];
        }),
      );
    });

    it('totals the days from referral to support for support that started in each quarter', () => {
      expect(measure(figures, 'NWD_REFERRAL_TO_SUPPORT_DAYS').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => {
          const started = members.flatMap((p) => p.nwdInvolvements.filter((i) => inPeriod(i.supportStartedOn, q)));
          return [started.reduce((sum, i) => sum + days(i.referredOn, i.supportStartedOn!), 0), started.length];
        }),
      );
    });

    it('counts the involvements closed in each quarter by their outcome', () => {
      const outcomes = [...new Set(figures.measures.filter((m) => m.code === 'NWD_CLOSURE_OUTCOME').map((m) => m.category!))];
      expect(outcomes.length).toBeGreaterThan(0);
      // Involvements close, with an outcome (DOMAIN.md: plausibility rules): some closed in the quarters.
      expect(members.some((p) => p.nwdInvolvements.some((i) => inPeriod(i.closedOn, { from: periods[0].from, to: periods[3].to })))).toBe(
        true,
      );
      for (const outcome of outcomes)
        expect([outcome, measure(figures, 'NWD_CLOSURE_OUTCOME', outcome).map((f) => [f.numerator, f.denominator])]).toEqual([
          outcome,
          periods.map((q) => {
            const closed = members.flatMap((p) => p.nwdInvolvements.filter((i) => inPeriod(i.closedOn, q)));
            return [closed.filter((i) => i.closureOutcome === outcome).length, closed.length];
          }),
        ]);
    });

    /** The NWD caseload on the edge of care when referred: a status of edge of care held on the referral day. */
    const onTheEdgeOfCare = () =>
      members.filter((p) =>
        p.caseStatusHistory.some(
          (st) => st.status === 'EDGE_OF_CARE' && inPeriod(referral(p), { from: st.startDate, to: st.endDate ?? referral(p) }),
        ),
      );

    it('counts the edge-of-care group by whether each has been looked after since referral, to each quarter’s end', () => {
      const onTheEdge = onTheEdgeOfCare();
      expect(onTheEdge.length).toBeGreaterThan(0);
      const counted = periods.map((q) => {
        const referred = onTheEdge.filter((p) => referral(p) <= q.to);
        const enteredCare = referred.filter((p) => lookedAfter(p, { from: referral(p), to: q.to })).length;
        return { remained: [referred.length - enteredCare, referred.length], entered: [enteredCare, referred.length] };
      });
      expect(measure(figures, 'REMAINED_AT_HOME_OR_WITH_FAMILY').map((f) => [f.numerator, f.denominator])).toEqual(
        counted.map((c) => c.remained),
      );
      expect(measure(figures, 'ENTERED_CARE_AFTER_REFERRAL').map((f) => [f.numerator, f.denominator])).toEqual(
        counted.map((c) => c.entered),
      );
    });

    const groupFigures = async (group: string) =>
      dataOf(
        (
          await graph.request<{ cohortOutcomes: { youngPeople: { value: number | null }; socialCare: AgencyFigures } }>(
            `query($group: CohortGroup!) { cohortOutcomes(group: $group, quarters: 4) { youngPeople { value }
              socialCare { measures { code category figures { periodEnd numerator denominator suppressed } }
                beforeAndAfterReferral { code youngPeople before after } } } }`,
            { group },
            { persona: 'keyWorker' },
          )
        ).body,
      ).cohortOutcomes;

    it('takes as the looked-after cohort everyone looked after at some time in the quarters, and counts those looked after on each quarter’s last day', async () => {
      const span = { from: periods[0].from, to: periods[periods.length - 1].to };
      const cohort = everyone.filter((p) => lookedAfter(p, span));
      const answer = await groupFigures('LOOKED_AFTER');
      expect(answer.youngPeople.value).toBe(cohort.length);
      expect(measure(answer.socialCare, 'LOOKED_AFTER_AT_PERIOD_END').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => [cohort.filter((p) => lookedAfter(p, { from: q.to, to: q.to })).length, cohort.length]),
      );
    });

    it('holds more members than one chunk', () => spansChunks('social care', members.length));

    it('takes as the edge-of-care cohort the NWD caseload on the edge of care when referred', async () => {
      const onTheEdge = onTheEdgeOfCare();
      const answer = await groupFigures('EDGE_OF_CARE');
      expect(answer.youngPeople.value).toBe(onTheEdge.length);
      expect(measure(answer.socialCare, 'REMAINED_AT_HOME_OR_WITH_FAMILY').map((f) => f.denominator)).toEqual(
        periods.map((q) => onTheEdge.filter((p) => referral(p) <= q.to).length),
      );
    });

    it('compares missing from care and days in residential care in the six months either side of referral', () => {
      const reportEnd = periods[periods.length - 1].to;
      const compared = members.filter((p) => addMonths(referral(p), 6) <= addDays(reportEnd, 1));
      const total = (pick: (p: SocialCareFacts, w: Period) => number) => (w: 'before' | 'after') =>
        compared.reduce((sum, p) => sum + pick(p, windows(referral(p))[w]), 0);
      const missing = total((p, w) => p.missingFromCare.filter((m) => inPeriod(ukDay(m.startedAt), w)).length);
      const residential = total((p, w) =>
        p.placements
          .filter((pl) => ['K1', 'K2', 'R1'].includes(pl.placementType))
          .reduce((sum, pl) => {
            const from = pl.startDate > w.from ? pl.startDate : w.from;
            const to = pl.endDate && pl.endDate < w.to ? pl.endDate : w.to;
            return sum + (to < from ? 0 : days(from, to) + 1);
          }, 0),
      );
      expect(compared.length).toBeGreaterThan(0);
      const per = (n: number) => Math.round((n / compared.length) * 10) / 10;
      expect(beforeAfter(figures, 'MISSING_FROM_CARE')).toMatchObject({
        youngPeople: compared.length,
        before: per(missing('before')),
        after: per(missing('after')),
      });
      expect(beforeAfter(figures, 'RESIDENTIAL_DAYS')).toMatchObject({
        youngPeople: compared.length,
        before: per(residential('before')),
        after: per(residential('after')),
      });
    });
  });

  describe("police's, as the intelligence analyst reads each member", () => {
    interface PoliceFacts {
      police: {
        missingEpisodes: { reportedAt: string; foundAt: string | null; returnHomeInterview: { offeredAt: string } | null }[] | null;
        arrests: { arrestedOn: string; charge: string | null }[] | null;
      } | null;
    }
    let figures: AgencyFigures;
    let facts: NonNullable<PoliceFacts['police']>[];
    let referrals: string[];
    beforeAll(async () => {
      figures = (await figuresOf('policeAnalyst', 'police')).police;
      const read = await perChild<PoliceFacts>(
        'policeAnalyst',
        members.map((m) => m.id),
        'police { missingEpisodes { reportedAt foundAt returnHomeInterview { offeredAt } } arrests { arrestedOn charge } }',
      );
      const held = read.map((r, i) => [r.police, members[i]] as const).filter(([p]) => p?.missingEpisodes != null);
      facts = held.map(([p]) => p!);
      referrals = held.map(([, m]) => referral(m));
    }, 120_000);

    it('holds records of more members than one chunk', () => spansChunks('police', facts.length));

    it('counts missing reports, arrests and charges in each quarter', () => {
      const count = (dates: (f: (typeof facts)[number]) => string[]) =>
        periods.map((q) => facts.flatMap(dates).filter((d) => inPeriod(d, q)).length);
      expect(measure(figures, 'MISSING_EPISODES').map((f) => f.numerator)).toEqual(
        count((f) => f.missingEpisodes!.map((e) => ukDay(e.reportedAt))),
      );
      expect(measure(figures, 'ARRESTS').map((f) => f.numerator)).toEqual(count((f) => f.arrests!.map((a) => a.arrestedOn)));
      expect(measure(figures, 'CHARGES').map((f) => f.numerator)).toEqual(
        count((f) => f.arrests!.filter((a) => a.charge).map((a) => a.arrestedOn)),
      );
    });

    it('counts return home interviews offered within 72 hours of being found, of episodes that ended in each quarter', () => {
      expect(measure(figures, 'RETURN_HOME_INTERVIEW_WITHIN_72_HOURS').map((f) => [f.numerator, f.denominator])).toEqual(
        periods.map((q) => {
          const ended = facts.flatMap((f) => f.missingEpisodes!.filter((e) => e.foundAt && inPeriod(ukDay(e.foundAt), q)));
          const inTime = ended.filter(
            (e) => e.returnHomeInterview && Date.parse(e.returnHomeInterview.offeredAt) - Date.parse(e.foundAt!) <= 72 * 3_600_000,
          );
          return [inTime.length, ended.length];
        }),
      );
    });

    it('compares missing reports, arrests and charges in the six months either side of referral', () => {
      const reportEnd = periods[periods.length - 1].to;
      const compared = facts.map((f, i) => [f, referrals[i]] as const).filter(([, r]) => addMonths(r, 6) <= addDays(reportEnd, 1));
      expect(compared.length).toBeGreaterThan(0);
      const per = (n: number) => Math.round((n / compared.length) * 10) / 10;
      const side = (dates: (f: (typeof facts)[number]) => string[], w: 'before' | 'after') =>
        per(compared.reduce((sum, [f, r]) => sum + dates(f).filter((d) => inPeriod(d, windows(r)[w])).length, 0));
      const sources: [string, (f: (typeof facts)[number]) => string[]][] = [
        ['MISSING_EPISODES', (f) => f.missingEpisodes!.map((e) => ukDay(e.reportedAt))],
        ['ARRESTS', (f) => f.arrests!.map((a) => a.arrestedOn)],
        ['CHARGES', (f) => f.arrests!.filter((a) => a.charge).map((a) => a.arrestedOn)],
      ];
      for (const [code, dates] of sources)
        expect([code, beforeAfter(figures, code)]).toEqual([
          code,
          expect.objectContaining({ youngPeople: compared.length, before: side(dates, 'before'), after: side(dates, 'after') }),
        ]);
    });
  });

  describe("health's, as the looked-after children's nurse reads each member", () => {
    interface HealthFacts {
      health: { emergencyAttendances: { attendedOn: string }[] | null; sdqScores: { completedOn: string; total: number }[] | null } | null;
    }
    let figures: AgencyFigures;
    let facts: (NonNullable<HealthFacts['health']> & { referredOn: string })[];
    beforeAll(async () => {
      figures = (await figuresOf('lacNurse', 'health')).health;
      const read = await perChild<HealthFacts>(
        'lacNurse',
        members.map((m) => m.id),
        'health { emergencyAttendances { attendedOn } sdqScores { completedOn total } }',
      );
      facts = read.flatMap((r, i) => (r.health?.emergencyAttendances ? [{ ...r.health, referredOn: referral(members[i]) }] : []));
    }, 120_000);

    it('holds records of more members than one chunk', () => spansChunks('health', facts.length));

    it('counts A&E attendances in each quarter', () => {
      expect(measure(figures, 'A_AND_E_ATTENDANCES').map((f) => f.numerator)).toEqual(
        periods.map((q) => facts.flatMap((f) => f.emergencyAttendances!).filter((a) => inPeriod(a.attendedOn, q)).length),
      );
    });

    it('compares the SDQ at entry (the latest in the year up to referral) with the latest from six months after it', () => {
      const reportEnd = periods[periods.length - 1].to;
      const latest = (scores: { completedOn: string; total: number }[], p: Period) =>
        scores.filter((s) => inPeriod(s.completedOn, p)).sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))[0];
      const pairs = facts
        .filter((f) => addMonths(f.referredOn, 6) <= addDays(reportEnd, 1))
        .map((f) => [
          latest(f.sdqScores!, { from: addMonths(f.referredOn, -12), to: f.referredOn }),
          latest(f.sdqScores!, { from: addMonths(f.referredOn, 6), to: reportEnd }),
        ])
        .filter(([a, b]) => a && b);
      const mean = (i: 0 | 1) => Math.round((pairs.reduce((sum, pair) => sum + pair[i].total, 0) / pairs.length) * 10) / 10;
      expect(pairs.length).toBeGreaterThan(0);
      expect(beforeAfter(figures, 'SDQ_TOTAL')).toMatchObject({ youngPeople: pairs.length, before: mean(0), after: mean(1) });
    });
  });

  /** When the young person entered care, as social care records it (health and education hold the same date). */
  const enteredCare = (p: SocialCareFacts) => p.caseStatusHistory.find((st) => st.status === 'LOOKED_AFTER')?.startDate ?? null;
  const ageOn = (dateOfBirth: string, day: string) => {
    const [by, bm, bd] = dateOfBirth.split('-').map(Number);
    const [y, m, d] = day.split('-').map(Number);
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  };
  /** In the `months` to a day: after the same date that many months before, up to the day itself. */
  const inMonthsTo = (day: string, end: string, months: number) => day > addMonths(end, -months) && day <= end;

  describe("education's, as the virtual school head reads each member", () => {
    interface EducationFacts {
      education: { peps: { meetingDate: string }[] | null } | null;
    }
    let figures: AgencyFigures;
    let pupils: { member: SocialCareFacts; peps: string[] }[];
    beforeAll(async () => {
      figures = (await figuresOf('virtualSchoolHead', 'education')).education;
      const read = await perChild<EducationFacts>(
        'virtualSchoolHead',
        members.map((m) => m.id),
        'education { peps { meetingDate } }',
      );
      pupils = read.flatMap((r, i) =>
        r.education?.peps ? [{ member: members[i], peps: r.education.peps.map((p) => p.meetingDate) }] : [],
      );
    }, 120_000);

    it('holds records of more members than one chunk', () => spansChunks('education', pupils.length));

    it('counts a PEP in the six months to each quarter’s end, of looked-after pupils of school age in care at least four weeks', () => {
      const counted = periods.map((q) => {
        const eligible = pupils.filter(({ member }) => {
          const entered = enteredCare(member);
          const age = ageOn(member.dateOfBirth, q.to);
          return !!entered && entered <= addDays(q.to, -28) && age >= 4 && age <= 16;
        });
        return [eligible.filter(({ peps }) => peps.some((d) => inMonthsTo(d, q.to, 6))).length, eligible.length];
      });
      expect(counted.some(([, eligible]) => eligible > 0)).toBe(true);
      expect(measure(figures, 'PEP_WITHIN_6_MONTHS').map((f) => [f.numerator, f.denominator])).toEqual(counted);
    });
  });

  describe("health's statutory checks, as the looked-after children's nurse reads each member", () => {
    interface CheckFacts {
      health: {
        initialHealthAssessment: { completedOn: string | null } | null;
        reviewHealthAssessments: { assessedOn: string }[] | null;
        dentalChecks: { checkedOn: string }[] | null;
      } | null;
    }
    let figures: AgencyFigures;
    let patients: { member: SocialCareFacts; assessments: string[]; dental: string[] }[];
    beforeAll(async () => {
      figures = (await figuresOf('lacNurse', 'health')).health;
      const read = await perChild<CheckFacts>(
        'lacNurse',
        members.map((m) => m.id),
        'health { initialHealthAssessment { completedOn } reviewHealthAssessments { assessedOn } dentalChecks { checkedOn } }',
      );
      patients = read.flatMap((r, i) =>
        r.health?.reviewHealthAssessments
          ? [
              {
                member: members[i],
                assessments: [
                  ...(r.health.initialHealthAssessment?.completedOn ? [r.health.initialHealthAssessment.completedOn] : []),
                  ...r.health.reviewHealthAssessments.map((a) => a.assessedOn),
                ],
                dental: r.health.dentalChecks!.map((d) => d.checkedOn),
              },
            ]
          : [],
      );
    }, 120_000);

    it('counts health assessments and dental checks in the 12 months to each quarter’s end, of those in care 12 months', () => {
      const share = (dates: (p: (typeof patients)[number]) => string[]) =>
        periods.map((q) => {
          const eligible = patients.filter(({ member }) => {
            const entered = enteredCare(member);
            return !!entered && entered <= addMonths(q.to, -12);
          });
          return [eligible.filter((p) => dates(p).some((d) => inMonthsTo(d, q.to, 12))).length, eligible.length];
        });
      const assessments = share((p) => p.assessments);
      expect(assessments.some(([, eligible]) => eligible > 0)).toBe(true);
      expect(measure(figures, 'HEALTH_ASSESSMENT_WITHIN_12_MONTHS').map((f) => [f.numerator, f.denominator])).toEqual(assessments);
      expect(measure(figures, 'DENTAL_CHECK_WITHIN_12_MONTHS').map((f) => [f.numerator, f.denominator])).toEqual(share((p) => p.dental));
    });
  });
});
