import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { Direction } from '../domain/repositories';
import type { Context } from './context';
import { Essay } from './essay.type';
import { GraphNodeValue, toGraphNode } from './graph-node.type';
import { EdgeListArgs } from './list.args';
import { CareerStep, Organization, Person } from './person.type';
import { findBySlug, loadEdgeField } from './resolve-helpers';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'A person by slug; null when none has it.' })
  person(
    @Arg('slug', { description: 'e.g. `the-author`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.PERSON, slug, info);
  }

  @FieldResolver(() => [Essay], { description: 'Essays the person wrote (AUTHORED_BY).' })
  essays(@Root() person: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, person, first, info);
  }

  @FieldResolver(() => [CareerStep], { description: 'Where the person worked, in order (WORKED_AT).' })
  async career(@Root() person: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context) {
    const steps = await ctx.loaders.neighbours(NodeKind.PERSON, { types: [EdgeType.WORKED_AT], direction: Direction.OUTGOING }, first).load(person.id);
    return steps.map(({ edge, node }) => ({
      organization: toGraphNode(node),
      as: typeof edge.properties.as === 'string' ? edge.properties.as : null,
      order: typeof edge.properties.order === 'number' ? edge.properties.order : null,
    }));
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by slug; null when none has it.' })
  organization(
    @Arg('slug', { description: 'e.g. `fynd`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphNodeValue | null> {
    return findBySlug(ctx, NodeKind.ORGANIZATION, slug, info);
  }

  @FieldResolver(() => [Person], { description: 'People who worked there (WORKED_AT).' })
  people(@Root() organization: GraphNodeValue, @Args() { first }: EdgeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadEdgeField(ctx, organization, first, info);
  }
}
