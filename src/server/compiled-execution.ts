import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  Kind,
  OperationTypeNode,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * The use of a document that compiles it. Compiling a small document costs 1–2 ms here and
 * saves each of its runs a fraction of that, so it pays after about ten runs (a map's answer
 * repays it at once). A document seen a few times (an explorer's one-off, a query with its
 * values written in, a fuzzer's) runs in graphql-js and costs no compile; a frontend's, sent
 * with variables again and again, runs compiled from its tenth use on. (Compiling on the second
 * use cost the bench of plain reads, whose queries carry their slugs inline, about 10% of its
 * single-essay throughput: 287 req/s, against 318 before compiled execution and 312 with ten.)
 */
export const COMPILE_ON_USE = 10;

/**
 * Documents whose uses are counted and compiled forms kept, the least recently used going
 * first: a client sending thousands of distinct documents twice each makes the service compile
 * them, but never keeps more than this many.
 */
export const MAX_DOCUMENTS = 1_000;

/**
 * Fields (fragments counted where they are spread) past which a document is not compiled:
 * compiling costs about 0.1 ms per field here, so this keeps a compile under about 20 ms of
 * the event loop. The thinking queries select 10 to 20.
 */
export const MAX_COMPILED_FIELDS = 200;

/** One operation of a document: how often it ran, and its compiled form once it has one (null: it cannot be compiled). */
interface OperationUse {
  uses: number;
  compiled?: CompiledQuery | null;
}

/**
 * Executes operations with graphql-js until a document has been seen COMPILE_ON_USE times, and
 * from then on with a function compiled for that document by graphql-jit, which does the same
 * work without re-reading the document for every object of the answer: a 500-node, 2,150-edge
 * map's answer completes in about a tenth of graphql-js's time (see the README's Performance
 * section).
 *
 * Only queries are compiled, and only those whose variables hold no input object: graphql-jit
 * 0.8 coerces variables itself and asks for an input object's non-null field even when the
 * field has a default (`LinkInput.weight`), so those, and mutations (rare, and all of them take
 * input objects), stay in graphql-js. Every operation's variables are coerced by graphql-js
 * before it gets here (the cost plugin refuses a bad one), so graphql-jit only meets variables
 * graphql-js accepted. Apollo keeps one parsed document
 * per query text (its document store), so its documents key the compiled forms, at most
 * MAX_DOCUMENTS of them. Both ways give the same answers and errors to the byte (a
 * test sends the README's examples, the service's errors and fuzzed operations each way).
 */
export class CompiledExecution {
  private readonly uses: LRUCache<DocumentNode, Map<string | undefined, OperationUse>>;
  /** Operations compiled so far, and those graphql-jit could not compile (they run in graphql-js). */
  compiledOperations = 0;
  notCompilable = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly compileOnUse: number = COMPILE_ON_USE,
    maxDocuments: number = MAX_DOCUMENTS,
  ) {
    this.uses = new LRUCache({ max: maxDocuments });
  }

  /** Apollo's execution hook: its `gateway` option, whose executor runs every validated operation. */
  asGateway(): GatewayInterface {
    const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
      const variableValues = request.variables ?? {};
      const compiled = this.compiledFor(document, operation, operationName ?? undefined);
      if (!compiled) return await execute({ schema: this.schema, document, contextValue: context, variableValues, operationName });
      return withGraphQLErrors(await compiled.query(undefined, context, variableValues));
    };
    return {
      load: () => Promise.resolve({ schema: this.schema, executor }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: () => Promise.resolve(),
    };
  }

  /** The compiled form of an operation once it is due one (null when not yet, or never). */
  compiledFor(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): CompiledQuery | null {
    let operations = this.uses.get(document);
    if (!operations) this.uses.set(document, (operations = new Map<string | undefined, OperationUse>()));
    let use = operations.get(operationName);
    if (!use) operations.set(operationName, (use = { uses: 0 }));
    use.uses += 1;
    if (use.compiled === undefined && use.uses >= this.compileOnUse) use.compiled = this.compile(document, operation, operationName);
    return use.compiled ?? null;
  }

  /** The operation compiled, or null when it is not to be (see `compilable`) or cannot be. */
  private compile(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): CompiledQuery | null {
    if (!this.compilable(document, operation)) return null;
    const result = compileQuery(this.schema, document, operationName, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(result)) {
      this.notCompilable += 1;
      return null;
    }
    this.compiledOperations += 1;
    return result;
  }

  /** A query of at most MAX_COMPILED_FIELDS fields whose variables are all scalars, enums or lists of them. */
  private compilable(document: DocumentNode, operation: OperationDefinitionNode): boolean {
    if (operation.operation !== OperationTypeNode.QUERY) return false;
    const plainVariables = (operation.variableDefinitions ?? []).every((definition) => {
      const type = typeFromAST(this.schema, definition.type);
      return type !== undefined && !isInputObjectType(getNamedType(type));
    });
    return plainVariables && countFields(document, operation) <= MAX_COMPILED_FIELDS;
  }
}

/** The fields an operation selects, a fragment's at every spread of it (its count worked out once, so this is linear in the document). */
export function countFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const counted = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode | undefined): number => {
    let fields = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields += 1 + count(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += count(selection.selectionSet);
      else fields += fragmentFields(selection.name.value);
    }
    return fields;
  };
  const fragmentFields = (name: string): number => {
    const known = counted.get(name);
    if (known !== undefined) return known;
    counted.set(name, 0); // a cycle (validation refuses those) counts nothing
    const fields = count(fragments.get(name)?.selectionSet);
    counted.set(name, fields);
    return fields;
  };
  return count(operation.selectionSet);
}

/**
 * graphql-jit's errors are GraphQLErrors without the `extensions` object graphql-js always
 * gives (Apollo reads its `code`): each is made again as graphql-js makes a resolver's error,
 * keeping the locations graphql-jit found, and the result's keys come in graphql-js's order, so
 * the answer is the same to the byte.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return { data: result.data };
  const errors = result.errors.map((error) => {
    const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
    return Object.assign(made, { locations: error.locations });
  });
  return { errors, data: result.data };
}
