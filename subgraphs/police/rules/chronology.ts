import { ukDate } from '../../../kit/subgraph/dates';
import type { ChronologyLine, ShowsField } from '../../../kit/subgraph/access/chronology-guard';
import { byDateDescending, chronologyEntry, Significance, type ChronologyEntry } from '../../../kit/subgraph/graphql/chronology';
import { POLICE } from '../agency';
import type {
  Arrest,
  Associate,
  ExploitationConcern,
  IntelligenceItem,
  LocationOfConcern,
  MissingEpisode,
  NrmReferral,
  ReturnHomeInterview,
} from '../entities';
import { type ExploitationType, IntelligenceGradingScheme, type SourceEvaluation } from '../enums';
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

const AGENCY = POLICE.name;

/** How much each kind of police event matters to a deep dive. */
const SIGNIFICANCE: Record<string, Significance> = {
  'Missing episode': Significance.HIGH,
  'Return home interview offered': Significance.MEDIUM,
  Arrest: Significance.HIGH,
  'Exploitation concern recorded': Significance.HIGH,
  'Exploitation concern closed': Significance.MEDIUM,
  'NRM referral': Significance.HIGH,
  'NRM reasonable grounds decision': Significance.HIGH,
  'NRM conclusive grounds decision': Significance.HIGH,
  'Intelligence recorded': Significance.MEDIUM,
  'Associate recorded': Significance.MEDIUM,
  'Location of concern recorded': Significance.MEDIUM,
};

const entry = (date: string, kind: string, summary: string): ChronologyEntry =>
  chronologyEntry(AGENCY, date, kind, summary, SIGNIFICANCE[kind] ?? Significance.MEDIUM);

/** A line about one record: the young person's wishes on the record apply to the line (the chronology guard). */
function about(record: object, line: ChronologyEntry): ChronologyLine {
  return { entry: line, record };
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

function missingEntries({ episode, interview }: PoliceHistory['missingEpisodes'][number]): ChronologyLine[] {
  const found = episode.foundAt ? ` Found after ${hoursBetween(episode.reportedAt, episode.foundAt)} hours.` : ' Still missing.';
  const entries = [
    entry(
      ukDate(episode.reportedAt),
      'Missing episode',
      `Reported missing; risk graded ${words(episode.riskGrading)} under ${episode.riskGradingSchemeVersion}.${found}`,
    ),
  ];
  if (interview) {
    const takenUp = interview.takenUp ? ` Taken up: ${words(interview.takenUp)}.` : '';
    entries.push(
      entry(
        ukDate(interview.offeredAt),
        'Return home interview offered',
        `Return home interview offered ${offeredInTime(episode, interview) ? 'within' : 'later than'} 72 hours of being found.${takenUp}`,
      ),
    );
  }
  return entries.map((entry) => about(episode, entry));
}

function arrestEntry(a: Arrest, shows: ShowsField): ChronologyLine {
  const hub = a.offenceInNwdHub ? ' Offence inside a NWD hub.' : '';
  const outcome = shows('Arrest.outcome', a) ? `; outcome: ${words(a.outcome)}` : '';
  return about(a, entry(a.arrestedOn, 'Arrest', `Arrested: ${words(a.offenceCategory)} (YJS gravity ${a.gravityScore})${outcome}.${hub}`));
}

function exploitationEntries(c: ExploitationConcern): ChronologyLine[] {
  const entries = [entry(c.concernFrom, 'Exploitation concern recorded', `${EXPLOITATION[c.type]} concern recorded.`)];
  if (c.concernTo) entries.push(entry(c.concernTo, 'Exploitation concern closed', `${EXPLOITATION[c.type]} concern closed.`));
  return entries.map((entry) => about(c, entry));
}

function nrmEntries(n: NrmReferral): ChronologyLine[] {
  const entries = [entry(n.referredOn, 'NRM referral', 'Referred to the National Referral Mechanism.')];
  if (n.reasonableGroundsDecisionOn && n.reasonableGroundsOutcome) {
    entries.push(
      entry(
        n.reasonableGroundsDecisionOn,
        'NRM reasonable grounds decision',
        `Reasonable grounds decision: ${words(n.reasonableGroundsOutcome)}.`,
      ),
    );
  }
  if (n.conclusiveGroundsDecisionOn && n.conclusiveGroundsOutcome) {
    entries.push(
      entry(
        n.conclusiveGroundsDecisionOn,
        'NRM conclusive grounds decision',
        `Conclusive grounds decision: ${words(n.conclusiveGroundsOutcome)}.`,
      ),
    );
  }
  return entries.map((entry) => about(n, entry));
}

const SOURCE_GRADE: Record<SourceEvaluation, string> = { RELIABLE: '1', UNTESTED: '2', NOT_RELIABLE: '3' };

/** The grade only: intelligence text never goes into a chronology that is read out in meetings. */
function intelligenceEntry(i: IntelligenceItem): ChronologyLine {
  const grade =
    i.gradingScheme === IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE
      ? `${i.legacySourceEvaluation}/${i.legacyIntelligenceEvaluation}/${i.legacyHandlingCode} (legacy 5x5x5)`
      : `${i.sourceEvaluation ? SOURCE_GRADE[i.sourceEvaluation] : '?'}/${i.intelligenceAssessment}/${i.handlingCode} (3x5x2)`;
  return about(i, entry(ukDate(i.recordedAt), 'Intelligence recorded', `Intelligence item graded ${grade} recorded.`));
}

/** Every field whose content a line may carry (asked through `shows`): an arrest's outcome. Intelligence is told by grade only. */
export const POLICE_CHRONOLOGY_DRAWS_ON: readonly string[] = ['Arrest.outcome'];

/** Newest first, as read in a meeting or a deep dive; `shows` says what this viewer may see. */
export function policeChronology(history: PoliceHistory, shows: ShowsField): ChronologyLine[] {
  return [
    ...history.missingEpisodes.flatMap(missingEntries),
    ...history.arrests.map((a) => arrestEntry(a, shows)),
    ...history.exploitationConcerns.flatMap(exploitationEntries),
    ...history.nrmReferrals.flatMap(nrmEntries),
    ...history.intelligence.map(intelligenceEntry),
    ...history.associates.map((a) =>
      about(a, entry(a.knownFrom, 'Associate recorded', `An associate (${words(a.relationship)}) recorded for the missing plan.`)),
    ),
    ...history.locationsOfConcern.map((l) =>
      about(
        l,
        entry(l.concernFrom, 'Location of concern recorded', `A location of concern (${words(l.kind)}) recorded for the missing plan.`),
      ),
    ),
  ].sort((a, b) => byDateDescending(a.entry, b.entry));
}
