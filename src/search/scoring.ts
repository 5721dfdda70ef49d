import type MiniSearch from 'minisearch';

/**
 * The BM25 part of a search, as MiniSearch scores an OR query of several terms, without
 * MiniSearch's per-query cost: each term's postings (the documents that hold it, its BM25 score
 * in each with the field boosts, and whether it is in a field other than the body) are asked of
 * MiniSearch once, the first time a question has the term, and kept as typed arrays; a question
 * then adds them up in buffers reused from one question to the next.
 *
 * The sum is MiniSearch's: a document's score is the sum of its terms' weighted scores times the
 * number of the query's terms it holds (MiniSearch's "quality").
 */

/** One term in every document that holds it, in document order. */
interface Postings {
  docs: Int32Array;
  /** BM25 with the field boosts, term weight 1 (a query's weight multiplies it). */
  scores: Float64Array;
  /** 1 where the term is in a field other than the body. */
  short: Uint8Array;
}

/** The documents a query matched and, per document and query term, whether it holds the term and where. */
export interface Matches {
  /** The matched documents' ordinals, in the order they were first matched. */
  docs: Int32Array;
  count: number;
  /** MiniSearch's score, by document ordinal (valid for `docs` only). */
  score: Float64Array;
  /** Words of 32 bits per matched document (see bit, has). */
  width: number;
  /** By position in `docs`: the query terms the document holds, and those it holds in a field other than the body. */
  any: Uint32Array;
  short: Uint32Array;
  /** Position in `docs` by document ordinal (valid for `docs` only). */
  slot: Int32Array;
}

// Past this many postings kept (about 17 bytes each), the kept ones are dropped and made again when asked for.
const MAX_KEPT_POSTINGS = 1_000_000;

export class TermScorer {
  private readonly kept = new Map<string, Postings>();
  private keptPostings = 0;
  private readonly score: Float64Array;
  private readonly matchedTerms: Uint16Array;
  private readonly slot: Int32Array;
  private docs: Int32Array;
  private any = new Uint32Array(0);
  private short = new Uint32Array(0);
  private candidateAny = new Uint32Array(0);
  private candidateShort = new Uint32Array(0);

  constructor(
    private readonly miniSearch: MiniSearch,
    private readonly ordinalOf: ReadonlyMap<string, number>,
    /** The article number of each document, by ordinal. */
    readonly numbers: readonly string[],
    private readonly boost: Record<string, number>,
    private readonly bodyField: string,
  ) {
    const documents = ordinalOf.size;
    this.score = new Float64Array(documents);
    this.matchedTerms = new Uint16Array(documents);
    this.slot = new Int32Array(documents);
    this.docs = new Int32Array(documents);
  }

  /**
   * The documents holding any of the terms (distinct), scored as MiniSearch scores the OR query
   * of them with these term boosts. The result's buffers are reused by the next call.
   */
  match(terms: readonly string[], weights: Float64Array): Matches {
    const postings = terms.map((term) => this.postings(term));
    const width = Math.max(1, Math.ceil(terms.length / 32));
    let bound = 0;
    for (const list of postings) bound += list.docs.length;
    bound = Math.min(bound, this.docs.length);
    if (this.any.length < bound * width) {
      this.any = new Uint32Array(bound * width * 2);
      this.short = new Uint32Array(bound * width * 2);
    }
    this.any.fill(0, 0, bound * width);
    this.short.fill(0, 0, bound * width);
    const { score, matchedTerms, slot, docs, any, short } = this;
    let count = 0;
    for (let t = 0; t < postings.length; t++) {
      const { docs: termDocs, scores, short: termShort } = postings[t]!;
      const weight = weights[t]!;
      const word = t >> 5;
      const bit = 1 << (t & 31);
      for (let k = 0; k < termDocs.length; k++) {
        const doc = termDocs[k]!;
        if (matchedTerms[doc] === 0) {
          slot[doc] = count;
          docs[count++] = doc;
          score[doc] = 0;
        }
        matchedTerms[doc]!++;
        score[doc]! += weight * scores[k]!;
        const at = slot[doc]! * width + word;
        any[at]! |= bit;
        if (termShort[k]) short[at]! |= bit;
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      score[doc]! *= matchedTerms[doc]!;
      matchedTerms[doc] = 0;
    }
    return { docs, count, score, width, any, short, slot };
  }

  /**
   * Zeroed words for the articles a question's matches make (searchIndex.ts's Candidates): which
   * query terms each holds, and which in a field other than the body. Reused by the next question.
   */
  candidateBits(length: number): Uint32Array {
    if (this.candidateAny.length < length) this.candidateAny = new Uint32Array(length * 2);
    return this.candidateAny.fill(0, 0, length);
  }

  candidateShortBits(length: number): Uint32Array {
    if (this.candidateShort.length < length) this.candidateShort = new Uint32Array(length * 2);
    return this.candidateShort.fill(0, 0, length);
  }

  private postings(term: string): Postings {
    let found = this.kept.get(term);
    if (found) return found;
    const results = this.miniSearch.search(term, { boost: this.boost });
    const order = results.map((result) => this.ordinalOf.get(result.id as string)!);
    const byDoc = results.map((_, i) => i).sort((a, b) => order[a]! - order[b]!);
    const docs = new Int32Array(results.length);
    const scores = new Float64Array(results.length);
    const short = new Uint8Array(results.length);
    byDoc.forEach((i, k) => {
      const result = results[i]!;
      docs[k] = order[i]!;
      scores[k] = result.score;
      short[k] = (result.match[term] ?? []).some((field) => field !== this.bodyField) ? 1 : 0;
    });
    found = { docs, scores, short };
    if (this.keptPostings + results.length > MAX_KEPT_POSTINGS) {
      this.kept.clear();
      this.keptPostings = 0;
    }
    this.kept.set(term, found);
    this.keptPostings += results.length;
    return found;
  }
}

/** Whether bit `t` is set in the `width` words at `at`. */
export function has(bits: Uint32Array, at: number, t: number): boolean {
  return (bits[at + (t >> 5)]! & (1 << (t & 31))) !== 0;
}

/**
 * The `k` items of highest key (of those whose key is under `below`), best first, ties in the items' order: what sorting them all
 * and keeping the first `k` gives, without sorting the many that do not count.
 */
export function bestBy(items: ArrayLike<number>, keys: ArrayLike<number>, k: number, below = Infinity): number[] {
  const best: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const key = keys[item]!;
    if (key >= below) continue;
    let at = best.length;
    if (at === k) {
      if (key <= keys[best[k - 1]!]!) continue;
      at = k - 1;
    } else best.push(item);
    for (; at > 0 && keys[best[at - 1]!]! < key; at--) best[at] = best[at - 1]!;
    best[at] = item;
  }
  return best;
}
