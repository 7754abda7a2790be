import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { execute, parse, validate, type GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { AuditLog } from './audit-log';
import { TEXTS } from './contract';
import { GrantCheck } from './grant';
import { InternalTokenCheck, type OperationBody } from './internal-token';
import { auditRecordsOf, housingSchema, type HousingFile, type RequestContext } from './schema';

/**
 * A partner's own subgraph, built from docs/partner-contract.md alone (test/contract/partner-agency.test.ts
 * checks that nothing here imports the repository's kit/): a housing options service, run as the
 * partner would run it, on its own, with the public keys the lead agency gave it.
 *
 * Environment: PORT, GATEWAY_PUBLIC_JWK, GRANT_PUBLIC_JWK, AUDIT_KEY (base64), AUDIT_LOG (a file),
 * HOUSING_FILES (a JSON file: housing case reference -> what the agency holds).
 */
const MAX_BODY = 8 * 1024 * 1024;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, status: number, message: string, code: string) =>
  send(res, status, { errors: [{ message, extensions: { code } }] });

async function bodyOf(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const tokens = await InternalTokenCheck.fromJwk(JSON.parse(required('GATEWAY_PUBLIC_JWK')) as JWK);
  const grants = await GrantCheck.fromJwk(JSON.parse(required('GRANT_PUBLIC_JWK')) as JWK);
  const audit = new AuditLog(required('AUDIT_LOG'), Buffer.from(required('AUDIT_KEY'), 'base64'));
  const files = JSON.parse(readFileSync(required('HOUSING_FILES'), 'utf8')) as Record<string, HousingFile>;
  const schema = housingSchema(files, grants, audit);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/health/live') return send(res, 200, { status: 'ok' });
    // Ready when it can read its data and write its audit (section 2).
    if (req.method === 'GET' && path === '/health/ready') {
      const ready = audit.writable();
      return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
    }
    if (path !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found' }] });
    // Only a POSTed JSON object can carry an operation a token is bound to (section 2).
    const text = req.method === 'POST' ? await bodyOf(req) : '';
    if (text === null) return refuse(res, 413, 'The request body is over 8 MB.', 'BAD_REQUEST');
    let body: OperationBody | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed;
    } catch {
      /* not JSON: no token is bound to it */
    }
    const caller = await tokens.check(req.headers.authorization, body ?? {});
    if (!body || 'refused' in caller) {
      console.warn(`refused: ${body ? (caller as { refused: string }).refused : 'not one JSON object'}`);
      return refuse(res, 401, TEXTS.refused, 'UNAUTHENTICATED');
    }
    if (typeof body.query !== 'string') return refuse(res, 400, 'query: a GraphQL document is required', 'BAD_REQUEST');
    let document;
    try {
      document = parse(body.query);
    } catch (err) {
      return refuse(res, 400, (err as GraphQLError).message, 'GRAPHQL_PARSE_FAILED');
    }
    const invalid = validate(schema, document);
    if (invalid.length)
      return send(res, 400, { errors: invalid.map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
    const ctx: RequestContext = { caller, reads: new Map(), refusals: [], notices: [] };
    const result = await execute({
      schema,
      document,
      contextValue: ctx,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      variableValues: (body.variables ?? {}) as Record<string, unknown>,
    });
    // Audited before the response leaves (section 6); no record, no data.
    try {
      audit.append(auditRecordsOf(ctx));
    } catch (err) {
      console.error(`audit append failed: ${(err as Error).message}`);
      return refuse(res, 503, TEXTS.auditDown, 'AUDIT_UNAVAILABLE');
    }
    const errors = [...(result.errors ?? []).map((e) => e.toJSON()), ...ctx.notices];
    return send(res, 200, { data: result.data ?? null, ...(errors.length && { errors }) });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) refuse(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
    });
  });
  server.listen(Number(required('PORT')), '127.0.0.1', () => console.log(`housing subgraph on ${process.env.PORT}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
