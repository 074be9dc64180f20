import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Neo4jSupervisor, planRestart, type Neo4jEvent, type RestartPolicy, type RunningJvm } from '../../../src/runtime/neo4j-supervisor';

const POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 4_000, maxRestartsPerWindow: 3, windowMs: 60_000, slowDelayMs: 30_000 };

describe('planRestart', () => {
  it('doubles the delay with each restart inside the window, up to the cap', () => {
    const now = 100_000;
    expect(planRestart([], now, POLICY)).toEqual({ delayMs: 500, slow: false });
    expect(planRestart([now - 1_000], now, POLICY)).toEqual({ delayMs: 1_000, slow: false });
    expect(planRestart([now - 2_000, now - 1_000], now, { ...POLICY, maxDelayMs: 1_500 })).toEqual({ delayMs: 1_500, slow: false });
  });

  it('slows down once the window holds its budget of restarts, and forgets restarts older than the window', () => {
    const now = 100_000;
    expect(planRestart([now - 3_000, now - 2_000, now - 1_000], now, POLICY)).toEqual({ delayMs: 30_000, slow: true });
    expect(planRestart([now - 90_000, now - 80_000, now - 1_000], now, POLICY)).toEqual({ delayMs: 1_000, slow: false });
  });
});

/** A stand-in for the JVM's child process: it can die, and it records how it was stopped. */
function fakeJvm(pid: number): RunningJvm & { die(signal: NodeJS.Signals): void } {
  const child = Object.assign(new EventEmitter(), { pid, exitCode: null as number | null, signalCode: null as string | null });
  return {
    child: child as unknown as ChildProcess,
    uri: 'bolt://127.0.0.1:7687',
    die(signal) {
      child.signalCode = signal;
      child.emit('exit', null, signal);
    },
  };
}

function supervise(launches: Array<RunningJvm | Error>) {
  const events: Neo4jEvent[] = [];
  const states: string[] = [];
  const stopped: Array<number | undefined> = [];
  const ports: number[] = [];
  const first = fakeJvm(100);
  const supervisor = new Neo4jSupervisor(
    first,
    7687,
    async (port) => {
      ports.push(port);
      const next = launches.shift()!;
      if (next instanceof Error) throw next;
      return next;
    },
    async (child) => void stopped.push(child.pid),
    (event) => events.push(event),
    POLICY,
  );
  supervisor.onStateChange((state) => states.push(state));
  return { supervisor, first, events, states, stopped, ports };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('Neo4jSupervisor', () => {
  it('logs an unexpected exit in one line and restarts the JVM on the same port after the first delay', async () => {
    const second = fakeJvm(200);
    const { supervisor, first, events, states, ports } = supervise([second]);
    first.die('SIGKILL');
    expect(events).toEqual([
      {
        level: 'error',
        message: 'Local Neo4j (pid 100) exited unexpectedly (SIGKILL); restarting it in 0.5 s.',
        fields: { event: 'neo4j-exited', jvmPid: 100, code: null, signal: 'SIGKILL', restarts: 0, restartInMs: 500 },
      },
    ]);
    expect(supervisor.state).toBe('down');
    await jest.advanceTimersByTimeAsync(500);
    expect(ports).toEqual([7687]);
    expect(states).toEqual(['down', 'restarting', 'up']);
    expect([supervisor.state, supervisor.restarts, supervisor.pid]).toEqual(['up', 1, 200]);
    expect(events[1]!.fields).toMatchObject({ event: 'neo4j-restarted', jvmPid: 200, restarts: 1 });
  });

  it('tries again with backoff when a restart fails, and says so when it slows down', async () => {
    const { supervisor, first, events } = supervise([new Error('port taken'), new Error('port taken'), new Error('port taken'), fakeJvm(300)]);
    first.die('SIGKILL');
    await jest.advanceTimersByTimeAsync(500 + 1_000 + 2_000);
    expect(events.map((event) => event.fields.event)).toEqual([
      'neo4j-exited',
      'neo4j-restart-failed',
      'neo4j-restart-failed',
      'neo4j-restart-failed',
      'neo4j-restarts-slowed',
    ]);
    expect(events[4]!.message).toBe('Local Neo4j needed 3 restarts within 60 s; trying every 30 s from now on.');
    expect(supervisor.state).toBe('down');
    await jest.advanceTimersByTimeAsync(30_000);
    expect([supervisor.state, supervisor.restarts, supervisor.pid]).toEqual(['up', 4, 300]);
  });

  it('does not restart after an intentional stop', async () => {
    const { supervisor, first, events, stopped, ports } = supervise([fakeJvm(200)]);
    await supervisor.stop();
    first.die('SIGTERM');
    await jest.advanceTimersByTimeAsync(60_000);
    expect([supervisor.state, events, stopped, ports]).toEqual(['stopped', [], [100], []]);
  });

  it('stops a JVM that finished starting after stop was asked for', async () => {
    let release: (jvm: RunningJvm) => void = () => {};
    const stopped: Array<number | undefined> = [];
    const first = fakeJvm(100);
    const supervisor = new Neo4jSupervisor(
      first,
      7687,
      () => new Promise((resolve) => (release = resolve)),
      async (child) => void stopped.push(child.pid),
      () => {},
      POLICY,
    );
    first.die('SIGKILL');
    await jest.advanceTimersByTimeAsync(500);
    expect(supervisor.state).toBe('restarting');
    const stopping = supervisor.stop();
    release(fakeJvm(200));
    await stopping;
    expect([supervisor.state, stopped]).toEqual(['stopped', [200, 100]]);
  });
});
