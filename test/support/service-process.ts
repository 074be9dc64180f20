import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { projectPath } from '../../src/runtime/project-paths';

const MAIN = projectPath('dist', 'src', 'server', 'main.js');

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly logs: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/**
 * Starts the built service (`npm start` without the build) and waits for its ready line. Over an
 * IPC channel: if this test process dies (an aborted run), the service sees the channel close and
 * stops, its Neo4j with it.
 */
export function startService(env: Record<string, string>): Promise<ServiceProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const { NEO4J_URI: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const logs: string[] = [];
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (ready) resolve({ child, url: ready[1]!, logs, exited });
    });
    void exited.then((code) => reject(new Error(`The service exited (${code}) before it was ready:\n${logs.join('\n')}`)));
  });
}

/** Process ids of JVMs running a store under `home`. */
export function jvmsFor(home: string): number[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes('LocalNeo4j') && line.includes(home))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}
