import neo4j from 'neo4j-driver';
import {
  embedNode,
  hasMeaning,
  MEANING_FIELDS,
  MEANING_KINDS,
  MEANING_PROPERTIES,
  meaningTexts,
  type MeaningMatch,
  type MeaningSearch,
  type TextEmbedder,
} from '../domain/meaning';
import { idPrefixOf, type NodeKind } from '../domain/node-kind';
import { labelOf } from './cypher';
import type { QueryExecutor, Row } from './graph-database';

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

const { vector: VECTOR, model: MODEL } = MEANING_PROPERTIES;

/** The vector index of an embedded kind (schema/indexes.cypher): `essay_meaning`, … */
export function meaningIndexOf(kind: NodeKind): string {
  if (!hasMeaning(kind)) throw new Error(`No meaning index for ${kind}.`);
  return `${idPrefixOf(kind)}_meaning`;
}

/**
 * Candidates asked of a vector index for `limit` results. The index is approximate (HNSW): it
 * explores about as many candidates as it is asked for, and asked for one or two it misses the
 * nearest (measured: 20 of 24 restatements found their principle with 2 candidates, 22 with 20
 * or 100). More candidates cost the database more: at 8 concurrent, three indexes asked for 100
 * took about 1.5 ms more of the machine per query than asked for 20.
 */
export function vectorCandidates(limit: number): number {
  return Math.max(20, limit * 4);
}

/**
 * Neo4j's cosine score is (1 + cosine) / 2, so that it lies in 0..1; answers carry the cosine
 * itself, the figure the model's documentation and the domain's thresholds speak in.
 */
export const COSINE_OF_SCORE = '(2 * score - 1)';

/** A map projection's items for what `refreshMeaning` compares and a batch page embeds: the kind's meaning fields and the vector's model. */
export function meaningFieldsOf(kind: NodeKind): string {
  return [...(MEANING_FIELDS[kind] ?? []), MODEL].map((field) => `.${field}`).join(', ');
}

/** The embedded kinds as a label expression: `Essay|Principle|Concept`. */
const MEANING_LABELS = MEANING_KINDS.map(labelOf).join('|');

/** A node of an embedded kind that needs a vector of `$model` (every one with `$everything`). */
const NEEDS_VECTOR = `($everything OR n.${MODEL} IS NULL OR n.${MODEL} <> $model)`;

/** Vectors of one kind's nodes, read and written in pages of this many. */
const PAGE = 200;
/** While a bulk run lasts, the graph version moves this often (and once at its end). */
const VERSION_EVERY_MS = 60_000;

interface PageRow {
  readonly id: string;
  /** The meaning fields as read (see `textKeyOf`). */
  readonly text: string;
  /** Null: the node has no text. */
  readonly vector: Float32Array | null;
}

/** A node's meaning fields as one string, in Cypher: what a page compares before it writes a vector. */
function textKeyOf(kind: NodeKind): string {
  return (MEANING_FIELDS[kind] ?? []).map((field) => `coalesce(n.${field}, '')`).join(` + '\u001f' + `);
}

/**
 * Meaning vectors in Neo4j: written beside each node's text (in the writer's transaction, or
 * in batches for what exists), searched through one vector index per embedded kind.
 */
export class MeaningRepository implements MeaningSearch {
  constructor(private readonly db: QueryExecutor) {}

  /**
   * The nodes of `kinds` nearest `vector`, made by `model`, best first (ties by id): one query
   * over the kinds' indexes, each asked for `vectorCandidates(limit)` (and a vector of another
   * model is skipped after the index has ranked it).
   */
  async findNearest(vector: Float32Array, model: string, kinds: readonly NodeKind[], limit: number): Promise<MeaningMatch[]> {
    const searched = kinds.filter(hasMeaning);
    if (searched.length === 0 || limit <= 0) return [];
    const branches = searched.map(
      (kind) => `CALL db.index.vector.queryNodes('${meaningIndexOf(kind)}', $candidates, $vector) YIELD node, score RETURN node, score`,
    );
    const rows = await this.db.read(
      `CALL () { ${branches.join(' UNION ALL ')} }
       WITH node, score WHERE node.${MODEL} = $model
       RETURN node.id AS id, ${COSINE_OF_SCORE} AS similarity
       ORDER BY similarity DESC, id
       LIMIT $limit`,
      { vector: [...vector], model, candidates: neo4j.int(vectorCandidates(limit)), limit: neo4j.int(limit) },
    );
    return rows.map((row) => ({ id: String(row.id), similarity: Number(row.similarity) }));
  }

