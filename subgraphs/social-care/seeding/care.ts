import { addDays, ageOn, daysBetween, type LocalDate } from '../../../kit/subgraph/dates';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import type { Random } from '../../../kit/dev/synthetic/random';
import { LegalStatusEpisode, PlacementEpisode } from '../entities/episodes';
import type { YoungPerson } from '../entities/young-person';
import { DistanceBand, LegalStatus, PlacementChangeReason, PlacementType } from '../enums';
import type { SeedingSession } from '../../../kit/dev/synthetic/seeding-session';

/**
 * A looked-after child's legal statuses and placements, within what the law allows (DOMAIN.md,
 * "Plausibility rules"): short orders end, placements suit the child's age, and Middlesbrough's
 * placements are either in the town (so within 20 miles) or outside it.
 */

type Stage = { status: LegalStatus; days: [number, number] | null };

// Each route into care, as the legal statuses it passes through; the last one stays open.
// Days are how long each lasts: EPO up to 8 days (a few extended by up to 7, Children Act 1989 s45),
// police protection up to 72 hours, a PACE transfer hours, remand weeks to months, an interim care
// order until proceedings end (normally within 26 weeks, occasionally longer).
const ICO: Stage = { status: LegalStatus.C1, days: [56, 182] };
const LONG_ICO: Stage = { status: LegalStatus.C1, days: [183, 330] };
const REMAND: Stage = { status: LegalStatus.J1, days: [14, 180] };
const PACE: Stage = { status: LegalStatus.J2, days: [1, 1] };
const ROUTES: [(young: boolean, older: boolean, r: Random) => Stage[], number][] = [
  [(_y, _o, r) => [r.chance(0.85) ? ICO : LONG_ICO, { status: LegalStatus.C2, days: null }], 40],
  [(young) => [ICO, { status: young ? LegalStatus.E1 : LegalStatus.C2, days: null }], 6],
  [(_y, _o, r) => [{ status: LegalStatus.L2, days: r.chance(0.8) ? [1, 8] : [9, 15] }, ICO, { status: LegalStatus.C2, days: null }], 4],
  [
    () => [
      { status: LegalStatus.L1, days: [1, 3] },
      { status: LegalStatus.V2, days: null },
    ],
    4,
  ],
  [() => [{ status: LegalStatus.V2, days: null }], 32],
  [() => [{ status: LegalStatus.V2, days: [60, 400] }, ICO, { status: LegalStatus.C2, days: null }], 8],
  [(_y, older) => [...(older ? [REMAND] : []), { status: LegalStatus.V2, days: null }], 3],
  [(_y, older) => [...(older ? [PACE] : []), { status: LegalStatus.V2, days: null }], 1],
  [() => [{ status: LegalStatus.C2, days: null }], 2],
];

export function seedLegalStatuses(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random, asOf: LocalDate): void {
  const age = ageOn(p.dateOfBirth, p.statusSince);
  // Remand and PACE transfers apply from the age of criminal responsibility (10).
  const stages = r.weighted(ROUTES)(age < 5, age >= 10, r);
  let start = p.statusSince;
  for (const stage of stages) {
    const end = stage.days ? addDays(start, r.int(...stage.days) - 1) : null;
    const over = end !== null && end < asOf;
    em.create(LegalStatusEpisode, { youngPerson: yp, legalStatus: stage.status, startDate: start, endDate: over ? end : null });
    if (!over) return;
    start = addDays(end, 1);
  }
}

// 001:232-258: foster incl. kinship 73% (connected carers 30%), placed with parents ~12%.
const PLACEMENTS: [PlacementType, number][] = [
  [PlacementType.U4, 18],
  [PlacementType.U6, 25],
  [PlacementType.U1, 12],
  [PlacementType.U3, 18],
  [PlacementType.P1, 12],
  [PlacementType.K2, 7],
  [PlacementType.H5, 4],
  [PlacementType.R1, 2],
  [PlacementType.S1, 1],
  [PlacementType.Z1, 1],
];
/** Residential care, whose days NWD reduces (North Yorkshire: 131 days to 72, 002:919). */
export const RESIDENTIAL: ReadonlySet<PlacementType> = new Set([PlacementType.K2, PlacementType.R1]);
/** Semi-independent and independent living: unlawful under 16 since September 2021. */
const SIXTEEN_PLUS: ReadonlySet<PlacementType> = new Set([PlacementType.H5, PlacementType.P2, PlacementType.SUPPORTED_LODGINGS]);
/** Children's homes and residential schools are (very rarely) for under-5s: none here. */
const FIVE_PLUS: ReadonlySet<PlacementType> = new Set([PlacementType.K2, PlacementType.R1, PlacementType.S1]);

