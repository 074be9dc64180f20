import { compareIds } from '../domain/compare-ids';
import type { VocabularyEntry } from '../domain/essay-ingest';

export interface Mention {
  readonly entry: VocabularyEntry;
  /** The text as it appears, first occurrence. */
  readonly matched: string;
  readonly occurrences: number;
}

/** Shorter names match too much ordinary text to suggest links from. */
const MIN_NAME_LENGTH = 4;

/**
 * Known names and aliases mentioned in `prose`: case-insensitive, whole words only (a name
 * inside a longer word does not count). Sorted by occurrences, then id.
 */
export function findMentions(prose: string, vocabulary: readonly VocabularyEntry[]): Mention[] {
  const mentions: Mention[] = [];
  for (const entry of vocabulary) {
    let matched: string | null = null;
    let occurrences = 0;
    for (const name of new Set(entry.names.map((n) => n.trim()).filter((n) => n.length >= MIN_NAME_LENGTH))) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
      for (const match of prose.matchAll(pattern)) {
        matched ??= match[0];
        occurrences += 1;
      }
    }
    if (matched !== null) mentions.push({ entry, matched, occurrences });
  }
  return mentions.sort((a, b) => b.occurrences - a.occurrences || compareIds(a.entry.id, b.entry.id));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
