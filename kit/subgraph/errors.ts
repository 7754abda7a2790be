import { GraphQLError } from 'graphql';

/** A client mistake: names the argument or field that was wrong, so the caller can fix it. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** An id that is well-formed but names nothing this service holds. */
export function notFound(field: string, value: string): GraphQLError {
  return new GraphQLError(`${field}: no record with id "${value}"`, {
    extensions: { code: 'NOT_FOUND', field },
  });
}

/** A write made against an older version than the one stored: nothing was changed; reload and try again. */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

/** The viewer may not do this (they may see the record, but this write is someone else's to make). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
