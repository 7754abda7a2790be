import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCIES } from '../../kit/shared/agencies';
import { audienceFor, GATEWAY_ISSUER, INTERNAL_TOKEN_TTL_SECONDS } from '../../kit/shared/internal-token';
import { SIGNING_ALG } from '../../kit/shared/keys';
import { operationDigest } from '../../kit/shared/operation-digest';
import { REPO_ROOT } from '../../kit/shared/paths';
import { GRANT_ISSUER, GRANT_MAX_PEOPLE, GRANT_TTL_SECONDS } from '../../kit/subgraph/access/access-grant';
import { noGrant } from '../../kit/subgraph/access/grant-checks';
import { ACCESS_LOG_AUDITORS_ONLY, AUDIT_LOGS_ONLY, SUBJECT_NOT_ESTABLISHED, YOUNG_PERSONS_WISHES } from '../../kit/subgraph/access/policy';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { auditKeyring, mac } from '../../kit/subgraph/audit/audit-key';
import { GENESIS_HASH, hashRecord, type AuditContent } from '../../kit/subgraph/audit/chain';
import { CONTRACT_VERSION } from '../../scripts/conformance';

/**
 * docs/partner-contract.md is what a partner builds from, so it must stay true of the code: its
 * version is the one the conformance kit checks against, the values it states are the ones the code
 * uses, and its two algorithms (the operation digest, the audit record's hash and signature),
 * computed here from the document's words alone, give what the code gives.
 */
const doc = readFileSync(join(REPO_ROOT, 'docs', 'partner-contract.md'), 'utf8');
const says = (text: string) => expect(doc).toContain(text);

describe('docs/partner-contract.md', () => {
  it("is versioned: its version is the conformance kit's and its changelog has an entry for it", () => {
    expect(/^\*\*Version (\S+)\*\*/m.exec(doc)?.[1]).toBe(CONTRACT_VERSION);
    says(`- **${CONTRACT_VERSION}** (`);
  });

  it('states the tokens as they are signed and checked', () => {
    says(`\`${SIGNING_ALG}\``);
    says(`| \`iss\` | \`${GATEWAY_ISSUER}\` |`);
    says(`\`${audienceFor('health')}\``);
    says(`\`iat\` + ${INTERNAL_TOKEN_TTL_SECONDS} seconds`);
    says(`| \`iss\` | \`${GRANT_ISSUER}\` |`);
    says(`\`iat\` + ${GRANT_TTL_SECONDS} seconds`);
    says(`1 to ${GRANT_MAX_PEOPLE} objects`);
    says(`in grants of up to ${GRANT_MAX_PEOPLE}`);
    says(noGrant().message);
    for (const kind of Object.values(PurposeKind)) says(`\`${kind}\``);
  });

  it('names every agency with its code, key, grant field, record field and roles', () => {
    for (const agency of AGENCIES) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${agency.name}\` |`));
      expect(row).toContain(`\`${agency.code}\``);
      expect(row).toContain(`\`${agency.identifier.field}\``);
      for (const role of agency.roles) expect(row).toContain(`\`${role}\``);
      if (agency.kind === 'receiving') {
        expect(row).toContain(`\`${agency.grantField}\``);
        expect(row).toContain(`\`${agency.recordField}\``);
      }
    }
  });

  it('names the rules every agency has by their ids', () => {
    for (const rule of [ACCESS_LOG_AUDITORS_ONLY, AUDIT_LOGS_ONLY, SUBJECT_NOT_ESTABLISHED, YOUNG_PERSONS_WISHES])
      says(`| \`${rule.id}\` |`);
  });

  it('describes the operation digest so that a partner computing it from the words gets what the gateway signs', () => {
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, x]) => [k, sortKeys(x)]),
            )
          : v;
    const fromTheDocument = (query: unknown, operationName: unknown, variables: unknown) =>
      createHash('sha256')
        .update(JSON.stringify([query ?? null, operationName ?? null, sortKeys(variables ?? {})]))
        .digest('base64url');
    const variables = { z: 1, a: { y: [{ b: 2, a: 1 }], x: null } };
    expect(operationDigest({ query: '{ a }', operationName: 'A', variables })).toBe(fromTheDocument('{ a }', 'A', variables));
    expect(operationDigest({ query: '{ a }' })).toBe(fromTheDocument('{ a }', undefined, undefined));
  });

  it("describes the audit record's hash, signature and key id so that a verifier written from the words agrees", () => {
    const content: AuditContent = {
      at: new Date('2026-12-03T12:00:00Z'),
      requestId: 'r1',
      userId: 'u1',
      userName: 'A User',
      userAgency: 'HEALTH',
      userRole: 'LAC_NURSE',
      subject: '9990000018',
      action: 'READ',
      purposeKind: 'ALLOCATION',
      meetingId: null,
      breakGlassReason: null,
      fieldsRead: '["HealthRecord.matchStatus"]',
      withheld: '[]',
    };
    const fields = [content.at.toISOString(), 'r1', 'u1', 'A User', 'HEALTH', 'LAC_NURSE', '9990000018', 'READ', 'ALLOCATION', null, null];
    const hash = createHash('sha256')
      .update(JSON.stringify([1, ...fields, content.fieldsRead, content.withheld, '0'.repeat(64)]))
      .digest('hex');
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(hashRecord(1, content, GENESIS_HASH)).toBe(hash);
    const withChange = { ...content, action: 'WRITE' as const, change: '{"op":"x"}' };
    expect(hashRecord(2, withChange, hash)).toBe(
      createHash('sha256')
        .update(
          JSON.stringify([2, ...fields.slice(0, 7), 'WRITE', ...fields.slice(8), content.fieldsRead, content.withheld, hash, '{"op":"x"}']),
        )
        .digest('hex'),
    );
    const secret = Buffer.alloc(32, 7);
    const { current } = auditKeyring(secret.toString('base64'));
    expect(current.id).toBe(createHmac('sha256', secret).update('nwd audit key id').digest('hex').slice(0, 16));
    expect(mac(current, 'record', hash)).toBe(createHmac('sha256', secret).update(`record\n${hash}`).digest('hex'));
  });
});
