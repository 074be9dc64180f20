import { EdgeType } from '../../src/domain/edge-type';
import { embedNode, MEANING_PROPERTIES, SUGGESTION_SIMILARITY, type TextEmbedder } from '../../src/domain/meaning';
import { NodeKind } from '../../src/domain/node-kind';
import { NO_TEXT_EVIDENCE, scoreRelated, type RelatedEvidence, type TextEvidence } from '../../src/domain/relatedness';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { readGraphDump } from '../../src/graph/graph-dump-repository';
import { NodeRepository } from '../../src/graph/node-repository';
import { writeGraphBatch, type EdgeInput, type NodeInput } from '../../src/graph/graph-writer';
import { ThinkingRepository } from '../../src/graph/thinking-repository';
import { embedGraph } from '../../src/meaning/embed-graph';
import { loadMeaning } from '../../src/meaning/sentence-model';
import type { Server } from '../../src/server/create-server';
import { CORPUS_CONCEPTS, CORPUS_ESSAYS, CORPUS_PRINCIPLES, SEED_EXAMPLES, SEED_PARAPHRASES } from '../fixtures/meaning-corpus';
import { createTestServer, EDITOR, execute, startTestProjection } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * Related by meaning, on the real sentence model and a real Neo4j: the seed plus a corpus of 48
 * essays in six themes written for these tests (test/fixtures/meaning-corpus.ts).
 */

let store: PrivateNeo4j;
let database: GraphDatabase;
let server: Server;
let embedder: TextEmbedder;
const run = (query: string, variables?: Record<string, unknown>, model: TextEmbedder | null = embedder) =>
  execute(server.apollo, database, query, variables, EDITOR, null, model);

const essayId = (slug: string) => `essay:${slug}`;

beforeAll(async () => {
  const meaning = await loadMeaning({ enabled: true }, () => {});
  if (!meaning.embedder) throw new Error(`The sentence model did not load: ${JSON.stringify(meaning.status)}`);
  embedder = meaning.embedder;
  store = await startPrivateNeo4j({ seed: true });
  database = store.database;
  await database.executor().writeTransaction((tx) => writeGraphBatch(tx, corpusNodes(), corpusEdges()));
  await embedGraph(database.executor(), embedder, () => {});
  server = await createTestServer(database);
}, 180_000);

afterAll(async () => {
  await server?.apollo.stop();
  await store?.stop();
  await embedder?.release?.();
});

function corpusNodes(): NodeInput[] {
  return [
    ...CORPUS_PRINCIPLES.map(({ slug, name, statement, description }) => ({
      id: `principle:${slug}`,
      kind: NodeKind.PRINCIPLE,
      slug,
      properties: { name, statement, description, aliases: [] },
    })),
    ...CORPUS_CONCEPTS.map(({ slug, name, description }) => ({
      id: `concept:${slug}`,
      kind: NodeKind.CONCEPT,
      slug,
      properties: { name, description, aliases: [] },
    })),
    ...CORPUS_ESSAYS.map(({ slug, title, summary, body }) => ({
      id: essayId(slug),
      kind: NodeKind.ESSAY,
      slug,
      properties: { title, summary, body, sections: [] },
    })),
  ];
}

/** The editors' tags; their RELATES_TO links are left out (hidden), as the measurement requires. */
function corpusEdges(): EdgeInput[] {
  return CORPUS_ESSAYS.flatMap((essay) => [
    ...essay.principles.map((slug) => edge(EdgeType.ARTICULATES, essay.slug, NodeKind.PRINCIPLE, `principle:${slug}`)),
    ...essay.concepts.map((slug) => edge(EdgeType.DISCUSSES, essay.slug, NodeKind.CONCEPT, `concept:${slug}`)),
  ]);
}

function edge(type: EdgeType, essay: string, targetKind: NodeKind, target: string): EdgeInput {
  return { type, source: essayId(essay), sourceKind: NodeKind.ESSAY, target, targetKind, properties: {} };
}

async function vectorsOf(ids: readonly string[]): Promise<Map<string, number[] | null>> {
  const rows = await database.executor().read(`UNWIND $ids AS id MATCH (n {id: id}) RETURN id, n.${MEANING_PROPERTIES.vector} AS vector`, { ids });
  return new Map(rows.map((row) => [String(row.id), (row.vector as number[] | null) ?? null]));
}

