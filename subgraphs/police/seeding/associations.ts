import { Associate, LocationOfConcern } from '../entities';
import { AssociateRelationship, LocationOfConcernKind } from '../enums';
import { addDays } from '../../../kit/subgraph/dates';
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, inventedSurname } from '../../../kit/dev/synthetic/names';
import { dateIn, synthetic, type Scene } from './scene';

const RELATIONSHIPS: [AssociateRelationship, number][] = [
  [AssociateRelationship.PEER, 45],
  [AssociateRelationship.ADULT_OF_CONCERN, 25],
  [AssociateRelationship.FAMILY_MEMBER, 15],
  [AssociateRelationship.PARTNER, 15],
];
const PLACES: [LocationOfConcernKind, string][] = [
  [LocationOfConcernKind.PUBLIC_SPACE, 'An underpass next to a retail park'],
  [LocationOfConcernKind.PUBLIC_SPACE, 'A park close to the placement'],
  [LocationOfConcernKind.COMMERCIAL_PREMISES, 'A takeaway on a town-centre parade'],
  [LocationOfConcernKind.ADDRESS, 'A flat in a block on the edge of town'],
  [LocationOfConcernKind.TRANSPORT_HUB, 'The bus station'],
  [LocationOfConcernKind.OUT_OF_AREA, 'An address in another force area linked to a county line'],
];

/** An invented name from the kit's lists: common given names, surnames that belong to nobody. */
function inventedName(scene: Scene): string {
  const { r } = scene;
  const given = r.pick(r.chance(0.5) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
  return `${given} ${inventedSurname(r.int(0, 999), r.int(0, 999))}`;
}

/** The end of an association or concern: about a third have ended by the time the data is taken. */
function endedOn(scene: Scene, from: string): string | null {
  const to = scene.r.chance(0.35) ? addDays(from, scene.r.int(14, 300)) : null;
  return to && to <= scene.to ? to : null;
}

export function seedAssociates(scene: Scene): void {
  const { r, person } = scene;
  const count = person.nwd ? r.int(0, 4) : r.int(0, 1);
  for (let i = 0; i < count; i++) {
    const knownFrom = dateIn(r, scene.from, scene.to);
    scene.em.create(Associate, {
      nominal: scene.nominal,
      name: inventedName(scene),
      relationship: r.weighted(RELATIONSHIPS),
      knownFrom,
      knownTo: endedOn(scene, knownFrom),
    });
  }
}

export function seedLocationsOfConcern(scene: Scene): void {
  const { r, person } = scene;
  const count = person.nwd ? r.int(0, 3) : r.int(0, 1);
  for (let i = 0; i < count; i++) {
    const [kind, description] = r.pick(PLACES);
    const concernFrom = dateIn(r, scene.from, scene.to);
    scene.em.create(LocationOfConcern, {
      nominal: scene.nominal,
      kind,
      description: synthetic(description),
      concernFrom,
      concernTo: endedOn(scene, concernFrom),
    });
  }
}
