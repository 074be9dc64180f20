import { BadUserInputError } from './errors';
import { type NodeKind, NODE_KINDS, idPrefixOf } from './node-kind';

/** Lower-case words joined by single hyphens: `culture-emerges-from-structure`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 120;

export interface ParsedNodeId {
  readonly kind: NodeKind;
  readonly slug: string;
}

const KIND_BY_PREFIX = new Map(NODE_KINDS.map((kind) => [idPrefixOf(kind), kind]));

/** `principle` + `culture-emerges-from-structure` → `principle:culture-emerges-from-structure`. */
export function makeNodeId(kind: NodeKind, slug: string): string {
  return `${idPrefixOf(kind)}:${slug}`;
}

/** The kind and slug of a well-formed id, or null for anything else. */
export function parseNodeId(id: string): ParsedNodeId | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = KIND_BY_PREFIX.get(id.slice(0, colon));
  const slug = id.slice(colon + 1);
  if (!kind || !isSlug(slug)) return null;
  return { kind, slug };
}

/** Like parseNodeId, but a malformed id is the client's error, reported against `field`. */
export function requireNodeId(id: string, field: string): ParsedNodeId {
  const parsed = parseNodeId(id);
  if (!parsed) {
    throw new BadUserInputError(
      field,
      `"${truncate(id)}" is not a node id; ids look like "principle:culture-emerges-from-structure" ` +
        `(kind one of ${NODE_KINDS.map(idPrefixOf).join(', ')}).`,
    );
  }
  return parsed;
}

export function isSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
