import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EdgeOrigin } from '../domain/edge-type';
import { NotFoundError } from '../domain/errors';
import type { EditableKind } from '../domain/graph-writes';
import { requireNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import { ingestEssay } from '../editing/ingest-essay';
import { MAX_MARKDOWN_BYTES } from '../editing/markdown-essay';
import type { Context } from './context';
import { IngestReport } from './ingest.types';
import { toGraphEdge, toGraphNode } from './graph-node.type';
import { LinkInput, UnlinkInput } from './link.input';
import { DeleteResult, LinkResult, UnlinkResult, UpsertResult } from './mutation.types';
import { ConceptInput, EssayInput, PrincipleInput, RoleInput } from './node.input';

/** Mutations: each needs an editor token and runs in one transaction that commits whole or not at all. */
@Resolver()
export class MutationResolver {
  @Authorized()
  @Mutation(() => UpsertResult, { description: 'Creates or updates an essay by slug.' })
  upsertEssay(@Arg('input', () => EssayInput, { description: 'The essay.' }) input: EssayInput, @Ctx() ctx: Context) {
    return upsert(ctx, NodeKind.ESSAY, input);
  }

  @Authorized()
  @Mutation(() => UpsertResult, { description: 'Creates or updates a principle by slug.' })
  upsertPrinciple(@Arg('input', () => PrincipleInput, { description: 'The principle.' }) input: PrincipleInput, @Ctx() ctx: Context) {
    return upsert(ctx, NodeKind.PRINCIPLE, input);
  }

  @Authorized()
  @Mutation(() => UpsertResult, { description: 'Creates or updates a role by slug.' })
  upsertRole(@Arg('input', () => RoleInput, { description: 'The role.' }) input: RoleInput, @Ctx() ctx: Context) {
    return upsert(ctx, NodeKind.ROLE, input);
  }

  @Authorized()
  @Mutation(() => UpsertResult, { description: 'Creates or updates a concept by slug.' })
  upsertConcept(@Arg('input', () => ConceptInput, { description: 'The concept.' }) input: ConceptInput, @Ctx() ctx: Context) {
    return upsert(ctx, NodeKind.CONCEPT, input);
  }

  @Authorized()
  @Mutation(() => LinkResult, {
    description: 'Links two nodes with a typed edge (ASSERTED); the kinds must fit the type. Linking again updates weight and note.',
  })
  async link(@Arg('input', () => LinkInput, { description: 'The edge.' }) input: LinkInput, @Ctx() ctx: Context): Promise<LinkResult> {
    requireNodeId(input.from, 'input.from');
    requireNodeId(input.to, 'input.to');
    const { edge, target, created } = await ctx.writer.link({ ...input, note: input.note ?? null, origin: EdgeOrigin.ASSERTED });
    return { edge: toGraphEdge(edge, edge.source, target), created };
  }

  @Authorized()
  @Mutation(() => UnlinkResult, { description: 'Removes a typed edge between two nodes.' })
  async unlink(@Arg('input', () => UnlinkInput, { description: 'The edge.' }) input: UnlinkInput, @Ctx() ctx: Context): Promise<UnlinkResult> {
    requireNodeId(input.from, 'input.from');
    requireNodeId(input.to, 'input.to');
    const removed = await ctx.writer.unlink(input.from, input.type, input.to);
    return { removed };
  }

  @Authorized()
  @Mutation(() => IngestReport, {
    description:
      'Ingests an essay written in Markdown with YAML front matter (title, slug, date, url, summary, principles, ' +
      'concepts, roles, related). Named links become ASSERTED edges; mentions of known names become suggestions, ' +
      `written as INFERRED edges only with acceptSuggestions. Idempotent; dryRun writes nothing. At most ${MAX_MARKDOWN_BYTES / 1_000_000} MB.`,
  })
  async ingestEssay(
    @Arg('markdown', { description: 'The essay: front matter, then Markdown.' }) markdown: string,
    @Arg('dryRun', { defaultValue: false, description: 'Report what would change without writing.' }) dryRun: boolean,
    @Arg('acceptSuggestions', { defaultValue: false, description: 'Also write the suggested links (INFERRED).' }) acceptSuggestions: boolean,
    @Ctx() ctx: Context,
  ): Promise<IngestReport> {
    const report = await ingestEssay(ctx.reader, ctx.ingest, markdown, { dryRun, acceptSuggestions, meaning: ctx.meaning });

    return {
      ...report,
      nodesCreated: [...report.nodesCreated],
      nodesUpdated: [...report.nodesUpdated],
      edgesAdded: [...report.edgesAdded],
      edgesRemoved: report.edgesRemoved.map(({ type, target }) => ({ type, target, origin: null, note: null })),
      suggestions: [...report.suggestions],
      warnings: [...report.warnings],
    };
  }

  @Authorized()
  @Mutation(() => DeleteResult, { description: 'Deletes a node and every edge at it.' })
  async deleteNode(@Arg('id', () => ID, { description: 'The node’s id.' }) id: string, @Ctx() ctx: Context): Promise<DeleteResult> {
    requireNodeId(id, 'id');
    const edgesRemoved = await ctx.writer.deleteNode(id);
    if (edgesRemoved === null) throw new NotFoundError('id', id);
    return { id, edgesRemoved };
  }
}

async function upsert(ctx: Context, kind: EditableKind, input: { slug: string }): Promise<UpsertResult> {
  const { slug, ...fields } = input;
  // Left out: leave as is. Null: remove. (GraphQL gives undefined for the first.)
  const properties = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const { node, created } = await ctx.writer.upsertNode(kind, slug, properties);
  return { node: toGraphNode(node), created };
}
