import seedrandom from 'seedrandom';
import { NodeKind } from '../../../src/domain/node-kind';
import type { NodeWords } from '../../../src/domain/topology';
import { WORD_FIELDS } from '../../../src/domain/word-relevance';
import { TextIndexBuilder, type TextIndex } from '../../../src/projection/text-index';

/*
 * A text index caught up from the change log must match as one built from a whole read at the
 * same state: random texts, random edits, creations and deletions, every node's matches compared.
 */
const KINDS = [NodeKind.ESSAY, NodeKind.PRINCIPLE, NodeKind.CONCEPT];
const VOCABULARY = 'structure culture teams growth systems leadership hiring product engineering design trust ownership'.split(' ');

function randomText(random: () => number, words: number): string {
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!).join(' ');
}

function randomWords(random: () => number): NodeWords {
  const fields = WORD_FIELDS.map((field) => {
    if (random() < 0.3) return null;
    if (field === 'aliases') return [randomText(random, 1), randomText(random, 2)];
    return randomText(random, 1 + Math.floor(random() * (field === 'summary' || field === 'body' ? 40 : 4)));
  });
  return { fields };
}

type World = Map<string, { kind: NodeKind; words: NodeWords }>;

function build(world: World): TextIndex {
  const builder = new TextIndexBuilder();
  for (const [id, node] of [...world].sort(([a], [b]) => (a < b ? -1 : 1))) builder.add(id, node.kind, node.words);
  return builder.build();
}

function everyMatch(index: TextIndex, world: World) {
  return [...world].map(([id, node]) => ({ id, matches: index.match(id, node.kind, 7) }));
}

describe('TextIndex', () => {
  it('matches after a catch-up exactly as a whole build at the same state does', async () => {
    const random = seedrandom('text-index');
    for (let round = 0; round < 12; round++) {
      const world: World = new Map();
      for (let n = 0; n < 40; n++) world.set(`${KINDS[n % 3]!.toLowerCase()}:n-${n}`, { kind: KINDS[n % 3]!, words: randomWords(random) });
      let held = build(world);
      for (let step = 0; step < 4; step++) {
        const touched: string[] = [];
        for (const id of [...world.keys()]) {
          const roll = random();
          if (roll < 0.1) world.delete(id);
          else if (roll < 0.25) world.set(id, { kind: world.get(id)!.kind, words: randomWords(random) });
          else continue;
          touched.push(id);
        }
        for (let n = 0; n < 3; n++) {
          const id = `essay:new-${round}-${step}-${n}`;
          world.set(id, { kind: NodeKind.ESSAY, words: randomWords(random) });
          touched.push(id);
        }
        const rows = touched.filter((id) => world.has(id)).map((id) => ({ id, ...world.get(id)! }));
        held = await held.withChanges(touched, rows);
        expect(everyMatch(held, world)).toEqual(everyMatch(build(world), world));
      }
      expect(held.documents).toBe(world.size);
    }
  });

  it('reclaims the slots of changed documents: many catch-ups later it still matches as a whole build, in bounded room', async () => {
    const random = seedrandom('text-index-compaction');
    const world: World = new Map();
    for (let n = 0; n < 60; n++) world.set(`essay:n-${n}`, { kind: NodeKind.ESSAY, words: randomWords(random) });
    let held = build(world);
    let compactions = 0;
    for (let round = 0; round < 40; round++) {
      for (const id of world.keys()) world.set(id, { kind: NodeKind.ESSAY, words: randomWords(random) });
      const touched = [...world.keys()];
      const before = held.slots;
      held = await held.withChanges(
        touched,
        touched.map((id) => ({ id, ...world.get(id)! })),
      );
      if (held.slots < before) compactions += 1;
      // Never more than the live documents, the tolerated dead ones and one round's changes.
      expect(held.slots).toBeLessThanOrEqual(world.size + 1024 + world.size);
      if (round % 8 === 7) expect(everyMatch(held, world)).toEqual(everyMatch(build(world), world));
    }
    expect(compactions).toBeGreaterThan(0);
    expect(everyMatch(held, world)).toEqual(everyMatch(build(world), world));
  });

  it('answers null for a node it does not hold, and nothing for a node without words', () => {
    const builder = new TextIndexBuilder();
    builder.add('essay:a', NodeKind.ESSAY, { fields: WORD_FIELDS.map((field) => (field === 'summary' ? 'structure shapes culture' : null)) });
    builder.add('essay:b', NodeKind.ESSAY, undefined);
    builder.add('principle:c', NodeKind.PRINCIPLE, {
      fields: WORD_FIELDS.map((field) => (field === 'summary' ? 'structure shapes culture' : null)),
    });
    const index = builder.build();
    expect(index.match('essay:missing', NodeKind.ESSAY, 5)).toBeNull();
    expect(index.match('essay:b', NodeKind.ESSAY, 5)).toEqual([]);
    // Only nodes of the asked kind: the principle with the same text is not among the essay's matches.
    expect(index.match('essay:a', NodeKind.ESSAY, 5)!.map((match) => match.id)).toEqual(['essay:a']);
  });
});
