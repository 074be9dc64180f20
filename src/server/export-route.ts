import type { NextFunction, Request, Response } from 'express';
import { buildConceptMap } from '../analysis/concept-map';
import { exportMap, ExportFormat } from '../analysis/map-exports';
import { BadUserInputError } from '../domain/errors';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import type { GraphDatabase } from '../graph/graph-database';
import type { ProjectionManager } from '../projection/projection-manager';
import { checkArgs } from '../schema/build-schema';
import { ConceptMapArgs, toMapRequest } from '../schema/thinking.args';
import type { OperationGate } from './admission';
import { gateExecutor } from './gated-executor';
import { createReaders } from './request-context';
import { sendKnownError } from './wire-errors';

export const EXPORT_PATH = '/export/graph';

/**
 * `GET /export/graph?format=cytoscape|graphml|gexf|csv` with conceptMap's arguments as query
 * parameters (`center`, `depth`, `kinds`, `edgeTypes`, `limit`; lists comma-separated;
 * `table=nodes|edges` for CSV), validated as the GraphQL arguments are, read through the same
 * readers. Errors answer with the codes of the GraphQL API and the status of `HTTP_STATUS`.
 */
export function createExportHandler(database: GraphDatabase, beginGate?: () => OperationGate, projection: ProjectionManager | null = null) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const format = readEnum('format', req.query.format ?? ExportFormat.CYTOSCAPE, Object.values(ExportFormat));
      const table = readEnum('table', req.query.table ?? 'edges', ['nodes', 'edges'] as const);
      const args = await readMapArgs(req);
      const readers = createReaders(database, projection);
      if (beginGate) gateExecutor(readers.executor, beginGate());
      const map = await buildConceptMap(readers.thinking, toMapRequest(args));
      const file = exportMap(map, format, table);
      res.status(200).type(file.contentType).setHeader('Content-Disposition', `attachment; filename="thoughtgraph-map.${file.extension}"`).send(file.body);
    } catch (error) {
      // Anything unknown goes to the server's error handler, which logs it with the request id.
      if (!sendKnownError(res, error)) next(error);
    }
  };
}

async function readMapArgs(req: Request): Promise<ConceptMapArgs> {
  const query = req.query as Record<string, unknown>;
  const list = (name: string) => (typeof query[name] === 'string' ? query[name].split(',').filter(Boolean) : undefined);
  const number = (name: string) => (query[name] === undefined ? undefined : readWholeNumber(name, query[name]));
  const plain = {
    center: typeof query.center === 'string' ? query.center : undefined,
    depth: number('depth'),
    limit: number('limit'),
    kinds: list('kinds')
      ?.map((kind) => readEnum('kinds', kind, Object.keys(NodeKind)))
      .map((key) => NodeKind[key as keyof typeof NodeKind]),
    edgeTypes: list('edgeTypes')?.map((type) => readEnum('edgeTypes', type, Object.values(EdgeType))),
  };
  return checkArgs(Object.assign(new ConceptMapArgs(), Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined))));
}

/** `depth=2.5`, `limit=1e3` or `limit=` are the client's mistake, named, not a NaN passed on. */
function readWholeNumber(field: string, value: unknown): number {
  if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  throw new BadUserInputError(field, `Invalid value for "${field}": ${JSON.stringify(value)} is not a whole number.`);
}

function readEnum<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new BadUserInputError(field, `"${String(value)}" is not one of ${allowed.join(', ')}.`);
}
