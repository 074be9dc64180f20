import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be from 1 to 65535')
    .max(65535, 'must be from 1 to 65535')
    .default(fallback);

const ENV_SCHEMA = z.object({
  NEO4J_URI: z
    .string()
    .refine((uri) => NEO4J_SCHEMES.includes(uri.split('://')[0] ?? ''), {
      message: `must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')}`,
    })
    .optional(),
  NEO4J_USER: z.string().min(1, 'must not be empty').default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,63}$/, 'is not a database name')
    .default('neo4j'),
  NEO4J_HOME: z.string().min(1).optional(),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.string().default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EDITOR_TOKENS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((token) => token.trim())
        .filter(Boolean),
    )
    .refine((tokens) => tokens.every((token) => token.length >= 16), {
      message: 'must be a comma-separated list of tokens of at least 16 characters each',
    })
    .optional(),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).max(10_000_000).default(200_000),
  PROJECTION: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  PROJECTION_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  PROJECTION_MAX_EDGES: z.coerce.number().int().min(0).max(50_000_000).default(4_000_000),
  PROJECTION_LAYOUT: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine((origins) => (origins.length === 1 && origins[0] === '*' ? true : origins.every(isOrigin)), {
      message: 'must be * or a comma-separated list of origins such as https://app.example.org',
    })
    .optional(),
  OPERATION_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(20_000),
  DB_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(45, 'must stay below the driver pool of 50').default(16),
  MEANING: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  MEANING_MODEL_DIR: z.string().min(1).optional(),
});

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export interface Config {
  /** Absent: start the embedded local Neo4j. */
  readonly neo4jUri: string | undefined;
  readonly neo4jUser: string;
  readonly neo4jPassword: string;
  readonly neo4jDatabase: string;
  readonly neo4jHome: string | undefined;
  readonly queryTimeoutMs: number;
  readonly port: number;
  readonly host: string;
  /** Development shows stack traces in error responses; nothing else does. */
  readonly development: boolean;
  readonly logLevel: string;
  readonly maxQueryComplexity: number;
  /** Bearer tokens that allow mutations; empty: mutations are off. */
  readonly editorTokens: readonly string[];
  /** The in-memory projection behind the thinking queries; null: they always run as Cypher. */
  readonly projection: { readonly pollMs: number; readonly maxEdges: number; readonly layout: boolean } | null;
  /** Origins allowed to call from a browser; `*`: any (and then never with credentials). */
  readonly corsOrigins: readonly string[] | '*';
  /** End-to-end deadline of one operation, over all its round trips. */
  readonly operationTimeoutMs: number;
  /** Database queries in flight at once, over all requests. */
  readonly dbMaxConcurrency: number;
  /** The sentence model behind "related by meaning": on unless MEANING=off; MEANING_MODEL_DIR names a folder with its files (no fetch). */
  readonly meaning: { readonly enabled: boolean; readonly modelDir?: string };
}

export class ConfigError extends Error {}

/** Reads the environment; a bad variable is named in the error, with what it must be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ENV_SCHEMA.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // Secrets are named, never echoed.
      const got = name === 'EDITOR_TOKENS' || name === 'NEO4J_PASSWORD' ? '' : ` (got ${JSON.stringify(env[name])})`;
      return `${name} ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  return {
    neo4jUri: vars.NEO4J_URI,
    neo4jUser: vars.NEO4J_USER,
    neo4jPassword: vars.NEO4J_PASSWORD,
    neo4jDatabase: vars.NEO4J_DATABASE,
    neo4jHome: vars.NEO4J_HOME,
    queryTimeoutMs: vars.NEO4J_QUERY_TIMEOUT_MS,
    port: vars.PORT,
    host: vars.HOST,
    development: vars.NODE_ENV === 'development',
    logLevel: vars.LOG_LEVEL,
    maxQueryComplexity: vars.MAX_QUERY_COMPLEXITY,
    editorTokens: vars.EDITOR_TOKENS ?? [],
    projection:
      vars.PROJECTION === 'on' ? { pollMs: vars.PROJECTION_POLL_MS, maxEdges: vars.PROJECTION_MAX_EDGES, layout: vars.PROJECTION_LAYOUT === 'on' } : null,
    corsOrigins: !vars.CORS_ORIGINS || vars.CORS_ORIGINS[0] === '*' ? '*' : vars.CORS_ORIGINS,
    operationTimeoutMs: vars.OPERATION_TIMEOUT_MS,
    dbMaxConcurrency: vars.DB_MAX_CONCURRENCY,
    meaning: { enabled: vars.MEANING === 'on', ...(vars.MEANING_MODEL_DIR ? { modelDir: vars.MEANING_MODEL_DIR } : {}) },
  };
}
