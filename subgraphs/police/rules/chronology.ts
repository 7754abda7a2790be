import { ukDate } from '../../../kit/subgraph/dates';
import { byDateDescending, chronologyEntry, type ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import type { Arrest, Associate, ExploitationConcern, IntelligenceItem, LocationOfConcern, MissingEpisode, NrmReferral, ReturnHomeInterview } from '../entities';
import { ExploitationType, IntelligenceGradingScheme, type SourceEvaluation } from '../enums';
import { offeredInTime } from './return-home-interview';

/** Everything the police hold about one young person, as loaded for one request. */
export interface PoliceHistory {
  missingEpisodes: { episode: MissingEpisode; interview: ReturnHomeInterview | null }[];
  arrests: Arrest[];
  exploitationConcerns: ExploitationConcern[];
  nrmReferrals: NrmReferral[];
  intelligence: IntelligenceItem[];
  associates: Associate[];
  locationsOfConcern: LocationOfConcern[];
}

const AGENCY = 'police';

/**
 * Whether the viewer may see one field of one record ("Type.field", the record): the police policy,
 * asked by the chronology before it puts a value into a summary. Summaries never carry intelligence
 * text, associates' names or where a location of concern is, for anyone.
 */
export type ShowsField = (field: 'Arrest.outcome', item: object) => boolean;

/**
 * An entry about a record the young person asked not to share with some agencies carries that wish,
 * so the guard leaves it out for them exactly as it leaves out the record itself.
 */
function about(record: { notSharedWith?: string[] | null }, entry: ChronologyEntry): ChronologyEntry {
  return record.notSharedWith?.length ? Object.assign(entry, { notSharedWith: [...record.notSharedWith] }) : entry;
}

const EXPLOITATION: Record<ExploitationType, string> = {
  CSE: 'Child sexual exploitation',
  CCE: 'Child criminal exploitation',
  COUNTY_LINES: 'County lines',
};

/** An enum value in plain words: MEDIUM -> "medium", THEFT_AND_HANDLING -> "theft and handling". */
function words(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}

function hoursBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 3_600_000);
}

function missingEntries({ episode, interview }: PoliceHistory['missingEpisodes'][number]): ChronologyEntry[] {
  const found = episode.foundAt ? ` Found after ${hoursBetween(episode.reportedAt, episode.foundAt)} hours.` : ' Still missing.';
  const entries = [
    chronologyEntry(AGENCY, ukDate(episode.reportedAt), 'Missing episode',
      `Reported missing; risk graded ${words(episode.riskGrading)} under ${episode.riskGradingSchemeVersion}.${found}`),
  ];
  if (interview) {
        const takenUp = interview.takenUp ? ` Taken up: ${words(interview.takenUp)}.` : '';
    entries.push(chronologyEntry(AGENCY, ukDate(interview.offeredAt), 'Return home interview offered',
      `Return home interview offered ${offeredInTime(episode, interview) ? 'within' : 'later than'} 72 hours of being found.${takenUp}`));
  }
  return entries.map((entry) => about(episode, entry));
}

function arrestEntry(a: Arrest, shows: ShowsField): ChronologyEntry {
  const hub = a.offenceInNwdHub ? ' Offence inside a NWD hub.' : '';
  const outcome = shows('Arrest.outcome', a) ? `; outcome: ${words(a.outcome)}` : '';
  return about(a, chronologyEntry(AGENCY, a.arrestedOn, 'Arrest', `Arrested: ${words(a.offenceCategory)} (YJS gravity ${a.gravityScore})${outcome}.${hub}`));
}

function exploitationEntries(c: ExploitationConcern): ChronologyEntry[] {
  const entries = [chronologyEntry(AGENCY, c.concernFrom, 'Exploitation concern recorded', `${EXPLOITATION[c.type]} concern recorded.`)];
  if (c.concernTo) entries.push(chronologyEntry(AGENCY, c.concernTo, 'Exploitation concern closed', `${EXPLOITATION[c.type]} concern closed.`));
  return entries;
}

function nrmEntries(n: NrmReferral): ChronologyEntry[] {
  const entries = [chronologyEntry(AGENCY, n.referredOn, 'NRM referral', 'Referred to the National Referral Mechanism.')];
  if (n.reasonableGroundsDecisionOn && n.reasonableGroundsOutcome) {
    entries.push(chronologyEntry(AGENCY, n.reasonableGroundsDecisionOn, 'NRM reasonable grounds decision',
      `Reasonable grounds decision: ${words(n.reasonableGroundsOutcome)}.`));
  }
  if (n.conclusiveGroundsDecisionOn && n.conclusiveGroundsOutcome) {
    entries.push(chronologyEntry(AGENCY, n.conclusiveGroundsDecisionOn, 'NRM conclusive grounds decision',
      `Conclusive grounds decision: ${words(n.conclusiveGroundsOutcome)}.`));
  }
  return entries;
}

const SOURCE_GRADE: Record<SourceEvaluation, string> = { RELIABLE: '1', UNTESTED: '2', NOT_RELIABLE: '3' };

/** The grade only: intelligence text never goes into a chronology that is read out in meetings. */
function intelligenceEntry(i: IntelligenceItem): ChronologyEntry {
  const grade = i.gradingScheme === IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE
    ? `${i.legacySourceEvaluation}/${i.legacyIntelligenceEvaluation}/${i.legacyHandlingCode} (legacy 5x5x5)`
    : `${i.sourceEvaluation ? SOURCE_GRADE[i.sourceEvaluation] : '?'}/${i.intelligenceAssessment}/${i.handlingCode} (3x5x2)`;
  return chronologyEntry(AGENCY, ukDate(i.recordedAt), 'Intelligence recorded', `Intelligence item graded ${grade} recorded.`);
}

/** Newest first, as read in a meeting or a deep dive; `shows` says what this viewer may see. */
export function policeChronology(history: PoliceHistory, shows: ShowsField): ChronologyEntry[] {
  return [
    ...history.missingEpisodes.flatMap(missingEntries),
    ...history.arrests.map((a) => arrestEntry(a, shows)),
    ...history.exploitationConcerns.flatMap(exploitationEntries),
    ...history.nrmReferrals.flatMap(nrmEntries),
    ...history.intelligence.map(intelligenceEntry),
    ...history.associates.map((a) => chronologyEntry(AGENCY, a.knownFrom, 'Associate recorded', `An associate (${words(a.relationship)}) recorded for the missing plan.`)),
    ...history.locationsOfConcern.map((l) => chronologyEntry(AGENCY, l.concernFrom, 'Location of concern recorded', `A location of concern (${words(l.kind)}) recorded for the missing plan.`)),
  ].sort(byDateDescending);
}
