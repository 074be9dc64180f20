import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LayoutInput, LayoutResult } from '../analysis/global-layout';

/** The compiled worker: beside this file when it runs from dist, else in dist (tests run the sources). */
function workerFile(): string {
  const beside = path.join(__dirname, 'layout-worker.js');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'src', 'projection', 'layout-worker.js');
}

/** Lays out the whole graph in a worker thread; rejects if the worker fails. */
export function runLayoutInWorker(input: LayoutInput): Promise<LayoutResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: input });
    worker.once('message', (result: LayoutResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The layout worker exited with code ${code}.`));
    });
  });
}
