import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer-type-defs';

/*
 * `@neo4j/graphql` served the way Thoughtgraph is (Apollo Server 5 on Express 5), for
 * `npm run bench:peer`. NEO4J_URI and PORT come from the benchmark that starts this process; it
 * prints one line when it listens and exits when its standard input closes.
 */
async function main(): Promise<void> {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const schema = await new Neo4jGraphQL({
    typeDefs: PEER_TYPE_DEFS,
    driver,
    // String ranges are off by default; the nested-list read pages by slug.
    features: { filters: { String: { GT: true } } },
  }).getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const port = Number(process.env.PORT);
  app.listen(port, '127.0.0.1', () => console.log(`Peer ready at http://127.0.0.1:${port}/graphql`));
  process.stdin.on('close', () => void driver.close().finally(() => process.exit(0)));
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
