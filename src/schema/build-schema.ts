import 'reflect-metadata';
import { assertInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { validate } from 'class-validator';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { ConceptResolver } from './concept.resolver';
import { EssayResolver } from './essay.resolver';
import { NodeResolver } from './node.resolver';
import { OrganizationResolver, PersonResolver } from './person.resolver';
import { PrincipleResolver } from './principle.resolver';
import { RoleResolver } from './role.resolver';
import { ThinkingResolver } from './thinking.resolver';
import { MutationResolver } from './mutation.resolver';
import { requireEditor } from './auth-checker';
import { resolveGraphNodeType } from './graph-node.type';

export const RESOLVERS = [
  NodeResolver,
  EssayResolver,
  PrincipleResolver,
  RoleResolver,
  ConceptResolver,
  PersonResolver,
  OrganizationResolver,
  ThinkingResolver,
  MutationResolver,
] as const;

/** How TypeGraphQL runs class-validator on arguments; `checkArgs` runs it the same way. */
const VALIDATION = { forbidUnknownValues: false } as const;

/** Builds the executable schema; arguments are validated with class-validator before resolvers run. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: VALIDATION,
    authChecker: requireEditor,
  });
  // TypeGraphQL wraps a resolveType in an async function; the compiled executor (graphql-jit)
  // needs the type's name at once, as graphql-js also accepts it, so the plain one goes back.
  assertInterfaceType(schema.getType('GraphNode')).resolveType = resolveGraphNodeType;
  return schema;
}

/**
 * Validates an args class filled outside GraphQL (an HTTP route's query string) as TypeGraphQL
 * validates it inside: the same bounds, and the same `ArgumentValidationError` on failure.
 */
export async function checkArgs<T extends object>(args: T): Promise<T> {
  const errors = await validate(args, { ...VALIDATION, skipMissingProperties: true });
  if (errors.length > 0) throw new ArgumentValidationError(errors);
  return args;
}

export const SCHEMA_FILE_HEADER =
  '# Generated from the TypeGraphQL classes in src/schema by `npm run schema:emit`. Do not edit.\n' +
  '# A test fails when this file differs from what the code produces.\n\n';

/** The SDL as committed in schema/schema.graphql: sorted, with a header. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${SCHEMA_FILE_HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}
