// Full-text search over display labels, statements, summaries, descriptions and aliases.
CREATE FULLTEXT INDEX nodeText IF NOT EXISTS
FOR (n:Essay|Principle|Role|Concept|Person|Organization)
ON EACH [n.title, n.name, n.statement, n.summary, n.description, n.aliases];

// Filters on lists.
CREATE INDEX concept_category IF NOT EXISTS FOR (n:Concept) ON (n.category);

// Related by meaning: each embedded kind's vectors (all-MiniLM-L6-v2, 384 dimensions, unit
// length). An index covers one label; similarTo asks the three in one query.
CREATE VECTOR INDEX essay_meaning IF NOT EXISTS FOR (n:Essay) ON n.embedding
OPTIONS { indexConfig: { `vector.dimensions`: 384, `vector.similarity_function`: 'cosine' } };
CREATE VECTOR INDEX principle_meaning IF NOT EXISTS FOR (n:Principle) ON n.embedding
OPTIONS { indexConfig: { `vector.dimensions`: 384, `vector.similarity_function`: 'cosine' } };
CREATE VECTOR INDEX concept_meaning IF NOT EXISTS FOR (n:Concept) ON n.embedding
OPTIONS { indexConfig: { `vector.dimensions`: 384, `vector.similarity_function`: 'cosine' } };

// The change log the projections catch up from (src/graph/graph-version.ts): read by version
// range after every write another instance makes, and pruned by version on each logged write.
CREATE INDEX graph_change_version IF NOT EXISTS FOR (c:GraphChange) ON (c.version);
