import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../kb/paths';

/**
 * What a knowledge base of typical size says about words, whatever the size of the one loaded:
 * kb/search/prior.json, generated from the shared corpus by `npm run kb:lexicon` (src/cli/kbLexicon.ts).
 *
 * - How common each index term is, so that on kb/'s two articles "error" and "workflow" weigh as
 *   the common words they are, not as if they were rare (`share`).
 * - Which of the corpus's articles hold each term, so that the search can tell how many articles
 *   of a typical knowledge base would match a question as well as its best one does
 *   (`articlesMatchingAll`): "restart the server" matches several articles there, so KA-05406
 *   matching it on a two-article KB says little.
 */

const PRIOR_FILE = path.join(REPOSITORY_ROOT, 'kb', 'search', 'prior.json');

interface PriorFile {
  documents: number;
  articles: number;
  df: Record<string, number>;
  postings: Record<string, string>;
}

export class SearchPrior {
  private readonly bytes: number;
  // Reused for every call: a search runs this for each of its best ten hits.
  private readonly any: Uint8Array;
  private readonly all: Uint8Array;

  private constructor(
    /** Documents (articles in one language) of the corpus the prior was made from. */
    readonly documents: number,
    private readonly df: ReadonlyMap<string, number>,
    private readonly presence: ReadonlyMap<string, Uint8Array>,
    articles: number,
  ) {
    this.bytes = Math.ceil(articles / 8);
    this.any = new Uint8Array(this.bytes);
    this.all = new Uint8Array(this.bytes);
  }

  static fromFile(file: string = PRIOR_FILE): SearchPrior {
    let data: PriorFile;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as PriorFile;
    } catch {
      // No prior: words weigh by the loaded knowledge base alone, as they did before it existed.
      return SearchPrior.empty();
    }
    const bytes = Math.ceil(data.articles / 8);
    const presence = new Map<string, Uint8Array>();
    for (const [term, gaps] of Object.entries(data.postings)) {
      const bits = new Uint8Array(bytes);
      let ordinal = 0;
      for (const gap of gaps.split('.')) {
        ordinal += parseInt(gap, 36);
        bits[ordinal >> 3]! |= 1 << (ordinal & 7);
      }
      presence.set(term, bits);
    }
    return new SearchPrior(data.documents, new Map(Object.entries(data.df)), presence, data.articles);
  }

  static empty(): SearchPrior {
    return new SearchPrior(0, new Map(), new Map(), 0);
  }

  /** Share of the corpus's documents that hold the term; 0 for a term it has once or never. */
  share(term: string): number {
    return this.documents ? (this.df.get(term) ?? 0) / this.documents : 0;
  }

  /**
   * How many of the corpus's articles hold, for every group, at least one of its terms; 0 when a
   * group has no term the corpus knows (a word of the loaded KB only is as specific as can be),
   * undefined without a prior.
   */
  articlesMatchingAll(groups: ReadonlyArray<readonly string[]>): number | undefined {
    if (this.documents === 0 || groups.length === 0) return undefined;
    const { any, all } = this;
    all.fill(255);
    for (const terms of groups) {
      any.fill(0);
      let known = false;
      for (const term of terms) {
        const bits = this.presence.get(term);
        if (!bits) continue;
        known = true;
        for (let i = 0; i < any.length; i++) any[i]! |= bits[i]!;
      }
      if (!known) return 0;
      for (let i = 0; i < all.length; i++) all[i]! &= any[i]!;
    }
    let count = 0;
    for (const byte of all) count += POPCOUNT[byte]!;
    return count;
  }
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, byte) => {
  let bits = 0;
  for (let b = byte; b; b >>= 1) bits += b & 1;
  return bits;
});
