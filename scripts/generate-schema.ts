import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSchemaFiles, SCHEMA_DIR } from './schema-files';

/** Regenerates schema/*.graphql from the code (npm run schema:generate). */
const files = generateSchemaFiles();
for (const [name, content] of files) {
  const path = join(SCHEMA_DIR, name);
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    /* new file */
  }
  writeFileSync(path, content);
  console.log(`${old === content ? 'unchanged' : 'written  '} schema/${name}`);
}
