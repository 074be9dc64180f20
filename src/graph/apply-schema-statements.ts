import type { GraphDatabase } from './graph-database';

/**
 * Runs schema statements (each idempotent, IF NOT EXISTS) and waits for the indexes to come
 * online. Schema commands cannot share a transaction, so each runs alone.
 */
export async function applySchemaStatements(database: GraphDatabase, statements: readonly string[]): Promise<void> {
  const executor = database.executor();
  for (const statement of statements) await executor.write(statement);
  await executor.write('CALL db.awaitIndexes(120)');
}
