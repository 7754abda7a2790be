import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * An operation whose type the graph does not have (a subscription: there is no Subscription type) is a
 * validation error, HTTP 400, like an unknown field. graphql 16 has no such rule (17 adds
 * KnownOperationTypesRule) and the gateway's query planner would otherwise throw it as a 500.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation))
      context.reportError(new GraphQLError(`This graph has no ${node.operation} operations.`, { nodes: node }));
  },
});
