import { loadEach } from '../../../kit/subgraph/loaders';
import type { PoliceContext } from '../context';
import type { PoliceHistory } from '../rules/chronology';

const KINDS = [
  'arrests',
  'exploitationConcerns',
  'nrmReferrals',
  'intelligence',
  'associates',
  'locationsOfConcern',
] as const satisfies readonly (keyof PoliceHistory)[];

/** Everything held about one nominal, through the request's loaders (so it batches with every other field). */
export async function loadHistory(nominalId: number, { loaders }: PoliceContext): Promise<PoliceHistory> {
  const [records, episodes] = await Promise.all([loadEach(loaders, KINDS, nominalId), loaders.missingEpisodes.load(nominalId)]);
  // Each missing episode with the return home interview offered after it (batched across episodes).
  const interviews = await Promise.all(episodes.map((e) => loaders.returnHomeInterviewByEpisode.load(e.id)));
  return { ...records, missingEpisodes: episodes.map((episode, i) => ({ episode, interview: interviews[i] })) };
}
