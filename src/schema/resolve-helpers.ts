import type { GraphQLResolveInfo } from 'graphql';
import type { EdgeType } from '../domain/edge-type';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import { isSlug, makeNodeId, requireNodeId } from '../domain/node-id';
import type { NodeKind } from '../domain/node-kind';
import type { Direction, EdgeFilter, ListQuery } from '../domain/repositories';
import type { ConnectionValue } from './connection.type';
import type { Context } from './context';
import { edgeFieldOf } from './edge-fields';
import { toGraphNode, type GraphNodeValue } from './graph-node.type';
import { decodeCursor, encodeCursor, type PageArgs } from './list.args';
import { selectionOfConnection, selectionOfField, selectsTotalCount } from './node-selection-reader';
import { listFetchedAhead, toSelectedGraphNode } from './selected-graph-node';

/**
 * A typed neighbour list (`Essay.principles`, ...; see EDGE_FIELDS), in neighbour-id order: the
 * list fetched ahead with its node when it was, otherwise one batched read with every sibling
 * asking the same, reading only the fields selected under it.
 */
export async function loadEdgeField(ctx: Context, root: GraphNodeValue, first: number, info: GraphQLResolveInfo): Promise<GraphNodeValue[]> {
  const ahead = listFetchedAhead(root, String(info.path.key));
  if (ahead) return ahead;
  const field = edgeFieldOf(info.parentType.name, info.fieldName);
  if (!field) throw new Error(`${info.parentType.name}.${info.fieldName} is not in EDGE_FIELDS`);
  const selection = selectionOfField(info, field.neighbour, false);
  const list = await ctx.loaders.neighbourNodes(root.kind, field, first, selection).load(root.id);
  return list.map((selected) => toGraphNode(selected.record));
}

/** A node by id with what the operation selects of it and under it, in one round trip. */
export async function findSelected(ctx: Context, kind: NodeKind, id: string, info: GraphQLResolveInfo): Promise<GraphNodeValue | null> {
  const [found] = await ctx.reader.findSelected(kind, [id], selectionOfField(info, kind, true));
  return found ? toSelectedGraphNode(found) : null;
}

/** `essay(slug:)` and its siblings: null when no node has the slug. */
export async function findBySlug(ctx: Context, kind: NodeKind, slug: string, info: GraphQLResolveInfo): Promise<GraphNodeValue | null> {
  if (!isSlug(slug)) {
    throw new BadUserInputError('slug', `"${slug.slice(0, 80)}" is not a slug (lower-case words joined by hyphens).`);
  }
  return findSelected(ctx, kind, makeNodeId(kind, slug), info);
}

/** A list filter and the argument it came from, for errors that name it. */
export interface ArgumentFilter extends EdgeFilter {
  readonly field: string;
}

/** A filter argument that names a node of `kind` related to the listed nodes over `type`. */
export function edgeFilter(field: string, id: string | null | undefined, kind: NodeKind, type: EdgeType, direction: Direction): ArgumentFilter[] {
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
  info: GraphQLResolveInfo,
  properties: ListQuery['properties'] = {},
): Promise<ConnectionValue> {
  const afterSlug = decodeCursor(page.after);
  if (edges.length > 0) await requireFilterNodes(ctx, edges);
  const selection = selectionOfConnection(info, kind);
  const withTotal = selectsTotalCount(info);
  const result = await ctx.reader.listNodes({ kind, first: page.first, afterSlug, edges, properties, selection, withTotal });
  const nodes = result.items.map(toGraphNode);
  const edgesOut = result.items.map((item, index) => ({ cursor: encodeCursor(item.slug), node: nodes[index]! }));
  return {
    edges: edgesOut,
    nodes,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: edgesOut.at(-1)?.cursor ?? null },
    get totalCount() {
      return result.total !== undefined ? Promise.resolve(result.total) : ctx.reader.countNodes({ kind, edges, properties });
    },
  };
}
