import { isObjectType } from 'graphql';
import { EDGE_RULES, EDGE_TYPES, EdgeType } from '../../../src/domain/edge-type';
import { Direction } from '../../../src/domain/repositories';
import { createSchema } from '../../../src/schema/build-schema';
import { EDGE_FIELDS } from '../../../src/schema/edge-fields';
import { typeNameOfKind } from '../../../src/schema/graph-node.type';

/** Lists that walk an edge type outside EDGE_FIELDS, because they have an order of their own. */
const OWN_ORDER = [{ typeName: 'Person', type: EdgeType.WORKED_AT, direction: Direction.OUTGOING }];

function walks(typeName: string, type: EdgeType, direction: Direction): boolean {
  const own = OWN_ORDER.some((list) => list.typeName === typeName && list.type === type && list.direction === direction);
  const fields = Object.values(EDGE_FIELDS[typeName] ?? {});
  return own || fields.some((field) => field.types.includes(type) && (field.direction === direction || field.direction === Direction.ANY));
}

/** DESIGN.md: every typed edge is a field on the types at both ends. */
describe.each(EDGE_TYPES)('the edge type %s', (type) => {
  it('is a field on every kind it may start from and every kind it may end at', () => {
    const { from, to } = EDGE_RULES[type];
    const missing = [
      ...from
        .map(typeNameOfKind)
        .filter((typeName) => !walks(typeName, type, Direction.OUTGOING))
        .map((typeName) => `${typeName} (outgoing)`),
      ...to
        .map(typeNameOfKind)
        .filter((typeName) => !walks(typeName, type, Direction.INCOMING))
        .map((typeName) => `${typeName} (incoming)`),
    ];
    expect(missing).toEqual([]);
  });
});

describe('EDGE_FIELDS', () => {
  it('names only fields the schema has', async () => {
    const schema = await createSchema();
    const absent = Object.entries(EDGE_FIELDS).flatMap(([typeName, fields]) => {
      const type = schema.getType(typeName);
      return Object.keys(fields)
        .filter((name) => !(isObjectType(type) && name in type.getFields()))
        .map((name) => `${typeName}.${name}`);
    });
    expect(absent).toEqual([]);
  });
});
