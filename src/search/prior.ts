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

interface ReadPrior {
  documents: number;
  articles: number;
  df: ReadonlyMap<string, number>;
  presence: ReadonlyMap<string, Uint32Array>;
}

// Read once per process: the file ships with the code, and every index reads it (a start from
// the index cache makes two, one to check the index's shape and one to fill).
const readPriors = new Map<string, ReadPrior | null>();

function readPrior(file: string): ReadPrior | null {
  let data: PriorFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as PriorFile;
  } catch {
    // No prior: words weigh by the loaded knowledge base alone, as they did before it existed.
    return null;
  }
  const presence = new Map<string, Uint32Array>();
  for (const [term, gaps] of Object.entries(data.postings)) {
    const bits = new Uint32Array(wordsFor(data.articles));
    let ordinal = 0;
    for (const gap of gaps.split('.')) {
      ordinal += parseInt(gap, 36);
      bits[ordinal >> 5]! |= 1 << (ordinal & 31);
    }
    presence.set(term, bits);
  }
  return { documents: data.documents, articles: data.articles, df: new Map(Object.entries(data.df)), presence };
}

export class SearchPrior {
  // Reused for every call: a search runs this for each of its best ten hits.
  private readonly any: Uint32Array;
  private readonly all: Uint32Array;

  private constructor(
    /** Documents (articles in one language) of the corpus the prior was made from. */
    readonly documents: number,
    private readonly df: ReadonlyMap<string, number>,
    /** Which articles hold each term, one bit per article, 32 to a word. */
    private readonly presence: ReadonlyMap<string, Uint32Array>,
    articles: number,
  ) {
    this.any = new Uint32Array(wordsFor(articles));
    this.all = new Uint32Array(wordsFor(articles));
  }

  static fromFile(file: string = PRIOR_FILE): SearchPrior {
    let read = readPriors.get(file);
    if (read === undefined) readPriors.set(file, (read = readPrior(file)));
    // Each index its own: the instance keeps scratch buffers (any, all) for its searches.
    return read ? new SearchPrior(read.documents, read.df, read.presence, read.articles) : SearchPrior.empty();
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
    if (groups.length === 0) return undefined;
    // A group without terms has none the corpus knows.
    if (this.documents > 0 && groups.some((terms) => terms.length === 0)) return 0;
    const terms = groups.flat();
    let next = 0;
    const positions = groups.map((group) => group.map(() => next++));
    return this.countMatchingHeld(
      positions,
      terms.map((term) => this.presenceOf(term)),
      () => true,
    );
  }

  /** Which of the corpus's articles hold the term, for countMatchingHeld; undefined for a term it does not know. */
  presenceOf(term: string): Uint32Array | undefined {
    return this.presence.get(term);
  }

  /**
   * articlesMatchingAll over the groups (a question's words, as positions of its terms) of which
   * a hit holds a term, with only the terms it holds: `presence` is presenceOf by position (a
   * search looks them up once for its best ten hits). Undefined when it holds none.
   */
  countMatchingHeld(groups: ReadonlyArray<readonly number[]>, presence: ReadonlyArray<Uint32Array | undefined>, holds: (t: number) => boolean): number | undefined {
    if (this.documents === 0) return undefined;
    const { any, all } = this;
    all.fill(0xffffffff);
    let held = 0;
    for (const positions of groups) {
      let holdsAny = false;
      let known = false;
      for (const t of positions) {
        if (!holds(t)) continue;
        const bits = presence[t];
        if (!holdsAny) any.fill(0);
        holdsAny = true;
        if (!bits) continue;
        known = true;
        for (let i = 0; i < any.length; i++) any[i]! |= bits[i]!;
      }
      if (!holdsAny) continue;
      held++;
      if (!known) return 0;
      for (let i = 0; i < all.length; i++) all[i]! &= any[i]!;
    }
    if (held === 0) return undefined;
    let count = 0;
    for (const word of all) count += popcount(word);
    return count;
  }
}

function wordsFor(articles: number): number {
  return Math.ceil(articles / 32);
}

function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
