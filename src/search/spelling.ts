import Fuse from 'fuse.js';

/**
 * Typo tolerance: fuse.js over the knowledge base's own words, not over article text.
 * Matching a mistyped word against a few thousand short strings of similar length costs a
 * fraction of a millisecond, where fuzzy-matching whole articles costs a hundred.
 */

export interface Correction {
  word: string;
  /** 1 for an exact word, less the further the correction is from what was typed. */
  similarity: number;
}

const MIN_WORD_LENGTH = 4;
const MAX_SUGGESTIONS = 3;
// Fuse's score is 0 for a perfect match, 1 for none; past this it is another word, not a typo.
const MAX_FUSE_SCORE = 0.3;
const LONG_WORD = 9;
const SWAP_SIMILARITY = 0.85;
// Shorter words than this are corrected by one letter for another only between vowels (see isSlip).
const MIN_SUBSTITUTION_LENGTH = 7;
const VOWELS = 'aeiou';

export class SpellingCorrector {
  // One small fuse.js collection per word length: a typo changes the length by one or two at most.
  private readonly byLength = new Map<number, Fuse<string>>();
  private readonly cache = new Map<string, Correction[]>();
  private readonly known = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const _ of this.indexWords(words));
  }

  /** The same corrector built step by step: each `yield` is a point where the work may pause (see runInSlices). */
  static *building(words: Iterable<string>): Generator<void, SpellingCorrector> {
    const corrector = new SpellingCorrector([]);
    yield* corrector.indexWords(words);
    return corrector;
  }

  private *indexWords(words: Iterable<string>): Generator<void, void> {
    const buckets = new Map<number, string[]>();
    for (const word of words) {
      if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) continue;
      this.known.add(word);
      const bucket = buckets.get(word.length) ?? [];
      bucket.push(word);
      buckets.set(word.length, bucket);
    }
    yield;
    // Fuse indexes a list in one go; a bucket of one word length is a few milliseconds of it.
    for (const [length, bucket] of buckets) {
      this.byLength.set(length, new Fuse(bucket, { includeScore: true, threshold: MAX_FUSE_SCORE, ignoreLocation: true, isCaseSensitive: true }));
      yield;
    }
  }

  /** Known words that the given unknown word is probably a typo of, closest first. */
  suggest(word: string): Correction[] {
    if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;

    const found: Correction[] = [];
    // Two letters swapped ("emtpy", "retrun") is the commonest slip, and the one fuse.js scores worst.
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
      if (swapped !== word && this.known.has(swapped)) found.push({ word: swapped, similarity: SWAP_SIMILARITY });
    }
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const result of this.byLength.get(length)?.search(word, { limit: MAX_SUGGESTIONS }) ?? []) {
        // Fuse's score lets "navidad" be "entidad" and "cena" be "hace": a typo is one slip of
        // the fingers (two in a long word), counted as edits, a swap of neighbours being one.
        if (editDistance(word, result.item) > (word.length >= LONG_WORD ? 2 : 1) || !isSlip(word, result.item)) continue;
        found.push({ word: result.item, similarity: 1 - (result.score ?? 1) });
      }
    }
    found.sort((a, b) => b.similarity - a.similarity);
    const suggestions = found.filter((item, i) => found.findIndex((other) => other.word === item.word) === i).slice(0, MAX_SUGGESTIONS);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, suggestions);
    return suggestions;
  }
}

/**
 * Whether a known word close to a typed one is what the typist meant rather than another word
 * they typed on purpose: a word's first letter is rarely mistyped ("alta" is not "falta", "gone"
 * is not "none"), and one letter for another in a short word is more often another word ("carta"
 * and "carga", "chat" and "char") than a slip, unless both are vowels ("operater").
 */
function isSlip(typed: string, known: string): boolean {
  if (typed[0] !== known[0]) return false;
  if (typed.length !== known.length || typed.length >= MIN_SUBSTITUTION_LENGTH) return true;
  let differences = 0;
  let at = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === known[i]) continue;
    differences++;
    at = i;
  }
  return differences !== 1 || (VOWELS.includes(typed[at]!) && VOWELS.includes(known[at]!));
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, each 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
