import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, postGraphQL } from '../support/ports';
import { jvmsFor, startService, waitUntil, type ServiceProcess } from '../support/service-process';

const TOKEN = 'supervision-test-editor-token';
const READ = '{ node(id: "role:ctpo") { id } }';

let home: string;
let service: ServiceProcess;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-supervised-'));
  // A cold JVM on a shared machine can take more than the default 10 s to load the demo graph.
  service = await startService({ NEO4J_HOME: home, PORT: String(await findFreePort()), EDITOR_TOKENS: TOKEN, NEO4J_QUERY_TIMEOUT_MS: '60000' });
});

afterAll(() => {
  if (service?.child.exitCode === null) service.child.kill('SIGKILL');
  for (const pid of jvmsFor(home)) process.kill(pid, 'SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

interface Answer {
  readonly startedAt: number;
  readonly tookMs: number;
  /** 'ok' for the expected data, else the first error's code. */
  readonly outcome: string;
}

/** A few clients reading in a loop until stopped; every answer is recorded. */
function startLoad(url: string, clients: number): { readonly answers: readonly Answer[]; stop(): Promise<Answer[]> } {
  const answers: Answer[] = [];
  let running = true;
  const client = async (): Promise<void> => {
    while (running) {
      const startedAt = Date.now();
      const { body } = await postGraphQL(url, READ);
      const ok = body.data?.node?.id === 'role:ctpo' && !body.errors;
      answers.push({ startedAt, tookMs: Date.now() - startedAt, outcome: ok ? 'ok' : String(body.errors?.[0]?.extensions?.code) });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const loops = Array.from({ length: clients }, client);
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

async function readiness(): Promise<[number, any]> {
  const response = await fetch(new URL('/readyz', service.url));
  return [response.status, await response.json()];
}

async function asEditor(query: string): Promise<any> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exitEvents = () => service.logs.filter((line) => line.includes('"event":"neo4j-exited"'));

describe('the supervised local Neo4j', () => {
  it('restarts a killed JVM on its own; requests fail fast meanwhile, then recover, with nothing lost and the service never restarted', async () => {
    const written = await asEditor('mutation { upsertConcept(input: { slug: "survives-the-kill", name: "Survives the Kill" }) { created node { id } } }');
    expect(written).toEqual({ data: { upsertConcept: { created: true, node: { id: 'concept:survives-the-kill' } } } });
    const [killed] = jvmsFor(home);
    expect(jvmsFor(home)).toHaveLength(1);

    const load = startLoad(service.url, 3);
    await sleep(1_000);
    const killedAt = Date.now();
    process.kill(killed!, 'SIGKILL');

    expect(await waitUntil(() => exitEvents().length === 1, 10_000)).toBe(true);
    expect(JSON.parse(exitEvents()[0]!)).toMatchObject({
      level: 50,
      event: 'neo4j-exited',
      jvmPid: killed,
      signal: 'SIGKILL',
      code: null,
      restarts: 0,
      msg: `Local Neo4j (pid ${killed}) exited unexpectedly (SIGKILL); restarting it in 0.5 s.`,
    });
    const [downStatus, downBody] = await readiness();
    expect(downStatus).toBe(503);
    expect(downBody).toEqual({
      status: 'unavailable',
      code: 'DATABASE_UNAVAILABLE',
      database: expect.stringMatching(/^(down|restarting)$/),
      restarts: expect.any(Number),
      thinking: expect.objectContaining({ mode: expect.any(String) }),
      meaning: { state: 'on', model: 'all-MiniLM-L6-v2-q' },
    });
    const knownDownAt = Date.now();

    let ready = false;
    while (!ready && Date.now() - killedAt < 180_000) {
      ready = (await readiness())[0] === 200;
      if (!ready) await sleep(200);
    }
    const recoveredAt = Date.now();
    // The first queries on a fresh JVM compile their plans: give the clients time for a few.
    await waitUntil(() => load.answers.filter((answer) => answer.startedAt > recoveredAt).length > 3, 60_000);
    const answers = await load.stop();

    expect(ready).toBe(true);
    expect(await readiness()).toEqual([
      200,
      {
        status: 'ready',
        database: 'up',
        restarts: 1,
        thinking: expect.objectContaining({ mode: expect.any(String) }),
        meaning: { state: 'on', model: 'all-MiniLM-L6-v2-q' },
      },
    ]);
    expect(new Set(answers.map((answer) => answer.outcome))).toEqual(new Set(['ok', 'DATABASE_UNAVAILABLE']));
    const beforeKill = answers.filter((answer) => answer.startedAt + answer.tookMs < killedAt);
    expect(beforeKill.length).toBeGreaterThan(3);
    expect(beforeKill.filter((answer) => answer.outcome !== 'ok')).toEqual([]);
    // Known down: every request fails at once (the 1 s bound is generous; the README has the figure).
    const duringOutage = answers.filter((answer) => answer.startedAt > knownDownAt && answer.startedAt < recoveredAt - 1_000);
    expect(duringOutage.length).toBeGreaterThan(10);
    expect(duringOutage.filter((answer) => answer.outcome !== 'DATABASE_UNAVAILABLE' || answer.tookMs >= 1_000)).toEqual([]);
    const afterRecovery = answers.filter((answer) => answer.startedAt > recoveredAt);
    expect(afterRecovery.length).toBeGreaterThan(3);
    expect(afterRecovery.filter((answer) => answer.outcome !== 'ok')).toEqual([]);

    const [restarted] = jvmsFor(home);
    expect(jvmsFor(home)).toHaveLength(1);
    expect(restarted).not.toBe(killed);
    expect(service.logs.join('\n')).toContain(`"event":"neo4j-restarted","jvmPid":${restarted},"restarts":1`);
    expect(await asEditor('{ concept(slug: "survives-the-kill") { id name } role(slug: "engineer") { growsInto { id } } }')).toEqual({
      data: { concept: { id: 'concept:survives-the-kill', name: 'Survives the Kill' }, role: { growsInto: [{ id: 'role:engineering-leader' }] } },
    });
    expect(service.child.exitCode).toBeNull();
    expect(service.logs.filter((line) => line.includes('Thoughtgraph is ready'))).toHaveLength(1);

    // An intentional stop ends the JVM for good: no restart, no exit event.
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(jvmsFor(home)).toEqual([]);
    expect(exitEvents()).toHaveLength(1);
  }, 300_000);
});
