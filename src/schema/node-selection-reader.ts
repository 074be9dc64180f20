import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { BOUNDS } from '../domain/bounds';
import type { NodeKind } from '../domain/node-kind';
import type { EdgeSelection, NodeSelection } from '../domain/node-selection';
import { edgeFieldOf } from './edge-fields';
import { typeNameOfKind } from './graph-node.type';

/** Fields every node answers from its id alone. */
const FROM_ID = new Set(['id', 'kind', 'slug', '__typename']);
const LABEL_PROPERTIES = ['title', 'name'];

/**
 * What the operation selects under the current field, which returns nodes of `kind` (null: of
 * any kind). With `ahead`, typed neighbour lists under it are selected too, to be fetched in the
 * same round trip; a list whose `first` is out of bounds is left to its resolver, which refuses it.
 */
export function selectionOfField(info: GraphQLResolveInfo, kind: NodeKind | null, ahead: boolean): NodeSelection {
  return selectionOfTrees([parseResolveInfo(info) as ResolveTree], kind, ahead);
}

/** The same for a connection: what `nodes` and `edges { node }` select, together. */
export function selectionOfConnection(info: GraphQLResolveInfo, kind: NodeKind): NodeSelection {
  const connection = parseResolveInfo(info) as ResolveTree;
  const trees = childrenOf(connection, null).flatMap((child) => {
    if (child.name === 'nodes') return [child];
    if (child.name === 'edges') return childrenOf(child, null).filter((edge) => edge.name === 'node');
    return [];
  });
  return selectionOfTrees(trees, kind, false);
}

/** Whether a connection's answer selects its `totalCount`. */
export function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return childrenOf(parseResolveInfo(info) as ResolveTree, null).some((child) => child.name === 'totalCount');
}

function selectionOfTrees(trees: readonly ResolveTree[], kind: NodeKind | null, ahead: boolean): NodeSelection {
  const properties = new Set<string>();
  const edges: EdgeSelection[] = [];
  let degree = false;
  for (const tree of trees) {
    for (const [typeName, child] of typedChildrenOf(tree, kind)) {
      if (FROM_ID.has(child.name)) continue;
      if (child.name === 'label') LABEL_PROPERTIES.forEach((key) => properties.add(key));
      else if (child.name === 'degree') degree = true;
      else if (Object.keys(child.fieldsByTypeName).length === 0) properties.add(child.name);
      else if (ahead) edges.push(...edgeAhead(typeName, child));
    }
  }
  return { properties: [...properties].sort(), degree, edges };
}

function edgeAhead(typeName: string, child: ResolveTree): EdgeSelection[] {
  const field = edgeFieldOf(typeName, child.name);
  const first = child.args.first ?? BOUNDS.edgeList.default;
  if (!field || !Number.isInteger(first) || Number(first) < 1 || Number(first) > BOUNDS.edgeList.max) return [];
  // Below a list of mixed kinds the fields differ per kind: those lists load on their own.
  const selection = selectionOfTrees([child], field.neighbour, field.neighbour !== null);
  return [{ key: child.alias, hop: { types: field.types, direction: field.direction }, first: Number(first), selection }];
}

/** The fields selected under `tree` that apply to a node of `kind` (all of them when null). */
function typedChildrenOf(tree: ResolveTree, kind: NodeKind | null): [string, ResolveTree][] {
  const own = kind === null ? null : typeNameOfKind(kind);
  return Object.entries(tree.fieldsByTypeName)
    .filter(([typeName]) => own === null || typeName === own || typeName === 'GraphNode')
    .flatMap(([typeName, fields]) => Object.values(fields).map((child): [string, ResolveTree] => [typeName, child]));
}

function childrenOf(tree: ResolveTree, kind: NodeKind | null): ResolveTree[] {
  return typedChildrenOf(tree, kind).map(([, child]) => child);
}

/** The fields of a node that an outline answers (see ThinkingReader.outlineNodes). */
const OUTLINE_FIELDS = new Set(['id', 'kind', 'slug', 'label', 'degree', '__typename']);

/**
 * True when every node the current field returns at `paths` (field names from it, e.g.
 * `['reasons', 'via']`) selects only what an outline holds, under any alias or fragment.
 */
export function selectsOutlineOnly(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): boolean {
  const root = parseResolveInfo(info) as ResolveTree;
  return paths.every((path) => {
    let trees = [root];
    for (const name of path) trees = trees.flatMap((tree) => childrenOf(tree, null).filter((child) => child.name === name));
    return trees.every((tree) => childrenOf(tree, null).every((child) => OUTLINE_FIELDS.has(child.name)));
  });
}
