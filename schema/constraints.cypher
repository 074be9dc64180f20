// Every kind's id and slug are unique. Applied at start; each statement is idempotent.
CREATE CONSTRAINT essay_id IF NOT EXISTS FOR (n:Essay) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT essay_slug IF NOT EXISTS FOR (n:Essay) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT principle_id IF NOT EXISTS FOR (n:Principle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT principle_slug IF NOT EXISTS FOR (n:Principle) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_slug IF NOT EXISTS FOR (n:Role) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concept_slug IF NOT EXISTS FOR (n:Concept) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_slug IF NOT EXISTS FOR (n:Person) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_slug IF NOT EXISTS FOR (n:Organization) REQUIRE n.slug IS UNIQUE;
// The one graph version node: every write transaction bumps it (src/graph/graph-version.ts).
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;
