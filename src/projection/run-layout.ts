import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LayoutInput, LayoutResult } from '../analysis/global-layout';

/** The compiled worker: beside this file when it runs from dist, else in dist (tests run the sources). */
function workerFile(): string {
  const beside = path.join(__dirname, 'layout-worker.js');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'src', 'projection', 'layout-worker.js');
}

/** A layout under way in its worker thread. */
export interface LayoutRun {
  /** The layout; rejects if the worker fails or is stopped. */
  readonly result: Promise<LayoutResult>;
  /** Ends the worker (a layout of 100k nodes runs for minutes, and would keep a stopping process alive). */
  stop(): void;
}

/** Lays out the whole graph in a worker thread. */
export function runLayoutInWorker(input: LayoutInput): LayoutRun {
  const worker = new Worker(workerFile(), { workerData: input });
  const result = new Promise<LayoutResult>((resolve, reject) => {
    worker.once('message', (layout: LayoutResult) => resolve(layout));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The layout worker exited with code ${code}.`));
    });
  });
  return { result, stop: () => void worker.terminate() };
}
