import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AGENCIES, agencyNamed, envName, type AgencyDefinition } from '../kit/shared/agencies';
import { isProduction, secretFromEnv } from '../kit/shared/config';
import { fromRepoRoot } from '../kit/shared/paths';
import { readAnchors } from '../kit/subgraph/audit/anchors';
import { developmentAuditEnv } from '../kit/subgraph/audit/development';
import { verifyAuditChain, type ChainReport } from '../kit/subgraph/audit/verify';
import { verifyPackSnapshots, type SnapshotsReport } from '../kit/subgraph/snapshots/verify-snapshots';
import { auditConfigFromEnv, databaseForAgency, type AuditConfig } from '../kit/subgraph/config';
import { openServiceDatabase } from '../kit/subgraph/database';
import { loadAgencyService } from '../kit/subgraph/load-service';

/** An agency's audit chain, and the meeting-pack parts it froze beside it. */
export interface AgencyAuditReport extends ChainReport {
  snapshots: SnapshotsReport;
}

/**
 * npm run audit:verify [-- --agency health]: walks each agency's audit chain, checks each record's
 * signature with the agency's audit keys and the chain's end against its anchors, and reports what
 * is wrong. Exits 1 when any chain is. Databases as for npm start: <CODE>_DATABASE_URL or
 * data/<agency>.db; keys and anchors: <CODE>_AUDIT_KEY (or _FILE), <CODE>_AUDIT_PREVIOUS_KEYS,
 * <CODE>_AUDIT_ANCHOR_DIR, or in development those npm start keeps under data/.
 */
export async function verifyAgency(name: string, database: string, audit: AuditConfig): Promise<AgencyAuditReport> {
  // Anchors first: each then names a record that was already written when the chain is read.
  const anchors = audit.anchorFolder ? await readAnchors(audit.anchorFolder, name) : undefined;
  // Read as it is: a missing database, or one behind this version's migrations, is an error, never made or changed here.
  const orm = await openServiceDatabase(loadAgencyService(name), database, { migrate: false });
  try {
    const chain = await verifyAuditChain(orm.em.fork(), audit.keyring, { anchors });
    const snapshots = await verifyPackSnapshots(orm.em.fork(), audit.keyring, {
      signedFromTheStart: chain.records > 0 && chain.unsigned === 0,
    });
    return { ...chain, ok: chain.ok && snapshots.broken.length === 0, snapshots };
  } finally {
    await orm.close(true);
  }
}

/** An agency's keys and anchors as the operator gives them, or (development) as npm start keeps them. */
function auditFor(agency: AgencyDefinition, env: NodeJS.ProcessEnv): AuditConfig {
  const prefix = envName(agency, '');
  const development = developmentAuditEnv(fromRepoRoot('data'), agency, false);
  if (secretFromEnv(env, `${prefix}AUDIT_KEY`) || isProduction(env) || !development.AUDIT_KEY_FILE) return auditConfigFromEnv(env, prefix); // names the prefixed variable when it is missing
  return auditConfigFromEnv(development);
}

/** What an operator reads: every problem in words, or that all is well. */
export function describeReport(name: string, report: AgencyAuditReport): string[] {
  const lines: string[] = [];
  if (report.firstBroken) lines.push(`${name}: ${report.firstBroken.reason} (${report.records} records before it verify)`);
  if (report.truncated) lines.push(`${name}: ${report.truncated}`);
  for (const bad of [...report.badAnchors, ...report.snapshots.broken]) lines.push(`${name}: ${bad}`);
  if (report.ok) {
    const anchored = report.anchored ? `, anchored up to record ${report.anchored.seq} at ${report.anchored.at}` : ', no anchors';
    const unsigned = report.unsigned ? `; the first ${report.unsigned} were written before records were signed` : '';
    lines.push(`${name}: audit chain intact (${report.records} records${anchored})${unsigned}`);
    lines.push(`${name}: ${report.snapshots.parts} frozen meeting-pack parts as frozen`);
  }
  if (report.snapshots.unsigned.length)
    lines.push(
      `${name}: ${report.snapshots.unsigned.length} frozen pack parts carry no MAC (frozen before parts were signed, or stripped)`,
    );
  return lines;
}

async function run() {
  const { values } = parseArgs({ options: { agency: { type: 'string' } } });
  const agencies: readonly AgencyDefinition[] = values.agency ? [agencyNamed(values.agency)] : AGENCIES;
  let broken = false;
  for (const agency of agencies) {
    const report = await verifyAgency(agency.name, databaseForAgency(agency, process.env), auditFor(agency, process.env));
    broken ||= !report.ok;
    for (const line of describeReport(agency.name, report)) console.log(line);
  }
  process.exit(broken ? 1 : 0);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
