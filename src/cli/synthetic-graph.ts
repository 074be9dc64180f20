import seedrandom from 'seedrandom';
import { EdgeType } from '../domain/edge-type';
import { makeNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import type { EdgeInput, NodeInput } from '../graph/graph-writer';

export interface SyntheticOptions {
  readonly essays: number;
  readonly seed: number;
  /** Topic clusters; by default one per 500 essays, at least 4. */
  readonly clusters?: number;
}

export interface SyntheticGraph {
  readonly ideas: readonly NodeInput[];
  readonly essays: readonly NodeInput[];
  readonly edges: readonly EdgeInput[];
  readonly clusters: number;
}

const PRINCIPLES_PER_CLUSTER = 6;
const CONCEPTS_PER_CLUSTER = 10;
const ROLES = 10;
/** How often an essay's principle or concept comes from its own cluster. */
const IN_CLUSTER = 0.9;
const WORDS_PER_CLUSTER = 40;

/** The cluster an id was generated in: `essay:synthetic-c07-e00042` → 7; null for other ids. */
export function syntheticClusterOf(id: string): number | null {
  const match = /:synthetic-c(\d+)-/.exec(id);
  return match ? Number(match[1]) : null;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * A synthetic graph with planted topic clusters: essays in a cluster share principles, concepts,
 * editor links and vocabulary far more often than essays across clusters. Every id starts with
 * `synthetic-`. The same options always give the same graph.
 */
export function generateSyntheticGraph(options: SyntheticOptions): SyntheticGraph {
  const random = seedrandom(String(options.seed));
  const clusters = options.clusters ?? Math.max(4, Math.round(options.essays / 500));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const node = (kind: NodeKind, slug: string, properties: Record<string, unknown>): NodeInput => ({ id: makeNodeId(kind, slug), kind, slug, properties });

  const roles = Array.from({ length: ROLES }, (_, r) => node(NodeKind.ROLE, `synthetic-r${pad(r, 2)}`, { name: `Synthetic Role ${r}`, aliases: [] }));
  const principles: NodeInput[][] = [];
  const concepts: NodeInput[][] = [];
  const vocabulary: string[][] = [];
  const edges: EdgeInput[] = [];
  const edge = (type: EdgeType, source: NodeInput, target: NodeInput, weight = 1): void => {
    edges.push({ type, source: source.id, sourceKind: source.kind, target: target.id, targetKind: target.kind, properties: { weight } });
  };

  for (let c = 0; c < clusters; c += 1) {
    const cluster = `synthetic-c${pad(c, 2)}`;
    vocabulary.push(Array.from({ length: WORDS_PER_CLUSTER }, (_, w) => `t${pad(c, 2)}w${pad(w, 2)}`));
    principles.push(
      Array.from({ length: PRINCIPLES_PER_CLUSTER }, (_, p) =>
        node(NodeKind.PRINCIPLE, `${cluster}-p${pad(p, 2)}`, { name: `Synthetic Principle ${c}.${p}`, statement: `Topic ${c} principle ${p}.`, aliases: [] }),
      ),
    );
    concepts.push(
      Array.from({ length: CONCEPTS_PER_CLUSTER }, (_, k) =>
        node(NodeKind.CONCEPT, `${cluster}-k${pad(k, 2)}`, { name: `Synthetic Concept ${c}.${k}`, category: 'practice', aliases: [] }),
      ),
    );
    for (const principle of principles[c]!) {
      edge(EdgeType.ABOUT, principle, pick(concepts[c]!));
      edge(EdgeType.APPLIES_TO, principle, pick(roles));
    }
    for (let k = 1; k < CONCEPTS_PER_CLUSTER; k += 1) edge(EdgeType.PART_OF, concepts[c]![k]!, concepts[c]![0]!);
    edge(EdgeType.SUPPORTS, principles[c]![0]!, principles[c]![1]!, 0.8);
  }

  const essays: NodeInput[] = [];
  const byCluster: NodeInput[][] = Array.from({ length: clusters }, () => []);
  for (let e = 0; e < options.essays; e += 1) {
    const c = e % clusters;
    const topic = () => (random() < IN_CLUSTER ? c : Math.floor(random() * clusters));
    const words = Array.from({ length: 12 }, () => pick(vocabulary[topic()]!));
    const essay = node(NodeKind.ESSAY, `synthetic-c${pad(c, 2)}-e${pad(e, 5)}`, {
      title: `Synthetic Essay ${e}`,
      summary: words.join(' '),
      publishedAt: `20${pad(10 + (e % 15), 2)}-${pad(1 + (e % 12), 2)}-${pad(1 + (e % 28), 2)}`,
      sections: [],
    });
    essays.push(essay);
    const linked = new Set<string>();
    const link = (type: EdgeType, target: NodeInput): void => {
      if (linked.has(target.id)) return;
      linked.add(target.id);
      edge(type, essay, target);
    };
    for (let i = 0; i < 5; i += 1) link(EdgeType.ARTICULATES, pick(principles[topic()]!));
    for (let i = 0; i < 10; i += 1) link(EdgeType.DISCUSSES, pick(concepts[topic()]!));
    for (let i = 0; i < 3; i += 1) link(EdgeType.ADDRESSES, pick(roles));
    // Editors link related thoughts within a topic.
    if (byCluster[c]!.length > 0) link(EdgeType.RELATES_TO, pick(byCluster[c]!));
    byCluster[c]!.push(essay);
  }
  return { ideas: [...roles, ...principles.flat(), ...concepts.flat()], essays, edges, clusters };
}
