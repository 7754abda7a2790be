import { pathToArray } from '@graphql-tools/utils';
import { getNullableType, GraphQLError, isListType, type GraphQLErrorExtensions } from 'graphql';
import type { HivePlugin } from './runtime';

/**
 * Where graphql-tools (under Hive Gateway) keeps the errors of a subgraph's answer it could not place:
 * it moves an error to the client's path only where the data at its path is null, so a notice beside
 * something shown (a list the young person's wishes may have shortened) keeps the subgraph's
 * `["_entities", i, ...]`.
 */
const UNPATHED_ERRORS = Symbol.for('subschemaErrors');
/** Marks, between the fetch and the merge, such an error with its entity's place in the fetch: `{ index, of }`. */
const ENTITY = 'nwdEntity';

interface SubgraphAnswer {
  data?: unknown;
  errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/**
 * Puts a withheld notice (docs/partner-contract.md, section 5) at the client's path, as the gateway
 * does: ["youngPerson", "health", "chronology"], not ["_entities", 0, "health", "chronology"]. Done only
 * where it is certain whose notice it is: an `_entities` fetch for one entity merged into one object, or
 * for as many entities as a list (with no list above it) has items, which stitching asks for in the
 * list's order. Otherwise (entities of several lists in one fetch, a young person twice in a list) the
 * notice keeps the subgraph's path rather than risk naming another young person's.
 */
export function useEntityNoticePaths(): HivePlugin {
  /** Per request: how many objects of each list each subgraph was asked to complete. */
  const asked = new WeakMap<object, Map<string, number>>();
  return {
    onFetch({ options }) {
      if (typeof options.body !== 'string') return Promise.resolve();
      const representations = (JSON.parse(options.body) as { variables?: { representations?: unknown } }).variables?.representations;
      if (!Array.isArray(representations)) return Promise.resolve();
      return Promise.resolve(async ({ response, setResponse }) => {
        const answer = (await response.clone().json()) as SubgraphAnswer;
        // Only those beside something shown: stitching places the others itself, at their null.
        const notices = (answer.errors ?? []).filter((e) => e.path?.[0] === '_entities' && valueAt(answer.data, e.path) != null);
        if (!notices.length) return;
        for (const error of notices)
          error.extensions = { ...error.extensions, [ENTITY]: { index: error.path![1], of: representations.length } };
        setResponse(new Response(JSON.stringify(answer), { status: response.status, headers: response.headers }));
      });
    },
    onDelegationStageExecute({ info, context, subgraph }) {
      const at = pathToArray(info.path);
      const list = isListType(getNullableType(info.returnType));
      const key = `${subgraph} ${at.join('.')}`;
      let counts = asked.get(context);
      if (!counts) asked.set(context, (counts = new Map<string, number>()));
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return ({ result }) => {
        const errors = (result as Record<symbol, GraphQLError[] | undefined> | null)?.[UNPATHED_ERRORS];
        errors?.forEach((error, i) => {
          const place = error.extensions[ENTITY] as { index: number; of: number } | undefined;
          if (!place) return;
          const { [ENTITY]: _place, ...extensions } = error.extensions as GraphQLErrorExtensions & { [ENTITY]?: unknown };
          const items = counts.get(key);
          const certain = list ? !at.some((k) => typeof k === 'number') && items === place.of : place.of === 1;
          const path = certain && error.path ? [...at, ...(list ? [place.index] : []), ...error.path.slice(2)] : error.path;
          errors[i] = new GraphQLError(error.message, { path, extensions });
        });
      };
    },
  };
}
