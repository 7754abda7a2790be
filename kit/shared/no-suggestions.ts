import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js ends many messages with a guess at what was meant: `Did you mean "youngPerson"?`, `Did
 * you mean the enum value "RED"?`. In production that spells out the schema to someone without
 * introspection; every such hint is cut, whichever rule wrote it. Names in a hint are schema names,
 * which cannot contain "?".
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
