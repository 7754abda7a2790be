import type { CohortScope } from '../../../kit/subgraph/access/access-grant';
import { asInstant, byOwner, plainRows, referralDates } from '../../../kit/subgraph/outcomes/counting';
import { receivingCohortType, receivingOutcomeFields } from '../../../kit/subgraph/outcomes/receiving';
import { POLICE } from '../agency';
import type { PoliceContext } from '../context';
import { Arrest, MissingEpisode, Nominal, ReturnHomeInterview } from '../entities';
import { countPoliceOutcomes, type NominalFacts } from '../rules/outcomes';

export const CohortOutcomes = receivingCohortType(POLICE);

type Instant = Date | string | number;

/** Police's records of the cohort's members (by PNC ID), as the facts the measures count. */
async function nominalFacts(ctx: PoliceContext, cohort: CohortScope): Promise<NominalFacts[]> {
  const referred = referralDates(cohort.members);
  const { em } = ctx;
  const nominals = await plainRows<{ id: number; pncId: string }>(em, Nominal, ['id', 'pncId'], 'pncId', [...referred.keys()]);
  const ids = nominals.map((n) => n.id);
  const [episodes, arrests] = await Promise.all([
    plainRows<{ id: number; nominal: number; reportedAt: Instant; foundAt: Instant | null }>(
      em,
      MissingEpisode,
      ['id', 'nominal', 'reportedAt', 'foundAt'],
      'nominal',
      ids,
    ),
    plainRows<{ nominal: number; arrestedOn: string; charge: string | null }>(
      em,
      Arrest,
      ['nominal', 'arrestedOn', 'charge'],
      'nominal',
      ids,
    ),
  ]);
  const interviews = await plainRows<{ missingEpisode: number; offeredAt: Instant }>(
    em,
    ReturnHomeInterview,
    ['missingEpisode', 'offeredAt'],
    'missingEpisode',
    episodes.map((e) => e.id),
  );
  const offered = new Map(interviews.map((i) => [i.missingEpisode, asInstant(i.offeredAt)]));
  const episodesOf = byOwner(episodes, (e) => e.nominal);
  const arrestsOf = byOwner(arrests, (a) => a.nominal);
  return nominals.map((n) => ({
    referredOn: referred.get(n.pncId) ?? null,
    missingEpisodes: (episodesOf.get(n.id) ?? []).map((e) => ({
      reportedAt: asInstant(e.reportedAt),
      foundAt: e.foundAt === null ? null : asInstant(e.foundAt),
      interviewOfferedAt: offered.get(e.id) ?? null,
    })),
    arrests: (arrestsOf.get(n.id) ?? []).map((a) => a.arrestedOn),
    charges: (arrestsOf.get(n.id) ?? []).filter((a) => a.charge !== null).map((a) => a.arrestedOn),
  }));
}

export const PoliceOutcomeFields = receivingOutcomeFields(
  POLICE,
  CohortOutcomes,
  async (ctx: PoliceContext, cohort) => countPoliceOutcomes(await nominalFacts(ctx, cohort), cohort.periods),
  "Police's figures about the cohort: missing episodes, return home interviews offered in time, arrests and charges, before and after referral.",
);
