import type MiniSearch from 'minisearch';
import { indexData, type IndexData } from './miniSearchData';

/**
 * The BM25 part of a search, as MiniSearch scores an OR query of several terms, without
 * MiniSearch's per-query cost: each term's postings (the documents that hold it, its BM25 score
 * in each with the field boosts, and whether it is in a field other than the body) are asked of
 * MiniSearch once, the first time a question has the term, and kept as typed arrays; a question
 * then adds them up in buffers reused from one question to the next.
 *
 * The sum is MiniSearch's: a document's score is the sum of its terms' weighted scores times the
 * number of the query's terms it holds (MiniSearch's "quality").
 *
 * A term's postings are read from MiniSearch's own index (the term frequencies and field lengths
 * it keeps for subclasses, as protected fields: miniSearchData.ts) and scored with its BM25
 * formula and parameters: the same figures as `search(term)`, bit for bit (test/search/
 * scoring.test.ts compares every term of the corpus), without the result object per document
 * and the sort by score that `search` makes. A term in thousands of articles, met for the first
 * time, cost a 10k KB's search several milliseconds that way.
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

/** MiniSearch's BM25+ parameters, its defaults (SearchOptions.bm25), which the index's searches use. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * MiniSearch's calcBM25Score in two parts, with its order of operations (so the same
 * floating-point result): the inverse document frequency, the same for a term's every document
 * in a field, and the score.
 */
function inverseDocumentFrequency(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

function bm25(invDocFreq: number, termFreq: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

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
  private readonly data: IndexData | undefined;
  private ordinalByShortId: Int32Array | undefined;
  private lengthsByField: Float64Array[] | undefined;

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
    this.data = indexData(miniSearch);
  }

  /**
   * The documents holding any of the terms (distinct), scored as MiniSearch scores the OR query
   * of them with these term boosts. The result's buffers are reused by the next call.
   * `bits` says which bit marks each term in `any` and `short`, and how many bits there are: a
   * question's terms keep their place in it when only some of them are queried (searchIndex.ts).
   */
  match(terms: readonly string[], weights: Float64Array, bits: { of: ArrayLike<number>; count: number } = { of: terms.map((_, t) => t), count: terms.length }): Matches {
    const postings = terms.map((term) => this.postings(term));
    const width = Math.max(1, Math.ceil(bits.count / 32));
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
      const position = bits.of[t]!;
      const word = position >> 5;
      const bit = 1 << (position & 31);
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
  candidateBits(length: number): { any: Uint32Array; short: Uint32Array } {
    if (this.candidateAny.length < length) {
      this.candidateAny = new Uint32Array(length * 2);
      this.candidateShort = new Uint32Array(length * 2);
    }
    return { any: this.candidateAny.fill(0, 0, length), short: this.candidateShort.fill(0, 0, length) };
  }

  /** The ordinals of the documents that hold the term, in any field (not kept: see postings). */
  documentsWith(term: string): Int32Array {
    return this.made(term).docs;
  }

  private postings(term: string): Postings {
    let found = this.kept.get(term);
    if (found) return found;
    found = this.made(term);
    if (this.keptPostings + found.docs.length > MAX_KEPT_POSTINGS) {
      this.kept.clear();
      this.keptPostings = 0;
    }
    this.kept.set(term, found);
    this.keptPostings += found.docs.length;
    return found;
  }

  /** A term's postings made now: from MiniSearch's own index where it is of the known shape, else from its search. */
  private made(term: string): Postings {
    return this.data ? this.postingsFromIndex(this.data, term) : this.postingsFromSearch(term);
  }

  /** What MiniSearch's termResults adds up for a one-term query: field by field, in the index's order of fields (its sum's order). */
  private postingsFromIndex(data: IndexData, term: string): Postings {
    const fieldData = data._index.get(term);
    if (!fieldData) return { docs: new Int32Array(0), scores: new Float64Array(0), short: new Uint8Array(0) };
    const ordinals = this.ordinalsOf(data);
    const lengths = this.fieldLengthsOf(data);
    const { score, matchedTerms } = this;
    let count = 0;
    for (const [field, fieldId] of Object.entries(data._fieldIds)) {
      // MiniSearch's own rule: a field without a boost (or with 0) counts once.
      const boost = this.boost[field] || 1;
      const freqs = fieldData.get(fieldId);
      if (!freqs) continue;
      const avgFieldLength = data._avgFieldLength[fieldId]!;
      const fieldLength = lengths[fieldId]!;
      const invDocFreq = inverseDocumentFrequency(freqs.size, data._documentCount);
      const isShort = field !== this.bodyField;
      for (const [shortId, termFreq] of freqs) {
        const doc = ordinals[shortId]!;
        const weighted = boost * bm25(invDocFreq, termFreq, fieldLength[shortId]!, avgFieldLength);
        // matchedTerms is free between match() calls: here 1 marks a document seen, 3 one also seen in a short field.
        if (matchedTerms[doc] === 0) {
          this.docs[count++] = doc;
          score[doc] = weighted;
          matchedTerms[doc] = 1;
        } else score[doc]! += weighted;
        if (isShort) matchedTerms[doc]! |= 2;
      }
    }
    const docs = this.docs.slice(0, count).sort();
    const scores = new Float64Array(count);
    const short = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      const doc = docs[k]!;
      scores[k] = score[doc]!;
      short[k] = matchedTerms[doc]! >> 1;
      matchedTerms[doc] = 0;
    }
    return { docs, scores, short };
  }

  /** MiniSearch's short document ids by ordinal, made once (the index does not change once searched). */
  private ordinalsOf(data: IndexData): Int32Array {
    if (!this.ordinalByShortId) {
      let last = 0;
      for (const shortId of data._documentIds.keys()) last = Math.max(last, shortId);
      this.ordinalByShortId = new Int32Array(last + 1);
      for (const [shortId, id] of data._documentIds) this.ordinalByShortId[shortId] = this.ordinalOf.get(id as string)!;
    }
    return this.ordinalByShortId;
  }

  /** Each field's lengths by short document id, made once (MiniSearch keeps them per document, in a Map). */
  private fieldLengthsOf(data: IndexData): Float64Array[] {
    if (!this.lengthsByField) {
      const size = this.ordinalsOf(data).length;
      const fieldCount = Math.max(-1, ...Object.values(data._fieldIds)) + 1;
      this.lengthsByField = Array.from({ length: fieldCount }, () => new Float64Array(size));
      for (const [shortId, lengths] of data._fieldLength) lengths.forEach((length, fieldId) => (this.lengthsByField![fieldId]![shortId] = length));
    }
    return this.lengthsByField;
  }

  private postingsFromSearch(term: string): Postings {
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
    return { docs, scores, short };
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
