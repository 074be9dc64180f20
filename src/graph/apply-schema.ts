import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphDatabase } from './graph-database';
import { projectPath } from './project-paths';

/**
 * Applies every statement of `schema/*.cypher` (each idempotent, IF NOT EXISTS) and waits for
 * the indexes to come online. Schema commands cannot share a transaction, so each runs alone.
 */
export async function applySchema(database: GraphDatabase, dir = projectPath('schema')): Promise<number> {
  const statements = await readStatements(dir);
  const executor = database.executor();
  for (const statement of statements) await executor.write(statement);
  await executor.write('CALL db.awaitIndexes(120)');
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
