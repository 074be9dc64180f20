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
});
