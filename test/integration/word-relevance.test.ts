import { generateSyntheticGraph } from '../../src/cli/synthetic-graph';
import { NodeKind } from '../../src/domain/node-kind';
import { writeGraphBatch, type NodeInput } from '../../src/graph/graph-writer';
import { ThinkingRepository } from '../../src/graph/thinking-repository';
import { WriteRepository } from '../../src/graph/write-repository';
import type { NodeWords, TopologyRow } from '../../src/domain/topology';
import { ProjectionBuilder, type GraphProjection } from '../../src/projection/graph-projection';
import { TextIndexBuilder } from '../../src/projection/text-index';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * The projection's word signal against Neo4j's own full-text index: for every node of the
 * seed's prose and of a synthetic graph, the in-process matches must be the database's, ids and
 * scores to the last bit (the fallback's answers and the projection's then agree). A private
 * store: the test writes.
 */
let neo4j: PrivateNeo4j;

/**
 * Texts where Lucene's way shows: words that analyze alike ("culture", "culture," and "culture."
 * are one clause, boosted), words of several tokens, other scripts, emoji, lists of aliases.
 */
const AWKWARD: NodeInput[] = [
  ['culture-loops', 'Culture, culture. Culture; the culture: structure! Structure? structure… teams’ teams teams.'],
  ['mixed-scripts', 'コンピューターサイエンス and ภาษาไทยง่าย, 日本語の文化 — culture, structure; 🇫🇷 flags #️⃣ keys 😀 naïve café İstanbul.'],
  ['numbers-and-marks', "Version 3.5, 3,5 and 12:30; e.g. U.S.A. don't won't can't; node.js x,y,z well-known self-made culture-first."],
  ['repeated-structure', 'Structure structure structure, culture culture; ownership. Ownership, ownership; teams teams.'],
].map(([slug, summary]) => ({ id: `essay:${slug}`, kind: NodeKind.ESSAY, slug: slug!, properties: { title: `Awkward ${slug}`, summary } }));

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ seed: true });
  const synthetic = generateSyntheticGraph({ essays: 300, seed: 7 });
  await neo4j.database.executor().writeTransaction((run) => writeGraphBatch(run, [...synthetic.ideas, ...synthetic.essays, ...AWKWARD], synthetic.edges));
}, 180_000);

afterAll(async () => {
  await neo4j.stop();
});

async function project(): Promise<GraphProjection> {
  const builder = new ProjectionBuilder();
  const version = await neo4j.database.topology(60_000).readTopology(builder);
  return builder.build(version ?? 0);
}

/** Every node of the text's kinds whose in-process matches differ from the database's, with both. */
async function differences(graph: GraphProjection, ids: readonly string[]) {
  const cypher = new ThinkingRepository(neo4j.database.executor());
  const found: { id: string; database: unknown; projection: unknown }[] = [];
  for (const id of ids) {
    const kind = graph.kindOf(graph.indexOf(id)!);
    const database = (await cypher.findTextEvidence(id, kind, 25))!.words;
    const projection = graph.text.match(id, kind, 25);
    if (JSON.stringify(database) !== JSON.stringify(projection)) found.push({ id, database, projection });
  }
  return found;
}

const TEXT_KINDS = [NodeKind.ESSAY, NodeKind.PRINCIPLE, NodeKind.CONCEPT, NodeKind.ROLE];

describe('the word signal in the projection', () => {
  it('matches as Neo4j’s full-text index does, scores to the bit, for every node of the seed and of a synthetic graph', async () => {
    const graph = await project();
    const ids = graph.ids.filter((id) => TEXT_KINDS.includes(graph.kindOf(graph.indexOf(id)!)));
    expect(ids.length).toBeGreaterThan(350);
    // The seed's prose has punctuation, apostrophes, numbers and aliases: most nodes match several others.
    const matched = ids.filter((id) => graph.text.match(id, graph.kindOf(graph.indexOf(id)!), 25)!.length > 1);
    expect(matched.length).toBeGreaterThan(300);
    expect(await differences(graph, ids)).toEqual([]);
  }, 120_000);

  it('after editors change texts, scores as the database would with the old texts gone from its statistics', async () => {
    const before = await project();
    const oldWords = new Map<string, NodeWords>();
    await neo4j.database.topology(60_000).readTopology({ addNode: (id, _kind, _label, words) => void oldWords.set(id, words!), addEdge: () => {} });
    const writes = new WriteRepository(neo4j.database.executor());
    const edited = 'essay:new-ai-ways-of-working';
    await writes.upsertNode(NodeKind.ESSAY, 'new-ai-ways-of-working', {
      summary: 'Structure comes first; culture follows the structure that teams work in, every day.',
    });
    await writes.upsertNode(NodeKind.PRINCIPLE, 'fresh-words', { name: 'Fresh Words', statement: 'Teams that own their structure shape their culture.' });
    const changes = await neo4j.database.topology(60_000).readChanges(before.version, 100);
    if (changes.kind !== 'changes') throw new Error(`expected logged changes, got ${changes.kind}`);
    const caughtUp = await before.withChanges(changes.version, changes.touched, changes.rows);
    const whole = await project();
    // Lucene replaces a changed document by deleting it and adding the new one, and keeps counting
    // the deleted one in its statistics until its segments merge. The same index with the old
    // text kept as a ghost (a node of a kind never asked for) must score exactly as the database.
    const ghosts = new TextIndexBuilder();
    for (const id of whole.ids) ghosts.add(id, whole.kindOf(whole.indexOf(id)!), wordsOf(id, oldWords, changes.rows));
    ghosts.add('person:ghost-of-the-old-essay', NodeKind.PERSON, oldWords.get(edited));
    const withGhost = ghosts.build();
    const cypher = new ThinkingRepository(neo4j.database.executor());
    const ids = [edited, 'essay:engineer-to-ctpo', 'essay:ai-first-org-design', 'principle:fresh-words', 'principle:culture-emerges-from-structure'];
    for (const id of ids) {
      const kind = whole.kindOf(whole.indexOf(id)!);
      const live = caughtUp.text.match(id, kind, 25);
      // The catch-up holds what a whole read holds.
      expect(live).toEqual(whole.text.match(id, kind, 25));
      const database = (await cypher.findTextEvidence(id, kind, 25))!.words;
      // The database's scores are the ghost's until a merge drops it, then the live ones: nothing else.
      expect([withGhost.match(id, kind, 25), live]).toContainEqual(database);
    }
    expect(caughtUp.text.match('principle:fresh-words', NodeKind.PRINCIPLE, 25)!.map((match) => match.id)).toContain('principle:fresh-words');
  }, 120_000);
});

/** A node's words now: its changed row's, else what the read before the change saw. */
function wordsOf(id: string, before: ReadonlyMap<string, NodeWords>, rows: readonly TopologyRow[]): NodeWords | undefined {
  return rows.find((row) => row.id === id)?.words ?? before.get(id);
}
