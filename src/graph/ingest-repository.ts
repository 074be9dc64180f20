import { EdgeOrigin, type EdgeType } from '../domain/edge-type';
import {
  INGESTED_EDGE_TYPES,
  MENTIONED_KINDS,
  type EssayEdge,
  type EssayPlan,
  type EssayState,
  type IngestStore,
  type VocabularyEntry,
} from '../domain/essay-ingest';
import type { TextEmbedder } from '../domain/meaning';
import { parseNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import { labelOf, relTypeOf } from './cypher';
import type { QueryExecutor, Row } from './graph-database';
import { groupBy } from './group-by';
import { kindOfLabels, WITHOUT_MEANING, withoutMeaning } from './record-mapping';
import { meaningFieldsOf, refreshMeaning } from './meaning-repository';

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

const MANAGED = INGESTED_EDGE_TYPES.map(relTypeOf).join('|');
const VOCABULARY_KINDS = MENTIONED_KINDS.map(labelOf).join('|');

export class IngestRepository implements IngestStore {
  /** `embedder`: the sentence model, when one is loaded; an essay whose text changes is embedded in the same transaction. */
  constructor(
    private readonly db: QueryExecutor,
    private readonly embedder: TextEmbedder | null = null,
  ) {}

  async readVocabulary(): Promise<VocabularyEntry[]> {
    const rows = await this.db.read(
      `MATCH (n:${VOCABULARY_KINDS})
       RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases
       ORDER BY id`,
    );
    return rows.map((row) => ({
      id: String(row.id),
      kind: kindOfLabels(row.labels as string[]),
      label: String(row.name),
      names: [String(row.name), ...(row.aliases as string[])],
    }));
  }

  applyEssay(id: string, plan: (current: EssayState | null) => EssayPlan, write: boolean): Promise<EssayPlan> {
    return this.db.writeTransaction(async (run, changes) => {
      const result = plan(await readState(run, id));
      if (write && changesAnything(result)) {
        // The essay's own fields and its outgoing edges are all a plan changes.
        changes.touched(id);
        await applyPlan(run, result, this.embedder);
      } else {
        changes.nothingWritten();
      }
      return result;
    });
  }
}

const changesAnything = (plan: EssayPlan): boolean => plan.node !== 'unchanged' || plan.add.length > 0 || plan.remove.length > 0;

async function readState(run: Run, id: string): Promise<EssayState | null> {
  const [row] = await run(
    `MATCH (e:Essay {id: $id})
     RETURN e { .*, ${WITHOUT_MEANING} } AS properties,
            [(e)-[r:${MANAGED}]->(t) | { type: type(r), target: t.id, origin: r.origin, weight: r.weight, note: r.note }] AS edges`,
    { id },
  );
  if (!row) return null;
  const edges = (row.edges as Record<string, unknown>[]).map((edge): EssayEdge => ({
    type: edge.type as EdgeType,
    target: String(edge.target),
    origin: edge.origin === EdgeOrigin.INFERRED ? EdgeOrigin.INFERRED : EdgeOrigin.ASSERTED,
    weight: typeof edge.weight === 'number' ? edge.weight : 1,
    note: typeof edge.note === 'string' ? edge.note : null,
  }));
  return { properties: withoutMeaning(row.properties as Record<string, unknown>), edges };
}

async function applyPlan(run: Run, plan: EssayPlan, embedder: TextEmbedder | null): Promise<void> {
  if (plan.node !== 'unchanged') {
    const [row] = await run(
      `MERGE (e:Essay {id: $id})
       WITH e, e { ${meaningFieldsOf(NodeKind.ESSAY)} } AS before
       SET e += $properties, e.slug = $slug
       RETURN before, e { ${meaningFieldsOf(NodeKind.ESSAY)} } AS after`,
      { id: plan.id, slug: plan.slug, properties: plan.properties },
    );
    await refreshMeaning(run, embedder, NodeKind.ESSAY, plan.id, row!.before as Record<string, unknown>, row!.after as Record<string, unknown>);
  }
  if (plan.remove.length > 0) {
    await run(
      `MATCH (e:Essay {id: $id})-[r:${MANAGED}]->(t)
       WHERE { type: type(r), target: t.id } IN $remove
       DELETE r`,
      { id: plan.id, remove: plan.remove.map(({ type, target }) => ({ type, target })) },
    );
  }
  for (const edges of groupBy(plan.add, (edge) => `${edge.type}|${parseNodeId(edge.target)!.kind}`).values()) {
    const { type, target } = edges[0]!;
    await run(
      `MATCH (e:Essay {id: $id})
       UNWIND $edges AS edge
       MATCH (t:${labelOf(parseNodeId(target)!.kind)} {id: edge.target})
       MERGE (e)-[r:${relTypeOf(type)}]->(t)
       SET r.origin = edge.origin, r.weight = edge.weight, r.note = edge.note`,
      { id: plan.id, edges },
    );
  }
}
