import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from 'type-graphql';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { Direction } from '../domain/repositories';
import { Concept } from './concept.type';
import { createConnection, type ConnectionValue } from './connection.type';
import type { Context } from './context';
import { Essay } from './essay.type';
import { GraphNodeValue } from './graph-node.type';
import { EdgeListArgs, PageArgs } from './list.args';
import { Principle } from './principle.type';
import { edgeFilter, findBySlug, listNodes, loadEdgeField } from './resolve-helpers';
import { Role } from './role.type';

const { OUTGOING, INCOMING } = Direction;

export const RoleConnection = createConnection(Role, 'Role');

@InputType({ description: 'Keeps roles linked to every node named.' })
class RoleFilter {
  @Field(() => ID, { nullable: true, description: 'Only roles this principle applies to.' })
  principle?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only roles that require this concept.' })
  requires?: string | null;
}

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: 'A role by slug; null when none has it.' })
  role(
    @Arg('slug', { description: 'e.g. `engineering-leader`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.ROLE, slug, info);
  }

  @Query(() => RoleConnection, { description: 'Roles in slug order, a page at a time.' })
  roles(
    @Args() page: PageArgs,
    @Arg('filter', () => RoleFilter, { nullable: true, description: 'Optional filters, all of which must hold.' })
    filter: RoleFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listNodes(
      ctx,
      NodeKind.ROLE,
      page,
      [
        ...edgeFilter('filter.principle', filter?.principle, NodeKind.PRINCIPLE, EdgeType.APPLIES_TO, INCOMING),
        ...edgeFilter('filter.requires', filter?.requires, NodeKind.CONCEPT, EdgeType.REQUIRES, OUTGOING),
      ],
      info,
    );
  }

  @FieldResolver(() => [Principle], { description: 'Principles that guide people in the role (APPLIES_TO).' })
  principles(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }

  @FieldResolver(() => [Essay], { description: 'Essays that speak to the role (ADDRESSES).' })
  essays(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'What the role optimizes for (OPTIMIZES_FOR).' })
  optimizesFor(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }

  @FieldResolver(() => [Concept], { description: 'Capabilities the role needs (REQUIRES).' })
  requires(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }

  @FieldResolver(() => [Role], { description: 'The next steps on a career path (GROWS_INTO).' })
  growsInto(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }

  @FieldResolver(() => [Role], { description: 'The roles that grow into this one (GROWS_INTO, incoming).' })
  growsFrom(@Root() role: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, role, first, info);
  }
}
