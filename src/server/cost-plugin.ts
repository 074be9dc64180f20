import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getVariableValues, GraphQLError, Kind, validate, type DocumentNode, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { BadUserInputError, QueryTooComplexError } from '../domain/errors';
import { CostRefusal } from './cost-rules';
import { measureCost } from './query-cost';
import { refuseRequest } from './wire-errors';

/** Shape limits checked before the cost, each linear in the document (fragments memoised). */
export interface ShapeLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
}

export const SHAPE_LIMITS: ShapeLimits = { depth: 12, aliases: 30, directives: 50 };

export interface CostPluginOptions {
  readonly maxCost: number;
  readonly shape?: ShapeLimits;
  /** Nodes in the graph as last seen; betweenness is priced (or refused) by it. */
  readonly graphNodes?: () => Promise<number | undefined>;
  /** Told the cost of each operation that passed, before it executes. */
  readonly onAdmitted?: (context: object, cost: number) => Promise<void>;
}

/**
 * Runs after validation and before any resolver: coerces the variables (a client's mistake
 * there is BAD_USER_INPUT naming the variable), checks depth, aliases and directives, then the
 * worst-case cost. Everything it refuses has done no database work.
 */
export function createCostPlugin(options: CostPluginOptions): ApolloServerPlugin<object> {
  const shape = options.shape ?? SHAPE_LIMITS;
  // The shape depends on the document alone, and Apollo hands the same document object for the
  // same query text (its document cache): one that passed is not walked again (about 0.4 ms of
  // the main thread per request, a tenth of what a request that does nothing costs).
  const passed = new WeakSet<DocumentNode>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          // Apollo has already refused a document without the named operation.
          if (!request.operation) return;
          const resolved = request as ResolvedRequest;
          const variables = coerceVariables(resolved);
          if (!passed.has(request.document)) {
            checkShape(request, shape);
            passed.add(request.document);
          }
          const cost = priceOperation(resolved, variables, await needsGraphSize(request, options), options.maxCost);
          await options.onAdmitted?.(request.contextValue, cost);
        },
      };
    },
  };
}

type ResolvedRequest = GraphQLRequestContextDidResolveOperation<object> & { operation: OperationDefinitionNode };

/** No argument takes more than a few dozen values; coercing 100,000 would stall the process. */
export const MAX_VARIABLE_VALUES = 1_000;

function coerceVariables(request: ResolvedRequest): Record<string, unknown> {
  refuseHugeVariables(request.request.variables ?? {});
  const definitions = request.operation.variableDefinitions ?? [];
  const coerced = getVariableValues(request.schema, definitions, request.request.variables ?? {}, { maxErrors: 1 });
  if (!coerced.errors) return coerced.coerced;
  const [error] = coerced.errors;
  const definition = error?.nodes?.find((node): node is VariableDefinitionNode => node.kind === Kind.VARIABLE_DEFINITION);
  const field = definition ? `$${definition.variable.name.value}` : 'variables';
  throw refuseRequest(new BadUserInputError(field, error?.message ?? 'Invalid variables.'), error?.nodes ?? []);
}

function refuseHugeVariables(variables: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (countValues(value, MAX_VARIABLE_VALUES + 1) > MAX_VARIABLE_VALUES) {
      throw refuseRequest(new BadUserInputError(`$${name}`, `Variable "$${name}" holds more than ${MAX_VARIABLE_VALUES} values.`, MAX_VARIABLE_VALUES));
    }
  }
}

/** Values inside a JSON value, counting stops once past `stopAt`. */
function countValues(value: unknown, stopAt: number): number {
  if (value === null || typeof value !== 'object') return 1;
  let count = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    count += countValues(item, stopAt - count);
    if (count >= stopAt) break;
  }
  return count;
}

function checkShape(request: GraphQLRequestContextDidResolveOperation<object>, shape: ShapeLimits): void {
  const reject = { propagateOnRejection: true, exposeLimits: true };
  const rules = [
    maxDepthRule({ n: shape.depth, ...reject }),
    maxAliasesRule({ n: shape.aliases, ...reject }),
    maxDirectivesRule({ n: shape.directives, ...reject }),
  ];
  try {
    validate(request.schema, request.document, rules);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // The armor rules word their refusals as syntax errors; the client's problem is size.
    const message = error.message.replace(/^Syntax Error: /, '');
    const limit = Number(/limit of (\d+)/.exec(message)?.[1]);
    throw tooComplex(`${message} Split the operation or ask for less.`, { limit });
  }
}

async function needsGraphSize(request: GraphQLRequestContextDidResolveOperation<object>, options: CostPluginOptions): Promise<number | undefined> {
  // Only centrality's price depends on the graph's size; other operations never wait for it.
  return request.source?.includes('centrality') ? options.graphNodes?.() : undefined;
}

function priceOperation(request: ResolvedRequest, variables: Record<string, unknown>, graphNodes: number | undefined, maxCost: number): number {
  let cost: number;
  try {
    cost = measureCost({ schema: request.schema, document: request.document, operation: request.operation, variables, graphNodes });
  } catch (error) {
    if (error instanceof CostRefusal) throw tooComplex(error.message, { limit: error.limit });
    throw error;
  }
  if (cost > maxCost) {
    const shown = Number.isFinite(cost) ? Math.round(cost) : 'unbounded';
    throw tooComplex(
      `The operation could cost up to ${shown} units, over the limit of ${maxCost}; ` +
        'ask for fewer items (smaller `first`, `limit`, `k` or `maxHops`), fewer aliases or fewer nested levels.',
      { complexity: shown, limit: maxCost },
    );
  }
  return cost;
}

function tooComplex(message: string, measures: ConstructorParameters<typeof QueryTooComplexError>[1]): GraphQLError {
  return refuseRequest(new QueryTooComplexError(message, measures));
}
