import { CircuitBreaker } from '../../../src/graph/circuit-breaker';
import { DatabaseUnavailableError } from '../../../src/domain/errors';

/** A probe whose outcome each test sets, counting its calls. */
function scriptedProbe() {
  const probe = {
    up: false,
    calls: 0,
    run: async () => {
      probe.calls += 1;
      if (!probe.up) throw new Error('connection refused');
    },
  };
  return probe;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('CircuitBreaker', () => {
  it('lets requests through while closed, without probing', async () => {
    const probe = scriptedProbe();
    const breaker = new CircuitBreaker(probe.run, { probeIntervalMs: 100 });
    expect(() => breaker.check()).not.toThrow();
    await jest.advanceTimersByTimeAsync(1_000);
    expect([breaker.state, probe.calls]).toEqual(['closed', 0]);
  });

  it('fails requests at once with DATABASE_UNAVAILABLE once opened, probing on its interval until a probe succeeds', async () => {
    const probe = scriptedProbe();
    const changes: boolean[] = [];
    const breaker = new CircuitBreaker(probe.run, { probeIntervalMs: 100 });
    breaker.onAvailabilityChange((available) => changes.push(available));
    breaker.open();
    expect(() => breaker.check()).toThrow(DatabaseUnavailableError);

    await jest.advanceTimersByTimeAsync(350);
    expect([breaker.state, probe.calls]).toEqual(['open', 3]);
    expect(() => breaker.check()).toThrow(DatabaseUnavailableError);

    probe.up = true;
    await jest.advanceTimersByTimeAsync(100);
    expect([breaker.state, probe.calls]).toEqual(['closed', 4]);
    expect(() => breaker.check()).not.toThrow();
    expect(changes).toEqual([false, true]);
  });

  it('probes at once when told the database may be back, instead of waiting for the interval', async () => {
    const probe = scriptedProbe();
    const breaker = new CircuitBreaker(probe.run, { probeIntervalMs: 10_000 });
    breaker.open();
    probe.up = true;
    breaker.probeSoon();
    await jest.advanceTimersByTimeAsync(0);
    expect([breaker.state, probe.calls]).toEqual(['closed', 1]);
  });

  it('keeps failing requests while a probe is in flight (half-open)', async () => {
    let finish: () => void = () => {};
    const breaker = new CircuitBreaker(() => new Promise<void>((resolve) => (finish = resolve)), { probeIntervalMs: 100 });
    breaker.open();
    await jest.advanceTimersByTimeAsync(100);
    expect(breaker.state).toBe('half-open');
    expect(() => breaker.check()).toThrow(DatabaseUnavailableError);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(breaker.state).toBe('closed');
  });

  it('stops probing once disposed', async () => {
    const probe = scriptedProbe();
    const breaker = new CircuitBreaker(probe.run, { probeIntervalMs: 100 });
    breaker.open();
    breaker.dispose();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(probe.calls).toBe(0);
  });
});
