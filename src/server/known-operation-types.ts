import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation type the schema has no root for (this service has no subscriptions),
 * as a validation error rather than a failure during execution. graphql-js 17 has this rule.
 */
export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This service does not support ${node.operation} operations; use a query or a mutation.`, { nodes: node }));
  },
});
