import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long CPU work on the event loop (building or catching up a projection of a million edges) in
 * slices: the work calls `pause()` between chunks, and once the current slice has held the loop
 * for its length, the pause gives the loop a turn (I/O, timers, other requests' steps) before
 * the work goes on. A build of 100k essays held the loop for 0.7 s in one stretch, a catch-up
 * 0.2–0.4 s; in slices no request waits more than about one slice behind them.
 */
export interface Slices {
  pause(): Promise<void>;
}

/** Slices of `sliceMs` milliseconds (0: a turn at every pause). */
export function timeSlices(sliceMs: number): Slices {
  let since = performance.now();
  return {
    async pause() {
      if (performance.now() - since < sliceMs) return;
      await nextTurn();
      since = performance.now();
    },
  };
}

/** For work outside a server (scripts, tests): never gives up the loop. */
export const NO_PAUSES: Slices = { pause: () => Promise.resolve() };

/** How many items (edges, nodes) a chunk of sliced work handles between two pauses. */
export const CHUNK = 16_384;

/** `work` over [0, count) in chunks of CHUNK, pausing between them. */
export async function inChunks(count: number, slices: Slices, work: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < count; from += CHUNK) {
    work(from, Math.min(count, from + CHUNK));
    await slices.pause();
  }
}
