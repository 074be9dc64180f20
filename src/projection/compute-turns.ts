/**
 * CPU-bound reads of the projection take turns: one per turn of the event loop, in the order
 * they asked. Between two of them Node polls the network, so a cheap request's next step never
 * waits for more than one computation, however many heavy ones (twenty aliased maps, say) are
 * queued. Without turns, every computation of an operation ran in one unbroken stretch of
 * microtasks and held the event loop for hundreds of milliseconds.
 */
export class ComputeTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves at the caller's turn; the caller then computes without awaiting in between. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.scheduleNext();
    });
  }

  get queued(): number {
    return this.waiting.length;
  }

  private scheduleNext(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate queued from an immediate runs on the loop's next turn, after the poll for I/O.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.scheduleNext();
    });
  }
}

/** For readers used outside a server (scripts, tests): every turn at once. */
export const NO_TURNS: Pick<ComputeTurns, 'turn'> = { turn: () => Promise.resolve() };
