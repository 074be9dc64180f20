import type { GraphDatabase } from './graph-database';

/** How long a fresh store's indexes may take to come online. */
const ONLINE_WITHIN_MS = 120_000;

/**
 * Runs schema statements (each idempotent, IF NOT EXISTS) and waits for the indexes to come
 * online. Schema commands cannot share a transaction, so each runs alone; a statement whose
 * named constraint or index exists already is skipped, so a warm start sends two queries, not
 * one per statement.
 */
export async function applySchemaStatements(database: GraphDatabase, statements: readonly string[]): Promise<void> {
  const executor = database.executor();
  const existing = new Set<string>();
  for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
    for (const row of await executor.read(show)) existing.add(String(row.name));
  }
  const missing = statements.filter((statement) => {
    const name = schemaNameOf(statement);
    return name === null || !existing.has(name);
  });
  for (const statement of missing) await executor.write(statement);
  if (missing.length > 0) await untilOnline(database);
}

/** The name a `CREATE CONSTRAINT name ...` or `CREATE ... INDEX name ...` statement gives. */
export function schemaNameOf(statement: string): string | null {
  return (
    /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+|VECTOR\s+|LOOKUP\s+)?INDEX)\s+([A-Za-z_][A-Za-z0-9_]*)\s/i.exec(statement)?.[1] ?? null
  );
}

/** Polls (short queries, each far inside the transaction timeout) until no index is still populating. */
async function untilOnline(database: GraphDatabase): Promise<void> {
  const executor = database.executor();
  const deadline = Date.now() + ONLINE_WITHIN_MS;
  for (;;) {
    const [row] = await executor.read("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS pending");
    if (Number(row?.pending) === 0) return;
    if (Date.now() > deadline) throw new Error(`Indexes still populating after ${ONLINE_WITHIN_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
