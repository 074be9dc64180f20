import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_RESTART_POLICY, Neo4jSupervisor, type Neo4jEvent, type Neo4jState, type RestartPolicy, type RunningJvm } from './neo4j-supervisor';
import { runMavenIn, type Log } from './maven';
import { projectPath } from './project-paths';

/*
 * The embedded default: Neo4j Community fetched from Maven Central by the small Maven project in
 * neo4j/, run in a JVM with Bolt on 127.0.0.1. The JVM shuts down when its standard input
 * closes, so it never outlives this process, however this process ends. When it dies on its own,
 * the supervisor starts it again on the same store and port.
 */

const READY_PREFIX = 'NEO4J_READY ';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export type { Log } from './maven';

export type { Neo4jEvent, Neo4jState } from './neo4j-supervisor';

export interface LocalNeo4j {
  readonly uri: string;
  readonly home: string;
  /** The running JVM's process id (a new one after each restart). */
  readonly pid: number | undefined;
  readonly state: Neo4jState;
  /** Restarts after unexpected exits so far. */
  readonly restarts: number;
  onStateChange(listener: (state: Neo4jState) => void): void;
  /** Ends the JVM on purpose; no restart follows. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The store's folder; it keeps the data between runs. */
  readonly home?: string;
  readonly port?: number;
  readonly log?: Log;
  /** What the supervisor reports (an exit, a restart); by default its message goes to `log`. */
  readonly onEvent?: (event: Neo4jEvent) => void;
  readonly restartPolicy?: RestartPolicy;
}

export class LocalNeo4jError extends Error {}

const mavenDir = (): string => projectPath('neo4j');
const libDir = (): string => path.join(mavenDir(), 'target', 'lib');
const launcherJar = (): string => path.join(mavenDir(), 'target', 'launcher.jar');

export function defaultNeo4jHome(): string {
  return projectPath('.data', 'neo4j');
}

export function neo4jJarsPresent(): boolean {
  return existsSync(launcherJar()) && existsSync(libDir()) && readdirSync(libDir()).some((file) => /^neo4j-kernel-.*\.jar$/.test(file));
}

/** Fetches Neo4j and builds the launcher unless both are already there. */
export async function ensureNeo4jJars(log: Log = console.log): Promise<void> {
  if (neo4jJarsPresent()) return;
  requireCommand('mvn', ['-v'], 'Maven 3.8 or later (Debian: apt-get install maven)');
  log('Fetching Neo4j Community from Maven Central (first start only, about 150 MB)...');
  const started = Date.now();
  await runMaven(log);
  log(`Neo4j fetched in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function startLocalNeo4j(options: StartOptions = {}): Promise<LocalNeo4j> {
  const log = options.log ?? console.log;
  requireCommand('java', ['-version'], 'a Java 17 or 21 runtime (Debian: apt-get install openjdk-17-jre-headless)');
  await ensureNeo4jJars(log);
  const home = options.home ?? defaultNeo4jHome();
  mkdirSync(home, { recursive: true });
  const port = options.port ?? (await findFreePort());
  log(`Starting local Neo4j (store ${home})...`);
  const started = Date.now();
  const first = await launchJvm(home, port);
  log(`Local Neo4j ready at ${first.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${first.child.pid}).`);
  const supervisor = new Neo4jSupervisor(
    first,
    port,
    (samePort) => launchJvm(home, samePort),
    stopJvm,
    options.onEvent ?? ((event) => log(event.message)),
    options.restartPolicy ?? DEFAULT_RESTART_POLICY,
  );
  return {
    home,
    get uri() {
      return supervisor.uri;
    },
    get pid() {
      return supervisor.pid;
    },
    get state() {
      return supervisor.state;
    },
    get restarts() {
      return supervisor.restarts;
    },
    onStateChange: (listener) => supervisor.onStateChange(listener),
    stop: () => supervisor.stop(),
  };
}

async function launchJvm(home: string, port: number): Promise<RunningJvm> {
  const child = spawn(
    'java',
    [...JVM_FLAGS, '-cp', classPath(), 'dev.thoughtgraph.neo4j.LocalNeo4j', home, String(port)],
    // Its own process group, so a terminal's Ctrl-C reaches only us and we stop it in order.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  return { child, uri: await waitForReady(child, home) };
}

function classPath(): string {
  return [launcherJar(), path.join(libDir(), '*')].join(path.delimiter);
}

function waitForReady(child: ChildProcess, home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`${reason}\n${diagnostics(home, stderr)}`));
    };
    const timer = setTimeout(() => fail(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s.`), START_TIMEOUT_MS);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderr.push(line);
      if (stderr.length > 40) stderr.shift();
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      resolve(line.slice(READY_PREFIX.length).trim());
    });
    child.once('error', (error) => fail(`Could not run java: ${error.message}`));
    child.once('exit', (code) => fail(`Neo4j exited with code ${code} before it was ready.`));
  });
}

async function stopJvm(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function diagnostics(home: string, stderr: readonly string[]): string {
  const debugLog = path.join(home, 'logs', 'debug.log');
  const tail = existsSync(debugLog) ? readFileSync(debugLog, 'utf8').split('\n').slice(-30).join('\n') : '(no debug.log yet)';
  return `--- java stderr (last lines) ---\n${stderr.join('\n')}\n--- ${debugLog} (tail) ---\n${tail}`;
}

function requireCommand(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    throw new LocalNeo4jError(
      `The local Neo4j needs \`${command}\`, which is not on PATH. Install ${what}, ` +
        'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a Neo4j you run yourself.',
    );
  }
}

function runMaven(log: Log): Promise<void> {
  const args = ['-B', 'package', 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libDir()}`];
  return runMavenIn(mavenDir(), args, log).catch((error: Error) => {
    throw new LocalNeo4jError(error.message);
  });
}

/** A port nothing listens on right now, on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
