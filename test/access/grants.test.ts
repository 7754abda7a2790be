import { getNamedType, isAbstractType, isLeafType, isNonNullType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { PERSONA_LIST, type Persona } from '../../kit/dev/personas';
import {
  generatePerson,
  syntheticNhsNumber,
  syntheticPncId,
  syntheticUpn,
  type PopulationOptions,
  type SyntheticYoungPerson,
} from '../../kit/dev/synthetic/population';
import { RECEIVING_AGENCIES, type IdentifierScheme, type ReceivingAgency } from '../../kit/shared/agencies';
import { formatNhsNumber } from '../../kit/shared/identifiers';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { createGrantSigner, type GrantedPerson } from '../../kit/subgraph/access/access-grant';
import { ACCESS_LOG_AUDITORS_ONLY, type AgencyPolicy } from '../../kit/subgraph/access/policy';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { loadAgencyService } from '../../kit/subgraph/load-service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import {
  AS,
  entitiesQuery,
  grantedRepresentations,
  representation,
  type Asking,
  type Entities,
  type Representation,
} from '../support/receiving';

/**
 * Social care's grant is the only way into a receiving agency: for this viewer, this request and
 * exactly this identifier, as the gateway sent it (kit/subgraph/receiving/young-person.ts,
 * kit/subgraph/access/grant-checks.ts). Anything else is refused with FORBIDDEN and no data, says
 * nothing about whether the agency holds the young person, and holds back no other young person in
 * the same request. One suite, run against every receiving agency in the agencies table.
 */

/** The population startTestAgency seeds. */
const POPULATION: PopulationOptions = { size: 60, seed: 'test-seed', asOf: TEST_TODAY };
const people: SyntheticYoungPerson[] = Array.from({ length: POPULATION.size }, (_, i) => generatePerson(i, POPULATION));

/** How each identifier scheme appears in the synthetic population, and the other spellings its check accepts. */
interface SchemeInPopulation {
  /** The SyntheticYoungPerson property carrying it: the agency's `identifier.field`. */
  field: 'nhsNumber' | 'upn' | 'pncId';
  /** Whether the agency really holds a record under it. */
  heldBy: 'heldByHealth' | 'heldByEducation' | 'heldByPolice';
  /** Well formed (its check passes), for an index the 60-person population never reaches: nobody holds it. */
  unknown: string;
  /** The same identifier spelt another way the agency's check accepts (and normalises back). */
  spelledOtherwise(canonical: string): string;
  /** Fails the agency's check. */
  malformed: string;
}

/** Keyed by the agencies table's schemes: a new receiving agency does not compile until it has a row here. */
const SCHEMES: Record<IdentifierScheme, SchemeInPopulation> = {
  NHS_NUMBER: {
    field: 'nhsNumber',
    heldBy: 'heldByHealth',
    unknown: syntheticNhsNumber(5000),
    // As displayed, 3-3-4 with spaces.
    spelledOtherwise: formatNhsNumber,
    malformed: '12345',
  },
  UPN: {
    field: 'upn',
    heldBy: 'heldByEducation',
    unknown: syntheticUpn(999, 2001),
    spelledOtherwise: (upn) => upn.toLowerCase(),
    malformed: 'not-a-upn',
  },
  PNC_ID: {
    field: 'pncId',
    heldBy: 'heldByPolice',
    unknown: syntheticPncId(9_999_999, 2020),
    // The short display form YY/NNNNNND: two-digit year, serial without leading zeros.
    spelledOtherwise: (pncId) => `${pncId.slice(2, 4)}/${String(Number(pncId.slice(5, 12)))}${pncId.slice(12)}`,
    malformed: '2020/123',
  },
};

function schemeOf(agency: ReceivingAgency): SchemeInPopulation {
  const scheme = (SCHEMES as Partial<Record<string, SchemeInPopulation>>)[agency.identifier.scheme];
  if (!scheme) throw new Error(`add the ${agency.identifier.scheme} scheme (${agency.name}) to SCHEMES in this file`);
  if (scheme.field !== agency.identifier.field)
    throw new Error(
      `SCHEMES.${agency.identifier.scheme} reads ${scheme.field}, but ${agency.name} finds young people by ${agency.identifier.field}`,
    );
  return scheme;
}

