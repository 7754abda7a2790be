import { ageOn, daysBetween } from '../../kit/subgraph/dates';
import { placementMovesInLast12Months } from '../../subgraphs/social-care/rules/episodes';
import { LegalStatusEpisode, PlacementEpisode } from '../../subgraphs/social-care/entities/episodes';
import { DistanceBand, LegalStatus, PlacementType } from '../../subgraphs/social-care/enums';
import { optionsFor, percent, rowsOf, seededPopulation, SIZES } from './support';

/**
 * Looked-after children's legal statuses and placements keep to the law and to Middlesbrough's figures
 * (DOMAIN.md "Plausibility rules" and §6): the expectations come from there, with tolerances.
 */

interface Episode {
  startDate: string;
  endDate?: string | null;
}

interface Census {
  asOf: string;
  lookedAfter: number;
  legal: { status: LegalStatus; days: number; open: boolean }[];
  /** Looked-after children whose legal statuses do not run day after day from entering care, with one open. */
  brokenLegalChains: string[];
  brokenPlacementChains: string[];
  placements: { type: PlacementType; ageAtStart: number; inside: boolean; distance: DistanceBand; provider: string }[];
  /** Looked-after children with 3 or more placement moves in the last 12 months. */
  threePlusMoves: number;
}

/** Runs day after day from `from`, without gaps or overlaps, the last one open. */
function contiguous(episodes: Episode[], from: string): boolean {
  const sorted = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (sorted.length === 0 || sorted[0].startDate !== from) return false;
  return sorted.every((e, i) =>
    i === sorted.length - 1 ? !e.endDate : !!e.endDate && daysBetween(e.endDate, sorted[i + 1].startDate) === 1 && e.endDate >= e.startDate,
  );
}

function census(size: number): Census {
  const options = optionsFor(size);
  const c: Census = {
    asOf: options.asOf,
    lookedAfter: 0,
    legal: [],
    brokenLegalChains: [],
    brokenPlacementChains: [],
    placements: [],
    threePlusMoves: 0,
  };
  for (const { person, socialCare } of seededPopulation(options, ['socialCare'])) {
    if (person.status !== 'LOOKED_AFTER') continue;
    c.lookedAfter++;
    const legal = rowsOf(socialCare, LegalStatusEpisode);
    const placements = rowsOf(socialCare, PlacementEpisode);
    if (!contiguous(legal, person.statusSince)) c.brokenLegalChains.push(person.id);
    if (!contiguous(placements, person.statusSince)) c.brokenPlacementChains.push(person.id);
    for (const e of legal) {
      c.legal.push({ status: e.legalStatus, days: daysBetween(e.startDate, e.endDate ?? options.asOf) + 1, open: !e.endDate });
    }
    for (const e of placements) {
      c.placements.push({
        type: e.placementType,
        ageAtStart: ageOn(person.dateOfBirth, e.startDate),
        inside: e.insideLocalAuthority,
        distance: e.distance,
        provider: e.provider,
      });
    }
    // Counted as YoungPerson.placementMovesInLast12Months counts them (each placement in the 12 months after the first).
    if (placementMovesInLast12Months(placements, options.asOf) >= 3) c.threePlusMoves++;
  }
  return c;
}

const longest = (c: Census, status: LegalStatus) => Math.max(0, ...c.legal.filter((e) => e.status === status).map((e) => e.days));

