import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { COST_RULES, defaultCost, type CostRule } from './cost-rules';

export interface CostInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** Already coerced by graphql-js. */
  readonly variables: Record<string, unknown>;
  readonly graphNodes: number | undefined;
  readonly rules?: Readonly<Record<string, CostRule>>;
}

/** Introspection answers from the schema in memory: a flat price, its depth not walked. */
const INTROSPECTION_COST = 100;

/**
 * The worst-case cost of an operation, in time linear in the document: each fragment is
 * costed once and its total reused at every spread, so `...F1 ...F1` nested 25 deep is 25
 * computations, not 2^25. Aliases are separate selections, so each one pays in full.
 */
export function measureCost(input: CostInput): number {
  const rules = input.rules ?? COST_RULES;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();

  const costOfSelections = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += costOfField(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOfSelections(selection.selectionSet, type);
      } else total += costOfFragment(selection.name.value);
    }
    return total;
  };

  const costOfFragment = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    // Validation refuses fragment cycles; should one get here, it costs everything.
    fragmentCosts.set(name, Infinity);
    const fragment = fragments.get(name);
    const type = fragment && input.schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type && isCompositeType(type) ? costOfSelections(fragment.selectionSet, type) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const costOfField = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return INTROSPECTION_COST;
    if (name.startsWith('__') || !('getFields' in parent)) return 1;
    const field = parent.getFields()[name];
    if (!field) return 1;
    const type = getNamedType(field.type);
    const child = node.selectionSet && isCompositeType(type) ? costOfSelections(node.selectionSet, type) : 0;
    const rule = rules[`${parent.name}.${name}`] ?? defaultCost;
    return rule({ args: getArgumentValues(field, node, input.variables), child, graphNodes: input.graphNodes });
  };

  const root = input.schema.getRootType(input.operation.operation);
  return root ? costOfSelections(input.operation.selectionSet, root) : 0;
}
