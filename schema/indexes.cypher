// Full-text search over display labels, statements, summaries, descriptions and aliases.
CREATE FULLTEXT INDEX nodeText IF NOT EXISTS
FOR (n:Essay|Principle|Role|Concept|Person|Organization)
ON EACH [n.title, n.name, n.statement, n.summary, n.description, n.aliases];

// Filters on lists.
CREATE INDEX concept_category IF NOT EXISTS FOR (n:Concept) ON (n.category);
