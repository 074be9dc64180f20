import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { buildConceptMap, type ConceptMap as ConceptMapValue } from '../analysis/concept-map';
import { findConceptPaths } from '../analysis/concept-paths';
import { findPrincipleLinks, findPrinciplesForRole } from '../analysis/principle-analytics';
import { findRelatedThoughts } from '../analysis/related-thoughts';
import { findSimilarTo } from '../analysis/similar-to';
import type { RankedNode as RankedNodeValue } from '../analysis/centrality';
import { NODE_KINDS } from '../domain/node-kind';
import type { NodeSource } from '../domain/repositories';
import type { Context } from './context';
import { toGraphNode } from './graph-node.type';
import { selectsOutlineOnly } from './node-selection-reader';
import {
  CentralityArgs,
  ConceptMapArgs,
  ConceptPathArgs,
  PrincipleLinksArgs,
  PrinciplesForRoleArgs,
  RelatedThoughtsArgs,
  SimilarToArgs,
  toMapRequest,
} from './thinking.args';
import { ConceptMap, ConceptPath, PrincipleLink, RankedNode, RelatedThought, SimilarNode } from './thinking.types';

@Resolver()
export class ThinkingResolver {
  @Query(() => [RelatedThought], {
    description:
      'The nodes most related to a node (essays for an essay, principles for a principle, ...), best first, ' +
      'each with a score and the reasons behind it. Ties break by id.',
  })
  async relatedThoughts(@Args() { id, first }: RelatedThoughtsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<RelatedThought[]> {
    const answerNodes = nodeSourceFor(ctx, info, [['node'], ['reasons', 'via']]);
    const related = await ctx.answers.remember(ctx.thinking.fixedVersion, 'relatedThoughts', { id, first, outline: answerNodes !== ctx.reader }, () =>
      findRelatedThoughts(ctx.thinking, id, first, answerNodes),
    );
    return related.map((thought) => ({
      node: toGraphNode(thought.node),
      score: thought.score,
      reasons: thought.reasons.map((reason) => ({ ...reason, via: reason.via && toGraphNode(reason.via) })),
    }));
  }

  @Query(() => [SimilarNode], {
    description:
      'The essays, principles and concepts whose texts say most nearly what `text` says, best first ("which of our ' +
      'principles is this paragraph about?"). By meaning, from the sentence model; while no model is loaded, by the ' +
      'full-text index, and each result says which.',
  })
  async similarTo(@Args() { text, kinds, first }: SimilarToArgs, @Ctx() ctx: Context): Promise<SimilarNode[]> {
    const similar = await findSimilarTo(text, kinds ?? [], first, ctx.meaning, ctx.reader);
    return similar.map((found) => ({ ...found, node: toGraphNode(found.node) }));
  }

  @Query(() => [ConceptPath], {
    description:
      'The k shortest simple paths (no node twice) between two nodes, shortest first; among paths of one length ' +
      'the most informative first (higher `score`: through specific nodes rather than hubs, reading in one ' +
      'direction), then heavier edges, then ids. Each has its edges spelled out, is read as a sentence and says ' +
      '`why` it ranks where it does. No path: an empty list.',
  })
  async conceptPath(@Args() args: ConceptPathArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConceptPath[]> {
    const request = {
      from: args.from,
      to: args.to,
      k: args.k,
      maxHops: args.maxHops,
      types: args.edgeTypes ?? [],
      direction: args.direction,
      avoid: args.avoid ?? [],
    };
    const answerNodes = nodeSourceFor(ctx, info, [['nodes']]);
    const paths = await ctx.answers.remember(ctx.thinking.fixedVersion, 'conceptPath', { ...request, outline: answerNodes !== ctx.reader }, () =>
      findConceptPaths(answerNodes, ctx.thinking, request),
    );
    return paths.map((path) => ({
      nodes: path.nodes.map(toGraphNode),
      edges: path.steps.map(({ edge, forward }) => ({
        type: edge.type,
        source: edge.source,
        target: edge.target,
        forward,
        weight: edge.weight,
      })),
      length: path.length,
      reading: path.reading,
      score: path.score,
      why: path.why,
    }));
  }

  @Query(() => ConceptMap, {
    description:
      'A subgraph ready to draw: nodes with kind, degree, cluster and x/y, and the edges between them; capped ' +
      'at `limit` with `truncated` set; the same request gives the same map.',
  })
  conceptMap(@Args() args: ConceptMapArgs, @Ctx() ctx: Context): Promise<ConceptMapValue> {
    const request = toMapRequest(args);
    // Positions depend on the layout too: one that lands (or is carried over) makes a new answer.
    return ctx.answers.remember(ctx.thinking.fixedVersion, 'conceptMap', { ...request, layout: ctx.thinking.layoutVersion }, () =>
      buildConceptMap(ctx.thinking, request),
    );
  }

  @Query(() => [PrincipleLink], {
    description:
      'Principle pairs that share essays or are joined directly, with co-occurrences, Jaccard and lift; by ' + 'co-occurrences, then Jaccard, then ids.',
  })
  async principleLinks(@Args() { minShared, first }: PrincipleLinksArgs, @Ctx() ctx: Context): Promise<PrincipleLink[]> {
    const links = await ctx.answers.remember(ctx.thinking.fixedVersion, 'principleLinks', { minShared, first }, () =>
      findPrincipleLinks(ctx.reader, ctx.thinking, minShared, first),
    );
    return links.map((link) => ({
      ...link,
      a: toGraphNode(link.a),
      b: toGraphNode(link.b),
      sharedEssays: link.sharedEssays.map(toGraphNode),
      directEdges: [...link.directEdges],
    }));
  }

  @Query(() => [RankedNode], {
    description: 'Principles for a role: those that apply to it and those stated in essays that address it, ranked.',
  })
  async principlesForRole(@Args() { role, first }: PrinciplesForRoleArgs, @Ctx() ctx: Context): Promise<RankedNode[]> {
    const ranked = await ctx.answers.remember(ctx.thinking.fixedVersion, 'principlesForRole', { role, first }, () =>
      findPrinciplesForRole(ctx.reader, ctx.thinking, role, first),
    );
    return toRanked(ranked);
  }

  @Query(() => [RankedNode], {
    description: 'Nodes ranked by PageRank, betweenness or degree over the whole graph; cached until the graph changes.',
  })
  async centrality(@Args() { kinds, metric, weighted, first }: CentralityArgs, @Ctx() ctx: Context): Promise<RankedNode[]> {
    const request = { metric, weighted, kinds: kinds?.length ? kinds : NODE_KINDS, first };
    const ranked = await ctx.centrality.rank(ctx.reader, ctx.thinking, request);
    return toRanked(ranked);
  }
}

/**
 * Where the answer's nodes come from: outlines from the projection (no round trip) when the
 * nodes under `paths` select nothing an outline lacks, else full records from Neo4j.
 */
function nodeSourceFor(ctx: Context, info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): NodeSource {
  const outlines = ctx.thinking.outlineNodes?.bind(ctx.thinking);
  return outlines && selectsOutlineOnly(info, paths) ? { findNodes: outlines } : ctx.reader;
}

function toRanked(ranked: readonly RankedNodeValue[]): RankedNode[] {
  return ranked.map((entry) => ({ node: toGraphNode(entry.node), score: entry.score, rank: entry.rank }));
}
