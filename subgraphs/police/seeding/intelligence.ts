import { addDays, daysBetween } from '../../../kit/subgraph/dates';
import { IntelligenceItem } from '../entities';
import { HandlingCode, IntelligenceAssessment, IntelligenceGradingScheme, SourceEvaluation } from '../enums';
import { dateIn, instantOn, synthetic, type Scene } from './scene';

/** Invented intelligence: the full text names how the source knows; the sanitised text does not. */
const TEXTS: { full: string; sanitised: string }[] = [
  {
    full: 'A neighbour living opposite the placement saw the subject get into a grey hatchback with two older males at about midnight.',
    sanitised: 'The subject was reported getting into a car with two older males late at night.',
  },
  {
    full: 'A staff member at a takeaway on the parade says the subject collects packages there for an older male known as "the uncle".',
    sanitised: 'The subject is reported to collect packages for an older male at commercial premises.',
  },
  {
    full: "A pupil at the subject's school told a teacher the subject has a second phone used for a deal line.",
    sanitised: 'The subject is reported to have a second phone possibly linked to drug supply.',
  },
  {
    full: 'A relative reports the subject stayed two nights at a flat in another town where adults were using drugs.',
    sanitised: 'The subject is reported to have stayed at an address of concern in another area where adults were using drugs.',
  },
  {
    full: 'An anonymous caller who lives nearby reports the subject being given alcohol by adults in the park after dark.',
    sanitised: 'The subject is reported to have been given alcohol by adults in a public space.',
  },
  {
    full: 'A taxi driver reports taking the subject and a peer to the railway station with cash provided by an unknown adult.',
    sanitised: 'The subject and a peer are reported to have travelled out of the area paid for by an unknown adult.',
  },
];
const CONDITIONS = [
  'Not to be disclosed to the subject or their family; refer to the originating analyst before any onward sharing.',
  'For safeguarding planning only; not to be recorded on partner case files verbatim.',
];
const SOURCE: [SourceEvaluation, number][] = [
  [SourceEvaluation.RELIABLE, 30],
  [SourceEvaluation.UNTESTED, 55],
  [SourceEvaluation.NOT_RELIABLE, 15],
];
const ASSESSMENT: [IntelligenceAssessment, number][] = [
  [IntelligenceAssessment.A, 20],
  [IntelligenceAssessment.B, 35],
  [IntelligenceAssessment.C, 30],
  [IntelligenceAssessment.D, 12],
  [IntelligenceAssessment.E, 3],
];
const LEGACY_SOURCE: [string, number][] = [
  ['A', 10],
  ['B', 35],
  ['C', 30],
  ['D', 10],
  ['E', 15],
];
const LEGACY_EVALUATION: [string, number][] = [
  ['1', 10],
  ['2', 30],
  ['3', 35],
  ['4', 20],
  ['5', 5],
];
const LEGACY_HANDLING: [string, number][] = [
  ['1', 40],
  ['2', 30],
  ['3', 5],
  ['4', 20],
  ['5', 5],
];
const LEGACY_SHARE = 0.07;

export function seedIntelligence(scene: Scene): void {
  const { r, person } = scene;
  const count = person.nwd ? r.int(2, 9) : r.int(0, 3);
  // Legacy items come from the oldest quarter of the record.
  const legacyTo = addDays(scene.from, Math.floor(daysBetween(scene.from, scene.to) / 4));
  for (let i = 0; i < count; i++) {
    const legacy = r.chance(LEGACY_SHARE);
    const text = r.pick(TEXTS);
    const common = {
      nominal: scene.nominal,
      recordedAt: instantOn(r, dateIn(r, scene.from, legacy ? legacyTo : scene.to)),
      fullText: synthetic(text.full),
      sanitisedText: synthetic(text.sanitised),
    };
    scene.em.create(IntelligenceItem, legacy ? { ...common, ...legacyGrades(scene) } : { ...common, ...grades(scene) });
  }
}

function grades({ r }: Scene) {
  const handlingCode = r.chance(0.85) ? HandlingCode.P : HandlingCode.C;
  const conditional = handlingCode === HandlingCode.C;
  return {
    gradingScheme: IntelligenceGradingScheme.THREE_BY_FIVE_BY_TWO,
    sourceEvaluation: r.weighted(SOURCE),
    intelligenceAssessment: r.weighted(ASSESSMENT),
    handlingCode,
    handlingConditions: conditional ? r.pick(CONDITIONS) : null,
    markedForSharing: r.chance(conditional ? 0.25 : 0.6),
  };
}

function legacyGrades({ r }: Scene) {
  return {
    gradingScheme: IntelligenceGradingScheme.FIVE_BY_FIVE_BY_FIVE,
    legacySourceEvaluation: r.weighted(LEGACY_SOURCE),
    legacyIntelligenceEvaluation: r.weighted(LEGACY_EVALUATION),
    legacyHandlingCode: r.weighted(LEGACY_HANDLING),
    markedForSharing: r.chance(0.3),
  };
}
