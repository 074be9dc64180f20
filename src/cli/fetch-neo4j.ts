import { ensureNeo4jJars, neo4jJarsPresent } from '../runtime/local-neo4j';

/** `npm run neo4j:fetch`: fetches Neo4j Community ahead of the first start (optional). */
async function fetchNeo4j(): Promise<void> {
  if (neo4jJarsPresent()) {
    console.log('Neo4j is already fetched (neo4j/target/lib).');
    return;
  }
  await ensureNeo4jJars(console.log);
}

fetchNeo4j().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
