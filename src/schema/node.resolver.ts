import { ArrayMaxSize, Length, Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BOUNDS } from '../domain/bounds';
import { BadUserInputError } from '../domain/errors';
import { NODE_KINDS } from '../domain/node-kind';
import { parseNodeId } from '../domain/node-id';
import { searchWords } from '../domain/search-text';
import type { Context } from './context';
import { Direction, EdgeType, NodeKind } from './enums';
import { GraphEdge, GraphNode, toGraphEdge, toGraphNode, type GraphNodeValue } from './graph-node.type';
import { findSelected } from './resolve-helpers';

@ObjectType({ simpleResolvers: true, description: 'A search hit with its relevance.' })
export class SearchResult {
  @Field(() => GraphNode, { description: 'The node found.' })
  node!: GraphNodeValue;

  @Field(() => Float, { description: 'Relevance from the full-text index; higher is better.' })
  score!: number;
}

@ArgsType()
class SearchArgs {
  @Field({
    description: `Words to find in labels, statements, summaries, descriptions and aliases (1..${BOUNDS.search.maxQueryLength} characters). Plain words; each also matches as a prefix.`,
  })
  @Length(1, BOUNDS.search.maxQueryLength)
  query!: string;

  @Field(() => [NodeKind], { nullable: true, description: 'Only these kinds (all when absent).' })
  @ArrayMaxSize(NODE_KINDS.length)
  kinds?: NodeKind[] | null;

  @Field(() => Int, { description: `How many hits at most, 1..${BOUNDS.search.max}.` })
  @Min(1)
  @Max(BOUNDS.search.max)
  first: number = BOUNDS.search.default;
}

@ArgsType()
class EdgesArgs {
  @Field(() => [EdgeType], { nullable: true, description: 'Only these types (all when absent).' })
  @ArrayMaxSize(32)
  types?: EdgeType[] | null;

  @Field(() => Direction, { description: 'Which way to walk.' })
  direction: Direction = Direction.ANY;

  @Field(() => Int, { description: `How many edges at most, 1..${BOUNDS.edgeList.max}.` })
  @Min(1)
  @Max(BOUNDS.edgeList.max)
  first: number = BOUNDS.edgeList.default;
}

@Resolver(() => GraphNode)
export class NodeResolver {
  @Query(() => GraphNode, {
    nullable: true,
    description: 'Any node by id, e.g. `principle:culture-emerges-from-structure`; null when none has it.',
  })
  async node(
    @Arg('id', () => ID, { description: 'A node id, `<kind>:<slug>`.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    const parsed = parseNodeId(id);
    return parsed ? findSelected(ctx, parsed.kind, id, info) : null;
  }

  @Query(() => [SearchResult], { description: 'Full-text search over the graph, best first.' })
  async search(@Args() { query, kinds, first }: SearchArgs, @Ctx() ctx: Context): Promise<SearchResult[]> {
    if (searchWords(query).length === 0) {
      throw new BadUserInputError('query', 'The query has no words to search for.');
    }
    const hits = await ctx.reader.search(query, kinds?.length ? kinds : NODE_KINDS, first);
    return hits.map((hit) => ({ node: toGraphNode(hit.node), score: hit.score }));
  }

  @FieldResolver(() => [GraphEdge], {
    description: 'Edges at this node with the nodes at their other ends, strongest first.',
  })
  async edges(@Root() root: GraphNodeValue, @Args() { types, direction, first }: EdgesArgs, @Ctx() ctx: Context): Promise<GraphEdge[]> {
    const neighbours = await ctx.loaders.neighbours(root.kind, { types: types ?? [], direction }, first).load(root.id);
    return neighbours.map(({ edge, node }) => toGraphEdge(edge, root.id, node));
  }
}