describe('the sentence model', () => {
  it('gives the same vector for the same text, of unit length, and paraphrases a higher cosine than unrelated texts', async () => {
    const text = 'Culture grows out of how an organisation is built; it cannot be installed.';
    const [once, twice, paraphrase, unrelated] = await embedder.embed([
      text,
      text,
      'The way a company is structured shapes how its people behave.',
      'Bananas are rich in potassium and make a good snack.',
    ]);
    expect(Array.from(twice!)).toEqual(Array.from(once!));
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
    expect(dot(once!, once!)).toBeCloseTo(1, 5);
    expect(dot(once!, unrelated!)).toBeLessThan(0.1);
    expect(dot(once!, paraphrase!)).toBeGreaterThan(dot(once!, unrelated!) + 0.2);
  });
});

describe('similarTo', () => {
  const SIMILAR = `query($text: String!, $kinds: [NodeKind!], $first: Int!) { similarTo(text: $text, kinds: $kinds, first: $first) { node { id } score signal } }`;

  async function nearestPrinciple(text: string): Promise<string> {
    const { data, errors } = await run(SIMILAR, { text, kinds: ['PRINCIPLE'], first: 1 });
    expect(errors).toBeUndefined();
    const [found] = data!.similarTo as { node: { id: string }; score: number; signal: string }[];
    expect(found!.signal).toBe('MEANING');
    return found!.node.id;
  }

  it('finds the seed principle a paraphrase restates first, for at least 90% of them', async () => {
    let hits = 0;
    for (const paraphrase of SEED_PARAPHRASES) if ((await nearestPrinciple(paraphrase.text)) === paraphrase.principle) hits++;
    let examples = 0;
    for (const example of SEED_EXAMPLES) if ((await nearestPrinciple(example.text)) === example.principle) examples++;
    console.log(
      `similarTo: ${hits}/${SEED_PARAPHRASES.length} restatements and ${examples}/${SEED_EXAMPLES.length} worked examples find their principle first ` +
        `(among ${8 + CORPUS_PRINCIPLES.length} principles)`,
    );
    expect(hits / SEED_PARAPHRASES.length).toBeGreaterThanOrEqual(0.9);
  });

  it('answers nodes of the kinds asked, best first, with cosine scores', async () => {
    const { data, errors } = await run(SIMILAR, { text: 'How do we keep the pager from burning out the people on call?', kinds: null, first: 5 });
    expect(errors).toBeUndefined();
    const found = data!.similarTo as { node: { id: string }; score: number; signal: string }[];
    expect(found).toHaveLength(5);
    const scores = found.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect(found.every((item) => item.signal === 'MEANING')).toBe(true);
    // The incident-response theme's texts are about on-call load.
    const theme = new Set(CORPUS_ESSAYS.filter((essay) => essay.theme === 'incident-response').map((essay) => essayId(essay.slug)));
    expect(theme.has(found[0]!.node.id) || found[0]!.node.id.startsWith('principle:') || found[0]!.node.id.startsWith('concept:')).toBe(true);
    expect(found.filter((item) => theme.has(item.node.id)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a kind without vectors, naming the field', async () => {
    const { errors } = await run(SIMILAR, { text: 'anything at all', kinds: ['ROLE'], first: 3 });
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'kinds' } });
  });

  it('falls back to the full-text index with no model loaded, and says so', async () => {
    const { data, errors } = await run(SIMILAR, { text: 'Culture emerges from structure', kinds: ['PRINCIPLE'], first: 2 }, null);
    expect(errors).toBeUndefined();
    expect(data!.similarTo).toEqual([
      { node: { id: 'principle:culture-emerges-from-structure' }, score: 1, signal: 'WORDS' },
      expect.objectContaining({ signal: 'WORDS' }),
    ]);
  });
});

