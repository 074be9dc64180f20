import { NODE_KINDS } from '../../../src/domain/node-kind';
import { schemaNameOf } from '../../../src/graph/apply-schema-statements';
import { readStatements, splitStatements } from '../../../src/runtime/apply-schema';
import { projectPath } from '../../../src/runtime/project-paths';

describe('schema statements', () => {
  it('splits a file into statements, skipping comments and blank lines', () => {
    const text = '// a comment\nCREATE A;\n\nCREATE B\nON X;\n// end\n';
    expect(splitStatements(text)).toEqual(['CREATE A', 'CREATE B\nON X']);
  });

  it('makes every committed statement idempotent', async () => {
    const statements = await readStatements(projectPath('schema'));
    expect(statements.length).toBeGreaterThanOrEqual(13);
    for (const statement of statements) expect(statement).toMatch(/IF NOT EXISTS/);
  });

  it('names every committed statement, distinctly, so a warm start can skip what exists', async () => {
    const statements = await readStatements(projectPath('schema'));
    const names = statements.map(schemaNameOf);
    expect(names).not.toContain(null);
    expect(new Set(names).size).toBe(statements.length);
    expect(names).toEqual(expect.arrayContaining(['essay_id', 'graph_version_key', 'nodeText', 'concept_category']));
    expect(schemaNameOf('CREATE RANGE INDEX my_index IF NOT EXISTS FOR (n:X) ON (n.y)')).toBe('my_index');
    expect(schemaNameOf('CALL db.awaitIndexes()')).toBeNull();
  });
});

/** A new node kind in `NODE_KINDS` fails here until schema/*.cypher knows it. */
describe.each(NODE_KINDS)('the statements applied for the node kind %s', (kind) => {
  let statements: string[];

  beforeAll(async () => {
    statements = await readStatements(projectPath('schema'));
  });

  it.each(['id', 'slug'])('make its %s unique', (property) => {
    const unique = new RegExp(`^CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(n:${kind}\\) REQUIRE n\\.${property} IS UNIQUE$`);
    expect(statements.filter((statement) => unique.test(statement))).toHaveLength(1);
  });

  it('put it in the full-text index', () => {
    const index = statements.find((statement) => statement.startsWith('CREATE FULLTEXT INDEX nodeText '));
    const labels = /FOR \(n:([\w|]+)\)/.exec(index ?? '')?.[1]?.split('|');
    expect(labels).toContain(kind);
  });
});
