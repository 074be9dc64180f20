import neo4j from 'neo4j-driver';
import { BOUNDS } from '../domain/bounds';
import { edgeTypesJoining, type EdgeType } from '../domain/edge-type';
import { hasMeaning, MEANING_PROPERTIES, type MeaningMatch } from '../domain/meaning';
import { parseNodeId } from '../domain/node-id';
import { MORE_LIKE_THIS } from '../domain/search-text';
import { NodeKind, NODE_KINDS } from '../domain/node-kind';
import { compareIdeas, IDEA_SEARCH, ideaKindsFor, sharedKindsFor, type IdeaMeaning, type RelatedEvidence, type TextEvidence } from '../domain/relatedness';
import type { FoundPath, GraphStructure, PathQuery, PrinciplePair, RoleSignal, Subgraph, SubgraphQuery, ThinkingReader } from '../domain/thinking-reader';
import { Direction } from '../domain/repositories';
import { ANY_KIND, labelOf, relPattern, relTypeOf } from './cypher';
import type { QueryExecutor } from './graph-database';
import { READ_VERSION, VERSION_KEY } from './graph-version';
import { COSINE_OF_SCORE, meaningIndexOf, vectorCandidates } from './meaning-repository';
import { FULLTEXT_INDEX } from './node-repository';
import { EDGE_PROJECTION, kindOfLabels, NODE_PROJECTION, toEdgeRecord, toNodeRecord } from './record-mapping';

/** After `source`: `meaning`, the nodes of its kind nearest its vector (none without one), with the parameters of meaningParameters. */
const NEAREST_BY_MEANING = `CALL (source) {
           WITH source WHERE source.${MEANING_PROPERTIES.vector} IS NOT NULL
           CALL db.index.vector.queryNodes($meaningIndex, $meaningCandidates, source.${MEANING_PROPERTIES.vector})
           YIELD node, score
           WHERE node <> source AND node.${MEANING_PROPERTIES.model} = source.${MEANING_PROPERTIES.model}
           WITH node.id AS id, ${COSINE_OF_SCORE} AS similarity
           ORDER BY similarity DESC, id
           LIMIT $limit
           RETURN collect({ id: id, similarity: similarity }) AS meaning
         }`;

/**
 * After `idea`: `matches`, the IDEA_SEARCH.matches + 1 nodes of the source's kind nearest the
 * idea's vector, of its model (none without one), the source possibly among them.
 */
const NEAREST_TO_IDEA = `CALL (idea) {
             WITH idea WHERE idea.${MEANING_PROPERTIES.vector} IS NOT NULL
             CALL db.index.vector.queryNodes($meaningIndex, $ideaCandidates, idea.${MEANING_PROPERTIES.vector})
             YIELD node, score
             WHERE node.${MEANING_PROPERTIES.model} = idea.${MEANING_PROPERTIES.model}
             WITH node.id AS id, ${COSINE_OF_SCORE} AS similarity
             ORDER BY similarity DESC, id
             LIMIT $ideaMatches
             RETURN collect({ id: id, similarity: similarity }) AS matches
           }`;

/** The labels of the ideas a node of `kind` is related through by meaning, or null when it has none. */
function ideaLabelsFor(kind: NodeKind): string | null {
  const labels = ideaKindsFor(kind).map(labelOf).join('|');
  return hasMeaning(kind) && labels ? labels : null;
}

/**
 * After `source`: `ideas`, its linked ideas that ideasToSearch picks (the rarest, then by id;
 * sharers counted as findRelatedEvidence counts them), each with its nearest nodes.
 */
function nearestToLinkedIdeas(kind: NodeKind): string {
  const ideaLabels = ideaLabelsFor(kind);
  if (!ideaLabels) return 'WITH *, [] AS ideas';
  return `CALL (source) {
           MATCH (source)--(idea:${ideaLabels})
           WITH DISTINCT idea
           CALL (idea) {
             MATCH (idea)--(member:${labelOf(kind)})
             RETURN count(DISTINCT member) AS sharers
           }
           WITH idea, sharers
           ORDER BY sharers, idea.id
           LIMIT $ideas
           ${NEAREST_TO_IDEA}
           RETURN collect({ idea: idea.id, labels: labels(idea), sharers: sharers, matches: matches }) AS ideas
         }`;
}

