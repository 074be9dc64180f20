import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fragmentBomb } from '../../../bench/bombs';
import { createSchema } from '../../../src/schema/build-schema';
import { CostRefusal } from '../../../src/server/cost-rules';
import { measureCost } from '../../../src/server/query-cost';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await createSchema();
});

function cost(query: string, variables: Record<string, unknown> = {}, graphNodes?: number): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureCost({ schema, document, operation, variables, graphNodes });
}

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('the cost of an operation', () => {
  it('prices a fragment bomb by memoised fragments: 2^25, counted in 26 steps', () => {
    const started = performance.now();
    expect(cost(fragmentBomb(25))).toBe(2 ** 25);
    expect(cost(fragmentBomb(200))).toBe(2 ** 200);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('multiplies a list by its first, nested lists by each other', () => {
    // 1 + 100 × (nodes: 1 + (principles: 1 + 100 × (essays: 1 + 100 × id)))
    expect(cost('{ essays(first: 100) { nodes { principles(first: 100) { essays(first: 100) { id } } } } }')).toBe(1_010_201);
    expect(cost('{ essays { nodes { id } } }')).toBe(1 + 20 * 2);
  });

  it('prices conceptPath by k × maxHops and aliases pay in full', () => {
    const path = 'conceptPath(from: "role:engineer", to: "role:ctpo", k: 10, maxHops: 8) { reading nodes { id } }';
    // 10 × 8 × 250 for the search, 10 paths × 9 nodes × (reading 1 + nodes 2)
    expect(cost(`{ ${path} }`)).toBe(20_270);
    expect(cost(aliased(100, path))).toBe(2_027_000);
    expect(cost('query($k: Int!) { conceptPath(from: "a", to: "b", k: $k) { length } }', { k: 2 })).toBe(2 * 6 * 250 + 2 * 7 * 1);
  });

  it('prices conceptMap by depth × limit', () => {
    const map = 'conceptMap(center: "principle:culture-emerges-from-structure", limit: 2000) { nodes { id } }';
    expect(cost(`{ ${map} }`)).toBe(1 * 2000 * 10 + 2000 * 2);
    expect(cost(aliased(20, map))).toBe(480_000);
    expect(cost('{ conceptMap(depth: 3, limit: 500) { truncated } }')).toBe(3 * 500 * 10 + 500 * 1);
  });

  it('refuses betweenness past the node bound before any database work, and prices it by size below', () => {
    const query = '{ centrality(metric: BETWEENNESS, first: 5) { score } }';
    expect(cost(query, {}, 59)).toBe(590 + 5);
    expect(() => cost(query, {}, 10_330)).toThrow(CostRefusal);
    expect(() => cost(query, {}, 10_330)).toThrow('Betweenness is computed on graphs of up to 5000 nodes; this one has 10330. Use PAGERANK or DEGREE.');
    expect(cost('{ centrality(metric: PAGERANK, first: 5) { score } }', {}, 10_330)).toBe(10_330 + 5);
  });

  it('prices inline fragments on the type they name, and introspection flat', () => {
    expect(cost('{ node(id: "role:ctpo") { ... on Role { growsInto(first: 50) { id } } } }')).toBe(1 + (1 + 50 * 1));
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(100);
  });
});
