import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from 'type-graphql';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
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

const { OUTGOING, INCOMING } = Direction;

export const PrincipleConnection = createConnection(Principle, 'Principle');

@InputType({ description: 'Keeps principles linked to every node named.' })
class PrincipleFilter {
  @Field(() => ID, { nullable: true, description: 'Only principles this essay articulates.' })
  essay?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only principles that apply to this role.' })
  role?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only principles about this concept.' })
  concept?: string | null;
}

@Resolver(() => Principle)
export class PrincipleResolver {
  @Query(() => Principle, { nullable: true, description: 'A principle by slug; null when none has it.' })
  principle(
    @Arg('slug', { description: 'e.g. `culture-emerges-from-structure`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.PRINCIPLE, slug, info);
  }

  @Query(() => PrincipleConnection, { description: 'Principles in slug order, a page at a time.' })
  principles(
    @Args() page: PageArgs,
    @Arg('filter', () => PrincipleFilter, { nullable: true, description: 'Optional filters, all of which must hold.' })
    filter: PrincipleFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listNodes(
      ctx,
      NodeKind.PRINCIPLE,
      page,
      [
        ...edgeFilter('filter.essay', filter?.essay, NodeKind.ESSAY, EdgeType.ARTICULATES, INCOMING),
        ...edgeFilter('filter.role', filter?.role, NodeKind.ROLE, EdgeType.APPLIES_TO, OUTGOING),
        ...edgeFilter('filter.concept', filter?.concept, NodeKind.CONCEPT, EdgeType.ABOUT, OUTGOING),
      ],
      info,
    );
  }

  @FieldResolver(() => [Essay], { description: 'Essays that articulate the principle (ARTICULATES).' })
  essays(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Concepts the principle is about (ABOUT).' })
  concepts(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [Role], { description: 'Roles the principle guides (APPLIES_TO).' })
  roles(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [Principle], { description: 'Principles this one reinforces (SUPPORTS).' })
  supports(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [Principle], { description: 'Principles that reinforce this one (SUPPORTS, incoming).' })
  supportedBy(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts it pulls against (IN_TENSION_WITH, either direction).' })
  inTensionWith(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts it brings about (LEADS_TO).' })
  leadsTo(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }

  @FieldResolver(() => [GraphNode], { description: 'Principles and concepts that bring it about (LEADS_TO, incoming).' })
  ledToBy(@Root() principle: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, principle, first, info);
  }
}
