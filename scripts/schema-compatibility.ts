import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { AGENCIES, agencyNamed } from '../kit/shared/agencies';
import { allOperations } from './operations';
import { SCHEMA_DIR } from './schema-files';

/** Where a change shows: in the graph clients query (API), or in the subgraph the gateway plans against. */
export type ChangeSeen = 'API' | 'subgraph';

export interface SchemaChange {
  seen: ChangeSeen;
  /** graphql-inspector's change type and path: FIELD_REMOVED HealthRecord.latestSdq. */
  type: string;
  path: string;
  message: string;
  breaking: boolean;
  /** A breaking change named in the changelog (schema/CHANGELOG.md). */
  acknowledged: boolean;
}

export interface SchemaCheckReport {
  agency: string;
  compositionErrors: { code: string; message: string }[];
  changes: SchemaChange[];
  /** Operations of gateway/operations that are no longer valid against the new API schema. */
  brokenOperations: { operation: string; errors: string[] }[];
  ok: boolean;
}

/**
 * How a breaking change is acknowledged: a line of the changelog `- <agency> <CHANGE_TYPE> <path>: why`,
 * e.g. `- health FIELD_REMOVED HealthRecord.latestSdq: the SDQ moves to the record's assessments`.
 */
export const acknowledgement = (agency: string, change: Pick<SchemaChange, 'type' | 'path'>) => `${agency} ${change.type} ${change.path}`;

function acknowledged(changelog: string): Set<string> {
  const lines = changelog.split('\n').flatMap((line) => {
    const m = /^\s*[-*]\s+(\S+)\s+([A-Z_]+)\s+([^\s:]+)/.exec(line);
    return m ? [`${m[1]} ${m[2]} ${m[3]}`] : [];
  });
  return new Set(lines);
}

const committedSdl = (agency: string) => readFileSync(join(SCHEMA_DIR, `${agency}.graphql`), 'utf8');

/** The API schema of the four subgraphs with `agency`'s SDL as given, or composition's errors by code. */
function composeApi(agency: string, sdl: DocumentNode): { api?: GraphQLSchema; errors: SchemaCheckReport['compositionErrors'] } {
  const composed = composeServices(
    AGENCIES.map(({ name }) => ({ name, url: '', typeDefs: name === agency ? sdl : parse(committedSdl(name)) })),
  );
  if (composed.errors) {
    const codeOf = (code: unknown) => (typeof code === 'string' ? code : 'COMPOSITION_ERROR');
    return { errors: composed.errors.map((e) => ({ code: codeOf(e.extensions.code), message: e.message })) };
  }
  return { api: composed.schema.toAPISchema().toGraphQLJSSchema(), errors: [] };
}

function changesSeen(seen: ChangeSeen, changes: Change[], agency: string, acks: Set<string>): SchemaChange[] {
  return changes.map((c) => {
    const path = c.path ?? '(schema)';
    const type = String(c.type);
    const breaking = c.criticality.level === CriticalityLevel.Breaking;
    return {
      seen,
      type,
      path,
      message: c.message,
      breaking,
      acknowledged: breaking && acks.has(acknowledgement(agency, { type, path })),
    };
  });
}

/**
 * Compares `agency`'s changed subgraph SDL with the committed one (schema/<agency>.graphql) and with
 * the graph composed from it: what changed, in the subgraph and in the API clients see, which changes
 * break (graphql-inspector's criticality), whether the supergraph still composes, and whether every
 * operation in gateway/operations is still valid. A breaking change is allowed only when the changelog
 * acknowledges it.
 */
export async function checkSubgraphChange(agencyName: string, changedSdl: string, changelog: string): Promise<SchemaCheckReport> {
  const agency = agencyNamed(agencyName).name;
  let changed: DocumentNode;
  try {
    changed = parse(changedSdl);
  } catch (err) {
    throw new Error(`the changed SDL of ${agency} does not parse: ${(err as Error).message}`, { cause: err });
  }
  const acks = acknowledged(changelog);
  const old = composeApi(agency, parse(committedSdl(agency)));
  if (!old.api) throw new Error(`the committed schema/ files do not compose: ${old.errors.map((e) => e.code).join(', ')}`);
  const next = composeApi(agency, changed);

  let subgraphChanges: Change[] = [];
  try {
    subgraphChanges = await diff(
      buildSubgraphSchema({ typeDefs: parse(committedSdl(agency)) }),
      buildSubgraphSchema({ typeDefs: changed }),
    );
  } catch (err) {
    next.errors.push({ code: 'INVALID_SUBGRAPH', message: (err as Error).message });
  }
  const changes = changesSeen('subgraph', subgraphChanges, agency, acks);
  const brokenOperations: SchemaCheckReport['brokenOperations'] = [];
  if (next.api) {
    // What clients see: the same change reported once (an @inaccessible added shows only here).
    const inSubgraph = new Set(changes.map((c) => `${c.type} ${c.path}`));
    changes.push(...changesSeen('API', await diff(old.api, next.api), agency, acks).filter((c) => !inSubgraph.has(`${c.type} ${c.path}`)));
    for (const op of allOperations()) {
      const errors = validate(next.api, parse(op.document)).map((e) => e.message);
      if (errors.length) brokenOperations.push({ operation: op.name, errors });
    }
  }
  const ok = next.errors.length === 0 && brokenOperations.length === 0 && changes.every((c) => !c.breaking || c.acknowledged);
  return { agency, compositionErrors: next.errors, changes, brokenOperations, ok };
}

/** The report in words, one line per finding. */
export function describeSchemaCheck(report: SchemaCheckReport, changelogPath: string): string[] {
  const { agency } = report;
  const lines = report.compositionErrors.map((e) => `composition error ${e.code}: ${e.message}`);
  for (const c of report.changes) {
    const verdict = !c.breaking ? 'safe    ' : c.acknowledged ? 'breaking (acknowledged)' : 'BREAKING';
    lines.push(`${verdict} ${c.type} ${c.path} (${c.seen}): ${c.message}`);
  }
  for (const b of report.brokenOperations) lines.push(`operation ${b.operation} no longer valid: ${b.errors.join('; ')}`);
  const unacknowledged = report.changes.filter((c) => c.breaking && !c.acknowledged);
  if (unacknowledged.length) {
    lines.push(`to make ${unacknowledged.length > 1 ? 'these changes' : 'this change'} anyway, say why in ${changelogPath}:`);
    lines.push(...unacknowledged.map((c) => `  - ${acknowledgement(agency, c)}: <why, and what clients must change>`));
  }
  if (report.changes.length === 0 && report.compositionErrors.length === 0) lines.push(`${agency}: no change to the schema`);
  lines.push(report.ok ? `${agency}: schema check passed` : `${agency}: schema check failed`);
  return lines;
}
