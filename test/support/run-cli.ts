import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { projectPath } from '../../src/runtime/project-paths';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a built CLI (`dist/src/cli/<name>.js`) against `uri`, as `npm run <name>` would;
 * `onLine` sees each line of its standard output as it comes (to act mid-run).
 */
export function runCli(name: string, args: readonly string[], uri: string, onLine: (line: string) => void = () => {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectPath('dist', 'src', 'cli', `${name}.js`), ...args], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      stdout += `${line}\n`;
      onLine(line);
    });
    const outputEnded = new Promise((done) => lines.once('close', done));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => void outputEnded.then(() => resolve({ code, stdout, stderr })));
  });
}
