import { ukDate } from '../../kit/subgraph/dates';
import { Arrest, IntelligenceItem, MissingEpisode, ReturnHomeInterview } from '../../subgraphs/police/entities';
import {
  ArrestOutcome,
  HandlingCode,
  IntelligenceAssessment,
  IntelligenceGradingScheme,
  MissingRiskGrading,
  OffenceCategory,
  SourceEvaluation,
} from '../../subgraphs/police/enums';
import type { ShowsField } from '../../kit/subgraph/access/chronology-guard';
import { policeChronology, type PoliceHistory } from '../../subgraphs/police/rules/chronology';

const showsAll: ShowsField = () => true;

const empty: PoliceHistory = {
  missingEpisodes: [],
  arrests: [],
  exploitationConcerns: [],
  nrmReferrals: [],
  intelligence: [],
  associates: [],
  locationsOfConcern: [],
};

describe('police chronology', () => {
  const episode = Object.assign(new MissingEpisode(), {
    reportedAt: new Date('2026-10-01T21:00:00Z'),
    foundAt: new Date('2026-10-02T09:00:00Z'),
    riskGrading: MissingRiskGrading.MEDIUM,
    riskGradingSchemeVersion: 'v3',
    locationFound: null,
  });
  const lateOffer = Object.assign(new ReturnHomeInterview(), {
    offeredAt: new Date('2026-10-05T09:01:00Z'),
    tookPlaceAt: null,
    takenUp: null,
  });
  const arrest = Object.assign(new Arrest(), {
    arrestedOn: '2026-10-03',
    offenceCategory: OffenceCategory.THEFT_AND_HANDLING,
    gravityScore: 2,
    charge: null,
    outcome: ArrestOutcome.COMMUNITY_RESOLUTION,
    offenceInNwdHub: true,
  });
  const intelligence = Object.assign(new IntelligenceItem(), {
    recordedAt: new Date('2026-09-30T23:30:00Z'),
    gradingScheme: IntelligenceGradingScheme.THREE_BY_FIVE_BY_TWO,
    sourceEvaluation: SourceEvaluation.UNTESTED,
    intelligenceAssessment: IntelligenceAssessment.B,
    handlingCode: HandlingCode.C,
    fullText: 'SECRET-SOURCE-DETAIL',
    sanitisedText: 'SANITISED-DETAIL',
  });
  const history = { ...empty, missingEpisodes: [{ episode, interview: lateOffer }], arrests: [arrest], intelligence: [intelligence] };
  const entries = policeChronology(history, showsAll).map((line) => line.entry);

  it('lists every dated event newest first, on UK dates', () => {
    expect(entries.map((e) => [e.date, e.kind])).toEqual([
      ['2026-10-05', 'Return home interview offered'],
      ['2026-10-03', 'Arrest'],
      ['2026-10-01', 'Missing episode'],
      ['2026-10-01', 'Intelligence recorded'], // 00:30 BST on 1 October
    ]);
    expect(ukDate(intelligence.recordedAt)).toBe('2026-10-01');
    expect(entries.every((e) => e.agency === 'police')).toBe(true);
  });

  it('says what happened in words, including a late interview offer and an offence in a hub', () => {
    expect(entries[0].summary).toMatch(/later than 72 hours/);
    expect(entries[1].summary).toBe(
      'Arrested: theft and handling (YJS gravity 2); outcome: community resolution. Offence inside a NWD hub.',
    );
    expect(entries[2].summary).toMatch(/risk graded medium.*Found after 12 hours/);
  });

  it('shows intelligence by grade only, never its text', () => {
    expect(entries[3].summary).toBe('Intelligence item graded 2/B/C (3x5x2) recorded.');
    expect(JSON.stringify(entries)).not.toMatch(/SECRET|SANITISED/);
  });

  it('is empty for a record with no events', () => {
    expect(policeChronology(empty, showsAll)).toEqual([]);
  });

  it("leaves an arrest's outcome out of the summary when the viewer may not see it, and asks about that arrest", () => {
    const asked: [string, object][] = [];
    const partner = policeChronology(history, (field, item) => {
      asked.push([field, item]);
      return false;
    });
    expect(asked).toEqual([['Arrest.outcome', arrest]]);
    expect(partner.find((l) => l.entry.kind === 'Arrest')!.entry.summary).toBe(
      'Arrested: theft and handling (YJS gravity 2). Offence inside a NWD hub.',
    );
    expect(JSON.stringify(partner)).not.toMatch(/community resolution/);
  });

  it("names the record each entry is about, so the young person's wishes on it apply to the entry", () => {
    const hidden = policeChronology(
      {
        ...history,
        missingEpisodes: [
          { episode: Object.assign(new MissingEpisode(), episode, { notSharedWith: ['EDUCATION'] }), interview: lateOffer },
        ],
      },
      showsAll,
    );
    const wishes = hidden.map(({ entry, record }) => [entry.kind, (record as { notSharedWith?: string[] | null }).notSharedWith ?? null]);
    expect(wishes).toEqual([
      ['Return home interview offered', ['EDUCATION']],
      ['Arrest', null],
      ['Missing episode', ['EDUCATION']],
      ['Intelligence recorded', null],
    ]);
  });

  it('never writes names or where a place is into a summary', () => {
    const named = policeChronology(
      {
        ...empty,
        associates: [{ name: 'NAME-OF-ASSOCIATE', relationship: 'PEER', knownFrom: '2026-01-01', knownTo: null } as never],
        locationsOfConcern: [
          { description: 'PLACE-DESCRIPTION', kind: 'TRANSPORT_HUB', concernFrom: '2026-01-02', concernTo: null } as never,
        ],
      },
      showsAll,
    );
    expect(named.map((l) => l.entry.summary)).toEqual([
      'A location of concern (transport hub) recorded for the missing plan.',
      'An associate (peer) recorded for the missing plan.',
    ]);
  });
});
