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

  it('names a bad variable and exits before starting anything', async () => {
    await expect(startService({ NEO4J_HOME: home, PORT: 'forty' })).rejects.toThrow(/The service exited \(1\)[\s\S]*PORT must be a number \(got "forty"\)/);
    expect(jvmsFor(home)).toEqual([]);
  });
});