function meaningParameters(kind: NodeKind, limit: number) {
  return {
    limit: neo4j.int(limit),
    meaningIndex: hasMeaning(kind) ? meaningIndexOf(kind) : null,
    meaningCandidates: neo4j.int(vectorCandidates(limit)),
    ideas: neo4j.int(IDEA_SEARCH.ideas),
    ideaMatches: neo4j.int(IDEA_SEARCH.matches + 1),
    ideaCandidates: neo4j.int(vectorCandidates(IDEA_SEARCH.matches)),
  };
}

function toMeaningMatches(rows: unknown): MeaningMatch[] {
  return (rows as { id: string; similarity: number }[]).map((match) => ({ id: String(match.id), similarity: Number(match.similarity) }));
}

/** The ideas that have matches, in ideasToSearch's order whatever order the rows came in. */
function toIdeaMeanings(rows: unknown): IdeaMeaning[] {
  return (rows as { idea: string; labels: string[]; sharers: unknown; matches: unknown }[])
    .map((row) => ({
      idea: { id: String(row.idea), kind: kindOfLabels(row.labels), sharers: Number(row.sharers) },
      matches: toMeaningMatches(row.matches),
    }))
    .filter((found) => found.matches.length > 0)
    .sort((a, b) => compareIdeas(a.idea, b.idea));
}

/** Candidates listed per shared neighbour in the fallback; the projection lists them all. */
const VIA_CANDIDATES = 1000;
/** The types that can join two principles (`SUPPORTS|IN_TENSION_WITH|LEADS_TO`), from the edge table. */
const PRINCIPLE_LINK_TYPES = edgeTypesJoining(NodeKind.PRINCIPLE, NodeKind.PRINCIPLE).map(relTypeOf).join('|');

export class ThinkingRepository implements ThinkingReader {
  readonly fixedVersion = null;
  readonly layoutVersion = null;

  constructor(private readonly db: QueryExecutor) {}

  async findPaths(query: PathQuery): Promise<FoundPath[]> {
    const from = labelFor(query.from);
    const to = labelFor(query.to);
    // Quantifier bounds and SHORTEST's count cannot be parameters: both are integers checked
    // against BOUNDS before they get here. The predicate on the whole path keeps only simple
    // paths (no node twice), and belongs to the pattern, so SHORTEST selects groups among
    // simple paths only rather than dropping walks after selection.
    const step = relPattern(query.types, query.direction);
    // Neo4j 5.26 refuses this pattern quantified {1,1} ("parenthesised path patterns are only
    // supported at the top level..."); {0,1} with at least one step is the same pattern.
    const hops = int(query.maxHops);
    const quantifier = hops === 1 ? '{0,1}' : `{1,${hops}}`;
    const rows = await this.db.read(
      `MATCH (a:${from} {id: $from}), (b:${to} {id: $to})
       MATCH p = SHORTEST ${int(query.groups)} GROUPS
         ((a)((x)${step}(y) WHERE NOT y.id IN $avoid)${quantifier}(b)
          WHERE size(y) > 0 AND all(i IN range(0, size(y) - 1) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..]))
       WITH p
       ORDER BY length(p)
       LIMIT $candidates
       RETURN [n IN nodes(p) | ${NODE_PROJECTION}] AS nodes,
              [r IN relationships(p) | ${EDGE_PROJECTION}] AS edges`,
      { from: query.from, to: query.to, avoid: query.avoid, candidates: neo4j.int(BOUNDS.path.candidates) },
    );
    return rows.map((row) => ({
      nodes: (row.nodes as unknown[]).map(toNodeRecord),
      edges: (row.edges as unknown[]).map(toEdgeRecord),
    }));
  }

