import { BOUNDS } from '../domain/bounds';

/**
 * What one field costs, in units of about one row the database reads or returns. `child` is
 * the cost of the field's own selection (once); a rule says how many times it is paid.
 */
export interface FieldCost {
  readonly args: Readonly<Record<string, unknown>>;
  readonly child: number;
  /** Nodes in the graph, when known (betweenness grows with it). */
  readonly graphNodes: number | undefined;
}

export type CostRule = (field: FieldCost) => number;

/** A rule's refusal of a field whatever the budget, naming the bound it hit. */
export class CostRefusal extends Error {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** A field that returns up to `first` items (or one thing, without `first`). */
export const defaultCost: CostRule = ({ args, child }) => 1 + num(args.first, 1) * child;

/** The database work of a path search grows with the paths asked for and their length. */
const PATH_ROW_UNIT = 250;
/** A map walks `depth` levels, keeping up to `limit` nodes per level, then lays them out. */
const MAP_ROW_UNIT = 10;
/** Evidence gathered per related item (shared neighbours of four kinds, text similarity). */
const RELATED_ROW_UNIT = 20;
/** similarTo runs the sentence model over the text (up to 256 word pieces, tens of ms of CPU) before one vector search. */
const SIMILAR_TEXT_COST = 1_000;
/** principleLinks aggregates co-occurrence over every essay, whatever `first` is. */
const PRINCIPLE_LINKS_COST = 20_000;

/**
 * Every field whose cost is not "1, times `first` if it has one", keyed by `Type.field`. The
 * one table: resolvers carry no cost annotations.
 */
export const COST_RULES: Readonly<Record<string, CostRule>> = {
  'Query.conceptPath': ({ args, child }) => {
    const k = num(args.k, BOUNDS.path.k.default);
    const hops = num(args.maxHops, BOUNDS.path.maxHops.default);
    return k * hops * PATH_ROW_UNIT + k * (hops + 1) * child;
  },
  'Query.conceptMap': ({ args, child }) => {
    const depth = num(args.depth, BOUNDS.map.depth.default);
    const limit = num(args.limit, BOUNDS.map.limit.default);
    return depth * limit * MAP_ROW_UNIT + limit * child;
  },
  'Query.relatedThoughts': ({ args, child }) => {
    const first = num(args.first, BOUNDS.related.default);
    return first * RELATED_ROW_UNIT + first * child;
  },
  'Query.principleLinks': ({ args, child }) => PRINCIPLE_LINKS_COST + num(args.first, BOUNDS.links.first.default) * child,
  'Query.centrality': centralityCost,
  'Query.similarTo': ({ args, child }) => {
    const first = num(args.first, BOUNDS.similar.default);
    return SIMILAR_TEXT_COST + first * 5 + first * child;
  },
  'Query.search': ({ args, child }) => {
    const first = num(args.first, BOUNDS.search.default);
    return first * 5 + first * child;
  },
};

/**
 * PageRank and degree read the whole graph once; betweenness is O(nodes × edges), so past its
 * node bound it is refused here, before any database work.
 */
function centralityCost({ args, child, graphNodes }: FieldCost): number {
  const nodes = graphNodes ?? BOUNDS.betweennessMaxNodes;
  const items = num(args.first, BOUNDS.ranked.default) * child;
  if (args.metric !== 'BETWEENNESS') return nodes + items;
  if (nodes > BOUNDS.betweennessMaxNodes) {
    throw new CostRefusal(
      `Betweenness is computed on graphs of up to ${BOUNDS.betweennessMaxNodes} nodes; this one has ${nodes}. ` + 'Use PAGERANK or DEGREE.',
      BOUNDS.betweennessMaxNodes,
    );
  }
  return nodes * 10 + items;
}
