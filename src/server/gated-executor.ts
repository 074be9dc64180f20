import type { QueryExecutor } from '../graph/graph-database';
import type { OperationGate } from './admission';

/**
 * Puts every round trip of one request's executor through its operation's gate. The executor
 * is patched in place because the request's repositories already hold it.
 */
export function gateExecutor(executor: QueryExecutor, gate: OperationGate): QueryExecutor {
  const read = executor.read.bind(executor);
  const write = executor.write.bind(executor);
  const writeTransaction = executor.writeTransaction.bind(executor);
  executor.read = (cypher, params) => gate.run(() => read(cypher, params));
  executor.write = (cypher, params) => gate.run(() => write(cypher, params), { write: true });
  executor.writeTransaction = (work) => gate.run(() => writeTransaction(work), { write: true });
  return executor;
}
