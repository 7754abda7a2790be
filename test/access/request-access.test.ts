import { PERSONAS } from '../../kit/dev/personas';
import { NOT_LINKED } from '../../kit/subgraph/access/grant-checks';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { RequestAccess } from '../../kit/subgraph/access/request-access';

/**
 * A break-glass read is reviewed by a privacy officer from its audit record, reason and all (README,
 * "Who can see what"). Young people with no identifier linked share one audit subject, "(not linked)",
 * so the record must still keep each reason given.
 */
describe("a request's audit records", () => {
  const at = new Date('2026-11-23T12:00:00Z');
  const breakGlass = (reason: string) => ({ key: NOT_LINKED, purpose: { kind: PurposeKind.BREAK_GLASS, reason } });

  it('keep each break-glass reason given for young people with no identifier linked, one record per reason', () => {
    const access = new RequestAccess(PERSONAS.policeAnalyst, 'req-1');
    access.read(breakGlass('Missing overnight; checking recent contacts'), 'HealthRecord.matchStatus');
    access.read(breakGlass('Found injured at the station; checking for a plan'), 'HealthRecord.matchStatus');
    access.read(breakGlass('Missing overnight; checking recent contacts'), 'YoungPerson.health');
    const records = access.auditContents(at).filter((r) => r.action === 'READ');
    expect(records.map((r) => [r.subject, r.breakGlassReason, r.fieldsRead])).toEqual([
      [NOT_LINKED, 'Missing overnight; checking recent contacts', JSON.stringify(['HealthRecord.matchStatus', 'YoungPerson.health'])],
      [NOT_LINKED, 'Found injured at the station; checking for a plan', JSON.stringify(['HealthRecord.matchStatus'])],
    ]);
  });
});