  /**
   * Embeds every node of the embedded kinds that has no vector of the embedder's model (all of
   * them with `everything`), a page at a time, and reports progress per page.
   *
   * A page is written only where the node's text is still the text that was embedded: a writer
   * that changed it meanwhile wrote its own vector in its own transaction, and an older one must
   * not replace it. Pages are vectors only, derived from text already committed, so they do not
   * move the graph version each (that would rebuild every projection per page: at 100k essays a
   * build outlasts a page, and the projection would never serve during a long run); the version
   * moves once a minute while a run lasts, and at its end, so cached answers catch up.
   */
  async embedAll(
    embedder: TextEmbedder,
    options: { everything?: boolean; started?: (total: number) => void; progress?: (done: number, total: number) => void } = {},
  ): Promise<number> {
    const everything = options.everything ?? false;
    const total = await this.countToEmbed(embedder.model, everything);
    if (total === 0) return 0;
    options.started?.(total);
    let done = 0;
    let moved = Date.now();
    // Vectors are no part of the topology: a logged change of no nodes, which projections pass at once.
    const moveVersion = () => this.db.writeTransaction(async (_run, changes) => changes.touched());
    for (const kind of MEANING_KINDS) {
      let after = '';
      for (;;) {
        const page = await this.readPage(kind, embedder.model, after, everything);
        if (page.length === 0) break;
        const rows: PageRow[] = [];
        for (const node of page) rows.push({ id: node.id, text: node.text, vector: await embedNode(embedder, kind, node.properties) });
        await this.writePage(kind, rows, embedder.model);
        done += page.length;
        options.progress?.(done, total);
        after = page[page.length - 1]!.id;
        if (Date.now() - moved > VERSION_EVERY_MS) {
          await moveVersion();
          moved = Date.now();
        }
      }
    }
    await moveVersion();
    return done;
  }

  /**
   * A page's vectors, each where the node's text is unchanged; a node without text gets no
   * vector but its model is noted (whatever model it had), so it is not read again.
   */
  private async writePage(kind: NodeKind, rows: readonly PageRow[], model: string): Promise<void> {
    const run: Run = (cypher, params) => this.db.write(cypher, params);
    const withVector = rows.flatMap(({ id, text, vector }) => (vector ? [{ id, text, vector }] : []));
    await writeVectors(run, kind, withVector, model);
    const withoutText = rows.filter((row) => row.vector === null).map(({ id, text }) => ({ id, text }));
    if (withoutText.length > 0) {
      await run(
        `UNWIND $rows AS row
         MATCH (n:${labelOf(kind)} {id: row.id})
         WHERE ${textKeyOf(kind)} = row.text
         SET n.${MODEL} = $model
         REMOVE n.${VECTOR}`,
        { rows: withoutText, model },
      );
    }
  }

  /** How many nodes a run has to embed. */
  private async countToEmbed(model: string, everything: boolean): Promise<number> {
    const [row] = await this.db.read(`MATCH (n:${MEANING_LABELS}) WHERE ${NEEDS_VECTOR} RETURN count(n) AS nodes`, { model, everything });
    return Number(row?.nodes ?? 0);
  }

  /** The next page of nodes after id `after` that need a vector: their ids, meaning fields, and those fields as one text to compare on writing. */
  private async readPage(
    kind: NodeKind,
    model: string,
    after: string,
    everything: boolean,
  ): Promise<{ id: string; text: string; properties: Record<string, unknown> }[]> {
    const rows = await this.db.read(
      `MATCH (n:${labelOf(kind)})
       WHERE n.id > $after AND ${NEEDS_VECTOR}
       RETURN n.id AS id, n { ${meaningFieldsOf(kind)} } AS properties, ${textKeyOf(kind)} AS text
       ORDER BY n.id
       LIMIT $page`,
      { after, model, everything, page: neo4j.int(PAGE) },
    );
    return rows.map((row) => ({ id: String(row.id), text: String(row.text), properties: row.properties as Record<string, unknown> }));
  }
}

/**
 * Stores vectors on nodes of one kind (as a float32 array, Neo4j's compact form for the index),
 * with their model. A row with the `text` it was made from (see `textKeyOf`) is written only
 * where the node's text is still that.
 */
async function writeVectors(run: Run, kind: NodeKind, rows: readonly { id: string; vector: Float32Array; text?: string }[], model: string): Promise<void> {
  if (rows.length === 0) return;
  await run(
    `UNWIND $rows AS row
     MATCH (n:${labelOf(kind)} {id: row.id})
     WHERE row.text IS NULL OR ${textKeyOf(kind)} = row.text
     CALL db.create.setNodeVectorProperty(n, '${VECTOR}', row.vector)
     SET n.${MODEL} = $model`,
    { rows: rows.map((row) => ({ id: row.id, text: row.text ?? null, vector: [...row.vector] })), model },
  );
}

/** Takes a node's vector away (its text changed and no model is loaded to embed it again): a stale vector would mislead. */
export async function removeVector(run: Run, kind: NodeKind, id: string): Promise<void> {
  await run(`MATCH (n:${labelOf(kind)} {id: $id}) REMOVE n.${VECTOR}, n.${MODEL}`, { id });
}

/**
 * Inside a write transaction that may have changed node `id`'s text: embeds it again when its
 * meaning text or the model changed (`before` null: a new node), so an edit re-embeds only what
 * it changed, and a failed write leaves no new vector.
 */
export async function refreshMeaning(
  run: Run,
  embedder: TextEmbedder | null,
  kind: NodeKind,
  id: string,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): Promise<void> {
  if (!hasMeaning(kind)) return;
  const unchanged = before !== null && sameTexts(meaningTexts(kind, before), meaningTexts(kind, after));
  if (!embedder) {
    if (!unchanged && before?.[MODEL] != null) await removeVector(run, kind, id);
    return;
  }
  if (unchanged && before[MODEL] === embedder.model) return;
  const vector = await embedNode(embedder, kind, after);
  if (vector) await writeVectors(run, kind, [{ id, vector }], embedder.model);
  else await removeVector(run, kind, id);
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}
