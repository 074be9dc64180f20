import { writeFile } from 'node:fs/promises';
import { projectPath } from '../runtime/project-paths';
import { createSchema, printSortedSchema } from '../schema/build-schema';

/** `npm run schema:emit`: rewrites schema/schema.graphql from the code. */
async function emitSchema(): Promise<void> {
  const file = projectPath('schema', 'schema.graphql');
  await writeFile(file, printSortedSchema(await createSchema()));
  console.log(`Wrote ${file}`);
}

void emitSchema();
