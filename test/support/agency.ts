import { PERSONA_LIST } from '../../kit/dev/personas';
import type { AgencyDefinition } from '../../kit/shared/agencies';
import { createGrantSigner, type GrantedPerson, type PackScope } from '../../kit/subgraph/access/access-grant';
import { fixedClock } from '../../kit/subgraph/clock';
import type { AgencyConfig, AgencyKeys, AuditConfig } from '../../kit/subgraph/config';
import { auditKeyring, generateAuditKey } from '../../kit/subgraph/audit/audit-key';
import { runAgencyService, type RunningAgency } from '../../kit/subgraph/run';
import type { AgencyService } from '../../kit/subgraph/service';
import { createInternalTokenSigner } from '../../kit/shared/internal-token';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import type { Viewer } from '../../kit/shared/roles';
import type { PopulationOptions } from '../../kit/dev/synthetic/population';
import type { GraphQLBody } from './graphql';

/** The date every test's data describes and every test's clock shows, unless a test says otherwise. */
export const TEST_TODAY = '2026-11-23';

/** The viewer a test speaks as unless it says otherwise: the agency's first persona (someone from the agency itself). */
export function defaultViewer(agency: AgencyDefinition): Viewer {
  const persona = PERSONA_LIST.find((p) => p.agency === agency.code);
  if (!persona) throw new Error(`no demo persona belongs to ${agency.name}: add one to kit/dev/personas.ts or pass a viewer`);
  return persona;
}

export interface RequestOptions {
  viewer?: Viewer;
  /** Send this exact Authorization header instead of a fresh gateway token (tests of refusal). */
  authorization?: string | null;
}

export interface TestAgency {
  url: string;
  /** SQL sent since the last reset, one entry per round trip (on PostgreSQL, reads asked together go in one). */
  queries: string[];
  /** Every round trip since the agency started, with the statements it carried. */
  trips: { sql: string; statements: number }[];
  /** The viewer requests speak as by default. */
  viewer: Viewer;
  /** The agency's database (tests that reach under the service: tampering, failures). */
  orm: RunningAgency['orm'];
  /** Its row in the agencies table. */
  agency: AgencyDefinition;
  /** Its audit key (fresh for the run) and anchor folder, as audit:verify is given them. */
  audit: AuditConfig;
  /** POSTs a GraphQL operation as the gateway would for `viewer`; returns the parsed JSON body. */
  request<Data = unknown>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLBody<Data>>;
  /**
   * A grant social care would hand this agency, as `<agency>Access`: for one young person (its own
   * identifier), or for several at once as a list's grant names them, each under its own purpose.
   */
  grant(
    identifier: string | null | GrantedPerson[],
    options?: { viewer?: Viewer; purpose?: Purpose; requestId?: string; pack?: PackScope },
  ): Promise<string>;
  /** The request id the next request will carry (grants must name it). */
  nextRequestId(): string;
  stop(): Promise<void>;
}

/**
 * Runs one agency subgraph in this process on an in-memory SQLite database, seeded deterministically,
 * with fresh keys; requests carry a gateway token signed with them, as the real gateway's do.
 */
export async function startTestAgency(
  service: AgencyService,
  population: Partial<PopulationOptions> = {},
  database = ':memory:',
  /** More configuration (TLS, an audit anchor folder...). */
  config: Partial<AgencyConfig> = {},
): Promise<TestAgency> {
  const { agency } = service;
  const gatewayKeys = await generateSigningKeyPair('test-gateway');
  const grantKeys = await generateSigningKeyPair('test-grants');
  const keys: AgencyKeys =
    agency.kind === 'lead'
      ? { kind: 'lead', gatewayPublicJwk: gatewayKeys.publicJwk, grantPrivateJwk: grantKeys.privateJwk }
      : { kind: 'receiving', gatewayPublicJwk: gatewayKeys.publicJwk, grantPublicJwk: grantKeys.publicJwk };
  const signInternal = await createInternalTokenSigner(gatewayKeys.privateJwk);
  const signGrant = await createGrantSigner(grantKeys.privateJwk);
  const queries: string[] = [];
  const trips: TestAgency['trips'] = [];
  const audit: AuditConfig = config.audit ?? { keyring: auditKeyring(generateAuditKey()), anchorFolder: null, anchorIntervalMs: 60_000 };
  const running = await runAgencyService(
    service,
    {
      port: 0,
      host: '127.0.0.1',
      database,
      production: false,
      migrateOnStart: true,
      clock: fixedClock(`${TEST_TODAY}T12:00:00Z`),
      seed: { size: 60, seed: 'test-seed', asOf: TEST_TODAY, ...population },
      keys,
      audit,
      logLevel: 'warn',
      shutdownGraceMs: 1_000,
      metricsPort: null,
      redisUrl: undefined,
      // Small, so that a cohort of a test's size is counted in several chunks, as a council's is.
      cohortChunkSize: 7,
      ...config,
    },
    {
      onQuery: (sql, _ms, statements) => {
        queries.push(sql);
        trips.push({ sql, statements });
      },
      quiet: true,
      fresh: true,
    },
  );
  const viewer = defaultViewer(agency);
  let counter = 0;
  const nextRequestId = () => `test-request-${counter + 1}`;
  return {
    url: running.url,
    queries,
    trips,
    viewer,
    orm: running.orm,
    nextRequestId,
    agency,
    audit,
    async request<Data>(query: string, variables?: Record<string, unknown>, options: RequestOptions = {}) {
      const requestId = `test-request-${++counter}`;
      const authorization =
        options.authorization !== undefined
          ? options.authorization
          : `Bearer ${await signInternal(agency.name, { viewer: options.viewer ?? viewer, requestId, operation: { query, variables } })}`;
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLBody<Data>;
    },
    grant(identifier, options = {}) {
      return signGrant({
        viewerId: (options.viewer ?? viewer).id,
        requestId: options.requestId ?? nextRequestId(),
        audience: agency.name,
        people: Array.isArray(identifier)
          ? identifier
          : [{ identifier, purpose: options.purpose ?? { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000001-M1' } }],
        ...(options.pack && { pack: options.pack }),
      });
    },
    stop: () => running.stop(),
  };
}
