import { GRANT_MAX_PEOPLE, type GrantedPerson } from '../../kit/subgraph/access/access-grant';
import { grantGroups, grantSigning } from '../../kit/subgraph/access/grant-signing';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { syntheticNhsNumber } from '../../kit/dev/synthetic/population';

const person = (identifier: string | null, kind = PurposeKind.STATUTORY_ROLE): GrantedPerson => ({ identifier, purpose: { kind } });
const nhs = syntheticNhsNumber;

/**
 * A list's young people share grants (docs/partner-contract.md section 4): at most 10 to a grant, so
 * what the gateway repeats with every representation stays small, and each identifier once in a grant,
 * so the agency finds exactly one purpose for the identifier it received.
 */
describe("grouping a list's young people into grants", () => {
  it('puts a page of 25 into grants of 10, 10 and 5, in order', () => {
    const groups = grantGroups(Array.from({ length: 25 }, (_, i) => person(nhs(i))));
    expect(GRANT_MAX_PEOPLE).toBe(10);
    expect(groups.map((g) => g.length)).toEqual([10, 10, 5]);
    expect(groups.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('never names one identifier twice in a grant: young people with none linked, or linked to one, go to separate grants', () => {
    const people = [person(null), person(nhs(1)), person(null, PurposeKind.ALLOCATION), person(nhs(1), PurposeKind.AUDIT), person(nhs(2))];
    const groups = grantGroups(people);
    expect(groups).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it("gives a break-glass young person a grant of their own: the user's words travel only with that young person", () => {
    const reason = { kind: PurposeKind.BREAK_GLASS, reason: 'Reported missing tonight; checking for any recent contact' };
    const people = [person(nhs(1)), { identifier: nhs(2), purpose: reason }, person(nhs(3)), { identifier: nhs(4), purpose: reason }];
    expect(grantGroups(people)).toEqual([[0, 2], [1], [3]]);
  });

  it('signs one grant per agency for the young people asked for together, and another for those asked for later', async () => {
    const signed: { audience: string; people: GrantedPerson[] }[] = [];
    const sign = grantSigning(
      (grant) => {
        signed.push({ audience: grant.audience, people: grant.people! });
        return Promise.resolve(`token-${signed.length}`);
      },
      { viewerId: 'vsh.alderley', requestId: 'req-1' },
    );
    const [health, education] = RECEIVING_AGENCIES;
    const first = await Promise.all([sign(health, person(nhs(1))), sign(health, person(nhs(2))), sign(education, person(null))]);
    expect(first).toEqual(['token-1', 'token-1', 'token-2']);
    expect(signed.map((s) => [s.audience, s.people.length])).toEqual([
      [health.name, 2],
      [education.name, 1],
    ]);
    // Asked again in the same request: the same grant, nothing signed.
    expect(await sign(health, person(nhs(2)))).toBe('token-1');
    expect(await sign(health, person(nhs(3)))).toBe('token-3');
  });
});
