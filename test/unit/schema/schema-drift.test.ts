import { readFileSync } from 'node:fs';
import { projectPath } from '../../../src/runtime/project-paths';
import { createSchema, printSortedSchema } from '../../../src/schema/build-schema';

describe('schema/schema.graphql', () => {
  it('is what the TypeGraphQL classes produce (run `npm run schema:emit` after changing them)', async () => {
    const committed = readFileSync(projectPath('schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(await createSchema())).toBe(committed);
  });

  it('describes every type, field and argument', async () => {
    const sdl = printSortedSchema(await createSchema());
    const { buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
