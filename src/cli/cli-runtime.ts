import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { applySchema } from '../runtime/apply-schema';
import type { GraphDatabase } from '../graph/graph-database';
import { projectPath } from '../runtime/project-paths';
import { loadConfig } from '../runtime/config';
import { openDatabase } from '../runtime/open-database';

/** Runs a command against the configured database (schema applied), then exits with its code. */
export function runWithDatabase(command: (database: GraphDatabase) => Promise<number>): void {
  const run = async (): Promise<number> => {
    if (existsSync(projectPath('.env'))) process.loadEnvFile(projectPath('.env'));
    const runtime = await openDatabase(loadConfig(), (line) => console.error(line));
    try {
      await applySchema(runtime.database);
      return await command(runtime.database);
    } finally {
      await runtime.close();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

export function elapsedSeconds(started: number): string {
  return ((Date.now() - started) / 1000).toFixed(1);
}

/** `--name <whole number>` from the command line, or `fallback`; exits with a message when bad. */
export function numberFlag(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}.`);
    process.exit(2);
  }
  return value;
}
