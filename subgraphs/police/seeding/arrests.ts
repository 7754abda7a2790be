import { addDays, addMonths, type LocalDate } from '../../../kit/subgraph/dates';
import { earlierOf, eventDays, laterOf } from '../../../kit/dev/synthetic/events';
import { Arrest } from '../entities';
import { ArrestOutcome, OffenceCategory } from '../enums';
import { checkGravityScore } from '../rules/gravity';
import { dateIn, synthetic, youngPersonsWish, type Scene } from './scene';

/**
 * How often an NWD young person is arrested, per six months, before referral (North Yorkshire: 35 % of
 * the first cohort arrested in the six months before NWD, 17 % in its first six months, 002:1112); NWD
 * support roughly halves it.
 */
const NWD_ARRESTS_BEFORE: [[number, number], number][] = [
  [[0, 0], 45],
  [[0.5, 1.5], 35],
  [[1.5, 3], 20],
];
export const NWD_ARREST_FALL = 0.5;
/** The history before referral the police hold arrests over. */
const BEFORE_MONTHS = 18;
const ARRESTS_OTHERS: [number, number][] = [
  [0, 55],
  [1, 30],
  [2, 15],
];

/** Offence mix and gravity ranges chosen so the average gravity is about 3.2, as in 002:1138. */
const OFFENCES: [{ category: OffenceCategory; gravity: [number, number]; charge: string }, number][] = [
  [{ category: OffenceCategory.VIOLENCE_AGAINST_THE_PERSON, gravity: [3, 5], charge: 'Assault by beating' }, 25],
  [{ category: OffenceCategory.THEFT_AND_HANDLING, gravity: [2, 3], charge: 'Theft from a shop' }, 20],
  [{ category: OffenceCategory.CRIMINAL_DAMAGE, gravity: [2, 4], charge: 'Criminal damage to property' }, 15],
  [{ category: OffenceCategory.PUBLIC_ORDER, gravity: [1, 3], charge: 'Using threatening words or behaviour' }, 10],
  [{ category: OffenceCategory.DRUGS, gravity: [2, 5], charge: 'Possession of a controlled drug' }, 8],
  [{ category: OffenceCategory.BURGLARY, gravity: [4, 5], charge: 'Burglary of a non-dwelling' }, 6],
  [{ category: OffenceCategory.ROBBERY, gravity: [5, 6], charge: 'Robbery' }, 5],
  [{ category: OffenceCategory.POSSESSION_OF_WEAPONS, gravity: [4, 5], charge: 'Possession of a bladed article in a public place' }, 5],
  [{ category: OffenceCategory.SEXUAL_OFFENCES, gravity: [5, 7], charge: 'Sexual assault' }, 1],
  [{ category: OffenceCategory.OTHER, gravity: [1, 3], charge: 'Breach of a statutory order' }, 5],
];
// About half of NWD arrests lead to a charge (002:1126: 47-55%), down from 82 % before NWD: before
// referral a charge is far likelier.
const OUTCOMES: [ArrestOutcome, number][] = [
  [ArrestOutcome.CHARGED, 45],
  [ArrestOutcome.YOUTH_CONDITIONAL_CAUTION, 6],
  [ArrestOutcome.YOUTH_CAUTION, 6],
  [ArrestOutcome.COMMUNITY_RESOLUTION, 12],
  [ArrestOutcome.OUTCOME_22, 8],
  [ArrestOutcome.NO_FURTHER_ACTION, 13],
  [ArrestOutcome.RELEASED_UNDER_INVESTIGATION, 7],
  [ArrestOutcome.BAILED, 3],
];
const OUTCOMES_BEFORE_NWD: [ArrestOutcome, number][] = OUTCOMES.map(([o, w]) => [o, o === ArrestOutcome.CHARGED ? 4 * w : w]);
const INTERIM = new Set([ArrestOutcome.RELEASED_UNDER_INVESTIGATION, ArrestOutcome.BAILED]);

/** Arrest dates: for an NWD young person at a rate that falls after the shared referral date. */
function arrestDays(scene: Scene): LocalDate[] {
  const { r, person } = scene;
  const referredOn = person.nwdJourney?.referredOn;
  if (!referredOn) return Array.from({ length: r.weighted(ARRESTS_OTHERS) }, () => dateIn(r, scene.from, scene.to));
  const [lo, hi] = r.weighted(NWD_ARRESTS_BEFORE);
  const rate = lo + (hi - lo) * r.next();
  const from = laterOf(scene.from, addMonths(referredOn, -BEFORE_MONTHS));
  return [
    ...eventDays(r, from, earlierOf(addDays(referredOn, -1), scene.to), rate),
    ...eventDays(r, laterOf(referredOn, scene.from), scene.to, rate * NWD_ARREST_FALL),
  ];
}

export function seedArrests(scene: Scene): void {
  const { r, person } = scene;
  const settledBefore = addMonths(scene.to, -9);
  for (const arrestedOn of arrestDays(scene)) {
    const offence = r.weighted(OFFENCES);
    const beforeNwd = person.nwdJourney !== null && arrestedOn < person.nwdJourney.referredOn;
    let outcome = r.weighted(beforeNwd ? OUTCOMES_BEFORE_NWD : OUTCOMES);
    // Investigations this old have concluded one way or another.
    if (INTERIM.has(outcome) && arrestedOn < settledBefore) outcome = ArrestOutcome.NO_FURTHER_ACTION;
    scene.em.create(Arrest, {
      nominal: scene.nominal,
      arrestedOn,
      offenceCategory: offence.category,
      gravityScore: checkGravityScore(r.int(...offence.gravity)),
      charge: outcome === ArrestOutcome.CHARGED ? synthetic(offence.charge) : null,
      outcome,
      offenceInNwdHub: person.nwd && r.chance(0.15),
      notSharedWith: youngPersonsWish(scene),
    });
  }
}
