export { findFreePort } from '../../src/runtime/local-neo4j';

export async function postGraphQL(url: string, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}
