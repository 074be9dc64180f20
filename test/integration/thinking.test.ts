import { THINKING_MODES, useSeedServer } from '../support/seed-server';

describe.each(THINKING_MODES)('thinking queries (%s)', (mode) => {
  const { run } = useSeedServer(200_000, mode);
  /** Round trips differ by path: the projection answers the topology from memory. */
  const trips = (projection: number, cypher: number): number => (mode === 'projection' ? projection : cypher);

  const PATH_FIELDS = 'length reading nodes { id } edges { type source target forward weight }';

  describe('conceptPath', () => {
    it('walks engineer → engineering leader → CTPO along GROWS_INTO and reads it as a sentence', async () => {
      const { data, errors, roundTrips } = await run(`{ conceptPath(from: "role:engineer", to: "role:ctpo", edgeTypes: [GROWS_INTO]) { ${PATH_FIELDS} } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        conceptPath: [
          {
            length: 2,
            reading: 'Engineer grows into Engineering Leader, who grows into CTPO',
            nodes: [{ id: 'role:engineer' }, { id: 'role:engineering-leader' }, { id: 'role:ctpo' }],
            edges: [
              { type: 'GROWS_INTO', source: 'role:engineer', target: 'role:engineering-leader', forward: true, weight: 1 },
              { type: 'GROWS_INTO', source: 'role:engineering-leader', target: 'role:ctpo', forward: true, weight: 1 },
            ],
          },
        ],
      });
      // From the projection, the ends and the path's nodes are outlines: no round trip at all.
      expect(roundTrips).toBe(trips(0, 2));
    });

    it('reads edges walked backwards with their inverse phrase', async () => {
      const { data } = await run(
        `{ conceptPath(from: "role:ctpo", to: "role:engineer", edgeTypes: [GROWS_INTO], direction: INCOMING) { reading edges { forward } } }`,
      );
      expect(data).toEqual({
        conceptPath: [{ reading: 'CTPO grows from Engineering Leader, who grows from Engineer', edges: [{ forward: false }, { forward: false }] }],
      });
    });

    it('gives k paths, shortest first, the most informative first within a length, then by ids', async () => {
      const { data } = await run(`{ conceptPath(from: "role:engineer", to: "role:ctpo", k: 3) { length reading score why } }`);
      expect(data).toEqual({
        conceptPath: [
          {
            length: 2,
            reading: 'Engineer grows into Engineering Leader, who grows into CTPO',
            score: 0.25,
            why: '2 steps through Engineering Leader (degree 16), read in one direction',
          },
          // Equal scores (degree 7, one turn each) and weights: APPLIES_TO sorts before REQUIRES.
          {
            length: 2,
            reading: 'Engineer is guided by The Journey Never Ends, which applies to CTPO',
            score: 0.189,
            why: '2 steps through The Journey Never Ends (degree 7), changing direction once',
          },
          {
            length: 2,
            reading: 'Engineer requires Technical Depth, which is required by CTPO',
            score: 0.189,
            why: '2 steps through Technical Depth (degree 7), changing direction once',
          },
        ],
      });
    });

    it('returns only simple paths when the shortest length has fewer than k', async () => {
      const structure = await run(`{ conceptPath(from: "concept:structure", to: "concept:culture", k: 5) { reading } }`);
      expect(structure.data).toEqual({
        conceptPath: [
          { reading: 'Structure leads to Culture' },
          { reading: 'Structure is the subject of Culture Emerges from Structure, which is about Culture' },
          { reading: 'Structure is the subject of Culture Emerges from Structure, which leads to Culture' },
          { reading: 'Structure is discussed in From Engineer to CTPO, which discusses Culture' },
          {
            reading:
              'Structure is the subject of Culture Emerges from Structure, which is supported by Technical Excellence ' + 'as a Value, which is about Culture',
          },
        ],
      });
      // Challenging Work's one edge leads to Growth: every other walk would come back through Growth.
      const growth = await run(`{ conceptPath(from: "concept:challenging-work", to: "concept:growth", k: 10, maxHops: 8) { reading } }`);
      expect(growth.data).toEqual({ conceptPath: [{ reading: 'Challenging Work is part of Growth' }] });
    });

    it('goes around avoided nodes, and answers [] when no path is left', async () => {
      const around = await run(
        `{ conceptPath(from: "concept:structure", to: "concept:culture", edgeTypes: [LEADS_TO, ABOUT], avoid: ["principle:culture-emerges-from-structure"], k: 2) { reading } }`,
      );
      expect(around.data).toEqual({
        conceptPath: [
          { reading: 'Structure leads to Culture' },
          {
            reading:
              'Structure is the subject of Scaling Requires Systems, which is about Growth, which is the subject of ' +
              'The Journey Never Ends, which is about Learning, which is the subject of Technical Excellence as a Value, ' +
              'which is about Culture',
          },
        ],
      });
      const none = await run(`{ conceptPath(from: "role:engineer", to: "role:ctpo", edgeTypes: [GROWS_INTO], avoid: ["role:engineering-leader"]) { length } }`);
      expect(none).toMatchObject({ data: { conceptPath: [] }, errors: undefined });
      const wrongWay = await run(`{ conceptPath(from: "role:ctpo", to: "role:engineer", edgeTypes: [GROWS_INTO], direction: OUTGOING) { length } }`);
      expect(wrongWay.data).toEqual({ conceptPath: [] });
    });

    it('answers one path of length 0 from a node to itself', async () => {
      const { data } = await run(`{ conceptPath(from: "concept:culture", to: "concept:culture") { ${PATH_FIELDS} } }`);
      expect(data).toEqual({ conceptPath: [{ length: 0, reading: 'Culture', nodes: [{ id: 'concept:culture' }], edges: [] }] });
    });

    it.each([
      ['from: "role:astronaut", to: "role:ctpo"', 'NOT_FOUND', 'from'],
      ['from: "role:ctpo", to: "concept:nothing"', 'NOT_FOUND', 'to'],
      ['from: "ctpo", to: "role:ctpo"', 'BAD_USER_INPUT', 'from'],
      ['from: "role:engineer", to: "role:ctpo", k: 11', 'BAD_USER_INPUT', 'k'],
      ['from: "role:engineer", to: "role:ctpo", maxHops: 9', 'BAD_USER_INPUT', 'maxHops'],
      ['from: "role:engineer", to: "role:ctpo", maxHops: 0', 'BAD_USER_INPUT', 'maxHops'],
      ['from: "role:engineer", to: "role:ctpo", avoid: ["role:ctpo"]', 'BAD_USER_INPUT', 'avoid'],
      ['from: "role:engineer", to: "role:ctpo", avoid: ["nope"]', 'BAD_USER_INPUT', 'avoid[0]'],
      [`from: "role:engineer", to: "role:ctpo", avoid: [${Array.from({ length: 21 }, (_, i) => `"concept:c${i}"`).join(',')}]`, 'BAD_USER_INPUT', 'avoid'],
    ])('(%s) fails with %s naming %s', async (args, code, field) => {
      const { data, errors } = await run(`{ conceptPath(${args}) { length } }`);
      expect(data).toBeNull();
      expect(errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code, field })]);
    });
  });

  describe('relatedThoughts', () => {
    it('ranks both AI essays for the main essay, each with an editor link among its reasons', async () => {
      const { data, errors, roundTrips } = await run(`{
        relatedThoughts(id: "essay:engineer-to-ctpo") { node { id } score reasons { kind via { id } weight description } }
      }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        relatedThoughts: [
          {
            node: { id: 'essay:new-ai-ways-of-working' },
            score: 0.6712,
            reasons: [
              {
                kind: 'EDITOR_LINK',
                via: null,
                weight: 0.6,
                description: 'An editor linked them as related thoughts: Listed by the essay as a related thought.',
              },
              {
                kind: 'SHARED_ROLE',
                via: { id: 'role:product-team' },
                weight: 0.15,
                description: 'Both speak to the role "Product Team", which nothing else of their kind shares.',
              },
              { kind: 'TEXT_SIMILARITY', via: null, weight: 0.0329, description: 'Their texts use many of the same words (similarity 0.18).' },
            ],
          },
          {
            node: { id: 'essay:ai-first-org-design' },
            score: 0.6058,
            reasons: [
              {
                kind: 'EDITOR_LINK',
                via: null,
                weight: 0.6,
                description: 'An editor linked them as related thoughts: Listed by the essay as a related thought.',
              },
              { kind: 'TEXT_SIMILARITY', via: null, weight: 0.0146, description: 'Their texts use many of the same words (similarity 0.08).' },
            ],
          },
        ],
      });
      // Over the projection one round trip, the meaning match (the vectors stay in Neo4j); the word
      // matches come from its text index and the answer's nodes are outlines. Over Cypher: the
      // evidence and the text side by side, then the nodes.
      expect(roundTrips).toBe(trips(1, 3));
    });

    it('reads the properties of the answer’s nodes when the answer selects them, as the fallback does', async () => {
      const query = `{ relatedThoughts(id: "essay:engineer-to-ctpo", first: 2) {
        node { id label ... on Essay { summary url } } reasons { via { id ... on Role { description } } } } }`;
      const { data, errors, roundTrips } = await run(query);
      expect(errors).toBeUndefined();
      const ids = ['essay:new-ai-ways-of-working', 'essay:ai-first-org-design'];
      const direct =
        await run(`{ a: node(id: "${ids[0]}") { ... on Essay { label summary url } } b: node(id: "${ids[1]}") { ... on Essay { label summary url } }
        role: node(id: "role:product-team") { ... on Role { description } } }`);
      const [a, b, role] = [direct.data!.a, direct.data!.b, direct.data!.role] as Record<string, unknown>[];
      const related = data!.relatedThoughts as {
        node: { id: string; label: string; summary: string; url: string | null };
        reasons: { via: { id: string; description?: string } | null }[];
      }[];
      expect(related.map((thought) => thought.node)).toEqual([
        { id: ids[0], ...a },
        { id: ids[1], ...b },
      ]);
      expect(related[0]!.node.summary.length).toBeGreaterThan(20);
      expect(related[0]!.reasons.map((reason) => reason.via)).toContainEqual({ id: 'role:product-team', ...role });
      // Over the projection, the meaning match and one read of the properties the answer selects.
      expect(roundTrips).toBe(trips(2, 3));
    });

    it('ranks principles for a principle by the rarer neighbours they share, never the principle itself', async () => {
      const { data } = await run(
        `{ relatedThoughts(id: "principle:culture-emerges-from-structure", first: 3) { node { id } score reasons { kind via { id } } } }`,
      );
      const thoughts = data!.relatedThoughts as { node: { id: string }; score: number; reasons: { kind: string }[] }[];
      expect(thoughts.map((thought) => thought.node.id)).toEqual([
        'principle:technical-excellence-as-a-value',
        'principle:scaling-requires-systems',
        'principle:clear-technical-direction',
      ]);
      expect(thoughts[0]!.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(['DIRECT_EDGE', 'SHARED_CONCEPT']));
      const scores = thoughts.map((thought) => thought.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const score of scores) expect(score).toBeGreaterThan(0);
      for (const score of scores) expect(score).toBeLessThanOrEqual(1);
    });

    it('answers NOT_FOUND for an unknown node and BAD_USER_INPUT past its bound', async () => {
      const missing = await run(`{ relatedThoughts(id: "essay:nothing") { score } }`);
      expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id', id: 'essay:nothing' });
      const tooMany = await run(`{ relatedThoughts(id: "essay:engineer-to-ctpo", first: 51) { score } }`);
      expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });

  describe('conceptMap', () => {
    const MAP = `{ conceptMap(center: "principle:culture-emerges-from-structure", depth: 1, kinds: [PRINCIPLE, CONCEPT]) {
      truncated nodes { id kind label degree hiddenNeighbors cluster x y } edges { id source target type weight origin } } }`;

    it('returns the neighbourhood with degrees, hidden neighbours and only the edges between returned nodes', async () => {
      const { data, errors, roundTrips } = await run(MAP);
      expect(errors).toBeUndefined();
      const map = data!.conceptMap as { truncated: boolean; nodes: any[]; edges: any[] };
      expect(map.truncated).toBe(false);
      // Hidden: neighbours of the requested kinds (principles, concepts) that the map leaves out.
      expect(map.nodes.map(({ id, kind, degree, hiddenNeighbors }) => ({ id, kind, degree, hiddenNeighbors }))).toEqual([
        { id: 'concept:culture', kind: 'CONCEPT', degree: 5, hiddenNeighbors: 0 },
        { id: 'concept:structure', kind: 'CONCEPT', degree: 6, hiddenNeighbors: 3 },
        { id: 'principle:culture-emerges-from-structure', kind: 'PRINCIPLE', degree: 7, hiddenNeighbors: 0 },
        { id: 'principle:technical-excellence-as-a-value', kind: 'PRINCIPLE', degree: 10, hiddenNeighbors: 4 },
      ]);
      expect(map.edges.map((edge) => edge.id)).toEqual([
        'concept:structure|LEADS_TO|concept:culture',
        'principle:culture-emerges-from-structure|ABOUT|concept:culture',
        'principle:culture-emerges-from-structure|ABOUT|concept:structure',
        'principle:culture-emerges-from-structure|LEADS_TO|concept:culture',
        'principle:technical-excellence-as-a-value|ABOUT|concept:culture',
        'principle:technical-excellence-as-a-value|SUPPORTS|principle:culture-emerges-from-structure',
      ]);
      for (const node of map.nodes) {
        expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
        expect(Number.isInteger(node.cluster)).toBe(true);
      }
      // Over the projection nothing reaches Neo4j; over Cypher, the nodes, then their details and edges.
      expect(roundTrips).toBe(trips(0, 2));
    });

    it('counts as hidden only the neighbours that expanding with the same filters would show', async () => {
      const { data } = await run(`{ conceptMap(center: "role:engineer", depth: 1, edgeTypes: [GROWS_INTO]) { nodes { id hiddenNeighbors } } }`);
      expect(data).toEqual({
        conceptMap: {
          nodes: [
            { id: 'role:engineer', hiddenNeighbors: 0 },
            { id: 'role:engineering-leader', hiddenNeighbors: 1 },
          ],
        },
      });
    });

    if (mode === 'projection') {
      it('keeps a node at the same place and in the same cluster in every map, and draws no two nodes over each other', async () => {
        const FIELDS = 'nodes { id cluster x y }';
        const culture = await run(`{ conceptMap(center: "principle:culture-emerges-from-structure", depth: 2, limit: 200) { ${FIELDS} } }`);
        const boundaries = await run(`{ conceptMap(center: "concept:boundaries", depth: 1) { ${FIELDS} } }`);
        type Placed = { id: string; cluster: number; x: number; y: number };
        const first = new Map((culture.data!.conceptMap as { nodes: Placed[] }).nodes.map((node) => [node.id, node]));
        const second = (boundaries.data!.conceptMap as { nodes: Placed[] }).nodes;
        const shared = second.filter((node) => first.has(node.id));
        expect(shared.length).toBeGreaterThan(1);
        for (const node of shared) expect(node).toEqual(first.get(node.id));
        // Cytoscape.js draws nodes 30 units wide by default: no two centres closer than that.
        const nodes = [...first.values()];
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            expect(Math.hypot(nodes[i]!.x - nodes[j]!.x, nodes[i]!.y - nodes[j]!.y)).toBeGreaterThanOrEqual(30);
          }
        }
      });
    }

    it('gives the same answer to the byte for the same request', async () => {
      const first = await run(MAP);
      const second = await run(MAP);
      expect(JSON.stringify(second.data)).toBe(JSON.stringify(first.data));
    });

    it('keeps the most connected nodes over the limit, the center always, and says it truncated', async () => {
      const { data } = await run(`{ conceptMap(center: "concept:culture", depth: 2, limit: 3) { truncated nodes { id } edges { source target } } }`);
      expect(data).toEqual({
        conceptMap: {
          truncated: true,
          nodes: [{ id: 'concept:culture' }, { id: 'essay:engineer-to-ctpo' }, { id: 'role:engineering-leader' }],
          edges: [
            { source: 'essay:engineer-to-ctpo', target: 'role:engineering-leader' },
            { source: 'essay:engineer-to-ctpo', target: 'concept:culture' },
          ],
        },
      });
    });

    it.each([
      ['center: "concept:nowhere"', 'NOT_FOUND', 'center'],
      ['depth: 4', 'BAD_USER_INPUT', 'depth'],
      ['limit: 2001', 'BAD_USER_INPUT', 'limit'],
      ['limit: 0', 'BAD_USER_INPUT', 'limit'],
    ])('(%s) fails with %s naming %s', async (args, code, field) => {
      const { errors } = await run(`{ conceptMap(${args}) { truncated } }`);
      expect(errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code, field })]);
    });
  });

  describe('principle analytics', () => {
    it('lists principle pairs by co-occurrence, then Jaccard, then ids, with the direct edges between them', async () => {
      const { data, roundTrips } = await run(`{ principleLinks(first: 4) { a { id } b { id } cooccurrences jaccard lift sharedEssays { id } directEdges } }`);
      const link = (a: string, b: string, directEdges: string[]) => ({
        a: { id: `principle:${a}` },
        b: { id: `principle:${b}` },
        cooccurrences: 1,
        jaccard: 1,
        lift: 3,
        sharedEssays: [{ id: 'essay:engineer-to-ctpo' }],
        directEdges,
      });
      expect(data).toEqual({
        principleLinks: [
          link('autonomy-within-boundaries', 'clear-technical-direction', ['SUPPORTS']),
          link('autonomy-within-boundaries', 'culture-emerges-from-structure', []),
          link('autonomy-within-boundaries', 'leadership-is-about-outcomes', []),
          link('autonomy-within-boundaries', 'scaling-requires-systems', ['SUPPORTS']),
        ],
      });
      expect(roundTrips).toBe(trips(1, 2));
    });

    it('ranks the principles for a role: those that apply to it, then those of essays addressing it', async () => {
      const { data } = await run(`{ principlesForRole(role: "role:engineer", first: 10) { rank score node { id } } }`);
      const ranked = data!.principlesForRole as { rank: number; score: number; node: { id: string } }[];
      expect(ranked.slice(0, 4)).toEqual([
        { rank: 1, score: 1, node: { id: 'principle:technical-depth-compounds' } },
        { rank: 2, score: 1, node: { id: 'principle:technical-excellence-as-a-value' } },
        { rank: 3, score: 1, node: { id: 'principle:the-journey-never-ends' } },
        { rank: 4, score: 0.4, node: { id: 'principle:autonomy-within-boundaries' } },
      ]);
      expect(ranked).toHaveLength(8);
      const cost = await run(`{ principlesForRole(role: "role:ctpo") { rank } }`);
      expect(cost.roundTrips).toBe(trips(2, 3));
      const notARole = await run(`{ principlesForRole(role: "concept:culture") { rank } }`);
      expect(notARole.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
    });

    it('ranks nodes by degree, PageRank and betweenness', async () => {
      const { data, errors } = await run(`{
        degree: centrality(kinds: [ROLE], metric: DEGREE, first: 3) { rank score node { id } }
        pagerank: centrality(kinds: [PRINCIPLE], first: 1) { rank node { id } }
        betweenness: centrality(metric: BETWEENNESS, first: 1) { rank node { id } }
      }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        degree: [
          { rank: 1, score: 16, node: { id: 'role:engineering-leader' } },
          { rank: 2, score: 11, node: { id: 'role:ctpo' } },
          { rank: 3, score: 9, node: { id: 'role:engineer' } },
        ],
        pagerank: [{ rank: 1, node: { id: 'principle:autonomy-within-boundaries' } }],
        betweenness: [{ rank: 1, node: { id: 'essay:engineer-to-ctpo' } }],
      });
      // Cached now: the ranked nodes (and, over Cypher, a version check).
      const cached = await run(`{ centrality(metric: DEGREE, first: 2) { rank } }`);
      expect(cached.roundTrips).toBe(trips(1, 2));
    });
  });
});
