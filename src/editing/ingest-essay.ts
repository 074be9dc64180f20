import { EdgeOrigin, type EdgeType } from '../domain/edge-type';
import { ESSAY_LINKS, essayLinkTo, type EssayEdge, type EssayPlan, type EssayState, type IngestStore } from '../domain/essay-ingest';
import { makeNodeId, parseNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import type { EssayProperties } from '../domain/node-properties';
import { compareIds, compareKeys } from '../domain/compare-ids';
import { SUGGESTION_SIMILARITY, type MeaningAccess } from '../domain/meaning';
import { readNodesById, type GraphReader } from '../domain/repositories';
import { findMentions } from './mentions';
import { parseEssayMarkdown, type ParsedEssay } from './markdown-essay';

/** The rules named on the edges that accepted suggestions become: a name or alias in the body, or a section that means the same. */
export const MENTION_RULE = 'mention-in-body';
export const MEANING_RULE = 'meaning-of-section';
export const SUGGESTION_RULES: readonly string[] = [MENTION_RULE, MEANING_RULE];

/** Sections read for suggestions by meaning: an essay with more is read as far as this (each takes a run of the model). */
export const MAX_PASSAGES = 40;
/** Principles and concepts asked of the vector index per section. */
const NEAREST_PER_PASSAGE = 3;

export interface Suggestion {
  readonly type: EdgeType;
  readonly target: string;
  readonly label: string;
  /** MENTION_RULE: the words that matched (first occurrence). MEANING_RULE: the heading of the closest section ("the opening" before the first heading). */
  readonly matched: string;
  /** MENTION_RULE: how often it is mentioned. MEANING_RULE: how many sections are that close to it. */
  readonly occurrences: number;
  readonly rule: string;
  /** MEANING_RULE: the cosine similarity of the closest section; null for mentions. */
  readonly similarity: number | null;
  readonly accepted: boolean;
}

export interface IngestReport {
  readonly essay: string;
  readonly dryRun: boolean;
  readonly changed: boolean;
  readonly summary: string;
  readonly nodesCreated: readonly string[];
  readonly nodesUpdated: readonly string[];
  readonly edgesAdded: readonly EssayEdge[];
  readonly edgesRemoved: readonly Pick<EssayEdge, 'type' | 'target'>[];
  readonly suggestions: readonly Suggestion[];
  readonly warnings: readonly string[];
}

export interface IngestOptions {
  readonly dryRun: boolean;
  readonly acceptSuggestions: boolean;
  /** The sentence model and the stored vectors: without a model, suggestions come from mentions alone. */
  readonly meaning?: MeaningAccess;
}

/** The edge from an essay to a node of `kind`; the vocabulary and the front matter hold only kinds that have one. */
function essayEdgeTo(kind: NodeKind): EdgeType {
  const link = essayLinkTo(kind);
  if (!link) throw new Error(`Essays are not linked to ${kind} nodes by ingestion.`);
  return link.type;
}

/**
 * Ingests one Markdown essay: the named links as ASSERTED edges; as suggestions, the principles,
 * concepts and roles it mentions by name or alias, and the principles and concepts whose meaning
 * is closest to one of its sections (cosine ≥ SUGGESTION_SIMILARITY); accepted suggestions become
 * INFERRED edges naming their rule. Idempotent: the same text again changes nothing, and the
 * report says so. `dryRun` writes nothing and reports the same.
 */
export async function ingestEssay(reader: GraphReader, store: IngestStore, markdown: string, options: IngestOptions): Promise<IngestReport> {
  const parsed = parseEssayMarkdown(markdown);
  const id = makeNodeId(NodeKind.ESSAY, parsed.slug);
  const warnings: string[] = [];
  const named = await resolveNamed(reader, parsed, id, warnings);
  const namedTargets = new Set(named.map((edge) => edge.target));
  const suggestions: Suggestion[] = findMentions(parsed.prose, await store.readVocabulary())
    .filter((mention) => !namedTargets.has(mention.entry.id))
    .map((mention) => ({
      type: essayEdgeTo(mention.entry.kind),
      target: mention.entry.id,
      label: mention.entry.label,
      matched: mention.matched,
      occurrences: mention.occurrences,
      rule: MENTION_RULE,
      similarity: null,
      accepted: options.acceptSuggestions,
    }));
  if (options.meaning?.embedder) {
    const taken = new Set([...namedTargets, ...suggestions.map((suggestion) => suggestion.target)]);
    const byMeaning = await suggestByMeaning(parsed, options.meaning, reader, options.acceptSuggestions);
    suggestions.push(...byMeaning.filter((suggestion) => !taken.has(suggestion.target)));
  }
  // Edges of a rule that did not run this time (meaning, without a model) are left as they are.
  const rules = options.meaning?.embedder ? SUGGESTION_RULES : [MENTION_RULE];
  const plan = await store.applyEssay(
    id,
    (current) => planEssay(id, parsed, current, named, options.acceptSuggestions ? suggestions : null, rules),
    !options.dryRun,
  );
  return report(plan, options.dryRun, suggestions, warnings);
}

/**
 * The principles and concepts whose vectors are nearest a section's text, at SUGGESTION_SIMILARITY
 * or closer, each once (at its closest section), closest first, ties by id.
 */
async function suggestByMeaning(parsed: ParsedEssay, meaning: MeaningAccess, reader: GraphReader, accepted: boolean): Promise<Suggestion[]> {
  const embedder = meaning.embedder!;
  const passages = parsed.passages.slice(0, MAX_PASSAGES);
  const close = new Map<string, { similarity: number; heading: string | null; sections: number }>();
  for (const passage of passages) {
    const [vector] = await embedder.embed([passage.text]);
    const nearest = await meaning.search.findNearest(vector!, embedder.model, SUGGESTED_KINDS, NEAREST_PER_PASSAGE);
    for (const match of nearest.filter((found) => found.similarity >= SUGGESTION_SIMILARITY)) {
      const seen = close.get(match.id);
      const closest = seen && seen.similarity >= match.similarity ? seen : { similarity: match.similarity, heading: passage.heading };
      close.set(match.id, { similarity: closest.similarity, heading: closest.heading, sections: (seen?.sections ?? 0) + 1 });
    }
  }
  const ids = [...close.keys()].sort((a, b) => close.get(b)!.similarity - close.get(a)!.similarity || compareIds(a, b));
  const nodes = await readNodesById(reader, ids);
  return ids.flatMap((id) => {
    const node = nodes.get(id);
    const found = close.get(id)!;
    if (!node) return [];
    return [
      {
        type: essayEdgeTo(node.kind),
        target: id,
        label: node.label,
        matched: found.heading ?? 'the opening',
        occurrences: found.sections,
        rule: MEANING_RULE,
        similarity: Math.round(found.similarity * 1e4) / 1e4,
        accepted,
      },
    ];
  });
}

const SUGGESTED_KINDS = [NodeKind.PRINCIPLE, NodeKind.CONCEPT];

/** The front matter's names as edges to nodes that exist; the rest become warnings. */
async function resolveNamed(reader: GraphReader, parsed: ParsedEssay, self: string, warnings: string[]): Promise<EssayEdge[]> {
  const wanted = ESSAY_LINKS.flatMap(({ field, kind }) =>
    parsed.named[field].map((reference) => ({ field, kind, id: reference.includes(':') ? reference : makeNodeId(kind, reference) })),
  );
  const valid = wanted.filter(({ field, kind, id }) => {
    const parsedId = parseNodeId(id);
    if (parsedId?.kind === kind && id !== self) return true;
    warnings.push(`"${id}" in ${field} is not ${id === self ? 'another essay' : `a ${kind.toLowerCase()} id or slug`}; skipped.`);
    return false;
  });
  const found = await reader.findNodes(valid.map(({ id }) => id));
  const edges = new Map<string, EssayEdge>();
  valid.forEach(({ field, kind, id }, index) => {
    if (!found[index]) warnings.push(`${field} names ${id}, which does not exist; no edge was made.`);
    else edges.set(id, { type: essayEdgeTo(kind), target: id, origin: EdgeOrigin.ASSERTED, weight: 1, note: null });
  });
  return [...edges.values()];
}

/** The difference between what the graph holds and what the text says. Pure. */
export function planEssay(
  id: string,
  parsed: ParsedEssay,
  current: EssayState | null,
  named: readonly EssayEdge[],
  accepted: readonly Suggestion[] | null,
  /** The suggestion rules that ran: when accepting, their edges the text no longer suggests are removed. */
  rules: readonly string[] = SUGGESTION_RULES,
): EssayPlan {
  const properties = {
    title: parsed.title,
    summary: parsed.summary,
    publishedAt: parsed.publishedAt,
    url: parsed.url,
    body: parsed.body,
    sections: [...parsed.sections],
  } satisfies EssayProperties;
  const node = current === null ? 'created' : sameProperties(current.properties, properties) ? 'unchanged' : 'updated';
  const inferred = (accepted ?? []).map((suggestion): EssayEdge => ({
    type: suggestion.type,
    target: suggestion.target,
    origin: EdgeOrigin.INFERRED,
    weight: 0.5,
    note:
      suggestion.rule === MEANING_RULE
        ? `rule ${MEANING_RULE}: "${suggestion.matched}" (similarity ${suggestion.similarity?.toFixed(2)})`
        : `rule ${MENTION_RULE}: mentions "${suggestion.matched}"`,
  }));
  const desired = new Map([...inferred, ...named].map((edge) => [key(edge), edge]));
  const existing = new Map((current?.edges ?? []).map((edge) => [key(edge), edge]));
  const add = [...desired.values()].filter((edge) => {
    const now = existing.get(key(edge));
    return !now || now.origin !== edge.origin || now.note !== edge.note || now.weight !== edge.weight;
  });
  const remove = [...existing.values()]
    .filter((edge) => !desired.has(key(edge)))
    .filter((edge) => edge.origin === EdgeOrigin.ASSERTED || (accepted !== null && rules.some((rule) => (edge.note ?? '').startsWith(`rule ${rule}`))))
    .map(({ type, target }) => ({ type, target }));
  return { id, slug: parsed.slug, properties, node, add: sortEdges(add), remove: sortEdges(remove) };
}

function report(plan: EssayPlan, dryRun: boolean, suggestions: readonly Suggestion[], warnings: readonly string[]): IngestReport {
  const changed = plan.node !== 'unchanged' || plan.add.length > 0 || plan.remove.length > 0;
  const verb = dryRun ? 'would' : 'did';
  const summary = changed
    ? `${plan.id}: ${dryRun ? 'would be ' : ''}${plan.node === 'unchanged' ? 'kept' : plan.node}, ` +
      `${plan.add.length} edge(s) ${dryRun ? 'to add' : 'added'}, ${plan.remove.length} ${dryRun ? 'to remove' : 'removed'}.`
    : `${plan.id}: already up to date; ingesting ${verb} not change anything.`;
  return {
    essay: plan.id,
    dryRun,
    changed,
    summary,
    nodesCreated: plan.node === 'created' ? [plan.id] : [],
    nodesUpdated: plan.node === 'updated' ? [plan.id] : [],
    edgesAdded: plan.add,
    edgesRemoved: plan.remove,
    suggestions,
    warnings,
  };
}

const key = (edge: Pick<EssayEdge, 'type' | 'target'>): string => `${edge.type}|${edge.target}`;
const sortEdges = <T extends Pick<EssayEdge, 'type' | 'target'>>(edges: T[]): T[] => edges.sort((a, b) => compareKeys(key(a), key(b)));

function sameProperties(current: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(next).every(([name, value]) => JSON.stringify(current[name] ?? null) === JSON.stringify(value));
}
