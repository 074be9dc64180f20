import { isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { NODE_KINDS } from '../../../src/domain/node-kind';
import { readStatements } from '../../../src/runtime/apply-schema';
import { projectPath } from '../../../src/runtime/project-paths';
import { createSchema } from '../../../src/schema/build-schema';
import { typeNameOfKind } from '../../../src/schema/graph-node.type';

/**
 * Adding a node kind starts in `NODE_KINDS`; this test then names every other place that must
 * know it: its uniqueness constraints, the full-text index, and its GraphQL type.
 */
describe.each(NODE_KINDS)('the node kind %s', (kind) => {
  let statements: string[];
  let schema: GraphQLSchema;

  beforeAll(async () => {
    statements = await readStatements(projectPath('schema'));
    schema = await createSchema();
  });

  it('has unique ids and slugs in schema/constraints.cypher', () => {
    for (const property of ['id', 'slug']) {
      const unique = new RegExp(`^CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(n:${kind}\\) REQUIRE n\\.${property} IS UNIQUE$`);
      expect(statements.filter((statement) => unique.test(statement))).toHaveLength(1);
    }
  });

  it('is in the full-text index of schema/indexes.cypher', () => {
    const index = statements.find((statement) => statement.startsWith('CREATE FULLTEXT INDEX nodeText '));
    const labels = /FOR \(n:([\w|]+)\)/.exec(index ?? '')?.[1]?.split('|');
    expect(labels).toContain(kind);
  });

  it('has a GraphQL type that implements GraphNode and a NodeKind value', () => {
    const type = schema.getType(typeNameOfKind(kind));
    expect(isObjectType(type) && type.getInterfaces().map((each) => each.name)).toEqual(['GraphNode']);
    const kinds = schema.getType('NodeKind');
    expect(isEnumType(kinds) && kinds.getValues().map((value) => value.value as unknown)).toContain(kind);
  });
});
