import { getOperationAST, parse, type DocumentNode } from 'graphql';
import seedrandom from 'seedrandom';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { ProjectionManager } from '../../src/projection/projection-manager';
import { createSchema } from '../../src/schema/build-schema';
import { readExampleTabs } from '../../src/server/playground';
import { CompiledExecution, countFields, MAX_COMPILED_FIELDS } from '../../src/server/compiled-execution';
import type { Server } from '../../src/server/create-server';
import { randomRequest } from '../support/fuzz-operations';
import { createTestServer, startTestProjection } from '../support/graphql';
import { connectTestDatabase } from '../support/test-database';

/*
 * A document runs in graphql-js until its COMPILE_ON_USE-th use and compiled (graphql-jit) from
 * then on; here the server compiles on the second use. Whoever sends it must not be able to tell: every operation here is sent twice over HTTP
 * and both answers must be the same to the byte, status included — the README's examples, the
 * service's errors, and a seeded sample of the fuzzer's careless and hostile operations.
 */

const FUZZ_SEED = 'compiled-execution-1';
const FUZZ_REQUESTS = 300;

let database: GraphDatabase;
let projection: ProjectionManager;
let server: Server;
let url: string;

beforeAll(async () => {
  database = connectTestDatabase();
  projection = await startTestProjection(database);
  // Compiled from the second use, so each operation is sent once each way.
  server = await createTestServer(database, 200_000, undefined, projection, 2);
  url = await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await server.stop();
  projection.stop();
  await database.close();
});

async function post(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.text() };
}

/** The first and second answer to the same request (graphql-js, then compiled), with what the first said. */
async function twice(query: string, variables: Record<string, unknown> = {}) {
  const first = await post(query, variables);
  const second = await post(query, variables);
  return { first, second };
}

describe('compiled execution', () => {
  it('answers every README example the same from its second use on', async () => {
    const compiledBefore = server.execution.compiledOperations;
    const examples = readExampleTabs().map((tab) => tab.query);
    for (const query of examples) {
      const { first, second } = await twice(query);
      expect({ query, ...second }).toEqual({ query, ...first });
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body).errors).toBeUndefined();
    }
    // Every example was compiled on its second use (none fell back to graphql-js).
    expect(server.execution.compiledOperations - compiledBefore).toBe(examples.length);
    expect(server.execution.notCompilable).toBe(0);
  });

  it('gives the same errors, codes and statuses both ways', async () => {
    const cases: [string, Record<string, unknown>, number][] = [
      // Not found, and bad input from class-validator.
      ['query Q($id: ID!) { relatedThoughts(id: $id, first: 3) { node { id } score } }', { id: 'essay:nope' }, 200],
      ['query Q($k: Int!) { conceptPath(from: "role:engineer", to: "role:ctpo", k: $k) { nodes { id } } }', { k: 1000 }, 400],
      // Variables graphql-js coerces before execution: the wrong type, missing, out of range.
      ['query Q($f: Int!) { essays(first: $f) { totalCount } }', { f: 'ten' }, 400],
      ['query Q($f: Int!) { essays(first: $f) { totalCount } }', {}, 400],
      ['query Q($f: Int) { essays(first: $f) { totalCount } }', { f: 2147483648 }, 400],
      ['query Q($kinds: [NodeKind!]) { conceptMap(center: "role:ctpo", kinds: $kinds, limit: 5) { nodes { id } } }', { kinds: ['NOPE'] }, 400],
      // A mutation on a server without editor tokens: FORBIDDEN.
      ['mutation M($input: ConceptInput!) { upsertConcept(input: $input) { created } }', { input: { slug: 'x', name: 'X' } }, 200],
    ];
    for (const [query, variables, status] of cases) {
      const { first, second } = await twice(query, variables);
      expect({ query, ...second }).toEqual({ query, ...first });
      expect({ query, status: first.status }).toEqual({ query, status });
      expect({ query, failed: JSON.parse(first.body).errors !== undefined }).toEqual({ query, failed: true });
    }
  });

  it('reads fragments, interfaces, directives, aliases and introspection the same both ways', async () => {
    const query = `query Q($withRoles: Boolean!, $skipEdges: Boolean!) {
      a: node(id: "principle:culture-emerges-from-structure") { ...Described ... on Principle { statement roles @include(if: $withRoles) { id } } }
      b: node(id: "role:ctpo") { __typename id ... on Role { name } edges(first: 3) @skip(if: $skipEdges) { type node { id } } }
      __type(name: "MapEdge") { fields { name type { kind ofType { name } } } }
    }
    fragment Described on GraphNode { id kind label degree }`;
    for (const variables of [
      { withRoles: true, skipEdges: false },
      { withRoles: false, skipEdges: true },
    ]) {
      const { first, second } = await twice(query, variables);
      expect(second).toEqual(first);
      expect(JSON.parse(first.body).errors).toBeUndefined();
    }
  });

  it('answers a seeded sample of the fuzzer the same both ways', async () => {
    const schema = await createSchema();
    const random = seedrandom(FUZZ_SEED);
    const differences: unknown[] = [];
    let answered = 0;
    for (let i = 0; i < FUZZ_REQUESTS; i++) {
      const request = randomRequest(schema, random);
      const { first, second } = await twice(request.query, request.variables);
      if (first.status !== second.status || first.body !== second.body) differences.push({ request, first, second });
      if (first.status === 200 && JSON.parse(first.body).data) answered += 1;
    }
    expect(differences).toEqual([]);
    // The sample reaches execution, not only the validation in front of it.
    expect(answered).toBeGreaterThan(FUZZ_REQUESTS / 10);
  });
});

