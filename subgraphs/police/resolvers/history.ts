import type { PoliceContext } from '../context';
import type { PoliceHistory } from '../rules/chronology';

/** Everything held about one nominal, through the request's loaders (so it batches with every other field). */
export async function loadHistory(nominalId: number, { loaders }: PoliceContext): Promise<PoliceHistory> {
  const [episodes, arrests, exploitationConcerns, nrmReferrals, intelligence, associates, locationsOfConcern] = await Promise.all([
    loaders.missingEpisodes.load(nominalId),
    loaders.arrests.load(nominalId),
    loaders.exploitationConcerns.load(nominalId),
    loaders.nrmReferrals.load(nominalId),
    loaders.intelligence.load(nominalId),
    loaders.associates.load(nominalId),
    loaders.locationsOfConcern.load(nominalId),
  ]);
  const interviews = await Promise.all(episodes.map((e) => loaders.returnHomeInterviewByEpisode.load(e.id)));
  return {
    missingEpisodes: episodes.map((episode, i) => ({ episode, interview: interviews[i] })),
    arrests,
    exploitationConcerns,
    nrmReferrals,
    intelligence,
    associates,
    locationsOfConcern,
  };
}