  async findRelatedEvidence(id: string, kind: NodeKind): Promise<RelatedEvidence> {
    const label = labelOf(kind);
    const sharedLabels = sharedKindsFor(kind).map(labelOf).join('|');
    // Sharers are distinct nodes (two edge types to the same neighbour count once); each
    // neighbour lists at most VIA_CANDIDATES of them, in id order: the projection has no cap.
    const rows = await this.db.read(
      `MATCH (source:${label} {id: $id})
       CALL (source) {
         MATCH (source)--(n:${sharedLabels})
         WITH DISTINCT n
         CALL (n) {
           MATCH (n)--(m:${label})
           WITH DISTINCT m
           ORDER BY m.id
           RETURN count(m) AS sharers, collect(m.id)[..$perVia] AS candidates
         }
         RETURN collect({ via: n.id, labels: labels(n), sharers: sharers, candidates: candidates }) AS shared
       }
       CALL (source) {
         MATCH (source)-[r]-(candidate:${label})
         WHERE candidate <> source
         RETURN collect({ candidate: candidate.id, edge: ${EDGE_PROJECTION} }) AS direct
       }
       RETURN COUNT { MATCH (:${label}) } AS population, shared, direct`,
      { id, perVia: neo4j.int(VIA_CANDIDATES) },
    );
    const row = rows[0];
    if (!row) return { population: 0, shared: [], direct: [] };
    const shared = (row.shared as { via: string; labels: string[]; sharers: number; candidates: string[] }[]).map((entry) => ({
      via: entry.via,
      viaKind: kindOfLabels(entry.labels),
      sharers: Number(entry.sharers),
      candidates: entry.candidates.filter((candidate) => candidate !== id),
    }));
    const direct = (row.direct as { candidate: string; edge: unknown }[]).map((item) => ({
      candidate: item.candidate,
      edge: toEdgeRecord(item.edge),
    }));
    return { population: Number(row.population), shared, direct };
  }

  /**
   * One round trip: the source's distinctive words (MORE_LIKE_THIS, applied to its text in the
   * database), then the full-text matches of those words among nodes of its kind; and the nodes
   * of its kind nearest its vector, if it has one (of the same model). Null when there is no node
   * `id` of that kind; no words, no word matches; no vector, no meaning matches.
   */
  async findTextEvidence(id: string, kind: NodeKind, limit: number): Promise<TextEvidence | null> {
    const label = labelOf(kind);
    const meaning = hasMeaning(kind) ? NEAREST_BY_MEANING : 'WITH matches, [] AS meaning';
    const ideas = nearestToLinkedIdeas(kind);
    const rows = await this.db.read(
      `MATCH (source:${label} {id: $id})
       CALL (source) {
         UNWIND split(toLower(reduce(text = '', field IN $fields | CASE WHEN source[field] IS :: STRING NOT NULL THEN text + ' ' + source[field] ELSE text END)), $separators) AS word
         WITH word WHERE size(word) >= $minLength AND NOT word IN $stopWords
         WITH word, count(*) AS uses
         ORDER BY uses DESC, size(word) DESC, word
         LIMIT $words
         RETURN collect(word) AS words
       }
       CALL (words) {
         WITH words WHERE size(words) > 0
         CALL db.index.fulltext.queryNodes($index, reduce(query = '', word IN words | query + ' ' + word), { limit: $candidates })
         YIELD node, score
         WHERE node:${label}
         WITH node.id AS id, score
         ORDER BY score DESC, id
         LIMIT $limit
         RETURN collect({ id: id, score: score }) AS matches
       }
       ${meaning}
       ${ideas}
       RETURN matches, meaning, ideas`,
      {
        id,
        fields: [...MORE_LIKE_THIS.fields],
        separators: [...MORE_LIKE_THIS.separators],
        minLength: neo4j.int(MORE_LIKE_THIS.minLength),
        stopWords: [...MORE_LIKE_THIS.stopWords],
        words: neo4j.int(MORE_LIKE_THIS.words),
        index: FULLTEXT_INDEX,
        candidates: neo4j.int(limit * 4),
        ...meaningParameters(kind, limit),
      },
    );
    const row = rows[0];
    if (!row) return null;
    return {
      words: (row.matches as { id: string; score: number }[]).map((match) => ({ id: String(match.id), score: Number(match.score) })),
      meaning: toMeaningMatches(row.meaning),
      ideas: toIdeaMeanings(row.ideas),
    };
  }

