/*
 * The graph version: one counter in Neo4j that every write transaction bumps in the same
 * transaction as its changes (QueryExecutor.writeTransaction appends BUMP_VERSION, so no write
 * can skip it). Readers that keep derived state (the in-memory projection, caches) are valid for
 * exactly the version they were computed at. The node has no label of a node kind, so no query
 * over the graph's kinds ever sees it.
 */

export const VERSION_KEY = 'graph';

export const BUMP_VERSION = `MERGE (v:GraphVersion {key: $versionKey})
  ON CREATE SET v.version = 0
SET v.version = v.version + 1, v.changedAt = datetime()
RETURN v.version AS version`;

export const READ_VERSION = `OPTIONAL MATCH (v:GraphVersion {key: $versionKey})
RETURN coalesce(v.version, 0) AS version`;
