import { TimeoutError, TooManyRequestsError } from '../../../src/domain/errors';
import { Admission, DEFAULT_ADMISSION } from '../../../src/server/admission';

const limits = { ...DEFAULT_ADMISSION, slots: 2, perOperation: 2, heavySlots: 1, heavyCost: 1_000, queueTimeoutMs: 5_000, operationTimeoutMs: 10_000 };

/** Work that ends when the test says so, recording when it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => (log.push(name), done.then(() => name)), finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('admission to the database', () => {
  it('serves waiting operations in turn, so a cheap one is not queued behind a burst', async () => {
    const admission = new Admission(limits);
    const burst = admission.begin();
    const cheap = admission.begin();
    const log: string[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) => controllable(log, `burst-${i}`));
    const running = tasks.map((task) => burst.run(task.work));
    const single = controllable(log, 'cheap');
    const cheapRun = cheap.run(single.work);
    await tick();
    expect(log).toEqual(['burst-0', 'burst-1']);
    tasks[0]!.finish();
    await tick();
    expect(log).toEqual(['burst-0', 'burst-1', 'cheap']);
    single.finish();
    for (const task of tasks) task.finish();
    await expect(cheapRun).resolves.toBe('cheap');
    await expect(Promise.all(running)).resolves.toHaveLength(6);
    expect(admission.inFlight).toBe(0);
  });

  it('runs at most perOperation queries of one operation at once', async () => {
    const admission = new Admission({ ...limits, slots: 10, perOperation: 3 });
    const gate = admission.begin();
    let now = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++now);
      await new Promise((resolve) => setTimeout(resolve, 5));
      now -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, () => gate.run(work)));
    expect(most).toBe(3);
  });

  it('refuses with TOO_MANY_REQUESTS after the queue timeout, and TIMEOUT past the deadline', async () => {
    const admission = new Admission({ ...limits, slots: 1, queueTimeoutMs: 100 });
    const holder = controllable([], 'holder');
    const held = admission.begin().run(holder.work);
    await expect(admission.begin().run(async () => 'late')).rejects.toBeInstanceOf(TooManyRequestsError);
    const shortLived = new Admission({ ...limits, slots: 1, operationTimeoutMs: 100 });
    const blocker = controllable([], 'blocker');
    const blocked = shortLived
      .begin()
      .run(blocker.work)
      .catch((error: unknown) => error);
    await expect(shortLived.begin().run(async () => 'late')).rejects.toBeInstanceOf(TimeoutError);
    holder.finish();
    blocker.finish();
    await Promise.all([held, blocked]);
  });

  it('answers TIMEOUT for a read still running at the deadline, and frees its slot only when it ends', async () => {
    const admission = new Admission({ ...limits, operationTimeoutMs: 50 });
    const slow = controllable([], 'slow');
    await expect(admission.begin().run(slow.work)).rejects.toBeInstanceOf(TimeoutError);
    expect(admission.inFlight).toBe(1);
    slow.finish();
    await tick();
    expect(admission.inFlight).toBe(0);
  });

  it('lets heavy operations start one at a time and refuses one that waits too long', async () => {
    const admission = new Admission({ ...limits, queueTimeoutMs: 100 });
    const first = admission.begin();
    await first.admit(5_000);
    await admission.begin().admit(10);
    await expect(admission.begin().admit(5_000)).rejects.toBeInstanceOf(TooManyRequestsError);
    const patient = new Admission(limits);
    const holder = patient.begin();
    await holder.admit(5_000);
    const waiting = patient.begin().admit(5_000);
    holder.finish();
    first.finish();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rests the heavy slot in proportion to how long it was held, so heavy work keeps to its share', async () => {
    // Held 40 ms at a share of 1/4: the slot rests 120 ms before the next heavy operation.
    await expectRest({ heavyShare: 1 / 4 }, 40, 120);
  });

  it('gives the heavy slot straight back when the client left while the operation waited for it', async () => {
    const admission = new Admission({ ...limits, heavyShare: 1 });
    const holder = admission.begin();
    await holder.admit(5_000);
    const gone = admission.begin();
    const waiting = gone.admit(5_000);
    gone.finish();
    holder.finish();
    await waiting;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
    await pause();
    // The slot is free again (after its rest, 0 ms at a share of 1): a third heavy operation starts at once.
    const third = admission.begin();
    let started = false;
    void third.admit(5_000).then(() => (started = true));
    await pause();
    expect(started).toBe(true);
    third.finish();
  });

  it('rests at most half the queue timeout, so waiters are not refused behind a long hold', async () => {
    // Held 400 ms at 1/4 would rest 1,200 ms; the cap is 500 ms, before the waiter's 1,000 ms run out.
    await expectRest({ heavyShare: 1 / 4, queueTimeoutMs: 1_000 }, 400, 500);
  });
});

/** One heavy operation holds the slot `held` ms; the next one waiting starts exactly `rest` ms after it finishes. */
async function expectRest(overrides: Partial<typeof limits>, held: number, rest: number): Promise<void> {
  jest.useFakeTimers();
  try {
    const admission = new Admission({ ...limits, ...overrides });
    const holder = admission.begin();
    await holder.admit(5_000);
    let granted = false;
    const next = admission.begin();
    void next.admit(5_000).then(() => (granted = true));
    await jest.advanceTimersByTimeAsync(held);
    holder.finish();
    await jest.advanceTimersByTimeAsync(rest - 1);
    expect(granted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
    next.finish();
  } finally {
    jest.useRealTimers();
  }
}