  /**
   * The meaning half of the text evidence, for a reader that picks the linked ideas itself (a
   * projection), in one round trip: the nodes of its kind nearest the vector of node `id` (of the
   * same model; none if it is gone), and the nearest nodes of each idea of `ideas` whatever
   * became of the source (an idea that is gone is left out).
   */
  async findMeaningEvidence(
    id: string,
    kind: NodeKind,
    limit: number,
    ideas: readonly string[],
  ): Promise<{ meaning: MeaningMatch[]; ideas: { idea: string; matches: MeaningMatch[] }[] }> {
    if (!hasMeaning(kind)) return { meaning: [], ideas: [] };
    // One seek per idea label (a label disjunction would not use the per-label id constraints).
    const seek = ideaKindsFor(kind)
      .map((ideaKind) => `MATCH (idea:${labelOf(ideaKind)} {id: ideaId}) RETURN idea`)
      .join(' UNION ');
    const rows = await this.db.read(
      `OPTIONAL MATCH (source:${labelOf(kind)} {id: $id})
       ${NEAREST_BY_MEANING}
       CALL () {
         UNWIND $ideaIds AS ideaId
         CALL (ideaId) { ${seek} }
         ${NEAREST_TO_IDEA}
         RETURN collect({ idea: idea.id, matches: matches }) AS ideas
       }
       RETURN meaning, ideas`,
      { id, ideaIds: [...ideas], ...meaningParameters(kind, limit) },
    );
    const row = rows[0]!;
    const found = (row.ideas as { idea: string; matches: unknown }[]).map((entry) => ({ idea: String(entry.idea), matches: toMeaningMatches(entry.matches) }));
    return { meaning: toMeaningMatches(row.meaning), ideas: found };
  }

  async findSubgraph(query: SubgraphQuery): Promise<Subgraph> {
    const kept = await this.selectSubgraphNodes(query);
    const truncated = kept.length > query.limit;
    const ids = kept.slice(0, query.limit);
    const rows = await this.db.read(
      `UNWIND $ids AS eid
       MATCH (n) WHERE elementId(n) = eid
       RETURN n.id AS id, labels(n) AS labels, coalesce(n.title, n.name) AS label, COUNT { (n)--() } AS degree,
              COUNT {
                MATCH (n)${relPattern(query.types, Direction.ANY)}(m)
                WHERE NOT elementId(m) IN $ids AND any(label IN labels(m) WHERE label IN $labels)
                RETURN DISTINCT m
              } AS hidden,
              [(n)${relPattern(query.types, Direction.OUTGOING)}(m) WHERE elementId(m) IN $ids | ${EDGE_PROJECTION}] AS edges`,
      { ids, labels: query.kinds.map(labelOf) },
    );
    return {
      nodes: rows.map((row) => ({
        id: String(row.id),
        kind: kindOfLabels(row.labels as string[]),
        label: String(row.label),
        degree: Number(row.degree),
        hiddenNeighbors: Number(row.hidden),
      })),
      edges: rows.flatMap((row) => (row.edges as unknown[]).map(toEdgeRecord)),
      placements: null,
      truncated,
    };
  }

  /** Up to limit + 1 element ids, most connected first (the center, if any, always first). */
  private async selectSubgraphNodes(query: SubgraphQuery): Promise<string[]> {
    const params = { labels: query.kinds.map(labelOf), limit: neo4j.int(query.limit + 1), center: query.center };
    const mostConnected = `WITH n, COUNT { (n)--() } AS degree
         ORDER BY degree DESC, n.id
         LIMIT $limit`;
    if (query.center === null) {
      const rows = await this.db.read(
        `MATCH (n:${ANY_KIND})
         WHERE any(label IN labels(n) WHERE label IN $labels)
         ${mostConnected}
         RETURN elementId(n) AS elementId`,
        params,
      );
      return rows.map((row) => String(row.elementId));
    }
    const typeList = query.types.map(relTypeOf).join('|');
    const hops = `[${typeList ? `:${typeList}` : ''}*1..${int(query.depth)}]`;
    const [row] = await this.db.read(
      `MATCH (c:${labelFor(query.center)} {id: $center})
       CALL (c) {
         MATCH (c)-${hops}-(n)
         WHERE n <> c AND any(label IN labels(n) WHERE label IN $labels)
         WITH DISTINCT n
         ${mostConnected}
         RETURN collect(elementId(n)) AS others
       }
       RETURN [elementId(c)] + others AS elementIds`,
      { ...params, limit: neo4j.int(query.limit) },
    );
    return (row?.elementIds as string[] | undefined) ?? [];
  }

