import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random operations drawn from the schema, as a careless or hostile client would send them:
 * real fields with values in and out of bounds, variables of the wrong type, aliases, inline
 * fragments, mutations without a token, and now and then text broken mid-way.
 */
export interface FuzzRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly method: 'GET' | 'POST';
}

type Random = () => number;

const IDS = [
  'role:engineer',
  'role:ctpo',
  'principle:culture-emerges-from-structure',
  'concept:culture',
  'essay:engineer-to-ctpo',
  'concept:structure',
  'essay:nope',
  'nope',
  '',
  'role:',
  ':',
  'principle:' + 'x'.repeat(300),
];
const INTS = [-1, 0, 1, 2, 3, 5, 8, 9, 10, 11, 20, 50, 100, 101, 1000, 2000, 2001, 2147483647, -2147483648];
const STRINGS = ['', 'culture', 'engineer leader', 'x'.repeat(250), '"\\', '*', 'AND OR NOT', '<script>', 'slug:zz', '2024-02-30'];
/** Raw JSON values of the wrong shape for whatever a variable is declared as. */
const WRONG = ['ten', 2147483648, 1.5, { a: 1 }, [1, 2], null, true, 'NOT_A_VALUE'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function randomRequest(schema: GraphQLSchema, random: Random): FuzzRequest {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const mutation = random() < 0.15;
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const fields = Object.values(root.getFields());
  const count = 1 + Math.floor(random() * 3);
  const selections = Array.from({ length: count }, (_, i) => {
    const field = pick(random, fields);
    const alias = random() < 0.3 ? `a${i}: ` : '';
    return `${alias}${field.name}${args(field, random, variables, declared)}${selection(field.type, random, 2)}`;
  });
  const header = declared.length > 0 ? `${mutation ? 'mutation' : 'query'} Fuzz(${declared.join(', ')}) ` : mutation ? 'mutation ' : '';
  let query = `${header}{ ${selections.join(' ')} }`;
  if (random() < 0.1) query = breakText(query, random);
  const method = !mutation && random() < 0.1 ? 'GET' : 'POST';
  return { query, variables, method };
}

function args(field: GraphQLField<unknown, unknown>, random: Random, variables: Record<string, unknown>, declared: string[]): string {
  const given = field.args.filter((arg) => isNonNullType(arg.type) || random() < 0.5);
  if (given.length === 0) return '';
  return `(${given.map((arg) => `${arg.name}: ${argumentValue(arg, random, variables, declared)}`).join(', ')})`;
}

function argumentValue(arg: GraphQLArgument, random: Random, variables: Record<string, unknown>, declared: string[]): string {
  if (random() < 0.25) {
    const name = `v${declared.length}`;
    declared.push(`$${name}: ${String(arg.type)}`);
    // Sometimes the variable is left out or of the wrong type: graphql-js coerces it first.
    const roll = random();
    if (roll < 0.1) return `$${name}`;
    variables[name] = roll < 0.35 ? pick(random, WRONG) : rawValue(arg.type, random);
    return `$${name}`;
  }
  return literal(arg.type, random, 0);
}

function rawValue(type: GraphQLInputType, random: Random): unknown {
  if (isNonNullType(type)) return rawValue(type.ofType, random);
  if (isListType(type)) return Array.from({ length: Math.floor(random() * 3) }, () => rawValue(type.ofType, random));
  if (isEnumType(type)) return pick(random, type.getValues()).name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || random() < 0.5)
        .map((f) => [f.name, rawValue(f.type, random)]),
    );
  }
  return scalar(type.name, random);
}

function literal(type: GraphQLInputType, random: Random, depth: number): string {
  if (isNonNullType(type)) return literal(type.ofType, random, depth);
  if (isListType(type)) {
    return `[${Array.from({ length: Math.floor(random() * 3) }, () => literal(type.ofType, random, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) return random() < 0.05 ? 'NOT_A_VALUE' : pick(random, type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 2) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || random() < 0.5);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, random, depth + 1)}`).join(', ')} }`;
  }
  const value = scalar(type.name, random);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function scalar(name: string, random: Random): unknown {
  switch (name) {
    case 'Int':
      return pick(random, INTS);
    case 'Float':
      return pick(random, [0, 0.5, 1, -1, 1e9]);
    case 'Boolean':
      return random() < 0.5;
    case 'ID':
      return pick(random, IDS);
    default:
      return random() < 0.5 ? pick(random, STRINGS) : pick(random, IDS);
  }
}

function selection(type: GraphQLOutputType, random: Random, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible = isUnionType(named) ? named.getTypes() : [];
    const own = isInterfaceType(named) ? fieldsOf(named.getFields(), random, depth) : '';
    const inline = possible.length > 0 ? ` ... on ${pick(random, possible).name} { __typename }` : '';
    return ` { __typename ${own}${inline} }`;
  }
  if (!isObjectType(named)) return '';
  return ` { ${fieldsOf(named.getFields(), random, depth)} }`;
}

function fieldsOf(fields: Record<string, GraphQLField<unknown, unknown>>, random: Random, depth: number): string {
  const all = Object.values(fields);
  const leaves = all.filter((f) => isLeafType(getNamedType(f.type)));
  const chosen = new Set([pick(random, leaves.length > 0 ? leaves : all)]);
  const extra = depth > 0 ? 1 + Math.floor(random() * 3) : 0;
  for (let i = 0; i < extra; i += 1) chosen.add(pick(random, all));
  return [...chosen]
    .map((f) => {
      const nested = isLeafType(getNamedType(f.type)) ? '' : depth > 0 ? selection(f.type, random, depth - 1) : ' { __typename }';
      return `${f.name}${argsLiteral(f, random)}${nested}`;
    })
    .join(' ');
}

function argsLiteral(field: GraphQLField<unknown, unknown>, random: Random): string {
  const given = field.args.filter((arg) => isNonNullType(arg.type) || random() < 0.3);
  return given.length === 0 ? '' : `(${given.map((arg) => `${arg.name}: ${literal(arg.type, random, 0)}`).join(', ')})`;
}

/** Cuts a span out, or drops in a stray token: parse and validation errors. */
function breakText(query: string, random: Random): string {
  const at = Math.floor(random() * query.length);
  if (random() < 0.5) return query.slice(0, at) + query.slice(at + 1 + Math.floor(random() * 10));
  return query.slice(0, at) + pick(random, ['{', '}', '$', '@skip', '...', '(', '"', 'fragment']) + query.slice(at);
}