describe.each(SIZES)('looked-after children of a population of %i', (size) => {
  let c: Census;
  beforeAll(() => {
    c = census(size);
  });

  it('has looked-after children to check', () => {
    expect(c.lookedAfter).toBeGreaterThan(size * 0.7);
  });

  it('gives every looked-after child legal statuses and placements running day after day from entering care, the last one open', () => {
    expect(c.brokenLegalChains).toEqual([]);
    expect(c.brokenPlacementChains).toEqual([]);
  });

  it('ends an emergency protection order (L2) within 8 days plus one 7-day extension (Children Act 1989 s45)', () => {
    expect(c.legal.some((e) => e.status === LegalStatus.L2)).toBe(true);
    expect(longest(c, LegalStatus.L2)).toBeLessThanOrEqual(15);
  });

  it('ends police protection (L1) within 72 hours and a PACE transfer (J2) within hours', () => {
    expect(longest(c, LegalStatus.L1)).toBeLessThanOrEqual(3);
    expect(longest(c, LegalStatus.J2)).toBeLessThanOrEqual(1);
  });

  it('ends interim care orders (C1) with proceedings: normally within 26 weeks, none after a year', () => {
    const ended = c.legal.filter((e) => e.status === LegalStatus.C1 && !e.open);
    expect(ended.length).toBeGreaterThan(size * 0.05);
    expect(longest(c, LegalStatus.C1)).toBeLessThanOrEqual(365);
    const within26Weeks = ended.filter((e) => e.days <= 26 * 7).length;
    expect(percent(within26Weeks, ended.length)).toBeGreaterThanOrEqual(75);
  });

  it('ends remand (J1) within months, not years', () => {
    expect(longest(c, LegalStatus.J1)).toBeLessThanOrEqual(365);
  });

  it('places no child under 16 in semi-independent or independent accommodation (unlawful since September 2021)', () => {
    const sixteenPlus = new Set([PlacementType.H5, PlacementType.P2, PlacementType.SUPPORTED_LODGINGS]);
    expect(c.placements.filter((p) => sixteenPlus.has(p.type) && p.ageAtStart < 16)).toEqual([]);
  });

  it("places under-5s in children's homes very rarely (at most 0.5 % of children's home placements)", () => {
    const homes = c.placements.filter((p) => p.type === PlacementType.K2);
    expect(homes.length).toBeGreaterThan(0);
    expect(percent(homes.filter((p) => p.ageAtStart < 5).length, homes.length)).toBeLessThanOrEqual(0.5);
  });

  it('never places a child both inside Middlesbrough (about 54 km²) and more than 20 miles away', () => {
    expect(c.placements.filter((p) => p.inside && p.distance === DistanceBand.BEYOND_20_MILES)).toEqual([]);
  });

  it('places about half outside the town but about 82 % within 20 miles (001:232-258, 001:541)', () => {
    const n = c.placements.length;
    expect(percent(c.placements.filter((p) => !p.inside).length, n)).toBeGreaterThanOrEqual(size < 1000 ? 42 : 46);
    expect(percent(c.placements.filter((p) => !p.inside).length, n)).toBeLessThanOrEqual(size < 1000 ? 60 : 56);
    const within = percent(c.placements.filter((p) => p.distance === DistanceBand.WITHIN_20_MILES).length, n);
    expect(within).toBeGreaterThanOrEqual(size < 1000 ? 75 : 78);
    expect(within).toBeLessThanOrEqual(size < 1000 ? 89 : 86);
  });

  it('names each provider for the kind of placement it offers', () => {
    const kinds: [RegExp, PlacementType[]][] = [
      [/Children's Home/, [PlacementType.K1, PlacementType.K2]],
      [/Residential Care Home/, [PlacementType.R1]],
      [/Foster/, [PlacementType.U4, PlacementType.U5, PlacementType.U6]],
      [/Kinship/, [PlacementType.U1, PlacementType.U2, PlacementType.U3]],
      [/Semi-Independent/, [PlacementType.H5]],
      [/Hub/, [PlacementType.NWD_HUB_BED, PlacementType.NWD_HUB_COMMUNITY_FAMILY]],
      [/parent/i, [PlacementType.P1]],
      [/Residential School/, [PlacementType.S1]],
    ];
    const wrong = c.placements.filter((p) => kinds.some(([name, types]) => name.test(p.provider) !== types.includes(p.type)));
    expect(wrong.map((p) => `${p.type} | ${p.provider}`).slice(0, 5)).toEqual([]);
  });

  it('has 3 or more placement moves in 12 months for about 7.4 % of looked-after children (000:280-282)', () => {
    const share = percent(c.threePlusMoves, c.lookedAfter);
    expect(share).toBeGreaterThanOrEqual(4);
    expect(share).toBeLessThanOrEqual(11);
  });
});