  async findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }> {
    const rows = await this.db.read(
      `CALL () {
         MATCH (p:Principle)<-[:ARTICULATES]-(:Essay)-[:ARTICULATES]->(q:Principle)
         WHERE p.id < q.id
         RETURN DISTINCT p, q
         UNION
         MATCH (p:Principle)-[:${PRINCIPLE_LINK_TYPES}]-(q:Principle)
         WHERE p.id < q.id
         RETURN DISTINCT p, q
       }
       WITH p, q,
            COLLECT { MATCH (p)<-[:ARTICULATES]-(e:Essay)-[:ARTICULATES]->(q) RETURN e.id ORDER BY e.id } AS shared,
            COLLECT { MATCH (p)-[r:${PRINCIPLE_LINK_TYPES}]-(q) RETURN DISTINCT type(r) AS type ORDER BY type } AS direct
       WHERE size(shared) >= $minShared OR size(direct) > 0
       RETURN p.id AS a, q.id AS b, size(shared) AS shared, shared[..$maxSharedEssays] AS sharedEssays, direct,
              COUNT { (p)<-[:ARTICULATES]-(:Essay) } AS aEssays,
              COUNT { (q)<-[:ARTICULATES]-(:Essay) } AS bEssays,
              COUNT { MATCH (:Essay) } AS essays`,
      { minShared: neo4j.int(minShared), maxSharedEssays: neo4j.int(maxSharedEssays) },
    );
    const essays = rows.length > 0 ? Number(rows[0]!.essays) : 0;
    const pairs = rows.map((row) => ({
      a: String(row.a),
      b: String(row.b),
      shared: Number(row.shared),
      sharedEssays: row.sharedEssays as string[],
      aEssays: Number(row.aEssays),
      bEssays: Number(row.bEssays),
      direct: row.direct as EdgeType[],
    }));
    return { essays, pairs };
  }

  async findRoleSignals(role: string): Promise<{ roleEssays: number; signals: RoleSignal[] }> {
    const rows = await this.db.read(
      `MATCH (role:Role {id: $role})
       CALL (role) {
         MATCH (p:Principle)-[r:APPLIES_TO]->(role)
         RETURN p, coalesce(r.weight, 1.0) AS applies, 0 AS essays
         UNION ALL
         MATCH (role)<-[:ADDRESSES]-(e:Essay)-[:ARTICULATES]->(p:Principle)
         RETURN p, null AS applies, count(DISTINCT e) AS essays
       }
       WITH role, p, max(applies) AS applies, sum(essays) AS essays
       RETURN p.id AS principle, applies, essays, COUNT { (role)<-[:ADDRESSES]-(:Essay) } AS roleEssays`,
      { role },
    );
    return {
      roleEssays: rows.length > 0 ? Number(rows[0]!.roleEssays) : 0,
      signals: rows.map((row) => ({
        principle: String(row.principle),
        applies: row.applies === null ? null : Number(row.applies),
        essays: Number(row.essays),
      })),
    };
  }

  async readStructure(): Promise<GraphStructure> {
    const [row] = await this.db.read(
      `CALL () {
         MATCH (n:${ANY_KIND})
         RETURN collect({ id: n.id, labels: labels(n) }) AS nodes
       }
       CALL () {
         MATCH (a)-[r]->(b)
         RETURN collect({ source: a.id, target: b.id, weight: coalesce(r.weight, 1.0) }) AS edges
       }
       RETURN nodes, edges`,
    );
    const nodes = (row?.nodes as { id: string; labels: string[] }[] | undefined) ?? [];
    return {
      nodes: nodes.map((node) => ({ id: node.id, kind: kindOfLabels(node.labels) })),
      edges: (row?.edges as GraphStructure['edges'] | undefined) ?? [],
    };
  }

  /** Nodes of every kind: what betweenness would have to cover. */
  async countNodes(): Promise<number> {
    const [row] = await this.db.read(`RETURN COUNT { MATCH (n:${NODE_KINDS.map(labelOf).join('|')}) } AS nodes`);
    return Number(row?.nodes ?? 0);
  }

  async readVersion(): Promise<number> {
    const [row] = await this.db.read(READ_VERSION, { versionKey: VERSION_KEY });
    return Number(row?.version ?? 0);
  }
}

function labelFor(id: string): string {
  const parsed = parseNodeId(id);
  if (!parsed) throw new Error(`Node id was not validated: ${id}`);
  return labelOf(parsed.kind);
}

function int(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) throw new Error(`Not a bounded integer: ${value}`);
  return value;
}
