import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** A list field costs its `first` (or `limit`) times what each item costs. */
const listEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : undefined;
  return size === undefined ? undefined : 1 + size * Math.max(childComplexity, 1);
};

/**
 * Refuses an operation whose worst case exceeds `max` before any resolver runs, so no query,
 * however deep or wide, can ask the database for an unbounded amount of work.
 */
export function createComplexityPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(
              `The operation could cost up to ${complexity} units, over the limit of ${max}; ` +
                'ask for fewer items (smaller `first`) or fewer nested levels.',
              { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, limit: max, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
