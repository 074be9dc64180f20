import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { applySchemaStatements } from '../graph/apply-schema-statements';
import type { GraphDatabase } from '../graph/graph-database';
import { projectPath } from './project-paths';

/** Applies every statement of `schema/*.cypher` and waits for the indexes; answers how many ran. */
export async function applySchema(database: GraphDatabase, dir = projectPath('schema')): Promise<number> {
  const statements = await readStatements(dir);
  await applySchemaStatements(database, statements);
  return statements.length;
}

export async function readStatements(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cypher')).sort();
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
  return texts.flatMap(splitStatements);
}

export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
