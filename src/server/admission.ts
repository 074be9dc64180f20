import { TimeoutError, TooManyRequestsError } from '../domain/errors';

export interface AdmissionLimits {
  /** Database queries in flight across all requests; below the driver's pool of 50. */
  readonly slots: number;
  /** Queries in flight for one operation: twenty aliased maps take turns, four at a time. */
  readonly perOperation: number;
  /** Operations priced at `heavyCost` or more that may run at once; others wait their turn. */
  readonly heavySlots: number;
  readonly heavyCost: number;
  /**
   * The most of the time heavy operations may hold their slots: after one held a slot for t ms,
   * the next waits t × (1 − share) / share, so the cheap requests keep the rest of the event
   * loop (answered from the projection, a heavy operation is pure CPU on the one thread).
   */
  readonly heavyShare: number;
  /** Longest wait for a slot before TOO_MANY_REQUESTS. */
  readonly queueTimeoutMs: number;
  /** End-to-end deadline of one operation, over all its round trips: past it, TIMEOUT. */
  readonly operationTimeoutMs: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = {
  slots: 16,
  perOperation: 4,
  heavySlots: 1,
  heavyCost: 20_000,
  heavyShare: 1 / 4,
  queueTimeoutMs: 5_000,
  operationTimeoutMs: 20_000,
};

interface Waiter {
  readonly grant: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Fair sharing of the database between requests. A query waits for one of `slots`; waiting
 * operations are served fewest-slots-first, not first come first served, so one operation's
 * burst of queries cannot push a cheap request behind all of it. Heavy operations also queue for one of
 * `heavySlots` before they start, so a burst of them leaves most slots to everyone else.
 */
export class Admission {
  private active = 0;
  private readonly ring: OperationGate[] = [];
  private heavyActive = 0;
  private readonly heavyQueue: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits = DEFAULT_ADMISSION) {}

  /** One per GraphQL operation or HTTP request; its deadline starts now. */
  begin(): OperationGate {
    return new OperationGate(this, Date.now() + this.limits.operationTimeoutMs);
  }

  get inFlight(): number {
    return this.active;
  }

  /** @internal */
  acquire(gate: OperationGate): Promise<void> {
    if (this.ring.length === 0 && this.canRun(gate)) {
      this.take(gate);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = this.refuseLater(gate, reject, () => {
        gate.queue.splice(gate.queue.indexOf(waiter), 1);
        if (gate.queue.length === 0) this.ring.splice(this.ring.indexOf(gate), 1);
      });
      const waiter: Waiter = { grant: () => (clearTimeout(timer), resolve()), timer };
      gate.queue.push(waiter);
      if (gate.queue.length === 1) this.ring.push(gate);
      // Slots may be free while the operations ahead wait only for their own bound.
      this.dispatch();
    });
  }

  /** @internal */
  release(gate: OperationGate): void {
    this.active -= 1;
    gate.running -= 1;
    this.dispatch();
  }

  /** @internal Waits for a heavy slot; resolves with the function that gives it back. */
  acquireHeavy(gate: OperationGate): Promise<() => void> {
    let grantedAt = Date.now();
    const release = once(() => {
      const held = Date.now() - grantedAt;
      const share = this.limits.heavyShare;
      // The slot stays taken while it rests, so the queue waits its turn behind the rest; the
      // rest stays under half the queue timeout, so waiters are not all refused behind it.
      const rest = Math.min((held * (1 - share)) / share, this.limits.queueTimeoutMs / 2);
      setTimeout(() => this.passHeavySlot(), rest).unref();
    });
    if (this.heavyActive < this.limits.heavySlots) {
      this.heavyActive += 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const timer = this.refuseLater(gate, reject, () => this.heavyQueue.splice(this.heavyQueue.indexOf(waiter), 1));
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          grantedAt = Date.now();
          resolve(release);
        },
        timer,
      };
      this.heavyQueue.push(waiter);
    });
  }

  private passHeavySlot(): void {
    this.heavyActive -= 1;
    const next = this.heavyQueue.shift();
    if (next) {
      this.heavyActive += 1;
      next.grant();
    }
  }

  private canRun(gate: OperationGate): boolean {
    return this.active < this.limits.slots && gate.running < this.limits.perOperation;
  }

  private take(gate: OperationGate): void {
    this.active += 1;
    gate.running += 1;
  }

  /**
   * Grants free slots to waiting operations, the one holding fewest slots first (the longest
   * waiting among equals), so an operation with one query goes before a burst's next one.
   */
  private dispatch(): void {
    while (this.active < this.limits.slots) {
      let chosen = -1;
      this.ring.forEach((gate, index) => {
        const best = this.ring[chosen];
        if (gate.running < this.limits.perOperation && (!best || gate.running < best.running)) chosen = index;
      });
      if (chosen < 0) return;
      const [gate] = this.ring.splice(chosen, 1);
      this.take(gate!);
      gate!.queue.shift()!.grant();
      if (gate!.queue.length > 0) this.ring.push(gate!);
    }
  }

  /** The wait ends at the queue timeout (busy) or the operation's deadline (timeout), whichever is first. */
  private refuseLater(gate: OperationGate, reject: (error: Error) => void, forget: () => void): NodeJS.Timeout {
    const untilDeadline = gate.deadline - Date.now();
    const wait = Math.max(0, Math.min(this.limits.queueTimeoutMs, untilDeadline));
    return setTimeout(() => {
      forget();
      reject(wait >= untilDeadline ? new TimeoutError() : new TooManyRequestsError(Math.ceil(this.limits.queueTimeoutMs / 1000)));
    }, wait);
  }
}

/** One operation's share: its deadline and the queries it has running or waiting. */
export class OperationGate {
  running = 0;
  readonly queue: Waiter[] = [];
  private releaseHeavy: (() => void) | null = null;
  /** The response is over (written, or its client gone): a heavy slot granted later goes straight back. */
  private finished = false;

  constructor(
    private readonly admission: Admission,
    readonly deadline: number,
  ) {}

  /**
   * Runs one piece of database work inside the bounds. Past the deadline a read answers
   * TIMEOUT at once (the slot is held until the database has really finished); a write that
   * started is waited for, so a client is never told TIMEOUT about a write that committed.
   */
  async run<T>(work: () => Promise<T>, { write = false } = {}): Promise<T> {
    if (Date.now() >= this.deadline) throw new TimeoutError();
    await this.admission.acquire(this);
    const pending = work();
    void pending.then(
      () => this.admission.release(this),
      () => this.admission.release(this),
    );
    return write ? pending : withDeadline(pending, this.deadline);
  }

  /** Heavy operations queue for a heavy slot before their first query. */
  async admit(cost: number): Promise<void> {
    if (cost < this.admission.limits.heavyCost || this.releaseHeavy) return;
    this.releaseHeavy = await this.admission.acquireHeavy(this);
    // The client left while this waited: nothing will call finish() again.
    if (this.finished) this.finish();
  }

  /** Gives back the heavy slot, if any; call once the response is written or its client has gone. */
  finish(): void {
    this.finished = true;
    this.releaseHeavy?.();
    this.releaseHeavy = null;
  }
}

function withDeadline<T>(pending: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      action();
    }
  };
}
