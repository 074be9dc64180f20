import { DatabaseUnavailableError } from '../domain/errors';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** How often an open circuit probes the database. */
  readonly probeIntervalMs?: number;
}

const DEFAULT_PROBE_INTERVAL_MS = 500;

/**
 * Fails requests at once while the database is known to be down, instead of letting each one
 * wait out the driver's connection timeout and retries (seconds each, and throughput with them).
 *
 * Closed: requests pass. Open: they fail with DATABASE_UNAVAILABLE, and a probe (never a client's
 * request) runs every `probeIntervalMs`; while it runs the circuit is half-open, and requests
 * still fail. The first probe that succeeds closes the circuit.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly listeners: Array<(available: boolean) => void> = [];
  private readonly probeIntervalMs: number;

  constructor(
    private readonly probe: () => Promise<void>,
    options: CircuitBreakerOptions = {},
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Throws DATABASE_UNAVAILABLE unless the circuit is closed. */
  check(): void {
    if (this.current !== 'closed') throw new DatabaseUnavailableError();
  }

  /** The database is known to be down: fail fast from now on, and start probing. */
  open(): void {
    if (this.disposed || this.current !== 'closed') return;
    this.change('open');
    this.scheduleProbe(this.probeIntervalMs);
  }

  /** Something says the database may be back (a restart finished): probe now, not later. */
  probeSoon(): void {
    if (this.current !== 'open' || this.disposed) return;
    clearTimeout(this.timer);
    this.scheduleProbe(0);
  }

  /** Listens for the circuit closing (true) and opening (false); probes in between are quiet. */
  onAvailabilityChange(listener: (available: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Stops probing for good (the driver is closing). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private scheduleProbe(delayMs: number): void {
    // A probe timer must not keep a finished process alive.
    this.timer = setTimeout(() => void this.runProbe(), delayMs).unref();
  }

  private async runProbe(): Promise<void> {
    if (this.disposed || this.current !== 'open') return;
    this.change('half-open');
    try {
      await this.probe();
      if (!this.disposed) this.change('closed');
    } catch {
      if (this.disposed) return;
      this.change('open');
      this.scheduleProbe(this.probeIntervalMs);
    }
  }

  private change(state: CircuitState): void {
    const wasClosed = this.current === 'closed';
    this.current = state;
    if (wasClosed === (state === 'closed')) return;
    for (const listener of this.listeners) listener(state === 'closed');
  }
}
