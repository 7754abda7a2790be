import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { generateSchemaFiles, SCHEMA_DIR } from '../../scripts/schema-files';
import { assertServicesBuilt } from '../support/built';

describe('schema/', () => {
  // Printing the four subgraphs and composing them takes a few seconds; do it once.
  let generated: Map<string, string>;
  beforeAll(() => {
    assertServicesBuilt();
    generated = generateSchemaFiles();
  });

  it('holds one SDL per subgraph and the supergraph', () => {
    expect([...generated.keys()].sort()).toEqual(['education.graphql', 'health.graphql', 'police.graphql', 'social-care.graphql', 'supergraph.graphql']);
  });

  it('is up to date with the code (run `npm run schema:generate` and commit when this fails)', () => {
    for (const [name, content] of generated) {
      const path = join(SCHEMA_DIR, name);
      expect(existsSync(path) ? readFileSync(path, 'utf8') : `(schema/${name} is missing)`).toBe(content);
    }
  });

  it('gives each agency its own key for YoungPerson, so no agency receives another agency\'s identifier', () => {
    const keyOf = (file: string) => /type YoungPerson[^{]*/.exec(generated.get(file)!)![0];
    expect(keyOf('health.graphql')).toMatch(/@key\(fields: "nhsNumber"\)/);
    expect(keyOf('health.graphql')).not.toMatch(/upn|pncId|"id"/);
    expect(keyOf('education.graphql')).toMatch(/@key\(fields: "upn"\)/);
    expect(keyOf('education.graphql')).not.toMatch(/nhsNumber|pncId|"id"/);
    expect(keyOf('police.graphql')).toMatch(/@key\(fields: "pncId"\)/);
    expect(keyOf('police.graphql')).not.toMatch(/nhsNumber|upn|"id"/);
  });

  it('fails composition loudly when subgraphs disagree (the check is real)', () => {
    const broken = [
      { name: 'a', url: 'http://a', typeDefs: parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { x: T } type T { v: Int }') },
      { name: 'b', url: 'http://b', typeDefs: parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { y: T } type T { v: String }') },
    ];
    expect(composeServices(broken).errors?.length).toBeGreaterThan(0);
  });
});
