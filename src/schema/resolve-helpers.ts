import type { EdgeType } from '../domain/edge-type';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import { isSlug, makeNodeId, requireNodeId } from '../domain/node-id';
import type { NodeKind } from '../domain/node-kind';
import type { Direction, EdgeFilter, ListQuery } from '../domain/repositories';
import type { ConnectionValue } from './connection.type';
import type { Context } from './context';
import { toGraphNode, type GraphNodeValue } from './graph-node.type';
import { decodeCursor, encodeCursor, type PageArgs } from './list.args';

/** The nodes one hop from `root`, batched with every sibling asking the same. */
export async function loadNeighbourNodes(
  ctx: Context,
  root: GraphNodeValue,
  types: readonly EdgeType[],
  direction: Direction,
  first: number,
): Promise<GraphNodeValue[]> {
  const neighbours = await ctx.loaders
    .neighbours(root.kind, { types, direction }, first)
    .load(root.id);
  return neighbours.map((neighbour) => toGraphNode(neighbour.node));
}

/** `essay(slug:)` and its siblings: null when no node has the slug. */
export async function findBySlug(
  ctx: Context,
  kind: NodeKind,
  slug: string,
): Promise<GraphNodeValue | null> {
  if (!isSlug(slug)) {
    throw new BadUserInputError('slug', `"${slug.slice(0, 80)}" is not a slug (lower-case words joined by hyphens).`);
  }
  const record = await ctx.loaders.node.load(makeNodeId(kind, slug));
  return record ? toGraphNode(record) : null;
}

/** A list filter and the argument it came from, for errors that name it. */
export interface ArgumentFilter extends EdgeFilter {
  readonly field: string;
}

/** A filter argument that names a node of `kind` related to the listed nodes over `type`. */
export function edgeFilter(
  field: string,
  id: string | null | undefined,
  kind: NodeKind,
  type: EdgeType,
  direction: Direction,
): ArgumentFilter[] {
  if (id === null || id === undefined) return [];
  if (requireNodeId(id, field).kind !== kind) {
    throw new BadUserInputError(field, `"${id}" is not a ${kind.toLowerCase()} id.`);
  }
  return [{ field, id, types: [type], direction }];
}

/** A filter that names a node nobody has is a mistake worth reporting, not an empty page. */
async function requireFilterNodes(ctx: Context, filters: readonly ArgumentFilter[]): Promise<void> {
  const found = await ctx.loaders.node.loadMany(filters.map((filter) => filter.id));
  filters.forEach((filter, index) => {
    if (!found[index] || found[index] instanceof Error) throw new NotFoundError(filter.field, filter.id);
  });
}

export async function listNodes(
  ctx: Context,
  kind: NodeKind,
  page: PageArgs,
  edges: readonly ArgumentFilter[],
  properties: ListQuery['properties'] = {},
): Promise<ConnectionValue> {
  const afterSlug = decodeCursor(page.after);
  if (edges.length > 0) await requireFilterNodes(ctx, edges);
  const result = await ctx.reader.listNodes({ kind, first: page.first, afterSlug, edges, properties });
  const nodes = result.items.map(toGraphNode);
  const edgesOut = result.items.map((item, index) => ({ cursor: encodeCursor(item.slug), node: nodes[index]! }));
  return {
    edges: edgesOut,
    nodes,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: edgesOut.at(-1)?.cursor ?? null },
    get totalCount() {
      return ctx.reader.countNodes({ kind, edges, properties });
    },
  };
}
