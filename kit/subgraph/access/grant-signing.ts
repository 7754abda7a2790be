import DataLoader from 'dataloader';
import type { ReceivingAgency } from '../../shared/agencies';
import { GRANT_MAX_PEOPLE, type AccessGrant, type GrantedPerson } from './access-grant';
import { PurposeKind } from './purpose';

type Sign = (grant: AccessGrant) => Promise<string>;

/**
 * Splits the young people asked for at once into grants: at most GRANT_MAX_PEOPLE each, and each
 * identifier once in a grant (two young people social care links to one identifier, or none, may be
 * there under different purposes), so the agency finds exactly one purpose for what it received. A
 * break-glass justification is the user's own words about one young person: it travels alone, so it
 * reaches the agency only with that young person's representation.
 */
export function grantGroups(people: readonly GrantedPerson[]): number[][] {
  const groups: { members: number[]; identifiers: Set<string | null>; alone: boolean }[] = [];
  people.forEach((person, i) => {
    const alone = person.purpose.kind === PurposeKind.BREAK_GLASS;
    let group = alone
      ? undefined
      : groups.find((g) => !g.alone && g.members.length < GRANT_MAX_PEOPLE && !g.identifiers.has(person.identifier));
    if (!group) groups.push((group = { members: [], identifiers: new Set(), alone }));
    group.members.push(i);
    group.identifiers.add(person.identifier);
  });
  return groups.map((g) => g.members);
}

/**
 * Per request, the lead agency's grants for the young people each receiving agency is asked about:
 * those asked for together (a caseload page's grant fields resolve together) share grants of up to
 * GRANT_MAX_PEOPLE, so a page of 50 costs each agency five signature checks rather than 50.
 */
export function grantSigning(sign: Sign, request: { viewerId: string; requestId: string }) {
  const signTogether = (agency: ReceivingAgency) => async (people: readonly GrantedPerson[]) => {
    const tokens: string[] = [];
    await Promise.all(
      grantGroups(people).map(async (group) => {
        const token = await sign({ ...request, audience: agency.name, people: group.map((i) => people[i]) });
        for (const i of group) tokens[i] = token;
      }),
    );
    return tokens;
  };
  const byAgency = new Map<string, DataLoader<GrantedPerson, string, string>>();
  return (agency: ReceivingAgency, person: GrantedPerson): Promise<string> => {
    let batch = byAgency.get(agency.name);
    if (!batch) {
      batch = new DataLoader(signTogether(agency), { cacheKeyFn: (p) => JSON.stringify([p.identifier, p.purpose]) });
      byAgency.set(agency.name, batch);
    }
    return batch.load(person);
  };
}
