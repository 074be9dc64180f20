import { auditServer } from 'graphql-http';

/*
 * `npm run audit:http -- [url]`: graphql-http's GraphQL-over-HTTP audit against a running
 * service (default http://127.0.0.1:4000/graphql). Prints every result that is not ok; exits 1
 * on any error or warning. Notices are printed and allowed. The integration suite runs the same
 * audit against a service it starts.
 */

export interface AuditSummary {
  readonly ok: number;
  readonly notices: string[];
  /** Errors and warnings: the audit fails on any of them. */
  readonly failures: string[];
}

export async function auditService(url: string): Promise<AuditSummary> {
  const results = await auditServer({ url });
  const line = (result: (typeof results)[number]) => (result.status === 'ok' ? '' : `${result.status}: ${result.name} (${result.reason})`);
  return {
    ok: results.filter((result) => result.status === 'ok').length,
    notices: results.filter((result) => result.status === 'notice').map(line),
    failures: results.filter((result) => result.status === 'warn' || result.status === 'error').map(line),
  };
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
  const summary = await auditService(url);
  for (const text of [...summary.failures, ...summary.notices]) console.log(text);
  console.log(`${summary.ok} ok, ${summary.notices.length} notices, ${summary.failures.length} errors or warnings.`);
  if (summary.failures.length > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
