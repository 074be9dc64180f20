import { compareIds } from '../../src/domain/compare-ids';
import { EDGE_RULES, EDGE_TYPES, EdgeOrigin, type EdgeType } from '../../src/domain/edge-type';
import { canonicalJson, DUMP_FORMAT, DUMP_VERSION, validateDump } from '../../src/domain/graph-dump';
import { makeNodeId } from '../../src/domain/node-id';
import { labelPropertyOf, NODE_KINDS, type NodeKind } from '../../src/domain/node-kind';
import { readGraphDump, toWriterInput as dumpToWriterInput, writeInBatches } from '../../src/graph/graph-dump-repository';
import { writeGraphBatch } from '../../src/graph/graph-writer';
import { toWriterInput, type GraphWorld } from '../support/graph-world';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * Every node kind survives export and import: a graph of one node of the kind and one edge is
 * exported as `npm run export` writes it, imported into an empty database as `npm run import`
 * reads it, and exported again to the same text. A kind added to NODE_KINDS is checked here
 * without anyone listing it.
 */

let store: PrivateNeo4j;

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: false });
});

afterAll(async () => {
  await store.stop();
});

/** The first edge type (in table order) that a node of `kind` may have, and the kind at its other end. */
function firstEdgeOf(kind: NodeKind): { type: EdgeType; outgoing: boolean; partner: NodeKind } {
  const type = EDGE_TYPES.find((each) => EDGE_RULES[each].from.includes(kind) || EDGE_RULES[each].to.includes(kind));
  if (type === undefined) throw new Error(`No edge type in EDGE_RULES joins a ${kind}.`);
  const outgoing = EDGE_RULES[type].from.includes(kind);
  return { type, outgoing, partner: (outgoing ? EDGE_RULES[type].to : EDGE_RULES[type].from)[0]! };
}

function nodeOf(kind: NodeKind, slug: string) {
  return { id: makeNodeId(kind, slug), properties: { [labelPropertyOf(kind)]: `The ${kind} ${slug}`, aliases: ['another name'], rank: 2.5 } };
}

/** One node of `kind` (slug `subject`), one of the kind its first edge type reaches, and that edge. */
function worldOf(kind: NodeKind): GraphWorld {
  const { type, outgoing, partner } = firstEdgeOf(kind);
  const [subject, other] = [nodeOf(kind, 'subject'), nodeOf(partner, 'other')];
  const [from, to] = outgoing ? [subject.id, other.id] : [other.id, subject.id];
  return {
    nodes: [subject, other],
    edges: [{ type, from, to, weight: 0.5, origin: EdgeOrigin.INFERRED, note: 'round trip', properties: { order: 1 } }],
  };
}

const exportText = async () => canonicalJson(await readGraphDump(store.database.executor()));
const wipe = () => store.database.executor().write('MATCH (n) DETACH DELETE n');

describe.each(NODE_KINDS)('a graph holding one node of kind %s', (kind) => {
  it('exports every property of the node and its edge, and imports into an empty database as the same graph', async () => {
    await wipe();
    const world = worldOf(kind);
    const { nodes, edges } = toWriterInput(world);
    await store.database.executor().writeTransaction((run) => writeGraphBatch(run, nodes, edges));

    const exported = await exportText();
    const [edge] = world.edges;
    expect(JSON.parse(exported)).toEqual({
      format: DUMP_FORMAT,
      version: DUMP_VERSION,
      nodes: world.nodes
        .map(({ id, properties }) => ({ id, properties: { ...properties, id, slug: id.split(':')[1] } }))
        .sort((a, b) => compareIds(a.id, b.id)),
      edges: [{ type: edge!.type, source: edge!.from, target: edge!.to, properties: { weight: 0.5, origin: 'INFERRED', note: 'round trip', order: 1 } }],
    });

    await wipe();
    expect(await exportText()).toBe(canonicalJson({ format: DUMP_FORMAT, version: DUMP_VERSION, nodes: [], edges: [] }));
    const imported = dumpToWriterInput(validateDump(JSON.parse(exported)));
    await writeInBatches(store.database.executor(), imported.nodes, imported.edges, 5_000);
    expect(await exportText()).toBe(exported);
  });
});
