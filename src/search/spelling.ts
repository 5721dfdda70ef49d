import Fuse from 'fuse.js';

/**
 * Typo tolerance: the knowledge base's own words, not article text. A typo keeps the word's first
 * letter and changes its length by one at most (see isSlip), so the words a mistyped one may stand
 * for are those of its first letter and length, or one more or less: a few hundred at most, tested
 * for one slip of the fingers (two in a long word); fuse.js then scores the few that pass.
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
const FUSE_OPTIONS = { includeScore: true, threshold: MAX_FUSE_SCORE, ignoreLocation: true, isCaseSensitive: true };
const LONG_WORD = 9;
const SWAP_SIMILARITY = 0.85;
// Shorter words than this are corrected by one letter for another only between vowels (see isSlip).
const MIN_SUBSTITUTION_LENGTH = 7;
const VOWELS = 'aeiou';
const WORDS_PER_SLICE = 5000;

export class SpellingCorrector {
  /** Known words by length and first letter ("7w": workflow's neighbours). */
  private readonly byLengthAndFirst = new Map<string, string[]>();
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
    let count = 0;
    for (const word of words) {
      if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) continue;
      this.known.add(word);
      const key = `${word.length}${word[0]!}`;
      const bucket = this.byLengthAndFirst.get(key);
      if (bucket) bucket.push(word);
      else this.byLengthAndFirst.set(key, [word]);
      if (++count % WORDS_PER_SLICE === 0) yield;
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
    // Fuse's score lets "navidad" be "entidad" and "cena" be "hace": a typo is one slip of the
    // fingers (two in a long word), counted as edits, a swap of neighbours being one.
    const maxEdits = word.length >= LONG_WORD ? 2 : 1;
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      const close = (this.byLengthAndFirst.get(`${length}${word[0]!}`) ?? []).filter((known) => withinEdits(word, known, maxEdits) && isSlip(word, known));
      if (close.length === 0) continue;
      for (const result of new Fuse(close, FUSE_OPTIONS).search(word, { limit: MAX_SUGGESTIONS })) found.push({ word: result.item, similarity: 1 - (result.score ?? 1) });
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
 * is not "none"), two letters for two others is another word ("fidelizacion", "finalizacion")
 * unless they are neighbours swapped, and one letter for another in a short word is more often
 * another word ("carta" and "carga", "chat" and "char") than a slip, unless both are vowels.
 */
function isSlip(typed: string, known: string): boolean {
  if (typed[0] !== known[0]) return false;
  if (typed.length !== known.length) return true;
  let differences = 0;
  let at = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === known[i]) continue;
    differences++;
    at = i;
  }
  // Two letters for two others ("fidelizacion", "finalizacion") is another word, unless they are neighbours swapped.
  if (differences === 2) return typed[at] === known[at - 1] && typed[at - 1] === known[at];
  return differences !== 1 || typed.length >= MIN_SUBSTITUTION_LENGTH || (VOWELS.includes(typed[at]!) && VOWELS.includes(known[at]!));
}

// Rows of the edit distance table, reused: words are short.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Whether the optimal string alignment distance (insertions, deletions, substitutions and swaps
 * of neighbours, each 1) between the two words is at most `max`, stopping once a row is past it.
 */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (rows[0]!.length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length * 2));
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return false;
    const free = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = free;
  }
  return previous[b.length]! <= max;
}
