import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from 'type-graphql';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { Direction } from '../domain/repositories';
import { createConnection, type ConnectionValue } from './connection.type';
import type { Context } from './context';
import { Concept } from './concept.type';
import { Essay } from './essay.type';
import { GraphNodeValue } from './graph-node.type';
import { EdgeListArgs, PageArgs } from './list.args';
import { Person } from './person.type';
import { Principle } from './principle.type';
import { edgeFilter, findBySlug, listNodes, loadEdgeField } from './resolve-helpers';
import { Role } from './role.type';

const { OUTGOING } = Direction;

export const EssayConnection = createConnection(Essay, 'Essay');

@InputType({ description: 'Keeps essays linked to every node named.' })
class EssayFilter {
  @Field(() => ID, { nullable: true, description: 'Only essays that articulate this principle.' })
  principle?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only essays that discuss this concept.' })
  concept?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only essays that address this role.' })
  role?: string | null;
}

@Resolver(() => Essay)
export class EssayResolver {
  @Query(() => Essay, { nullable: true, description: 'An essay by slug; null when none has it.' })
  essay(
    @Arg('slug', { description: 'e.g. `engineer-to-ctpo`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.ESSAY, slug, info);
  }

  @Query(() => EssayConnection, { description: 'Essays in slug order, a page at a time.' })
  essays(
    @Args() page: PageArgs,
    @Arg('filter', () => EssayFilter, { nullable: true, description: 'Optional filters, all of which must hold.' })
    filter: EssayFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listNodes(
      ctx,
      NodeKind.ESSAY,
      page,
      [
        ...edgeFilter('filter.principle', filter?.principle, NodeKind.PRINCIPLE, EdgeType.ARTICULATES, OUTGOING),
        ...edgeFilter('filter.concept', filter?.concept, NodeKind.CONCEPT, EdgeType.DISCUSSES, OUTGOING),
        ...edgeFilter('filter.role', filter?.role, NodeKind.ROLE, EdgeType.ADDRESSES, OUTGOING),
      ],
      info,
    );
  }

  @FieldResolver(() => [Principle], { description: 'Principles the essay articulates (ARTICULATES).' })
  principles(@Root() essay: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, essay, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Concepts the essay discusses (DISCUSSES).' })
  concepts(@Root() essay: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, essay, first, info);
  }

  @FieldResolver(() => [Role], { description: 'Roles the essay speaks to (ADDRESSES).' })
  roles(@Root() essay: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, essay, first, info);
  }

  @FieldResolver(() => [Essay], {
    description: 'Essays an editor linked as related thoughts (RELATES_TO, either direction).',
  })
  relatedEssays(@Root() essay: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, essay, first, info);
  }

  @FieldResolver(() => [Person], { description: 'Who wrote the essay (AUTHORED_BY).' })
  authors(@Root() essay: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, essay, first, info);
  }
}
