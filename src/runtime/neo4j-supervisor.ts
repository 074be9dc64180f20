import type { ChildProcess } from 'node:child_process';

/** A JVM that printed its ready line. */
export interface RunningJvm {
  readonly child: ChildProcess;
  readonly uri: string;
}

/** Starts a JVM on a store at `port`, resolving once Bolt accepts. */
export type LaunchJvm = (port: number) => Promise<RunningJvm>;
/** Ends a JVM in order (standard input closed, SIGTERM, SIGKILL after a grace period). */
export type StopJvm = (child: ChildProcess) => Promise<void>;

export type Neo4jState = 'up' | 'down' | 'restarting' | 'stopped';

/** One line of the supervisor's log: a message for people, fields for machines. */
export interface Neo4jEvent {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>> & { readonly event: string };
}

export interface RestartPolicy {
  /** Delay before the first restart; it doubles with each restart inside the window. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Past this many restarts inside `windowMs`, restarts slow down to `slowDelayMs`. */
  readonly maxRestartsPerWindow: number;
  readonly windowMs: number;
  readonly slowDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 8_000,
  maxRestartsPerWindow: 5,
  windowMs: 60_000,
  slowDelayMs: 30_000,
};

export interface RestartPlan {
  readonly delayMs: number;
  /** True once the window's budget of quick restarts is spent. */
  readonly slow: boolean;
}

/** When to try the next restart, given when the earlier ones were tried. */
export function planRestart(earlier: readonly number[], now: number, policy: RestartPolicy): RestartPlan {
  const recent = earlier.filter((at) => now - at < policy.windowMs).length;
  if (recent >= policy.maxRestartsPerWindow) return { delayMs: policy.slowDelayMs, slow: true };
  return { delayMs: Math.min(policy.firstDelayMs * 2 ** recent, policy.maxDelayMs), slow: false };
}

/**
 * Keeps a local Neo4j running: when its JVM dies without being asked to (SIGKILL, an
 * out-of-memory exit), it logs one line and starts a new JVM on the same store and the same
 * Bolt port, so the driver's URI stays valid, with backoff. `stop()` is the only way to end it
 * for good.
 */
export class Neo4jSupervisor {
  private jvm: RunningJvm;
  private current: Neo4jState = 'up';
  private restartCount = 0;
  private readonly attempts: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | null = null;
  private stopping = false;
  private saidSlow = false;
  private readonly listeners: Array<(state: Neo4jState) => void> = [];

  constructor(
    first: RunningJvm,
    private readonly port: number,
    private readonly launch: LaunchJvm,
    private readonly stopJvm: StopJvm,
    private readonly report: (event: Neo4jEvent) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    this.jvm = first;
    this.follow(first);
  }

  get state(): Neo4jState {
    return this.current;
  }

  get restarts(): number {
    return this.restartCount;
  }

  get uri(): string {
    return this.jvm.uri;
  }

  get pid(): number | undefined {
    return this.jvm.child.pid;
  }

  onStateChange(listener: (state: Neo4jState) => void): void {
    this.listeners.push(listener);
  }

  /** Ends the JVM on purpose: no restart follows, and a restart under way is undone. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.change('stopped');
    await this.restarting;
    await this.stopJvm(this.jvm.child);
  }

  private follow(jvm: RunningJvm): void {
    jvm.child.once('exit', (code, signal) => this.exited(jvm, code, signal));
  }

  private exited(jvm: RunningJvm, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || jvm !== this.jvm) return;
    const plan = planRestart(this.attempts, Date.now(), this.policy);
    this.change('down');
    this.report({
      level: 'error',
      message: `Local Neo4j (pid ${jvm.child.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${seconds(plan.delayMs)} s.`,
      fields: { event: 'neo4j-exited', jvmPid: jvm.child.pid, code, signal, restarts: this.restartCount, restartInMs: plan.delayMs },
    });
    this.schedule(plan);
  }

  private schedule(plan: RestartPlan): void {
    if (plan.slow && !this.saidSlow) {
      this.saidSlow = true;
      this.report({
        level: 'error',
        message: `Local Neo4j needed ${this.policy.maxRestartsPerWindow} restarts within ${seconds(this.policy.windowMs)} s; trying every ${seconds(plan.delayMs)} s from now on.`,
        fields: { event: 'neo4j-restarts-slowed', restarts: this.restartCount, restartInMs: plan.delayMs },
      });
    }
    this.timer = setTimeout(() => {
      this.restarting = this.restart();
    }, plan.delayMs);
  }

  private async restart(): Promise<void> {
    this.attempts.push(Date.now());
    this.restartCount += 1;
    this.change('restarting');
    const started = Date.now();
    try {
      const jvm = await this.launch(this.port);
      if (this.stopping) return await this.stopJvm(jvm.child);
      this.jvm = jvm;
      this.follow(jvm);
      this.saidSlow = false;
      this.change('up');
      this.report({
        level: 'info',
        message: `Local Neo4j restarted at ${jvm.uri} in ${seconds(Date.now() - started)} s (pid ${jvm.child.pid}, restart ${this.restartCount}).`,
        fields: { event: 'neo4j-restarted', jvmPid: jvm.child.pid, restarts: this.restartCount, tookMs: Date.now() - started },
      });
    } catch (error) {
      if (this.stopping) return;
      this.failedRestart(error);
    } finally {
      this.restarting = null;
    }
  }

  private failedRestart(error: unknown): void {
    const plan = planRestart(this.attempts, Date.now(), this.policy);
    this.change('down');
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    this.report({
      level: 'error',
      message: `Local Neo4j did not restart (${reason}); trying again in ${seconds(plan.delayMs)} s.`,
      fields: { event: 'neo4j-restart-failed', reason, restarts: this.restartCount, restartInMs: plan.delayMs },
    });
    this.schedule(plan);
  }

  private change(state: Neo4jState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, '');
}