/** The identifiers a test of one agency uses, all from the seeded population. */
interface Identifiers {
  /** The first young person the agency holds. */
  held: string;
  /** Another young person the agency holds. */
  other: string;
  /** Linked in social care's cross-reference, but not held by the agency (none, for some agencies and seeds). */
  unheld: string[];
  /** Well formed, but nobody's. */
  unknown: string;
}

function identifiersFor(agency: ReceivingAgency): Identifiers {
  const { field, heldBy, unknown } = schemeOf(agency);
  const linked = people.flatMap((p) => {
    const identifier = p[field];
    return identifier === null ? [] : [{ identifier, held: p[heldBy] }];
  });
  const held = linked.filter((l) => l.held).map((l) => l.identifier);
  if (held.length < 2) throw new Error(`the test population must hold at least two young people for ${agency.name}`);
  return { held: held[0], other: held[1], unheld: linked.filter((l) => !l.held).map((l) => l.identifier), unknown };
}

/** The asking viewer, with the relationship social care would typically grant them; a grant "for another user" names `someoneElse`. */
function askingFor(agency: TestAgency): { asking: Asking; someoneElse: Persona } {
  const asking: Asking = Object.values(AS).find((as) => as.viewer.id === agency.viewer.id) ?? {
    viewer: agency.viewer,
    purpose: { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000001-M1' },
  };
  // Preferably a colleague in the same agency: the grant's only fault is whose it is.
  const someoneElse =
    PERSONA_LIST.find((p) => p.agency === agency.agency.code && p.id !== asking.viewer.id) ??
    PERSONA_LIST.find((p) => p.id !== asking.viewer.id);
  if (!someoneElse) throw new Error('no second persona to grant to');
  return { asking, someoneElse };
}

/** The agency's record field on YoungPerson (`health`, `education`, `police`): the one that is neither its key nor the grant. */
function recordFieldOf(schema: GraphQLSchema, agency: ReceivingAgency): { name: string; type: GraphQLNamedType } {
  const youngPerson = schema.getType('YoungPerson');
  if (!isObjectType(youngPerson)) throw new Error(`${agency.name} has no YoungPerson type`);
  const fields = Object.values(youngPerson.getFields()).filter((f) => f.name !== agency.identifier.field && f.name !== agency.grantField);
  if (fields.length !== 1)
    throw new Error(`expected one record field on ${agency.name}'s YoungPerson, found ${fields.map((f) => f.name).join(', ')}`);
  return { name: fields[0].name, type: getNamedType(fields[0].type) };
}

/**
 * Every field of `type`, all the way down (every loader and computed value), but the access log,
 * which is for auditors only: what the agency's own staff may see of a record.
 */
function everyField(schema: GraphQLSchema, policy: AgencyPolicy, type: GraphQLNamedType, within: string[] = []): string {
  if (isAbstractType(type))
    return `__typename ${schema
      .getPossibleTypes(type)
      .map((t) => `... on ${t.name} { ${everyField(schema, policy, t, within)} }`)
      .join(' ')}`;
  if (!isObjectType(type)) return '';
  return Object.values(type.getFields())
    .filter((f) => policy.fields[`${type.name}.${f.name}`] !== ACCESS_LOG_AUDITORS_ONLY)
    .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (within.includes(named.name)) return '';
      const selection = everyField(schema, policy, named, [...within, type.name]);
      return selection ? `${f.name} { ${selection} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/** A young person as `_entities` answers: null where refused. */
type Entity = Record<string, unknown> | null;
type Answer = GraphQLBody<Entities<Entity>>;

const FORBIDDEN = { message: 'No access grant from social care for this young person.', extensions: { code: 'FORBIDDEN' } };
/** Wherever in the query the error points. */
const ANY_LOCATIONS: unknown = expect.anything();
/** Anything a record could give away: whether the agency holds it, its dates, health's (synthetic) GP codes. */
const ANYTHING_HELD = /MATCHED|NO_RECORD|NOT_LINKED|Y99|\d{4}-\d{2}-\d{2}/;

describe.each(RECEIVING_AGENCIES.map((agency) => [agency.name, agency] as const))(
  "%s shows nothing without social care's grant for this viewer, request and young person",
  (_name, row) => {
    const service = loadAgencyService(row.name);
    const scheme = schemeOf(row);
    const ids = identifiersFor(row);
    const spelledOtherwise = scheme.spelledOtherwise(ids.held);

    let agency: TestAgency;
    let asking: Asking;
    let someoneElse: Persona;
    let recordField: string;
    /** `_entities` selecting every field of the record its own staff may see. */
    let deepQuery: string;
    /** `_entities` selecting only the match status. */
    let matchQuery: string;
    let forger: Awaited<ReturnType<typeof createGrantSigner>>;

    beforeAll(async () => {
      const schema = await service.buildSchema();
      agency = await startTestAgency(service);
      ({ asking, someoneElse } = askingFor(agency));
      const record = recordFieldOf(schema, row);
      recordField = record.name;
      deepQuery = entitiesQuery(agency, recordField, everyField(schema, service.policy, record.type));
      matchQuery = entitiesQuery(agency, recordField, 'matchStatus');
      // Same key id as social care's, a different key.
      forger = await createGrantSigner((await generateSigningKeyPair('test-grants')).privateJwk);
    });
    afterAll(async () => {
      await agency?.stop();
    });

    /** A grant social care would sign for `identifier` (or a list's young people) in the next request, as `asking` unless told otherwise. */
    const grant = (identifier: string | null | GrantedPerson[], options: { viewer?: Persona; requestId?: string } = {}) =>
      agency.grant(identifier, { ...asking, ...options });

    /** A grant for `identifier`, right in every part, but not signed by social care. */
    const forged = (identifier: string | null) =>
      forger({
        viewerId: asking.viewer.id,
        requestId: agency.nextRequestId(),
        audience: row.name,
        people: [{ identifier, purpose: asking.purpose }],
      });

    const ask = (representations: Representation[], query = deepQuery): Promise<Answer> =>
      agency.request<Entities<Entity>>(query, { representations }, { viewer: asking.viewer });

    const recordOf = (res: Answer, i: number) => dataOf(res)._entities[i]?.[recordField] as { matchStatus?: string } | undefined;

    it('runs on identifiers from the seeded population that are what they say', () => {
      const linked = people.map((p) => p[scheme.field]);
      expect(ids.other).not.toBe(ids.held);
      expect(linked).not.toContain(ids.unknown);
      expect(row.identifier.check(ids.unknown)).toEqual({ ok: true, value: ids.unknown });
      // Another spelling of the same identifier, which the agency's check accepts as that identifier.
      expect(spelledOtherwise).not.toBe(ids.held);
      expect(row.identifier.check(spelledOtherwise)).toEqual({ ok: true, value: ids.held });
      expect(row.identifier.check(scheme.malformed).ok).toBe(false);
    });

    it('answers with a grant for this viewer, this request and this identifier', async () => {
      const res = await ask(await grantedRepresentations(agency, [ids.held], asking));
      expect(res.errors).toBeUndefined();
      expect(dataOf(res)._entities[0]?.[row.identifier.field]).toBe(ids.held);
      expect(recordOf(res, 0)?.matchStatus).toBe('MATCHED');
    });

    /**
     * Representations the agency must refuse, each made for the request about to be sent. Every one
     * is asked about alone and beside a young person with a valid grant.
     */
    const refusals: [string, () => Representation | Promise<Representation>][] = [
      ['no grant', () => representation(agency, ids.held)],
      ['a null grant', () => representation(agency, ids.held, null)],
      ['an empty grant', () => representation(agency, ids.held, '')],
      ['a grant that is not a string', () => ({ ...representation(agency, ids.held), [row.grantField]: 42 })],
      ['something that is not a grant ("not-a-grant")', () => representation(agency, ids.held, 'not-a-grant')],
      ['something that is not a grant ("not-a-jwt")', () => representation(agency, ids.held, 'not-a-jwt')],
      [
        'a grant with its signature stripped',
        async () => {
          const [header, payload] = (await grant(ids.held)).split('.');
          return representation(agency, ids.held, `${header}.${payload}.`);
        },
      ],
      [
        'a forged grant (signed with a key that is not social care’s)',
        async () => representation(agency, ids.held, await forged(ids.held)),
      ],
      ['a grant for another user', async () => representation(agency, ids.held, await grant(ids.held, { viewer: someoneElse }))],
      [
        'a grant for another request (one never made)',
        async () => representation(agency, ids.held, await grant(ids.held, { requestId: 'test-request-earlier' })),
      ],
      [
        'a grant for an earlier request',
        async () => representation(agency, ids.held, await grant(ids.held, { requestId: 'test-request-0' })),
      ],
      [
        'a grant for a later request',
        async () => representation(agency, ids.held, await grant(ids.held, { requestId: 'test-request-999' })),
      ],
      [
        'a grant used again in a later request (replayed)',
        async () => {
          const [first] = await grantedRepresentations(agency, [ids.held], asking);
          const res = await ask([first]);
          expect(res.errors).toBeUndefined();
          expect(recordOf(res, 0)?.matchStatus).toBe('MATCHED');
          return first;
        },
      ],
      ['a grant for another young person', async () => representation(agency, ids.held, await grant(ids.other))],
      [
        "a list's grant naming other young people, not this one",
        async () =>
          representation(
            agency,
            ids.held,
            await grant([ids.other, ids.unknown, null].map((identifier) => ({ identifier, purpose: asking.purpose }))),
          ),
      ],
      [
        'a grant naming this young person twice, under two purposes',
        async () =>
          representation(
            agency,
            ids.held,
            await grant([
              { identifier: ids.held, purpose: asking.purpose },
              { identifier: ids.held, purpose: { kind: PurposeKind.AUDIT } },
            ]),
          ),
      ],
      ['a grant for a young person with no identifier linked', async () => representation(agency, ids.held, await grant(null))],
      [
        'a grant for the identifier spelt another way than the gateway sent it',
        async () => representation(agency, spelledOtherwise, await grant(ids.held)),
      ],
      // A grant for "not linked" opens nothing but the NOT_LINKED answer, and only such a grant opens that.
      ['no identifier linked, and no grant', () => representation(agency, null)],
      [
        'no identifier linked, with a grant for a young person who has one',
        async () => representation(agency, null, await grant(ids.held)),
      ],
      ['no identifier linked, with a forged grant for none', async () => representation(agency, null, await forged(null))],
    ];

    /** The young person asked about, as sent and as the agency would normalise it: none of these may appear in the answer. */
    const identifiersIn = (rep: Representation): string[] => {
      const sent = rep[row.identifier.field];
      if (typeof sent !== 'string') return [ids.held];
      const checked = row.identifier.check(sent);
      return [...new Set([ids.held, sent, ...(checked.ok ? [checked.value] : [])])];
    };

    it.each(refusals)('refuses %s: FORBIDDEN, and no data', async (_what, refused) => {
      const rep = await refused();
      const res = await ask([rep]);
      expect(res.data).toEqual({ _entities: [null] });
      expect(res.errors).toEqual([{ ...FORBIDDEN, locations: ANY_LOCATIONS, path: ['_entities', 0] }]);
      // Nothing about the young person leaves, not even whether the agency holds a record.
      const body = JSON.stringify(res);
      expect(body).not.toMatch(ANYTHING_HELD);
      for (const identifier of identifiersIn(rep)) expect(body).not.toContain(identifier);
    });

    it.each(refusals)('refuses %s without holding back another young person in the same request', async (_what, refused) => {
      const rep = await refused();
      const valid = representation(agency, ids.other, await grant(ids.other));
      const res = await ask([rep, valid]);
      expect(dataOf(res)._entities[0]).toBeNull();
      expect(res.errors).toEqual([{ ...FORBIDDEN, locations: ANY_LOCATIONS, path: ['_entities', 0] }]);
      // Nothing about the refused young person leaves.
      for (const identifier of identifiersIn(rep)) expect(JSON.stringify(res)).not.toContain(identifier);
      // The other young person is answered as usual.
      expect(dataOf(res)._entities[1]?.[row.identifier.field]).toBe(ids.other);
      expect(recordOf(res, 1)?.matchStatus).toBe('MATCHED');
    });

    it('refuses only the representation without a valid grant, and answers the others in the same request', async () => {
      const res = await ask([
        representation(agency, ids.held, await grant(ids.held)),
        representation(agency, ids.other, await grant(ids.held)),
      ]);
      expect(recordOf(res, 0)?.matchStatus).toBe('MATCHED');
      expect(dataOf(res)._entities[1]).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({ path: ['_entities', 1], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) as unknown }),
      ]);

      const [good] = await grantedRepresentations(agency, [ids.held], asking);
      const bad = representation(agency, ids.other, await forged(ids.other));
      const matched = await ask([good, bad], matchQuery);
      expect(dataOf(matched)._entities).toEqual([{ [row.identifier.field]: ids.held, [recordField]: { matchStatus: 'MATCHED' } }, null]);
      expect(matched.errors).toMatchObject([{ ...FORBIDDEN, path: ['_entities', 1] }]);
    });

    it("answers every young person a list's grant names, from the one grant", async () => {
      const list = await grant([ids.held, ids.other, null].map((identifier) => ({ identifier, purpose: asking.purpose })));
      const res = await ask(
        [ids.held, ids.other, null].map((identifier) => representation(agency, identifier, list)),
        matchQuery,
      );
      expect(res.errors).toBeUndefined();
      expect([0, 1, 2].map((i) => recordOf(res, i)?.matchStatus)).toEqual(['MATCHED', 'MATCHED', 'NOT_LINKED']);
    });

    it('answers a young person with no identifier linked (NOT_LINKED) with a grant for "no identifier"', async () => {
      const res = await ask([representation(agency, null, await grant(null))]);
      expect(res.errors).toBeUndefined();
      expect(recordOf(res, 0)?.matchStatus).toBe('NOT_LINKED');
    });

    it('answers the identifier spelt another way under a grant for exactly that spelling', async () => {
      // The refusal above is about the grant naming another string, not about the spelling.
      const res = await ask([representation(agency, spelledOtherwise, await grant(spelledOtherwise))]);
      expect(res.errors).toBeUndefined();
      expect(recordOf(res, 0)?.matchStatus).toBe('MATCHED');
    });

    it('refuses the same way whether or not the agency holds the identifier (a refusal tells nothing)', async () => {
      const notHeld = [ids.unknown, ...ids.unheld];
      const heldForged = await ask([representation(agency, ids.held, await forged(ids.held))]);
      const heldNoGrant = await ask([representation(agency, ids.held)]);
      for (const identifier of notHeld) {
        expect(await ask([representation(agency, identifier, await forged(identifier))])).toEqual(heldForged);
        expect(await ask([representation(agency, identifier)])).toEqual(heldNoGrant);
      }
    });

    it.each([
      ['with no grant', () => Promise.resolve(undefined)],
      ['with a grant for it', (identifier: string) => grant(identifier)],
    ])("checks the grant after the identifier itself: a malformed one is the caller's error %s", async (_with, grantFor) => {
      for (const malformed of [scheme.malformed, 'not-an-identifier']) {
        const res = await ask([representation(agency, malformed, await grantFor(malformed))]);
        expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: row.identifier.field });
      }
    });

    it("answers nothing without the gateway's signed token, whatever the grant", async () => {
      const representations = await grantedRepresentations(agency, [ids.held], asking);
      const res = await agency.request<Entities<Entity>>(deepQuery, { representations }, { authorization: null });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  },
);
