import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../kit/shared/paths';

/** Where the example operations a meeting tool (or a developer in the explorer) runs are kept. */
export const OPERATIONS_DIR = join(REPO_ROOT, 'gateway', 'operations');

export interface ExampleOperation {
  name: string;
  document: string;
  /** The example variables from the file's `# variables: {...}` line ({} when it has none). */
  variables: Record<string, unknown>;
}

/** One file of gateway/operations, by name without `.graphql`. */
export function operation(name: string): ExampleOperation {
  const document = readFileSync(join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');
  const line = /^# variables: (.+)$/m.exec(document)?.[1];
  return { name, document, variables: line ? (JSON.parse(line) as Record<string, unknown>) : {} };
}

/** Every file of gateway/operations. */
export function allOperations(): ExampleOperation[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => operation(f.replace(/\.graphql$/, '')));
}
