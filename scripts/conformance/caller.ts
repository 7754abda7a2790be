import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { createInternalTokenSigner } from '../../kit/shared/internal-token';
import type { BoundOperation } from '../../kit/shared/operation-digest';
import type { Viewer } from '../../kit/shared/roles';

/** One operation as the gateway would POST it. */
export interface Operation {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; agency?: string; rule?: string; [key: string]: unknown };
}

export interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLError[] } | null;
}

/** How a call is signed: as the gateway would, or made wrong in one way. */
export interface Signing {
  viewer: Viewer;
  requestId?: string;
  /** The subgraph the token is made for (default: the one asked). */
  audience?: string;
  /** Another key than the gateway's (a forger's). */
  key?: JWK;
  /** Another operation than the one sent. */
  signedFor?: BoundOperation;
  /** A token already made (to send it again). */
  token?: string;
}

/**
 * Calls one subgraph from outside, as the gateway does (contract section 3): POST /graphql with a
 * bearer token the caller signs with the gateway's private key, for the subgraph's audience, this
 * user, a request id and exactly the operation sent.
 */
export class SubgraphCaller {
  private readonly signers = new Map<JWK, ReturnType<typeof createInternalTokenSigner>>();

  constructor(
    readonly url: string,
    readonly agency: string,
    private readonly gatewayKey: JWK,
  ) {}

  /** A token for `operation` as `signing` says. */
  async token(operation: Operation, signing: Signing): Promise<string> {
    if (signing.token) return signing.token;
    const key = signing.key ?? this.gatewayKey;
    let signer = this.signers.get(key);
    if (!signer) this.signers.set(key, (signer = createInternalTokenSigner(key)));
    return (await signer)(signing.audience ?? this.agency, {
      viewer: signing.viewer,
      requestId: signing.requestId ?? `conformance-${randomUUID()}`,
      operation: signing.signedFor ?? operation,
    });
  }

  /** POSTs `operation` with the token `signing` makes, or with none. */
  async ask(operation: Operation, signing: Signing | null): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signing) headers.authorization = `Bearer ${await this.token(operation, signing)}`;
    const res = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify(operation) });
    const text = await res.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // Not JSON: the checks say so from the status and a null body.
    }
    return { status: res.status, body };
  }
}

/** An answer in a few words, for a check's "why". */
export function described(answer: Answer): string {
  const codes = (answer.body?.errors ?? []).map((e) => e.extensions?.code ?? 'no code');
  const data = answer.body?.data;
  const withData = data && Object.values(data).some((v) => v !== null && !(Array.isArray(v) && v.every((i) => i === null)));
  return `${answer.status}${codes.length ? ` ${[...new Set(codes)].join(', ')}` : ''}${withData ? ' with data' : ''}`;
}