/** The placement types open to a child of this age; before NWD referral residential care is far commoner. */
export function placementTypes(age: number, beforeNwd: boolean): [PlacementType, number][] {
  return PLACEMENTS.filter(([type]) => (age >= 16 || !SIXTEEN_PLUS.has(type)) && (age >= 5 || !FIVE_PLUS.has(type))).map(
    ([type, weight]) => [type, beforeNwd && RESIDENTIAL.has(type) ? weight * 5 : weight],
  );
}

// Invented providers, named for the kind of placement they offer.
const PROVIDER: Record<PlacementType, string> = {
  U1: 'Example Kinship Carers',
  U2: 'Example Kinship Carers',
  U3: 'Example Kinship Carers',
  U4: 'Synthetic Foster Household',
  U5: 'Synthetic Foster Household',
  U6: 'Synthetic Foster Household',
  K1: "Test Lane Secure Children's Home",
  K2: "Test Lane Children's Home",
  R1: 'Specimen Road Residential Care Home',
  R5: 'Sample Young Offender Institution',
  H5: 'Sample Court Semi-Independent',
  P1: 'Home of parent (synthetic)',
  P2: 'Sample Court Independent Flat',
  S1: 'Mock Hall Residential School',
  Z1: 'Other arrangement (synthetic)',
  NWD_HUB_BED: 'Placeholder House Hub',
  NWD_HUB_COMMUNITY_FAMILY: 'Placeholder House Hub Community Family',
  SUPPORTED_LODGINGS: 'Sample Court Supported Lodgings',
};

const CHANGE_REASONS: [PlacementChangeReason, number][] = [
  [PlacementChangeReason.CARPL, 35],
  [PlacementChangeReason.CREQB, 15],
  [PlacementChangeReason.CREQO, 10],
  [PlacementChangeReason.CHILD, 10],
  [PlacementChangeReason.LAREQ, 8],
  [PlacementChangeReason.CLOSE, 5],
  [PlacementChangeReason.STAND, 4],
  [PlacementChangeReason.ALLEG, 3],
  [PlacementChangeReason.PLACE, 5],
  [PlacementChangeReason.OTHER, 5],
];

/**
 * Placements from entering care to today: a third begin with a short emergency placement, then long
 * ones; a few children (more on the NWD caseload) go through a run of short placements in the last
 * year or so, which gives Middlesbrough's 7.4 % with 3+ moves in 12 months (000:280-282). For an NWD
 * young person a residential placement ends within weeks of referral, as the hub finds a family.
 */
export function seedPlacements(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random, asOf: LocalDate): void {
  const referredOn = p.nwdJourney?.referredOn ?? null;
  const unstableFrom = r.chance(p.nwd ? 0.2 : 0.055) ? addDays(asOf, -r.int(300, 420)) : null;
  let start = p.statusSince;
  for (let n = 0; start <= asOf; n++) {
    const age = ageOn(p.dateOfBirth, start);
    const beforeNwd = referredOn !== null && start < referredOn;
    const hub = referredOn !== null && !beforeNwd && age >= 12 && r.chance(0.15);
    const type = hub ? PlacementType.NWD_HUB_BED : r.weighted(placementTypes(age, beforeNwd));
    const unstable = unstableFrom !== null && start >= unstableFrom;
    let days = unstable ? r.int(25, 100) : n === 0 && r.chance(0.35) ? r.int(7, 60) : r.int(300, 1500);
    if (beforeNwd && RESIDENTIAL.has(type) && daysBetween(start, referredOn) < days) {
      days = daysBetween(start, referredOn) + r.int(14, 90);
    }
    // A run of breakdowns begins by ending the placement the child was in.
    if (unstableFrom && start < unstableFrom && daysBetween(start, unstableFrom) < days) days = daysBetween(start, unstableFrom);
    const end = addDays(start, days - 1);
    const over = end < asOf;
    // Middlesbrough is about 54 km²: a placement in the town is within 20 miles (001:541: 51% outside, 82% within 20 miles).
    const inside = r.chance(0.49);
    em.create(PlacementEpisode, {
      youngPerson: yp,
      placementType: type,
      provider: `${PROVIDER[type]} ${r.int(1, 99)}`,
      startDate: start,
      endDate: over ? end : null,
      reasonForChange: over ? r.weighted(CHANGE_REASONS) : null,
      distance: inside || r.chance(33 / 51) ? DistanceBand.WITHIN_20_MILES : DistanceBand.BEYOND_20_MILES,
      insideLocalAuthority: inside,
      fragile: r.chance(p.nwd ? 0.3 : 0.05),
    });
    if (!over) return;
    start = addDays(end, 1);
  }
}
