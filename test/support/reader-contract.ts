import { compareIds } from '../../src/domain/compare-ids';
import { EdgeOrigin, EdgeType } from '../../src/domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../../src/domain/graph-records';
import { NODE_KINDS, NodeKind } from '../../src/domain/node-kind';
import type { NodeSelection, SelectedNode } from '../../src/domain/node-selection';
import { rankFoundPaths } from '../../src/domain/rank-found-paths';
import type { RelatedEvidence } from '../../src/domain/relatedness';
import { Direction, type GraphReader, type ListQuery } from '../../src/domain/repositories';
import type { FoundPath, PathQuery, Subgraph, SubgraphQuery, ThinkingReader } from '../../src/domain/thinking-reader';
import { CONTRACT_WORLD } from './contract-world';

/*
 * What every implementation of the domain's readers answers on CONTRACT_WORLD (see
 * contract-world.ts): the in-memory fakes, the Neo4j repositories, the projection. Answers are
 * compared whole. Where an interface leaves an order open (evidence, pairs, signals, a map's
 * edges, the structure), the answer is put in id order first; where it leaves a number to the
 * store (full-text scores), only which nodes match is compared. Edges in the thinking answers
 * are compared without their type-specific properties: the projection does not hold them.
 */

export interface ContractReaders {
  readonly graph: GraphReader;
  readonly thinking: ThinkingReader;
}

const { ESSAY, PRINCIPLE, ROLE, CONCEPT, PERSON, ORGANIZATION } = NodeKind;
const { OUTGOING, INCOMING, ANY } = Direction;

/** Relationships at each node of the world, of any type and direction (see the drawing in contract-world.ts). */
const DEGREES: Readonly<Record<string, number>> = {
  'essay:culture-by-design': 6,
  'essay:systems-over-effort': 5,
  'essay:hiring-notes': 2,
  'principle:structure-shapes-culture': 6,
  'principle:systems-scale': 6,
  'principle:depth-first': 2,
  'role:engineer': 4,
  'role:lead': 5,
  'concept:culture': 6,
  'concept:structure': 2,
  'concept:growth': 3,
  'person:ada': 3,
  'organization:acme': 1,
  'organization:initech': 1,
};

/** The record of a world node: every property it was written with, its title or name as label. */
function node(id: string): NodeRecord {
  const { properties } = CONTRACT_WORLD.nodes.find((each) => each.id === id)!;
  const [prefix, slug] = id.split(':') as [string, string];
  const kind = NODE_KINDS.find((each) => each.toLowerCase() === prefix)!;
  return { id, kind, slug, label: String(properties.title ?? properties.name), degree: DEGREES[id]!, properties };
}

/** The record of a world edge: weight 1, origin ASSERTED and note null unless it was written with them. */
function edge(source: string, type: EdgeType, target: string): EdgeRecord {
  const found = CONTRACT_WORLD.edges.find((each) => each.from === source && each.type === type && each.to === target)!;
  return {
    type,
    source,
    target,
    weight: found.weight ?? 1,
    note: found.note ?? null,
    origin: found.origin ?? EdgeOrigin.ASSERTED,
    properties: found.properties ?? {},
  };
}

function plain({ properties: _properties, ...rest }: EdgeRecord): Omit<EdgeRecord, 'properties'> {
  return rest;
}

const byEdgeKey = (a: EdgeRecord, b: EdgeRecord) => compareIds(a.source, b.source) || a.type.localeCompare(b.type) || compareIds(a.target, b.target);

/** A selected node with no neighbour lists. */
function selected(record: NodeRecord, edges: [string, SelectedNode[]][] = []): SelectedNode {
  return { record, edges: new Map(edges) };
}

function list(query: Partial<ListQuery> & Pick<ListQuery, 'kind'>): ListQuery {
  return { first: 20, afterSlug: null, edges: [], properties: {}, ...query };
}

/**
 * The evidence in id order (no order is promised), after checking that node indices, when given,
 * name the same candidates (and perhaps the source, which scoring skips).
 */
function evidenceInOrder({ nodes, ...evidence }: RelatedEvidence, source: string) {
  if (nodes) {
    const named = nodes.shared.map((members) => Array.from(members, (member) => nodes.ids[member]).filter((id) => id !== source));
    expect(named).toEqual(evidence.shared.map((via) => via.candidates));
  }
  return {
    population: evidence.population,
    shared: [...evidence.shared]
      .sort((a, b) => compareIds(a.via, b.via))
      .map((via) => ({ via: via.via, viaKind: via.viaKind, sharers: via.sharers, candidates: [...via.candidates].sort(compareIds) })),
    direct: [...evidence.direct]
      .sort((a, b) => compareIds(a.candidate, b.candidate) || a.edge.type.localeCompare(b.edge.type))
      .map((link) => ({ candidate: link.candidate, edge: plain(link.edge) })),
  };
}