describe('CompiledExecution', () => {
  it('compiles a query on its second use, each operation of a document on its own; never a mutation or input objects in variables', async () => {
    const execution = new CompiledExecution(await createSchema(), 2);
    const document = parse(`query A { __typename } query B($k: [NodeKind!]) { search(query: "x", kinds: $k) { score } }
      query C($input: LinkInput!) { __typename } mutation D { __typename }`);
    const use = (name: string) => execution.compiledFor(document, getOperationAST(document, name)!, name);
    expect(['A', 'B', 'C', 'D'].map(use)).toEqual([null, null, null, null]);
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(use);
    expect([a !== null, b !== null, a === b, c, d]).toEqual([true, true, false, null, null]);
    expect(use('A')).toBe(a);
    expect([execution.compiledOperations, execution.notCompilable]).toEqual([2, 0]);
  });

  it('keeps at most its bound of documents, the least recently used going first', async () => {
    const execution = new CompiledExecution(await createSchema(), 2, 2);
    const documents = ['{ a: __typename }', '{ b: __typename }', '{ c: __typename }'].map((text) => parse(text));
    const use = (document: DocumentNode) => execution.compiledFor(document, getOperationAST(document)!, undefined);
    const [a, b, c] = documents as [DocumentNode, DocumentNode, DocumentNode];
    expect([use(a), use(a) !== null]).toEqual([null, true]);
    use(b);
    use(c);
    // a went when c came: its next use is a first use again.
    expect([use(a), use(a) !== null]).toEqual([null, true]);
  });

  it('counts fields with fragments expanded, and leaves a document over MAX_COMPILED_FIELDS to graphql-js', async () => {
    const execution = new CompiledExecution(await createSchema(), 1);
    const doubling = parse(
      `{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { __typename ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on Query { __typename }`,
    );
    expect(countFields(doubling, getOperationAST(doubling)!)).toBe(2 ** 31 - 1);
    const field = (i: number) => `a${i}: essay(slug: "s") { id title principles { id } }`;
    const [narrow, wide] = [40, 41].map((n) => parse(`{ ${Array.from({ length: n }, (_, i) => field(i)).join(' ')} }`));
    expect([countFields(narrow!, getOperationAST(narrow!)!), countFields(wide!, getOperationAST(wide!)!)]).toEqual([
      MAX_COMPILED_FIELDS,
      MAX_COMPILED_FIELDS + 5,
    ]);
    expect(execution.compiledFor(narrow!, getOperationAST(narrow!)!, undefined)).not.toBeNull();
    expect(execution.compiledFor(wide!, getOperationAST(wide!)!, undefined)).toBeNull();
  });
});
