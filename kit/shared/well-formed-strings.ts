import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';

/**
 * One guard for every string a client sends, in arguments written in the query or given as variables:
 * a NUL byte or a lone UTF-16 surrogate is refused as BAD_USER_INPUT naming the argument (HTTP 400).
 * No resolver has to remember it, and neither reaches a database (PostgreSQL refuses NUL, an audit
 * write failing on one blanks the answer) or a log as text that is not text.
 */
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is not text, or null when it is. */
export function malformation(value: string): string | null {
  if (NUL.test(value)) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed text (it has a lone UTF-16 surrogate)';
  return null;
}

export interface Malformed {
  /** The argument, as a client names it: `filter.keyWorker`, `input.invitees[2].name`. */
  field: string;
  reason: string;
}

/** A value given as a variable (JSON), walked to its strings. */
function inVariable(value: unknown, path: string): Malformed | null {
  if (typeof value === 'string') {
    const reason = malformation(value);
    return reason ? { field: path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inVariable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      const found = inVariable(member, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The first malformed string of an operation's arguments (fragments included), or null. Variables a
 * request does not give are taken at their default; they are named by the argument they fill.
 */
export function findMalformedString(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): Malformed | null {
  const defaults = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]) ?? []);
  const inLiteral = (node: ValueNode | undefined, path: string): Malformed | null => {
    switch (node?.kind) {
      case Kind.STRING: {
        const reason = malformation(node.value);
        return reason ? { field: path, reason } : null;
      }
      case Kind.VARIABLE: {
        const name = node.name.value;
        return Object.prototype.hasOwnProperty.call(variables, name)
          ? inVariable(variables[name], path)
          : inLiteral(defaults.get(name), path);
      }
      case Kind.LIST:
        for (let i = 0; i < node.values.length; i++) {
          const found = inLiteral(node.values[i], `${path}[${i}]`);
          if (found) return found;
        }
        return null;
      case Kind.OBJECT:
        for (const field of node.fields) {
          const found = inLiteral(field.value, `${path}.${field.name.value}`);
          if (found) return found;
        }
        return null;
      default:
        return null;
    }
  };
  let found: Malformed | null = null;
  const parts = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const part of parts) {
    visit(part, {
      Argument(node) {
        found ??= inLiteral(node.value, node.name.value);
      },
    });
    if (found) return found;
  }
  return null;
}

export function wellFormedStringsPlugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          // No operation: Apollo (or the gateway's own check) answers that.
          if (!operation) return Promise.resolve();
          const found = findMalformedString(document, operation, request.variables);
          if (!found) return Promise.resolve();
          return Promise.reject(
            new GraphQLError(`${found.field}: ${found.reason}`, {
              extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } },
            }),
          );
        },
      });
    },
  };
}
