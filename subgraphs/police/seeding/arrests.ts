import { addMonths } from '../../../kit/subgraph/dates';
import { Arrest } from '../entities';
import { ArrestOutcome, OffenceCategory } from '../enums';
import { checkGravityScore } from '../rules/gravity';
import { dateIn, synthetic, youngPersonsWish, type Scene } from './scene';

const ARRESTS_NWD: [number, number][] = [
  [0, 30],
  [1, 25],
  [2, 20],
  [3, 12],
  [4, 8],
  [6, 5],
];
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
// About half of NWD arrests lead to a charge (002:1126: 47-55%).
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
const INTERIM = new Set([ArrestOutcome.RELEASED_UNDER_INVESTIGATION, ArrestOutcome.BAILED]);

export function seedArrests(scene: Scene): void {
  const { r, person } = scene;
  const count = r.weighted(person.nwd ? ARRESTS_NWD : ARRESTS_OTHERS);
  const settledBefore = addMonths(scene.to, -9);
  for (let i = 0; i < count; i++) {
    const arrestedOn = dateIn(r, scene.from, scene.to);
    const offence = r.weighted(OFFENCES);
    let outcome = r.weighted(OUTCOMES);
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
