import type { GraphQLResolveInfo } from 'graphql';
import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';

/**
 * The few parts of Hive Gateway this reference configuration uses, typed here rather than imported:
 * its types bring graphql-yoga's global augmentation of GraphQLErrorExtensions into the whole
 * program, which retypes the `http.headers` Apollo Server takes in the gateway's own errors.
 */
export interface HiveFetch {
  url: string;
  options: { body?: unknown; headers?: unknown; [key: string]: unknown };
  setOptions: (options: { body?: unknown; headers?: unknown; [key: string]: unknown }) => void;
  context: unknown;
}

export interface HivePlugin {
  onDelegationStageExecute?(payload: {
    info: Pick<GraphQLResolveInfo, 'path' | 'returnType'>;
    context: object;
    subgraph: string;
  }): ((done: { result: unknown }) => void) | undefined;
  onContextBuilding?(payload: { context: { request: Request }; extendContext: (extra: object) => void }): Promise<void>;
  onFetch?(
    payload: HiveFetch,
  ): Promise<void | ((done: { response: Response; setResponse: (response: Response) => void }) => Promise<void>)>;
}

export interface HiveConfig {
  /** The supergraph's SDL. */
  supergraph: string;
  logging: false | 'warn';
  graphqlEndpoint: string;
  landingPage: boolean;
  plugins: () => HivePlugin[];
  /** Options of the transport to each subgraph: '*' for all. */
  transportEntries?: Record<string, { options?: { deduplicateInflightRequests?: boolean } }>;
}

export type HiveRuntime = RequestListener & { dispose(): Promise<void> };

const load = createRequire(__filename);

interface Candidate {
  type: { name: string };
  transformedSubschema?: { merge?: Record<string, { canonical?: boolean } | undefined> };
}
type StitchSchemas = (options: { typeMergingOptions?: object }) => unknown;

/**
 * Works around a fault in @graphql-tools/stitch 10.3.1 (under Hive Gateway 2.15.1): a type returned only
 * by @requires fields is moved, in each subgraph, to that subgraph's isolated part and marked canonical
 * there, so a type three agencies return that way (PackSnapshot, behind each agency's grant) has three
 * canonical definitions and the supergraph does not load ("Multiple canonical definitions for
 * PackSnapshot"). The definitions are the same (the kit's), so the last is taken, as stitching does
 * when none is canonical.
 */
function oneCanonicalDefinition(): void {
  const stitch = load('@graphql-tools/stitch') as { stitchSchemas: StitchSchemas & { oneCanonical?: true } };
  if (stitch.stitchSchemas.oneCanonical) return;
  const stitchSchemas = stitch.stitchSchemas;
  const typeCandidateMerger = (candidates: Candidate[]) => {
    const canonical = candidates.filter((c) => c.transformedSubschema?.merge?.[c.type.name]?.canonical);
    return (canonical.length ? canonical : candidates)[(canonical.length || candidates.length) - 1];
  };
  stitch.stitchSchemas = Object.assign(
    (options: { typeMergingOptions?: object }) =>
      stitchSchemas({ ...options, typeMergingOptions: { ...options.typeMergingOptions, typeCandidateMerger } }),
    { oneCanonical: true as const },
  );
}

export function createGatewayRuntime(config: HiveConfig): HiveRuntime {
  oneCanonicalDefinition();
  return (load('@graphql-hive/gateway') as { createGatewayRuntime: (config: HiveConfig) => HiveRuntime }).createGatewayRuntime(config);
}