describe('relatedThoughts with meaning fused in', () => {
  const themeOf = new Map(CORPUS_ESSAYS.map((essay) => [essayId(essay.slug), essay.theme]));
  const corpusIds = CORPUS_ESSAYS.map((essay) => essayId(essay.slug));

  /** nDCG@10 with "same theme" as relevance (the seed's and other essays count as not relevant). */
  function ndcg(source: string, ranked: readonly string[]): number {
    const relevant = corpusIds.filter((id) => id !== source && themeOf.get(id) === themeOf.get(source)).length;
    const gain = (rank: number) => 1 / Math.log2(rank + 2);
    const dcg = ranked.slice(0, 10).reduce((sum, id, rank) => sum + (themeOf.get(id) === themeOf.get(source) ? gain(rank) : 0), 0);
    const ideal = Array.from({ length: Math.min(relevant, 10) }, (_, rank) => gain(rank)).reduce((a, b) => a + b, 0);
    return dcg / ideal;
  }

  // The bar: 15% over the best single signal. Most of the gain is the reasons through
  // linked ideas (a tag inferred from the text): without them the fusion measured 14.2–14.9%, with
  // them 23.8%; the figures are printed, the one without them too.
  it('beats the best single signal by at least 15% nDCG@10 (the figures printed), with the editor links hidden', async () => {
    const thinking = new ThinkingRepository(database.executor());
    const totals = { structure: 0, words: 0, meaning: 0, hybrid: 0, withoutIdeas: 0 };
    for (const id of corpusIds) {
      const evidence: RelatedEvidence = await thinking.findRelatedEvidence(id, NodeKind.ESSAY);
      const text: TextEvidence = (await thinking.findTextEvidence(id, NodeKind.ESSAY, 25))!;
      const none: RelatedEvidence = { population: evidence.population, shared: [], direct: [] };
      const top = (from: RelatedEvidence, texts: TextEvidence) => scoreRelated(id, from, texts, 10).map((candidate) => candidate.id);
      totals.structure += ndcg(id, top(evidence, NO_TEXT_EVIDENCE));
      totals.words += ndcg(id, top(none, { ...NO_TEXT_EVIDENCE, words: text.words }));
      totals.meaning += ndcg(id, top(none, { ...NO_TEXT_EVIDENCE, meaning: text.meaning }));
      totals.withoutIdeas += ndcg(id, top(evidence, { ...text, ideas: [] }));
      const { data, errors } = await run(`{ relatedThoughts(id: "${id}", first: 10) { node { id } } }`);
      expect(errors).toBeUndefined();
      totals.hybrid += ndcg(
        id,
        (data!.relatedThoughts as { node: { id: string } }[]).map((thought) => thought.node.id),
      );
    }
    const mean = Object.fromEntries(Object.entries(totals).map(([signal, total]) => [signal, total / corpusIds.length])) as typeof totals;
    const best = Math.max(mean.structure, mean.words, mean.meaning);
    const over = (value: number) => `${((value / best - 1) * 100).toFixed(1)}%`;
    console.log(
      `relatedThoughts nDCG@10 over ${corpusIds.length} essays: structure ${mean.structure.toFixed(3)}, words ${mean.words.toFixed(3)}, ` +
        `meaning ${mean.meaning.toFixed(3)}, hybrid ${mean.hybrid.toFixed(3)} (${over(mean.hybrid)} over the best single signal; ` +
        `${mean.withoutIdeas.toFixed(3)}, ${over(mean.withoutIdeas)}, without the reasons through linked ideas)`,
    );
    expect(mean.hybrid).toBeGreaterThanOrEqual(1.15 * best);
  });

  it('answers the same through the projection as through Cypher, meaning and linked ideas included, for essays, principles and concepts', async () => {
    const projection = await startTestProjection(database);
    try {
      const RELATED = `query($id: ID!) { relatedThoughts(id: $id, first: 10) { score node { id } reasons { kind weight share description } } }`;
      // The seed's principles and concepts link each other: a principle is related through its concepts' meaning, and the other way round.
      const seedIdeas = await database
        .executor()
        .read(`MATCH (n) WHERE (n:Principle OR n:Concept) AND EXISTS { (n)--(:Principle|Concept) } RETURN n.id AS id ORDER BY id`, {});
      const ideaIds = seedIdeas.map((row) => String(row.id));
      const kindsSeen = new Map<string, Set<string>>();
      for (const id of [...corpusIds.slice(0, 12), ...ideaIds]) {
        const viaCypher = await run(RELATED, { id });
        const viaProjection = await execute(server.apollo, database, RELATED, { id }, EDITOR, projection, embedder);
        expect(viaProjection.errors).toBeUndefined();
        expect(viaProjection.data).toEqual(viaCypher.data);
        const kinds = kindsSeen.get(id.split(':')[0]!) ?? new Set<string>();
        for (const thought of viaProjection.data!.relatedThoughts as { reasons: { kind: string }[] }[])
          for (const reason of thought.reasons) kinds.add(reason.kind);
        kindsSeen.set(id.split(':')[0]!, kinds);
      }
      expect(ideaIds.length).toBeGreaterThan(10);
      // Each path was compared where it gives these reasons, not only where it gives none.
      expect([...kindsSeen.get('essay')!]).toEqual(expect.arrayContaining(['SIMILAR_MEANING', 'SIMILAR_TO_PRINCIPLE', 'SIMILAR_TO_CONCEPT']));
      expect([...kindsSeen.get('principle')!]).toEqual(expect.arrayContaining(['SIMILAR_MEANING', 'SIMILAR_TO_CONCEPT']));
      expect([...kindsSeen.get('concept')!]).toEqual(expect.arrayContaining(['SIMILAR_MEANING', 'SIMILAR_TO_PRINCIPLE']));
    } finally {
      projection.stop();
    }
  });

  it('relates untagged essays through the ideas the source links, naming the idea its text says', async () => {
    const REASONS = `query($id: ID!) { relatedThoughts(id: $id, first: 10) { node { id } reasons { kind weight share description via { id label } } } }`;
    const themes = [...new Set(CORPUS_ESSAYS.map((essay) => essay.theme))];
    const found: string[] = [];
    for (const theme of themes) {
      const essays = CORPUS_ESSAYS.filter((essay) => essay.theme === theme);
      const source = essays.find((essay) => essay.principles.length > 0)!;
      const untagged = essays.find((essay) => essay.principles.length === 0 && essay.concepts.length === 0)!;
      const linked = new Set([...source.principles.map((slug) => `principle:${slug}`), ...source.concepts.map((slug) => `concept:${slug}`)]);
      const { data, errors } = await run(REASONS, { id: essayId(source.slug) });
      expect(errors).toBeUndefined();
      type Reason = { kind: string; weight: number; share: number; description: string; via: { id: string; label: string } | null };
      const related = data!.relatedThoughts as { node: { id: string }; reasons: Reason[] }[];
      for (const thought of related) {
        for (const reason of thought.reasons.filter((r) => r.kind === 'SIMILAR_TO_PRINCIPLE' || r.kind === 'SIMILAR_TO_CONCEPT')) {
          // Through one of the source's own ideas, of the kind the reason says, described with its name and cosine.
          expect(linked.has(reason.via!.id)).toBe(true);
          expect(reason.via!.id.startsWith(reason.kind === 'SIMILAR_TO_PRINCIPLE' ? 'principle:' : 'concept:')).toBe(true);
          const noun = reason.kind === 'SIMILAR_TO_PRINCIPLE' ? 'principle' : 'concept';
          expect(reason.description).toBe(
            `One connects to the ${noun} "${reason.via!.label}", and the other's text says much the same (similarity ${reason.description.match(/similarity (0\.\d\d)\)/)![1]}).`,
          );
          expect(reason.weight).toBeGreaterThan(0);
          expect(reason.weight).toBeLessThanOrEqual(reason.kind === 'SIMILAR_TO_PRINCIPLE' ? 0.3 : 0.24);
        }
        if (thought.node.id === essayId(untagged.slug) && thought.reasons.some((r) => r.kind.startsWith('SIMILAR_TO_'))) found.push(theme);
      }
    }
    // The untagged essay of a theme shares no tag with anything: what ties it to its theme's tagged essays is its text.
    // Measured: 4 of 6 themes; asserted: half of them.
    console.log(`untagged essays related to their theme's first tagged essay through a linked idea: ${found.length}/${themes.length} (${found.join(', ')})`);
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it('gives SIMILAR_MEANING as a reason, with its similarity and share, and relates a node tied by meaning alone', async () => {
    const untagged = CORPUS_ESSAYS.find((essay) => essay.principles.length === 0 && essay.concepts.length === 0)!;
    const { data, errors } = await run(
      `{ relatedThoughts(id: "${essayId(untagged.slug)}", first: 5) { node { id } score reasons { kind weight share description } } }`,
    );
    expect(errors).toBeUndefined();
    const related = data!.relatedThoughts as { score: number; reasons: { kind: string; weight: number; share: number; description: string }[] }[];
    expect(related.length).toBeGreaterThan(0);
    const meaningOnly = related.find((thought) => thought.reasons.every((reason) => reason.kind === 'SIMILAR_MEANING'));
    expect(meaningOnly).toBeDefined();
    const [reason] = meaningOnly!.reasons;
    expect(reason!.description).toMatch(/^Their texts say similar things \(similarity 0\.\d\d\)\.$/);
    expect(reason!.share).toBeCloseTo(meaningOnly!.score, 4);
    for (const thought of related) expect(thought.reasons.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(thought.score, 3);
  });
});

describe('vectors kept with the text', () => {
  const UPSERT = `mutation($input: EssayInput!) { upsertEssay(input: $input) { node { id } } }`;
  const slug = 'blameless-reviews-need-follow-through';
  const title = 'Blameless reviews need follow-through';
  const neighbours = ['essay:engineer-to-ctpo', `principle:culture-emerges-from-structure`, `concept:${CORPUS_CONCEPTS[0]!.slug}`];

  it('embeds a new essay in the write that creates it', async () => {
    const { errors } = await run(UPSERT, { input: { slug, title, summary: 'A review without fixes is theatre.' } });
    expect(errors).toBeUndefined();
    const vector = (await vectorsOf([`essay:${slug}`])).get(`essay:${slug}`);
    expect(vector).toHaveLength(384);
  });

  it('re-embeds only what an edit changed: a new summary moves the vector, a new URL does not, other nodes keep theirs', async () => {
    const before = await vectorsOf([`essay:${slug}`, ...neighbours]);
    // The model is deterministic, so "not re-embedded" is checked by counting its runs.
    const texts: string[] = [];
    const counting: TextEmbedder = { model: embedder.model, dimensions: 384, embed: (batch) => (texts.push(...batch), embedder.embed(batch)) };
    expect(await run(UPSERT, { input: { slug, title, url: 'https://example.org/blameless' } }, counting)).toMatchObject({ errors: undefined });
    expect(texts).toEqual([]);
    expect(await vectorsOf([`essay:${slug}`, ...neighbours])).toEqual(before);
    expect(await run(UPSERT, { input: { slug, title, summary: 'After an outage, the action items matter more than the write-up.' } })).toMatchObject({
      errors: undefined,
    });
    const after = await vectorsOf([`essay:${slug}`, ...neighbours]);
    expect(after.get(`essay:${slug}`)).not.toEqual(before.get(`essay:${slug}`));
    for (const id of neighbours) expect(after.get(id)).toEqual(before.get(id));
  });

  it('a batch run does not overwrite a vector that a writer made meanwhile from newer text', async () => {
    const id = `essay:${slug}`;
    const newer = 'Reviews that name causes, not culprits, are the ones people trust.';
    // Another model name makes this essay stale for the batch run; while it embeds the old text, an editor changes it.
    await database.executor().write(`MATCH (e:Essay {id: $id}) SET e.${MEANING_PROPERTIES.model} = 'an-older-model'`, { id });
    let edited = false;
    const racing: TextEmbedder = {
      model: embedder.model,
      dimensions: 384,
      embed: async (batch) => {
        const vectors = await embedder.embed(batch);
        if (!edited && batch.some((text) => text.startsWith('After an outage'))) {
          edited = true;
          expect(await run(UPSERT, { input: { slug, title, summary: newer } })).toMatchObject({ errors: undefined });
        }
        return vectors;
      },
    };
    await embedGraph(database.executor(), racing, () => {});
    expect(edited).toBe(true);
    const expected = await embedNode(embedder, NodeKind.ESSAY, { title, summary: newer });
    const stored = (await vectorsOf([id])).get(id)!;
    expect(stored.reduce((sum, value, i) => sum + value * expected![i]!, 0)).toBeCloseTo(1, 5);
    expect(await run(UPSERT, { input: { slug, title, summary: 'After an outage, the action items matter more than the write-up.' } })).toMatchObject({
      errors: undefined,
    });
  });

  it('writes nothing when embedding fails: neither the new text nor a vector', async () => {
    const failing: TextEmbedder = { model: embedder.model, dimensions: 384, embed: () => Promise.reject(new Error('model crashed')) };
    const vector = (await vectorsOf([`essay:${slug}`])).get(`essay:${slug}`);
    const { errors } = await run(UPSERT, { input: { slug, title, summary: 'A text that never lands.' } }, failing);
    expect(errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const [row] = await database.executor().read('MATCH (e:Essay {id: $id}) RETURN e.summary AS summary', { id: `essay:${slug}` });
    expect(row!.summary).toBe('After an outage, the action items matter more than the write-up.');
    expect((await vectorsOf([`essay:${slug}`])).get(`essay:${slug}`)).toEqual(vector);
  });

  it('never shows the vector as a property, in node reads or dumps', async () => {
    const { data } = await run(`{ node(id: "essay:${slug}") { id ... on Essay { summary } } }`);
    expect(data!.node).toEqual({ id: `essay:${slug}`, summary: 'After an outage, the action items matter more than the write-up.' });
    const [record] = await new NodeRepository(database.executor()).findNodes([`essay:${slug}`]);
    expect(Object.keys(record!.properties).sort()).toEqual(['summary', 'title', 'url']);
    const dumped = (await readGraphDump(database.executor())).nodes.find((node) => node.id === `essay:${slug}`)!;
    expect(Object.keys(dumped.properties).sort()).toEqual(['id', 'slug', 'summary', 'title', 'url']);
    const [row] = await database.executor().read(`MATCH (e:Essay {id: $id}) RETURN e.${MEANING_PROPERTIES.model} AS model`, { id: `essay:${slug}` });
    expect(row!.model).toBe(embedder.model);
  });
});

describe('ingestion suggests by meaning', () => {
  const INGEST = `mutation($markdown: String!, $accept: Boolean!) {
    ingestEssay(markdown: $markdown, acceptSuggestions: $accept) {
      essay edgesAdded { type target origin note } suggestions { type target matched occurrences rule similarity accepted }
    }
  }`;
  // The second section says what "Blameless Reviews Find Causes" says without its words; nothing names or mentions it.
  const markdown = [
    '---',
    'title: What the outage taught us',
    'slug: what-the-outage-taught-us',
    '---',
    '## The night',
    'The database filled its disk at two in the morning and the checkout stopped.',
    '## Afterwards',
    'When we stopped asking who made the mistake, people told us everything: the missing alarm, the unclear runbook, the ' +
      'risky migration script. Punishing the engineer would have hidden all of it; the faults were in our tooling and process.',
  ].join('\n');

  it('suggests the principle a section means, naming the section and its similarity, and writes it as INFERRED when accepted', async () => {
    const suggested = await run(INGEST, { markdown, accept: false });
    expect(suggested.errors).toBeUndefined();
    const report = suggested.data!.ingestEssay as { suggestions: Record<string, unknown>[]; edgesAdded: unknown[] };
    const byMeaning = report.suggestions.filter((suggestion) => suggestion.rule === 'meaning-of-section');
    expect(byMeaning).toContainEqual({
      type: 'ARTICULATES',
      target: 'principle:blameless-reviews-find-causes',
      matched: 'Afterwards',
      occurrences: 1,
      rule: 'meaning-of-section',
      similarity: expect.any(Number),
      accepted: false,
    });
    for (const suggestion of byMeaning) expect(suggestion.similarity as number).toBeGreaterThanOrEqual(SUGGESTION_SIMILARITY);
    expect(report.edgesAdded).toEqual([]);
    // The essay was written (not a dry run), and embedded in the same transaction.
    expect((await vectorsOf(['essay:what-the-outage-taught-us'])).get('essay:what-the-outage-taught-us')).toHaveLength(384);

    const accepted = await run(INGEST, { markdown, accept: true });
    const similarity = byMeaning.find((suggestion) => suggestion.target === 'principle:blameless-reviews-find-causes')!.similarity as number;
    expect((accepted.data!.ingestEssay as { edgesAdded: unknown[] }).edgesAdded).toContainEqual({
      type: 'ARTICULATES',
      target: 'principle:blameless-reviews-find-causes',
      origin: 'INFERRED',
      note: `rule meaning-of-section: "Afterwards" (similarity ${similarity.toFixed(2)})`,
    });
  });
});
