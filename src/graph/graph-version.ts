/*
 * The graph version: one counter in Neo4j that every write transaction bumps in the same
 * transaction as its changes (QueryExecutor.writeTransaction appends BUMP_VERSION, so no write
 * can skip it). Readers that keep derived state (the in-memory projection, caches) are valid for
 * exactly the version they were computed at. The node has no label of a node kind, so no query
 * over the graph's kinds ever sees it.
 *
 * The change log: a write that says which nodes it touched (WriteChanges) leaves one
 * `GraphChange {version, nodes}` in the same transaction, so a projection at version v can catch
 * up by re-reading only those nodes when every version after v is logged. A write that says
 * nothing (the bulk loaders) leaves no entry, and a projection behind it is read whole again:
 * an unlogged change can cost a rebuild, never a wrong answer. The last CHANGES_KEPT entries
 * are kept.
 */

/** Entries kept in the change log: an instance further behind than this reads the graph whole. */
export const CHANGES_KEPT = 1_000;

export const VERSION_KEY = 'graph';

export const BUMP_VERSION = `MERGE (v:GraphVersion {key: $versionKey})
  ON CREATE SET v.version = 0
SET v.version = v.version + 1, v.changedAt = datetime()
WITH v
CALL (v) {
  WITH v WHERE $touched IS NOT NULL
  CREATE (:GraphChange {version: v.version, nodes: $touched})
}
CALL (v) {
  MATCH (c:GraphChange) WHERE c.version <= v.version - $kept
  DELETE c
}
RETURN v.version AS version`;

/** The logged changes after `$since` up to `$until`, oldest first. */
export const READ_CHANGES = `MATCH (c:GraphChange) WHERE $since < c.version <= $until
RETURN c.version AS version, c.nodes AS nodes
ORDER BY version`;

export const READ_VERSION = `OPTIONAL MATCH (v:GraphVersion {key: $versionKey})
RETURN coalesce(v.version, 0) AS version`;
