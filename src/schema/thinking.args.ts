import { ArrayMaxSize, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { BOUNDS } from '../domain/bounds';
import { EDGE_TYPES } from '../domain/edge-type';
import { NODE_KINDS } from '../domain/node-kind';
import type { MapRequest } from '../analysis/concept-map';
import { CentralityMetric, Direction, EdgeType, NodeKind } from './enums';

const { path, map, links, related, ranked, similar } = BOUNDS;

@ArgsType()
export class SimilarToArgs {
  @Field({ description: `Free text: a draft paragraph, a question (1..${similar.maxTextLength} characters; the model reads about its first 200 words).` })
  @Length(1, similar.maxTextLength)
  text!: string;

  @Field(() => [NodeKind], { nullable: true, description: 'Only these kinds: ESSAY, PRINCIPLE, CONCEPT (all three when absent).' })
  @ArrayMaxSize(NODE_KINDS.length)
  kinds?: NodeKind[] | null;

  @Field(() => Int, { description: `How many at most, 1..${similar.max}.` })
  @Min(1)
  @Max(similar.max)
  first: number = similar.default;
}

@ArgsType()
export class RelatedThoughtsArgs {
  @Field(() => ID, { description: 'The node to find related thoughts for.' })
  id!: string;

  @Field(() => Int, { description: `How many at most, 1..${related.max}.` })
  @Min(1)
  @Max(related.max)
  first: number = related.default;
}

@ArgsType()
export class ConceptPathArgs {
  @Field(() => ID, { description: 'Where the path starts.' })
  from!: string;

  @Field(() => ID, { description: 'Where the path ends.' })
  to!: string;

  @Field(() => Int, { description: `How many paths at most, 1..${path.k.max}.` })
  @Min(1)
  @Max(path.k.max)
  k: number = path.k.default;

  @Field(() => Int, { description: `Longest path in edges, 1..${path.maxHops.max}.` })
  @Min(1)
  @Max(path.maxHops.max)
  maxHops: number = path.maxHops.default;

  @Field(() => [EdgeType], { nullable: true, description: 'Walk only these edge types (all when absent).' })
  @ArrayMaxSize(EDGE_TYPES.length)
  edgeTypes?: EdgeType[] | null;

  @Field(() => Direction, { description: 'Walk edges along their direction, against it, or either way.' })
  direction: Direction = Direction.ANY;

  @Field(() => [ID], { nullable: true, description: `Nodes the path must not pass through (at most ${path.avoid.max}).` })
  @ArrayMaxSize(path.avoid.max)
  avoid?: string[] | null;
}

@ArgsType()
export class ConceptMapArgs {
  @Field(() => ID, { nullable: true, description: 'The node the map is centred on; the whole graph when absent.' })
  center?: string | null;

  @Field(() => Int, { description: `How many edges out from the center, 1..${map.depth.max}.` })
  @Min(1)
  @Max(map.depth.max)
  depth: number = map.depth.default;

  @Field(() => [NodeKind], { nullable: true, description: 'Show only these kinds (the center always shows).' })
  @ArrayMaxSize(NODE_KINDS.length)
  kinds?: NodeKind[] | null;

  @Field(() => [EdgeType], { nullable: true, description: 'Follow and show only these edge types (all when absent).' })
  @ArrayMaxSize(EDGE_TYPES.length)
  edgeTypes?: EdgeType[] | null;

  @Field(() => Int, { description: `Most nodes to return, 1..${map.limit.max}; over it the most connected stay.` })
  @Min(1)
  @Max(map.limit.max)
  limit: number = map.limit.default;
}

/** The request conceptMap and the export endpoint both make of these arguments. */
export function toMapRequest(args: ConceptMapArgs): MapRequest {
  return {
    center: args.center ?? null,
    depth: args.depth,
    kinds: args.kinds ?? null,
    types: args.edgeTypes ?? [],
    limit: args.limit,
  };
}

@ArgsType()
export class PrincipleLinksArgs {
  @Field(() => Int, { description: `Least number of shared essays, 1..${links.minShared.max} (directly joined pairs always count).` })
  @Min(1)
  @Max(links.minShared.max)
  minShared: number = links.minShared.default;

  @Field(() => Int, { description: `How many pairs at most, 1..${links.first.max}.` })
  @Min(1)
  @Max(links.first.max)
  first: number = links.first.default;
}

@ArgsType()
export class PrinciplesForRoleArgs {
  @Field(() => ID, { description: 'A role id, e.g. `role:ctpo`.' })
  role!: string;

  @Field(() => Int, { description: `How many at most, 1..${ranked.max}.` })
  @Min(1)
  @Max(ranked.max)
  first: number = ranked.default;
}

@ArgsType()
export class CentralityArgs {
  @Field(() => [NodeKind], { nullable: true, description: 'Rank only these kinds (all when absent); scores are over the whole graph.' })
  @ArrayMaxSize(NODE_KINDS.length)
  kinds?: NodeKind[] | null;

  @Field(() => CentralityMetric, { description: 'The measure to rank by.' })
  metric: CentralityMetric = CentralityMetric.PAGERANK;

  @Field({
    description: 'Betweenness only: when true, a step costs 1 / weight (strong ties are short); when false (the default), every step costs 1.',
  })
  weighted: boolean = false;

  @Field(() => Int, { description: `How many at most, 1..${ranked.max}.` })
  @Min(1)
  @Max(ranked.max)
  first: number = ranked.default;
}
