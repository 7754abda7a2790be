import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * A request whose operationName names no operation of its document, or that leaves the choice open
 * among several, is the client's mistake: 400 OPERATION_RESOLUTION_FAILURE. Apollo Server leaves the
 * choice to the executor, and the gateway's threw it as an internal error (500).
 */
export function operationResolutionPlugin<Ctx extends object>(): ApolloServerPlugin<Ctx> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request }) {
          if (operation) return Promise.resolve();
          const hasOperations = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
          const message =
            request.operationName != null
              ? 'operationName names no operation of this document.'
              : hasOperations
                ? 'This document has several operations: say which to run with operationName.'
                : 'This document has no operation to run.';
          return Promise.reject(new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } }));
        },
      });
    },
  };
}