function subgraphInOrder(subgraph: Subgraph) {
  return { ...subgraph, edges: [...subgraph.edges].sort(byEdgeKey).map(plain) };
}

/** The first k of what the reader found, ranked by the domain's one ranking, as ids and edges. */
function ranked(found: readonly FoundPath[], k: number) {
  return rankFoundPaths(found, k).map((path) => ({
    nodes: path.nodes.map((each) => each.id),
    edges: path.edges.map(plain),
    forward: path.forward,
    score: path.score,
    why: path.why,
  }));
}

function pathQuery(query: Partial<PathQuery> & Pick<PathQuery, 'from' | 'to'>): PathQuery {
  return { groups: 1, k: 1, maxHops: 3, types: [], direction: ANY, avoid: [], ...query };
}

function mapQuery(query: Partial<SubgraphQuery>): SubgraphQuery {
  return { center: null, depth: 1, kinds: NODE_KINDS, types: [], limit: 10, ...query };
}

/**
 * The contract suite: `makeReaders` gives the readers under test, over a store that holds
 * CONTRACT_WORLD and nothing else (it runs in a beforeAll, after the caller's own).
 */
export function describeReaderContract(name: string, makeReaders: () => ContractReaders | Promise<ContractReaders>): void {
  describe(`${name}: the reader contract`, () => {
    let graph: GraphReader;
    let thinking: ThinkingReader;

    beforeAll(async () => {
      ({ graph, thinking } = await makeReaders());
    });

    describe('GraphReader.findNodes', () => {
      it('answers each id in order: its record, or null for an unknown, malformed or wrongly-kinded id', async () => {
        const ids = ['concept:culture', 'role:astronaut', 'essay:culture', 'not an id', 'essay:culture-by-design', 'concept:culture'];
        expect(await graph.findNodes(ids)).toEqual([node('concept:culture'), null, null, null, node('essay:culture-by-design'), node('concept:culture')]);
        expect(await graph.findNodes([])).toEqual([]);
      });
    });

    describe('GraphReader.findNeighbours', () => {
      it('lists one neighbour per edge, heavier edges first, then by neighbour id, up to first', async () => {
        const hop = { types: [], direction: OUTGOING };
        const all = [
          { node: node('concept:culture'), edge: edge('essay:culture-by-design', EdgeType.DISCUSSES, 'concept:culture') },
          { node: node('person:ada'), edge: edge('essay:culture-by-design', EdgeType.AUTHORED_BY, 'person:ada') },
          {
            node: node('principle:structure-shapes-culture'),
            edge: edge('essay:culture-by-design', EdgeType.ARTICULATES, 'principle:structure-shapes-culture'),
          },
          { node: node('role:lead'), edge: edge('essay:culture-by-design', EdgeType.ADDRESSES, 'role:lead') },
          { node: node('essay:systems-over-effort'), edge: edge('essay:culture-by-design', EdgeType.RELATES_TO, 'essay:systems-over-effort') },
          { node: node('principle:systems-scale'), edge: edge('essay:culture-by-design', EdgeType.ARTICULATES, 'principle:systems-scale') },
        ];
        expect(await graph.findNeighbours(ESSAY, hop, 10, ['essay:culture-by-design'])).toEqual([all]);
        expect(await graph.findNeighbours(ESSAY, hop, 2, ['essay:culture-by-design'])).toEqual([all.slice(0, 2)]);
      });

      it('walks the hop’s types in its direction, listing a neighbour twice when two edges join them', async () => {
        const source = 'principle:structure-shapes-culture';
        expect(await graph.findNeighbours(PRINCIPLE, { types: [EdgeType.SUPPORTS, EdgeType.LEADS_TO], direction: ANY }, 10, [source])).toEqual([
          [
            { node: node('principle:systems-scale'), edge: edge(source, EdgeType.SUPPORTS, 'principle:systems-scale') },
            { node: node('concept:culture'), edge: edge(source, EdgeType.LEADS_TO, 'concept:culture') },
            { node: node('principle:systems-scale'), edge: edge(source, EdgeType.LEADS_TO, 'principle:systems-scale') },
          ],
        ]);
        expect(await graph.findNeighbours(PRINCIPLE, { types: [EdgeType.ARTICULATES], direction: INCOMING }, 10, ['principle:systems-scale'])).toEqual([
          [
            { node: node('essay:systems-over-effort'), edge: edge('essay:systems-over-effort', EdgeType.ARTICULATES, 'principle:systems-scale') },
            { node: node('essay:culture-by-design'), edge: edge('essay:culture-by-design', EdgeType.ARTICULATES, 'principle:systems-scale') },
          ],
        ]);
      });

      it('puts a career in its order before weight and id, with the edge’s own properties', async () => {
        expect(await graph.findNeighbours(PERSON, { types: [EdgeType.WORKED_AT], direction: OUTGOING }, 10, ['person:ada'])).toEqual([
          [
            { node: node('organization:initech'), edge: edge('person:ada', EdgeType.WORKED_AT, 'organization:initech') },
            { node: node('organization:acme'), edge: edge('person:ada', EdgeType.WORKED_AT, 'organization:acme') },
          ],
        ]);
      });

      it('answers in the order and length of its keys, with nothing for unknown ids and ids of another kind', async () => {
        const hop = { types: [EdgeType.GROWS_INTO], direction: INCOMING };
        expect(await graph.findNeighbours(ROLE, hop, 10, ['role:lead', 'role:astronaut', 'essay:culture-by-design', 'role:engineer'])).toEqual([
          [{ node: node('role:engineer'), edge: edge('role:engineer', EdgeType.GROWS_INTO, 'role:lead') }],
          [],
          [],
          [],
        ]);
      });
    });

    describe('GraphReader.findSelected', () => {
      it('reads only the selected properties, the degree when asked, and neighbour lists in neighbour-id order', async () => {
        const selection: NodeSelection = {
          properties: ['name', 'nickname', 'statement'],
          degree: true,
          edges: [
            {
              key: 'essays',
              hop: { types: [EdgeType.ARTICULATES], direction: INCOMING },
              first: 1,
              selection: {
                properties: ['title'],
                degree: false,
                edges: [
                  {
                    key: 'roles',
                    hop: { types: [EdgeType.ADDRESSES], direction: OUTGOING },
                    first: 5,
                    selection: { properties: ['name'], degree: false, edges: [] },
                  },
                ],
              },
            },
            {
              key: 'linked',
              hop: { types: [EdgeType.SUPPORTS, EdgeType.LEADS_TO], direction: ANY },
              first: 5,
              selection: { properties: [], degree: true, edges: [] },
            },
          ],
        };
        // A record without its label's property is labelled by its slug; one per edge, as findNeighbours lists.
        const structureShapesCulture = selected({
          id: 'principle:structure-shapes-culture',
          kind: PRINCIPLE,
          slug: 'structure-shapes-culture',
          label: 'structure-shapes-culture',
          degree: 6,
          properties: {},
        });
        expect(await graph.findSelected(PRINCIPLE, ['principle:systems-scale', 'principle:missing', 'essay:culture-by-design'], selection)).toEqual([
          selected(
            {
              id: 'principle:systems-scale',
              kind: PRINCIPLE,
              slug: 'systems-scale',
              label: 'Systems Scale',
              degree: 6,
              properties: { name: 'Systems Scale', statement: 'Only systems scale; effort does not.' },
            },
            [
              [
                'essays',
                [
                  selected(
                    {
                      id: 'essay:culture-by-design',
                      kind: ESSAY,
                      slug: 'culture-by-design',
                      label: 'Culture by Design',
                      degree: 0,
                      properties: { title: 'Culture by Design' },
                    },
                    [['roles', [selected({ id: 'role:lead', kind: ROLE, slug: 'lead', label: 'Lead', degree: 0, properties: { name: 'Lead' } })]]],
                  ),
                ],
              ],
              ['linked', [structureShapesCulture, structureShapesCulture]],
            ],
          ),
          null,
          null,
        ]);
      });
    });

    describe('GraphReader.listNodes and countNodes', () => {
      it('pages a kind in slug order after a slug, and says whether more follow', async () => {
        expect(await graph.listNodes(list({ kind: CONCEPT, first: 2 }))).toEqual({
          items: [node('concept:culture'), node('concept:growth')],
          hasNextPage: true,
        });
        expect(await graph.listNodes(list({ kind: CONCEPT, first: 2, afterSlug: 'growth' }))).toEqual({
          items: [node('concept:structure')],
          hasNextPage: false,
        });
        expect(await graph.countNodes({ kind: CONCEPT, edges: [], properties: {} })).toBe(3);
      });

      it('counts every match with the page when asked, an empty page after the last slug included', async () => {
        expect(await graph.listNodes(list({ kind: CONCEPT, first: 1, afterSlug: 'culture', withTotal: true }))).toEqual({
          items: [node('concept:growth')],
          hasNextPage: true,
          total: 3,
        });
        const filtered = list({ kind: CONCEPT, properties: { category: 'organization' }, afterSlug: 'structure', withTotal: true });
        expect(await graph.listNodes(filtered)).toEqual({ items: [], hasNextPage: false, total: 2 });
      });

      it('keeps nodes with every filter’s edge in its direction and with the listed property', async () => {
        const edges = [
          { id: 'role:lead', types: [EdgeType.ADDRESSES], direction: OUTGOING },
          { id: 'principle:systems-scale', types: [EdgeType.ARTICULATES], direction: OUTGOING },
        ];
        expect(await graph.listNodes(list({ kind: ESSAY, edges }))).toEqual({
          items: [node('essay:culture-by-design'), node('essay:systems-over-effort')],
          hasNextPage: false,
        });
        const discussed = [{ id: 'essay:culture-by-design', types: [EdgeType.DISCUSSES], direction: INCOMING }];
        expect(await graph.listNodes(list({ kind: CONCEPT, edges: discussed }))).toEqual({ items: [node('concept:culture')], hasNextPage: false });
        expect(await graph.listNodes(list({ kind: CONCEPT, properties: { category: 'organization' } }))).toEqual({
          items: [node('concept:culture'), node('concept:structure')],
          hasNextPage: false,
        });
        expect(await graph.countNodes({ kind: CONCEPT, edges: [], properties: { category: 'organization' } })).toBe(2);
        expect(await graph.countNodes({ kind: CONCEPT, edges: [], properties: { category: 'nothing' } })).toBe(0);
        expect(await graph.countNodes({ kind: ESSAY, edges: edges.slice(0, 1), properties: {} })).toBe(3);
      });

      it('reads only what a selection names', async () => {
        const selection = { properties: ['name'], degree: false, edges: [] };
        expect(await graph.listNodes(list({ kind: ROLE, first: 1, selection }))).toEqual({
          items: [{ id: 'role:engineer', kind: ROLE, slug: 'engineer', label: 'Engineer', degree: 0, properties: { name: 'Engineer' } }],
          hasNextPage: true,
        });
      });
    });

    describe('GraphReader.search', () => {
      /** Hits with positive scores, best first: the nodes, in id order (the scores are the store's own). */
      function matched(hits: readonly { node: NodeRecord; score: number }[]): NodeRecord[] {
        hits.forEach((hit, index) => {
          expect(hit.score).toBeGreaterThan(0);
          if (index > 0) expect(hit.score).toBeLessThanOrEqual(hits[index - 1]!.score);
        });
        return hits.map((hit) => hit.node).sort((a, b) => compareIds(a.id, b.id));
      }

      it('finds nodes of the asked kinds by whole words and prefixes', async () => {
        expect(matched(await graph.search('culture', [CONCEPT], 10))).toEqual([node('concept:culture')]);
        expect(matched(await graph.search('struct', [ESSAY, PRINCIPLE, CONCEPT], 10))).toEqual([
          node('concept:structure'),
          node('essay:culture-by-design'),
          node('principle:structure-shapes-culture'),
        ]);
        expect(matched(await graph.search('engineer', [ROLE], 10))).toEqual([node('role:engineer'), node('role:lead')]);
        expect(await graph.search('nothing matches', NODE_KINDS, 10)).toEqual([]);
      });

      it('keeps the first hits', async () => {
        const hits = matched(await graph.search('culture', [ESSAY, PRINCIPLE, CONCEPT], 2));
        expect(hits).toHaveLength(2);
        expect([node('concept:culture'), node('essay:culture-by-design'), node('principle:structure-shapes-culture')]).toEqual(expect.arrayContaining(hits));
      });
    });

    describe('ThinkingReader.findRelatedEvidence', () => {
      it('gives an essay’s shared principles, concepts and roles with distinct sharers, and its direct links', async () => {
        expect(evidenceInOrder(await thinking.findRelatedEvidence('essay:culture-by-design', ESSAY), 'essay:culture-by-design')).toEqual({
          population: 3,
          shared: [
            { via: 'concept:culture', viaKind: CONCEPT, sharers: 1, candidates: [] },
            { via: 'principle:structure-shapes-culture', viaKind: PRINCIPLE, sharers: 1, candidates: [] },
            { via: 'principle:systems-scale', viaKind: PRINCIPLE, sharers: 2, candidates: ['essay:systems-over-effort'] },
            { via: 'role:lead', viaKind: ROLE, sharers: 3, candidates: ['essay:hiring-notes', 'essay:systems-over-effort'] },
          ],
          direct: [{ candidate: 'essay:systems-over-effort', edge: plain(edge('essay:culture-by-design', EdgeType.RELATES_TO, 'essay:systems-over-effort')) }],
        });
      });

      it('counts a neighbour reached over two edges once, and a sharer joined by two edges once, but lists each direct edge', async () => {
        const source = 'principle:structure-shapes-culture';
        expect(evidenceInOrder(await thinking.findRelatedEvidence(source, PRINCIPLE), source)).toEqual({
          population: 3,
          shared: [
            { via: 'concept:culture', viaKind: CONCEPT, sharers: 2, candidates: ['principle:systems-scale'] },
            { via: 'concept:structure', viaKind: CONCEPT, sharers: 1, candidates: [] },
            { via: 'essay:culture-by-design', viaKind: ESSAY, sharers: 2, candidates: ['principle:systems-scale'] },
          ],
          direct: [
            { candidate: 'principle:systems-scale', edge: plain(edge(source, EdgeType.LEADS_TO, 'principle:systems-scale')) },
            { candidate: 'principle:systems-scale', edge: plain(edge(source, EdgeType.SUPPORTS, 'principle:systems-scale')) },
          ],
        });
      });

      it('gives a role the essays it shares', async () => {
        expect(evidenceInOrder(await thinking.findRelatedEvidence('role:lead', ROLE), 'role:lead')).toEqual({
          population: 2,
          shared: [
            { via: 'essay:culture-by-design', viaKind: ESSAY, sharers: 1, candidates: [] },
            { via: 'essay:hiring-notes', viaKind: ESSAY, sharers: 2, candidates: ['role:engineer'] },
            { via: 'essay:systems-over-effort', viaKind: ESSAY, sharers: 1, candidates: [] },
            { via: 'principle:systems-scale', viaKind: PRINCIPLE, sharers: 1, candidates: [] },
          ],
          direct: [{ candidate: 'role:engineer', edge: plain(edge('role:engineer', EdgeType.GROWS_INTO, 'role:lead')) }],
        });
      });

      it('gives no evidence for an unknown node', async () => {
        // The stores differ on the population here (Cypher says 0, the projection the kind's
        // count), and no caller reads it: findRelatedThoughts answers NOT_FOUND first.
        const { population: _population, ...evidence } = evidenceInOrder(await thinking.findRelatedEvidence('essay:missing', ESSAY), 'essay:missing');
        expect(evidence).toEqual({ shared: [], direct: [] });
      });
    });

    describe('ThinkingReader.findTextEvidence', () => {
      const ids = (matches: readonly { id: string; score: number }[]) => {
        matches.forEach((match) => expect(match.score).toBeGreaterThan(0));
        return matches.map((match) => match.id).sort(compareIds);
      };

      it('starts from the node’s own distinctive words: in this world each shares them with nothing else of its kind', async () => {
        const found = async (id: string, kind: NodeKind, limit = 5) => {
          const evidence = await thinking.findTextEvidence(id, kind, limit);
          // The contract's world holds no vectors: meaning is tested on the real model (meaning.test.ts).
          expect(evidence?.meaning).toEqual([]);
          return evidence && ids(evidence.words);
        };
        expect(await found('essay:culture-by-design', ESSAY)).toEqual(['essay:culture-by-design']);
        expect(await found('essay:hiring-notes', ESSAY)).toEqual(['essay:hiring-notes']);
        expect(await found('principle:systems-scale', PRINCIPLE)).toEqual(['principle:systems-scale']);
        expect(await found('role:lead', ROLE, 1)).toEqual(['role:lead']);
      });

      it('finds nothing for a node without text, and answers null for no such node of that kind', async () => {
        expect(await thinking.findTextEvidence('concept:culture', CONCEPT, 5)).toEqual({ words: [], meaning: [], ideas: [] });
        expect(await thinking.findTextEvidence('essay:missing', ESSAY, 5)).toBeNull();
        expect(await thinking.findTextEvidence('essay:culture-by-design', PRINCIPLE, 5)).toBeNull();
      });
    });

    describe('ThinkingReader.findSubgraph', () => {
      it('maps a center’s neighbourhood: the center first, then most connected, ties by id; hidden counts what expanding adds', async () => {
        const center = 'principle:structure-shapes-culture';
        expect(subgraphInOrder(await thinking.findSubgraph(mapQuery({ center, depth: 1 })))).toEqual({
          nodes: [
            { id: center, kind: PRINCIPLE, label: 'Structure Shapes Culture', degree: 6, hiddenNeighbors: 0 },
            { id: 'concept:culture', kind: CONCEPT, label: 'Culture', degree: 6, hiddenNeighbors: 1 },
            { id: 'essay:culture-by-design', kind: ESSAY, label: 'Culture by Design', degree: 6, hiddenNeighbors: 3 },
            { id: 'principle:systems-scale', kind: PRINCIPLE, label: 'Systems Scale', degree: 6, hiddenNeighbors: 2 },
            { id: 'concept:structure', kind: CONCEPT, label: 'Structure', degree: 2, hiddenNeighbors: 0 },
          ],
          edges: [
            edge('concept:structure', EdgeType.LEADS_TO, 'concept:culture'),
            edge('essay:culture-by-design', EdgeType.ARTICULATES, center),
            edge('essay:culture-by-design', EdgeType.ARTICULATES, 'principle:systems-scale'),
            edge('essay:culture-by-design', EdgeType.DISCUSSES, 'concept:culture'),
            edge(center, EdgeType.ABOUT, 'concept:culture'),
            edge(center, EdgeType.ABOUT, 'concept:structure'),
            edge(center, EdgeType.LEADS_TO, 'concept:culture'),
            edge(center, EdgeType.LEADS_TO, 'principle:systems-scale'),
            edge(center, EdgeType.SUPPORTS, 'principle:systems-scale'),
            edge('principle:systems-scale', EdgeType.ABOUT, 'concept:culture'),
          ].map(plain),
          placements: null,
          truncated: false,
        });
      });

      it('shows only the asked kinds over the asked types, cuts at limit, and counts hidden only of those kinds and types', async () => {
        const query = mapQuery({
          center: 'concept:culture',
          kinds: [CONCEPT, PRINCIPLE],
          types: [EdgeType.ABOUT, EdgeType.LEADS_TO, EdgeType.DISCUSSES],
          limit: 2,
        });
        expect(subgraphInOrder(await thinking.findSubgraph(query))).toEqual({
          nodes: [
            { id: 'concept:culture', kind: CONCEPT, label: 'Culture', degree: 6, hiddenNeighbors: 2 },
            { id: 'principle:structure-shapes-culture', kind: PRINCIPLE, label: 'Structure Shapes Culture', degree: 6, hiddenNeighbors: 2 },
          ],
          edges: [
            edge('principle:structure-shapes-culture', EdgeType.ABOUT, 'concept:culture'),
            edge('principle:structure-shapes-culture', EdgeType.LEADS_TO, 'concept:culture'),
          ].map(plain),
          placements: null,
          truncated: true,
        });
      });

      it('walks up to depth through nodes of kinds it does not show', async () => {
        // The Lead is two steps away through Hiring Notes, an essay the map leaves out.
        const query = mapQuery({ center: 'role:engineer', depth: 2, kinds: [ROLE, CONCEPT], types: [EdgeType.ADDRESSES, EdgeType.REQUIRES, EdgeType.PART_OF] });
        expect(subgraphInOrder(await thinking.findSubgraph(query))).toEqual({
          nodes: [
            { id: 'role:engineer', kind: ROLE, label: 'Engineer', degree: 4, hiddenNeighbors: 0 },
            { id: 'concept:culture', kind: CONCEPT, label: 'Culture', degree: 6, hiddenNeighbors: 0 },
            { id: 'role:lead', kind: ROLE, label: 'Lead', degree: 5, hiddenNeighbors: 0 },
            { id: 'concept:growth', kind: CONCEPT, label: 'Growth', degree: 3, hiddenNeighbors: 0 },
          ],
          edges: [edge('concept:growth', EdgeType.PART_OF, 'concept:culture'), edge('role:engineer', EdgeType.REQUIRES, 'concept:growth')].map(plain),
          placements: null,
          truncated: false,
        });
      });

      it('maps the whole graph without a center: most connected first, of the asked kinds', async () => {
        expect(subgraphInOrder(await thinking.findSubgraph(mapQuery({ limit: 3 })))).toEqual({
          nodes: [
            { id: 'concept:culture', kind: CONCEPT, label: 'Culture', degree: 6, hiddenNeighbors: 3 },
            { id: 'essay:culture-by-design', kind: ESSAY, label: 'Culture by Design', degree: 6, hiddenNeighbors: 4 },
            { id: 'principle:structure-shapes-culture', kind: PRINCIPLE, label: 'Structure Shapes Culture', degree: 6, hiddenNeighbors: 2 },
          ],
          edges: [
            edge('essay:culture-by-design', EdgeType.ARTICULATES, 'principle:structure-shapes-culture'),
            edge('essay:culture-by-design', EdgeType.DISCUSSES, 'concept:culture'),
            edge('principle:structure-shapes-culture', EdgeType.ABOUT, 'concept:culture'),
            edge('principle:structure-shapes-culture', EdgeType.LEADS_TO, 'concept:culture'),
          ].map(plain),
          placements: null,
          truncated: true,
        });
        expect(subgraphInOrder(await thinking.findSubgraph(mapQuery({ kinds: [PERSON, ORGANIZATION] })))).toEqual({
          nodes: [
            { id: 'person:ada', kind: PERSON, label: 'Ada', degree: 3, hiddenNeighbors: 0 },
            { id: 'organization:acme', kind: ORGANIZATION, label: 'Acme', degree: 1, hiddenNeighbors: 0 },
            { id: 'organization:initech', kind: ORGANIZATION, label: 'Initech', degree: 1, hiddenNeighbors: 0 },
          ],
          edges: [edge('person:ada', EdgeType.WORKED_AT, 'organization:acme'), edge('person:ada', EdgeType.WORKED_AT, 'organization:initech')].map(plain),
          placements: null,
          truncated: false,
        });
      });

      it('answers an empty map for an unknown center', async () => {
        expect(await thinking.findSubgraph(mapQuery({ center: 'concept:nothing' }))).toEqual({ nodes: [], edges: [], placements: null, truncated: false });
      });
    });

    describe('ThinkingReader.findPaths', () => {
      const engineerToLead = [
        {
          nodes: ['role:engineer', 'role:lead'],
          edges: [plain(edge('role:engineer', EdgeType.GROWS_INTO, 'role:lead'))],
          forward: [true],
          score: 1,
          why: '1 step directly, read in one direction',
        },
        {
          nodes: ['role:engineer', 'essay:hiring-notes', 'role:lead'],
          edges: [plain(edge('essay:hiring-notes', EdgeType.ADDRESSES, 'role:engineer')), plain(edge('essay:hiring-notes', EdgeType.ADDRESSES, 'role:lead'))],
          forward: [false, true],
          score: 0.3536,
          why: '2 steps through Hiring Notes (degree 2), changing direction once',
        },
        // Of the two paths of length 3 this one turns once; the one through Growth turns twice.
        {
          nodes: ['role:engineer', 'principle:depth-first', 'essay:systems-over-effort', 'role:lead'],
          edges: [
            plain(edge('principle:depth-first', EdgeType.APPLIES_TO, 'role:engineer')),
            plain(edge('essay:systems-over-effort', EdgeType.ARTICULATES, 'principle:depth-first')),
            plain(edge('essay:systems-over-effort', EdgeType.ADDRESSES, 'role:lead')),
          ],
          forward: [false, false, true],
          score: 0.1581,
          why: '3 steps through Depth First (degree 2), Systems over Effort (degree 5), changing direction once',
        },
      ];

      it('finds, over the shortest k length groups, simple paths whose ranking gives the k best', async () => {
        const found = await thinking.findPaths(pathQuery({ from: 'role:engineer', to: 'role:lead', k: 3, groups: 3 }));
        expect(ranked(found, 3)).toEqual(engineerToLead);
      });

      it('walks only the asked types in the asked direction', async () => {
        const grows = { types: [EdgeType.GROWS_INTO], k: 1, groups: 1 };
        expect(ranked(await thinking.findPaths(pathQuery({ from: 'role:engineer', to: 'role:lead', direction: OUTGOING, ...grows })), 1)).toEqual([
          engineerToLead[0],
        ]);
        expect(await thinking.findPaths(pathQuery({ from: 'role:lead', to: 'role:engineer', direction: OUTGOING, ...grows }))).toEqual([]);
        expect(ranked(await thinking.findPaths(pathQuery({ from: 'role:lead', to: 'role:engineer', direction: INCOMING, ...grows })), 1)).toEqual([
          { ...engineerToLead[0], nodes: ['role:lead', 'role:engineer'], forward: [false] },
        ]);
      });

      it('goes around avoided nodes', async () => {
        const from = 'essay:culture-by-design';
        const to = 'essay:systems-over-effort';
        const direct = {
          nodes: [from, to],
          edges: [plain(edge(from, EdgeType.RELATES_TO, to))],
          forward: [true],
          score: 1,
          why: '1 step directly, read in one direction',
        };
        expect(ranked(await thinking.findPaths(pathQuery({ from, to, k: 2, groups: 2, maxHops: 2 })), 2)).toEqual([
          direct,
          {
            nodes: [from, 'role:lead', to],
            edges: [plain(edge(from, EdgeType.ADDRESSES, 'role:lead')), plain(edge(to, EdgeType.ADDRESSES, 'role:lead'))],
            forward: [true, false],
            score: 0.2236,
            why: '2 steps through Lead (degree 5), changing direction once',
          },
        ]);
        expect(ranked(await thinking.findPaths(pathQuery({ from, to, k: 2, groups: 2, maxHops: 2, avoid: ['role:lead'] })), 2)).toEqual([
          direct,
          {
            nodes: [from, 'principle:systems-scale', to],
            edges: [plain(edge(from, EdgeType.ARTICULATES, 'principle:systems-scale')), plain(edge(to, EdgeType.ARTICULATES, 'principle:systems-scale'))],
            forward: [true, false],
            score: 0.2041,
            why: '2 steps through Systems Scale (degree 6), changing direction once',
          },
        ]);
      });

      it('finds paths of one edge with maxHops 1, and none when the ends are further apart', async () => {
        const grows = { types: [EdgeType.GROWS_INTO], direction: OUTGOING };
        expect(ranked(await thinking.findPaths(pathQuery({ from: 'role:engineer', to: 'role:lead', maxHops: 1, ...grows })), 1)).toEqual([engineerToLead[0]]);
        expect(await thinking.findPaths(pathQuery({ from: 'organization:acme', to: 'essay:culture-by-design', maxHops: 1 }))).toEqual([]);
      });

      it('reads a path that walks both edges backwards in one direction, and finds nothing from an unknown node', async () => {
        const from = 'organization:acme';
        const to = 'essay:culture-by-design';
        expect(ranked(await thinking.findPaths(pathQuery({ from, to, maxHops: 2 })), 1)).toEqual([
          {
            nodes: [from, 'person:ada', to],
            edges: [plain(edge('person:ada', EdgeType.WORKED_AT, from)), plain(edge(to, EdgeType.AUTHORED_BY, 'person:ada'))],
            forward: [false, false],
            score: 0.5774,
            why: '2 steps through Ada (degree 3), read in one direction',
          },
        ]);
        expect(await thinking.findPaths(pathQuery({ from: 'role:astronaut', to: 'role:lead' }))).toEqual([]);
      });
    });

    describe('ThinkingReader.findPrinciplePairs', () => {
      const pairsInOrder = async (minShared: number, maxSharedEssays: number) => {
        const { essays, pairs } = await thinking.findPrinciplePairs(minShared, maxSharedEssays);
        return { essays, pairs: [...pairs].sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b)) };
      };
      const depthAndSystems = {
        a: 'principle:depth-first',
        b: 'principle:systems-scale',
        shared: 1,
        sharedEssays: ['essay:systems-over-effort'],
        aEssays: 1,
        bEssays: 2,
        direct: [],
      };
      const structureAndSystems = {
        a: 'principle:structure-shapes-culture',
        b: 'principle:systems-scale',
        shared: 1,
        sharedEssays: ['essay:culture-by-design'],
        aEssays: 1,
        bEssays: 2,
        direct: [EdgeType.LEADS_TO, EdgeType.SUPPORTS],
      };

      it('pairs principles that share essays or are joined directly, the smaller id first', async () => {
        expect(await pairsInOrder(1, 10)).toEqual({ essays: 3, pairs: [depthAndSystems, structureAndSystems] });
      });

      it('keeps a pair under minShared only when it is joined directly, and lists at most maxSharedEssays', async () => {
        expect(await pairsInOrder(2, 10)).toEqual({ essays: 3, pairs: [structureAndSystems] });
        expect(await pairsInOrder(1, 0)).toEqual({
          essays: 3,
          pairs: [
            { ...depthAndSystems, sharedEssays: [] },
            { ...structureAndSystems, sharedEssays: [] },
          ],
        });
      });
    });

    describe('ThinkingReader.findRoleSignals', () => {
      const signalsInOrder = async (role: string) => {
        const { roleEssays, signals } = await thinking.findRoleSignals(role);
        return { roleEssays, signals: [...signals].sort((a, b) => compareIds(a.principle, b.principle)) };
      };

      it('gives each principle that applies to the role, or that its essays articulate, with both counts', async () => {
        expect(await signalsInOrder('role:lead')).toEqual({
          roleEssays: 3,
          signals: [
            { principle: 'principle:depth-first', applies: null, essays: 1 },
            { principle: 'principle:structure-shapes-culture', applies: null, essays: 1 },
            { principle: 'principle:systems-scale', applies: 0.7, essays: 2 },
          ],
        });
        expect(await signalsInOrder('role:engineer')).toEqual({ roleEssays: 1, signals: [{ principle: 'principle:depth-first', applies: 1, essays: 0 }] });
        expect(await signalsInOrder('role:astronaut')).toEqual({ roleEssays: 0, signals: [] });
      });
    });

    describe('ThinkingReader.readStructure, readVersion and outlineNodes', () => {
      it('reads every node with its kind and every edge with its weight', async () => {
        const structure = await thinking.readStructure();
        expect({
          nodes: [...structure.nodes].sort((a, b) => compareIds(a.id, b.id)),
          edges: [...structure.edges].sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target) || a.weight - b.weight),
        }).toEqual({
          nodes: CONTRACT_WORLD.nodes.map(({ id }) => ({ id, kind: node(id).kind })).sort((a, b) => compareIds(a.id, b.id)),
          edges: CONTRACT_WORLD.edges
            .map(({ from, to, weight }) => ({ source: from, target: to, weight: weight ?? 1 }))
            .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target) || a.weight - b.weight),
        });
      });

      it('answers one version while nothing is written, its fixed version when it has one', async () => {
        const version = await thinking.readVersion();
        expect(Number.isInteger(version)).toBe(true);
        expect(await thinking.readVersion()).toBe(version);
        if (thinking.fixedVersion !== null) expect(thinking.fixedVersion).toBe(version);
      });

      it('gives outlines, when it has them: records without properties, null for an unknown id', async () => {
        // Optional in the interface: a reader without outlines has nothing to answer here.
        if (!thinking.outlineNodes) return;
        expect(await thinking.outlineNodes(['concept:culture', 'role:astronaut'])).toEqual([{ ...node('concept:culture'), properties: {} }, null]);
      });
    });
  });
}
