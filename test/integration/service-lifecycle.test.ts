import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, postGraphQL } from '../support/ports';
import { jvmsFor, startService, waitUntil } from '../support/service-process';

let home: string;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-service-'));
});

afterAll(() => {
  for (const pid of jvmsFor(home)) process.kill(pid, 'SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

describe('the service process (npm start)', () => {
  it('starts its own Neo4j, loads the demo graph into the empty store, and stops cleanly on SIGTERM', async () => {
    const service = await startService({ NEO4J_HOME: home, PORT: String(await findFreePort()) });
    expect(service.logs.join('\n')).toMatch(/Demo graph loaded: 59 nodes, 124 edges/);
    const { body } = await postGraphQL(service.url, '{ role(slug: "engineer") { growsInto { growsInto { id } } } }');
    expect(body).toEqual({ data: { role: { growsInto: [{ growsInto: [{ id: 'role:ctpo' }] }] } } });
    expect(jvmsFor(home)).toHaveLength(1);
    // The demo graph's texts get vectors in the background, and "which principle is this about?" answers by meaning.
    expect(await waitUntil(() => service.logs.some((line) => /Embedded 50 texts with all-MiniLM-L6-v2-q/.test(line)), 60_000)).toBe(true);
    const similar = await postGraphQL(
      service.url,
      '{ similarTo(text: "Let teams decide for themselves inside limits everyone knows.", kinds: [PRINCIPLE], first: 1) { signal node { id } } }',
    );
    expect(similar.body).toEqual({ data: { similarTo: [{ signal: 'MEANING', node: { id: 'principle:autonomy-within-boundaries' } }] } });

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(jvmsFor(home)).toEqual([]);
  });

  it('keeps the data between runs, and leaves no JVM behind when it is killed outright', async () => {
    const service = await startService({ NEO4J_HOME: home, PORT: String(await findFreePort()) });
    expect(service.logs.join('\n')).toMatch(/already holds a graph; the demo graph was not loaded/);
    expect(jvmsFor(home)).toHaveLength(1);

    service.child.kill('SIGKILL');
    expect(await service.exited).toBe('SIGKILL');
    expect(await waitUntil(() => jvmsFor(home).length === 0, 30_000)).toBe(true);
  });

  it('stops cleanly when the process that started it goes away (an aborted test run), its Neo4j with it', async () => {
    const service = await startService({ NEO4J_HOME: home, PORT: String(await findFreePort()) });
    expect(jvmsFor(home)).toHaveLength(1);
    // What the service sees when its parent dies: the IPC channel closes.
    service.child.disconnect();
    expect(await service.exited).toBe(0);
    expect(service.logs.join('\n')).toMatch(/The process that started this one is gone; shutting down\.[\s\S]*Stopped\./);
    expect(jvmsFor(home)).toEqual([]);
  });

  it('starts and answers without the sentence model, and says so in the log and /readyz', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-no-model-'));
    const service = await startService({ NEO4J_HOME: home, PORT: String(await findFreePort()), MEANING_MODEL_DIR: empty });
    try {
      expect(service.logs.join('\n')).toMatch(`Related by meaning is off: no model files in ${empty}. Every query still answers, without it.`);
      const ready = await fetch(new URL('/readyz', service.url));
      expect(await ready.json()).toMatchObject({ status: 'ready', meaning: { state: 'off', reason: `no model files in ${empty}` } });
      const { body } = await postGraphQL(
        service.url,
        '{ similarTo(text: "Culture emerges from structure", kinds: [PRINCIPLE], first: 1) { signal node { id } } ' +
          'relatedThoughts(id: "essay:engineer-to-ctpo", first: 1) { node { kind } } }',
      );
      expect(body).toEqual({
        data: { similarTo: [{ signal: 'WORDS', node: { id: 'principle:culture-emerges-from-structure' } }], relatedThoughts: [{ node: { kind: 'ESSAY' } }] },
      });
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('names a bad variable and exits before starting anything', async () => {
    await expect(startService({ NEO4J_HOME: home, PORT: 'forty' })).rejects.toThrow(/The service exited \(1\)[\s\S]*PORT must be a number \(got "forty"\)/);
    expect(jvmsFor(home)).toEqual([]);
  });
});
