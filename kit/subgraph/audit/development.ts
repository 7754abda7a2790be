import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyDefinition } from '../../shared/agencies';
import { generateAuditKey } from './audit-key';

/**
 * Development only: where `npm start` and the test graphs keep an agency's audit key and anchors, in
 * the folder beside its data, so that its chain still verifies after a restart and `audit:verify`
 * finds them. A deployment keeps the key in its secret store and the anchors on a volume of their own,
 * away from the database (README, "Keys").
 */
export function developmentAuditEnv(folder: string, agency: AgencyDefinition, create: boolean): NodeJS.ProcessEnv {
  const keyFile = join(folder, 'audit-keys', `${agency.name}.key`);
  if (create && !existsSync(keyFile)) {
    mkdirSync(join(folder, 'audit-keys'), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, `${generateAuditKey()}\n`, { mode: 0o600, flag: 'wx' });
  }
  return existsSync(keyFile) ? { AUDIT_KEY_FILE: keyFile, AUDIT_ANCHOR_DIR: join(folder, 'audit-anchors') } : {};
}
