import { spawn } from 'node:child_process';
import { projectPath } from '../../src/graph/project-paths';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built CLI (`dist/src/cli/<name>.js`) against `uri`, as `npm run <name>` would. */
export function runCli(name: string, args: readonly string[], uri: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectPath('dist', 'src', 'cli', `${name}.js`), ...args], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
