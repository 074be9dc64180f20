import { parentPort, workerData } from 'node:worker_threads';
import { layOutWholeGraph, type LayoutInput } from '../analysis/global-layout';

// Runs in a worker thread (see run-layout.ts): the layout takes seconds on a large graph, and
// the event loop that serves requests must not wait for it.
const result = layOutWholeGraph(workerData as LayoutInput);
parentPort?.postMessage(result, [result.x.buffer as ArrayBuffer, result.y.buffer as ArrayBuffer, result.cluster.buffer as ArrayBuffer]);
