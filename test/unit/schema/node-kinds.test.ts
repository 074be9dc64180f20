import { isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { NODE_KINDS } from '../../../src/domain/node-kind';
import { createSchema } from '../../../src/schema/build-schema';
import { typeNameOfKind } from '../../../src/schema/graph-node.type';

/**
 * Adding a node kind starts in `NODE_KINDS`; this test and test/unit/runtime/apply-schema.test.ts
 * then name every other place that must know it: its GraphQL type here, its constraints and
 * full-text entry there.
 */
describe.each(NODE_KINDS)('the node kind %s', (kind) => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await createSchema();
  });

  it('has a GraphQL type that implements GraphNode, and a NodeKind value', () => {
    const type = schema.getType(typeNameOfKind(kind));
    expect(isObjectType(type) && type.getInterfaces().map((each) => each.name)).toEqual(['GraphNode']);
    const kinds = schema.getType('NodeKind');
    expect(isEnumType(kinds) && kinds.getValues().map((value) => value.value as unknown)).toContain(kind);
  });
});
