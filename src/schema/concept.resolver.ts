import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from 'type-graphql';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { TEXT_LIMITS } from '../domain/node-properties';
import { Direction } from '../domain/repositories';
import { Concept } from './concept.type';
import { createConnection, type ConnectionValue } from './connection.type';
import type { Context } from './context';
import { Essay } from './essay.type';
import { GraphNode, GraphNodeValue } from './graph-node.type';
import { EdgeListArgs, PageArgs } from './list.args';
import { Principle } from './principle.type';
import { edgeFilter, findBySlug, listNodes, loadEdgeField } from './resolve-helpers';
import { Role } from './role.type';

const { INCOMING } = Direction;

export const ConceptConnection = createConnection(Concept, 'Concept');

@InputType({ description: 'Keeps concepts that match every condition given.' })
class ConceptFilter {
  @Field(() => String, { nullable: true, description: 'Only concepts of this category, e.g. `risk`.' })
  @MaxLength(TEXT_LIMITS.category.max)
  category?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only concepts this essay discusses.' })
  essay?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only concepts this principle is about.' })
  principle?: string | null;
}

@Resolver(() => Concept)
export class ConceptResolver {
  @Query(() => Concept, { nullable: true, description: 'A concept by slug; null when none has it.' })
  concept(
    @Arg('slug', { description: 'e.g. `product-thinking`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.CONCEPT, slug, info);
  }

  @Query(() => ConceptConnection, { description: 'Concepts in slug order, a page at a time.' })
  concepts(
    @Args() page: PageArgs,
    @Arg('filter', () => ConceptFilter, { nullable: true, description: 'Optional filters, all of which must hold.' })
    filter: ConceptFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    const properties = filter?.category ? { category: filter.category } : {};
    return listNodes(
      ctx,
      NodeKind.CONCEPT,
      page,
      [
        ...edgeFilter('filter.essay', filter?.essay, NodeKind.ESSAY, EdgeType.DISCUSSES, INCOMING),
        ...edgeFilter('filter.principle', filter?.principle, NodeKind.PRINCIPLE, EdgeType.ABOUT, INCOMING),
      ],
      info,
      properties,
    );
  }

  @FieldResolver(() => [Essay], { description: 'Essays that discuss the concept (DISCUSSES).' })
  essays(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Principle], { description: 'Principles about the concept (ABOUT).' })
  principles(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Role], { description: 'Roles that optimize for it (OPTIMIZES_FOR).' })
  optimizedForBy(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Role], { description: 'Roles that need it (REQUIRES).' })
  requiredBy(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Risks that having this concept avoids (PREVENTS).' })
  prevents(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Concepts whose presence avoids this one (PREVENTS, incoming).' })
  preventedBy(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Broader concepts this one sits inside (PART_OF).' })
  partOf(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Narrower concepts inside this one (PART_OF, incoming).' })
  parts(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts it pulls against (IN_TENSION_WITH, either direction).' })
  inTensionWith(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts it brings about (LEADS_TO).' })
  leadsTo(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts that bring it about (LEADS_TO, incoming).' })
  ledToBy(@Root() concept: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, concept, first, info);
  }
}
