import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { Kind, OperationTypeNode, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { agencyNamed, type AgencyDefinition } from '../../kit/shared/agencies';
import type { Logger } from '../../kit/shared/logger';
import type { CallBudgets } from './budgets';
import { agencyFetcher, callSignal } from './connections';
import type { SubgraphTls } from './tls';
import type { CallOutcome, ObserveCall } from './metrics';
import { injectTraceContext } from '../../kit/shared/observability/tracing';
import { clientErrors, DeadlinePassed, GarbledAnswer, isConnectionReset, missingPaths, unavailability } from './unavailable';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** What the gateway knows of each request when it asks an agency. */
export interface CallContext {
  /** When the request must be answered by (epoch ms). */
  deadline?: number;
  requestId?: string;
}

export interface AgencyCalls {
  url: string;
  budgets: CallBudgets;
  logger: Logger;
  /** Records each call's latency and outcome. */
  observe?: ObserveCall;
  /** The agencies' CA and the gateway's client certificate, for agencies served over HTTPS. */
  tls?: SubgraphTls;
  /** Adds what the agency needs to trust the request (the gateway's token for it). */
  authorise(request: GraphQLDataSourceProcessOptions['request'], context: CallContext): Promise<void>;
}

/**
 * How the gateway asks one agency. Each call has a time budget (the agency's timeout, capped by what
 * is left of the request's deadline); a query whose connection broke before an answer is retried
 * (twice at most, with jittered backoff); a circuit breaker stops asking an agency that keeps failing,
 * so a dead agency costs microseconds until it recovers. Whatever goes wrong, the call answers with an
 * AGENCY_UNAVAILABLE error at every place the agency's data would have gone, never by throwing: the
 * other agencies' data still reaches the meeting.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<CallContext> {
  readonly agency: AgencyDefinition;
  readonly breaker: CircuitBreakerPolicy;
  private readonly calls: AgencyCalls;
  private readonly connections: ReturnType<typeof agencyFetcher>;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(name: string, calls: AgencyCalls) {
    const connections = agencyFetcher(calls.budgets.maxConnectionsPerAgency, calls.tls);
    super({ url: calls.url, fetcher: connections.fetcher });
    this.connections = connections;
    this.calls = calls;
    this.agency = agencyNamed(name);
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: calls.budgets.breakerHalfOpenAfterMs,
      breaker: new ConsecutiveBreaker(calls.budgets.breakerFailures),
    });
    this.breaker.onStateChange((state) => {
      calls.logger.warn({ agency: name, state: CircuitState[state] }, 'agency circuit changed');
      if (state === CircuitState.Open) this.probeLater();
    });
  }

  /**
   * While the circuit is open the gateway asks the agency's readiness endpoint, through the breaker,
   * every halfOpenAfter: the first ready answer closes the circuit, so recovery does not wait for a
   * user's request to be the guinea pig.
   */
  private probeLater(): void {
    const { budgets } = this.calls;
    const readyUrl = this.calls.url.replace(/\/graphql$/, '/health/ready');
    // A stopped gateway stops asking: its probes would otherwise go on for as long as the process.
    if (this.closed) return;
    clearTimeout(this.probe);
    this.probe = setTimeout(() => {
      this.breaker
        .execute(async () => {
          const res = await callSignal.run(AbortSignal.timeout(budgets.subgraphTimeoutMs), () => this.fetcher(readyUrl, { method: 'GET' }));
          if (!res.ok) throw new Error(`readiness ${res.status}`);
        })
        .catch((err: unknown) => {
          // A failed probe reopens the circuit, which schedules the next one. A timer that fires a
          // millisecond before the breaker's clock says the wait is over finds the circuit still open:
          // without another probe it would stay open until a user's request came.
          if (err instanceof BrokenCircuitError) this.probeLater();
        });
    }, budgets.breakerHalfOpenAfterMs).unref();
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<CallContext>): Promise<void> {
    await this.calls.authorise(request, context);
    if (request.http) injectTraceContext(request.http.headers);
  }

  override async process(options: GraphQLDataSourceProcessOptions<CallContext>): Promise<GatewayGraphQLResponse> {
    const { budgets } = this.calls;
    const document = ('document' in options && options.document) || fetchDocument(options.request.query);
    const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    // Only a query may be sent twice: a mutation whose connection broke may have been done.
    const retries = retry(handleWhen(isConnectionReset), {
      maxAttempts: operation?.operation === OperationTypeNode.QUERY ? 2 : 0,
      backoff: new ExponentialBackoff({ initialDelay: 20, maxDelay: 200 }),
    });
    const deadline = (options.context as CallContext).deadline ?? Date.now() + budgets.requestDeadlineMs;
    const started = performance.now();
    const observe = (outcome: CallOutcome) => this.calls.observe?.(this.agency.name, outcome, (performance.now() - started) / 1000);
    try {
      const answer = await this.breaker.execute(() =>
        retries.execute(async () => {
          const left = deadline - Date.now();
          if (left <= 0) throw new DeadlinePassed();
          const signal = AbortSignal.timeout(Math.min(budgets.subgraphTimeoutMs, left));
          try {
            const response = await callSignal.run(signal, () => super.process(options));
            checkShape(response, options.request.variables?.representations);
            return this.namingFailures(response, document);
          } catch (err) {
            // The agency refused the question, not failed: the client's mistake, relayed as such.
            const refused = clientErrors(err);
            if (refused) return { data: null, errors: refused };
            throw err;
          }
        }),
      );
      observe(answer.data === null && answer.errors?.length ? 'refused' : 'answered');
      return answer;
    } catch (err) {
      observe('unavailable');
      const why = unavailability(err, this.agency, budgets.subgraphTimeoutMs);
      const { requestId } = options.context as CallContext;
      this.calls.logger.warn({ agency: this.agency.name, requestId, err, reason: why.reason }, 'agency unavailable');
      const message = `${capitalise(this.agency.label)} is unavailable: ${why.reason}.${why.retryable ? ' Try again shortly.' : ''}`;
      const extensions = {
        code: 'AGENCY_UNAVAILABLE',
        agency: this.agency.label,
        retryable: why.retryable,
        ...(why.cause && { cause: why.cause }),
      };
      return {
        data: null,
        errors: missingPaths(document, options.request.variables?.representations).map((path) => ({
          message,
          ...(path.length > 0 && { path }),
          extensions,
        })),
      };
    }
  }

  /**
   * An agency's own internal error inside an answer (a resolver that failed) says which agency failed
   * and that asking again may help, like a failed call, instead of a bare "Internal server error".
   */
  private namingFailures(response: GatewayGraphQLResponse, document: DocumentNode | undefined): GatewayGraphQLResponse {
    if (!response.errors?.length) return response;
    const agency = this.agency.label;
    // An entity the agency failed to resolve at all: the error goes where each of its fields would have.
    const fields = missingPaths(document, [null]).map((p) => p.slice(2));
    const errors = response.errors.flatMap((e) => {
      const code = (e.extensions as { code?: unknown } | undefined)?.code;
      if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return [e];
      const failed = {
        message: `${capitalise(agency)} is unavailable: it failed while answering this part. Try again shortly.`,
        extensions: { code: 'AGENCY_UNAVAILABLE', agency, retryable: true },
      };
      const path = e.path ?? [];
      const wholeEntity = path.length === 2 && path[0] === '_entities' && fields.length > 0;
      return wholeEntity ? fields.map((field) => ({ ...failed, path: [...path, ...field] })) : [{ ...e, ...failed }];
    });
    return { ...response, errors };
  }

  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probe);
    return this.connections.close();
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The plan's fetches are few and repeat: their parsed documents are kept (the gateway does not hand them over by default). */
const documents = new Map<string, DocumentNode>();
function fetchDocument(query: string | undefined): DocumentNode | undefined {
  if (!query) return undefined;
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    if (documents.size >= 1000) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
  }
  return document;
}

/** A 200 that is not a GraphQL answer to what was asked is a failure of the agency, not data. */
function checkShape(response: GatewayGraphQLResponse, representations: unknown): void {
  if (response === null || typeof response !== 'object') throw new GarbledAnswer('not an object');
  const { data, errors } = response;
  if (data === undefined && !errors) throw new GarbledAnswer('neither data nor errors');
  if (errors !== undefined && !Array.isArray(errors)) throw new GarbledAnswer('errors is not a list');
  if (Array.isArray(representations) && data) {
    const entities = (data as { _entities?: unknown })._entities;
    if (!Array.isArray(entities) || entities.length !== representations.length) throw new GarbledAnswer('wrong number of entities');
  }
}
