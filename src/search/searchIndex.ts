import MiniSearch from 'minisearch';
import { runAtOnce, runInSlices } from '../kb/slices';
import type { Article, Language } from '../kb/types';
import { detectLanguage } from '../language/detect';
import { words } from './normalize';
import { ambiguityFactor } from './confidence';
import { ArticleWords, capitalisedWords, missingNamed, missingNamedFactor, namedThings, namedWordsElsewhere } from './entities';
import { Lexicon } from './lexicon';
import { addTerms } from './miniSearchData';
import { SearchPrior } from './prior';
import { bestBy, has, TermScorer, type Matches } from './scoring';
import { SpellingCorrector } from './spelling';
import { indexTerms, queryWordsToSearch, STOP_WORDS, termCountsOf, termGroup, type TermGroup } from './terms';

/**
 * The knowledge base's search: a BM25 inverted index (MiniSearch) over pre-processed terms of
 * both languages, fed by fuse.js spelling correction, with a confidence that says how much of
 * the question the best article actually answers, so that off-topic questions get no article.
 */

export interface SearchHit {
  number: string;
  /** Language of `article`: the user's when the article exists in it. */
  language: Language;
  title: string;
  /** Confidence, 0..1: the share of the question's weight the article matches. */
  score: number;
  article: Article;
}

export interface SearchAnswer {
  /** The language the question was written in. */
  language: Language;
  /** Best first; empty when no article fits. Several when they are too close to call. */
  hits: SearchHit[];
  /**
   * The hits are a near miss (see NEAR_CONFIDENCE): a choice to offer, not an answer. A caller
   * that wants only a sure answer (is this message a new question?) takes none of them.
   */
  near?: true;
}

export interface SearchOptions {
  /** The conversation's language, for questions too short to tell. */
  fallbackLanguage?: Language;
  /** Force the answer language instead of detecting it. */
  language?: Language;
}

/** Below this share of the question matched, the best article is not an answer. */
export const MIN_CONFIDENCE = 0.56;
/**
 * A best article at least this sure but below MIN_CONFIDENCE is a near miss: the best three are
 * offered as a choice ("Is it one of these?") rather than none.
 */
export const NEAR_CONFIDENCE = 0.475;
/** Hits whose rank is within this ratio of the best are offered as a choice. */
const CLOSE_RATIO = 0.85;
const MAX_CHOICES = 3;
const MAX_RANKED = 10;

const FIELDS = ['title', 'keywords', 'summary', 'body'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_BOOST: Record<Field, number> = { title: 3, keywords: 2, summary: 1.5, body: 1 };
// A word found only deep in an article's body says less than one in its title or symptom.
const BODY_ONLY_FACTOR = 0.7;
// A corrected typo counts a little less than the word itself.
const CORRECTION_FACTOR = 0.9;
const MAX_COVERAGE_LIFT = 1.25;
// Terms in more than this share of the articles, and in more than COMMON_MIN_DOCUMENTS of them,
// are "common" (see commonTermPresence). A knowledge base of a few thousand articles has none,
// and is ranked exactly; past that, queries stop returning every article for "error".
const COMMON_SHARE = 0.2;
const COMMON_MIN_DOCUMENTS = 1000;
const MIN_IDF_DOCUMENTS = 500;
// Past two rare words' worth of matches, each further one adds this much confidence.
const EVIDENCE_FLOOR = 2;
const EVIDENCE_BONUS = 0.1;
// Half a rare word's worth: below it, a match says little about which article is meant.
const MIN_EVIDENCE = 0.5;
// Related words (synonyms, translations) looked up per question word, with and without matches of its own.
const MAX_RELATED_WITH_OWN = 2;
const MAX_RELATED = 4;
const RELATED_MAX_SHARE = 0.1;
// Past this many words, a question's words that match get no related words (same figures, fewer postings).
const OWN_WORDS_ENOUGH = 12;
// A name no article has ("Kafka") weighs this much more in the question than its own weight:
// the question is about it. Long messages with much evidence (a pasted log from "Madrid") keep their answer.
const UNKNOWN_NAME_EXTRA = 1;
// Question words whose groups are kept; past this many, they are made again as asked for.
const MAX_KEPT_WORDS = 10_000;
const ARTICLE_NUMBER = /\bka[\s-]?(\d{5,})\b/i;

interface IndexedDoc {
  id: string;
  title: string;
  keywords: string;
  summary: string;
  body: string;
}

interface WeightedTerm {
  term: string;
  weight: number;
}

/** A question word with the index terms that may stand for it and how much it matters. */
interface QueryGroup {
  terms: string[];
  /** Each term's share of the word, 1 for the word's own forms (a typed array: always doubles, so one shape for the optimiser). */
  termWeights: Float64Array;
  weight: number;
  /** The word's own forms (stems in both languages), for the prior. */
  forms: string[];
}

export class KbIndex {
  private readonly miniSearch: MiniSearch<IndexedDoc>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly articles = new Map<string, Article>();
  private corrector: SpellingCorrector;
  private documentCount = 0;
  /** Document ordinals, for the common terms' presence bitsets. */
  private readonly ordinal = new Map<string, number>();
  /** Terms in a large share of the articles, with which articles hold them (see commonTermPresence). */
  private commonTerms = new Map<string, Uint8Array>();
  /** Word statistics of a typical knowledge base (kb/search/prior.json): see idf and confidence. */
  private readonly prior = SearchPrior.fromFile();
  private readonly articleWords = new ArticleWords();
  private readonly lexicon = Lexicon.fromFiles();
  /** Question words' groups (see queryGroups), as made for earlier questions. */
  private readonly wordGroups = new Map<string, QueryGroup | null>();
  /** The postings and buffers of the BM25 sums, made at the first search (scoring.ts). */
  private scorer: TermScorer | undefined = undefined;

  private constructor() {
    this.miniSearch = new MiniSearch<IndexedDoc>({
      fields: [...FIELDS],
      // Documents and queries arrive as space-separated index terms, already folded and stemmed.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
    });
    this.corrector = new SpellingCorrector([]);
  }

  /** Indexes the articles; each `yield` is a point where the work may pause (see runInSlices). */
  private *fill(articles: readonly Article[]): Generator<void, KbIndex> {
    const vocabulary = new Set<string>();
    for (const article of articles) {
      const id = docId(article.number, article.language);
      this.ordinal.set(id, this.ordinal.size);
      this.articles.set(id, article);
      const fields = fieldTexts(article);
      const fieldTerms: Array<Map<string, number>> = [];
      const distinct = new Set<string>();
      for (const field of FIELDS) {
        // Counted first: each distinct word is looked at once, however often the article repeats it.
        const wordCounts = new Map<string, number>();
        for (const word of words(fields[field])) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
        for (const word of wordCounts.keys()) if (!STOP_WORDS.has(word)) vocabulary.add(word);
        const termCounts = termCountsOf(wordCounts, article.language);
        fieldTerms.push(termCounts);
        for (const term of termCounts.keys()) distinct.add(term);
      }
      for (const term of distinct) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      // Added one by one (what addAll does), so that the work can pause between articles; each
      // term once with its count where the index allows (miniSearchData.ts), as add() would.
      if (!addTerms(this.miniSearch, id, fieldTerms)) {
        const doc = { id } as IndexedDoc;
        FIELDS.forEach((field, f) => (doc[field] = [...fieldTerms[f]!].flatMap(([term, count]) => Array<string>(count).fill(term)).join(' ')));
        this.miniSearch.add(doc);
      }
      yield;
    }
    this.documentCount = this.ordinal.size;
    this.commonTerms = yield* commonTermPresence(this.documentFrequency, this.documentCount, (term) => this.termScorer().documentsWith(term));
    this.corrector = yield* SpellingCorrector.building(vocabulary);
    return this;
  }

  /** Builds the index at once: for tools and tests, which have nothing else to serve meanwhile. */
  static build(articles: readonly Article[]): KbIndex {
    return runAtOnce(new KbIndex().fill(articles));
  }

  /**
   * Builds the index in slices of a few milliseconds, yielding to the event loop in between:
   * the service's /health keeps answering while 10,000 articles are indexed (seconds of work).
   */
  static buildInSlices(articles: readonly Article[]): Promise<KbIndex> {
    return runInSlices(new KbIndex().fill(articles));
  }

  get size(): number {
    return this.articles.size;
  }

  /** The article in the given language, else in any language it exists in. */
  get(number: string, language: Language): Article | undefined {
    const wanted = number.toUpperCase();
    return this.articles.get(docId(wanted, language)) ?? this.articles.get(docId(wanted, language === 'en' ? 'es' : 'en'));
  }

  /** What a user sees: the articles that answer the question, or none. */
  search(question: string, options: SearchOptions = {}): SearchAnswer {
    const language = options.language ?? detectLanguage(question, options.fallbackLanguage ?? 'en');
    const ranked = this.rankIn(question, language);
    const best = ranked[0];
    if (best && best.score < MIN_CONFIDENCE) {
      // A near miss: not sure enough to answer, too close to apologise: "Is it one of these?",
      // when there is more than one to choose from (a lone near miss is no answer).
      const near = best.score >= NEAR_CONFIDENCE && ranked.length > 1;
      return near ? { language, hits: ranked.slice(0, MAX_CHOICES).map(withoutRank), near } : { language, hits: [] };
    }
    if (!best || best.score < MIN_CONFIDENCE) return { language, hits: [] };
    const hits = ranked
      .filter((hit, i) => i === 0 || (hit.score >= MIN_CONFIDENCE && hit.rank >= best.rank * CLOSE_RATIO))
      .slice(0, MAX_CHOICES)
      .map(withoutRank);
    return { language, hits };
  }

  /** Every candidate with its confidence, best first, thresholds not applied (for KB authors). */
  rank(question: string, options: SearchOptions = {}): SearchHit[] {
    const language = options.language ?? detectLanguage(question, options.fallbackLanguage ?? 'en');
    return this.rankIn(question, language).map(withoutRank);
  }

  private rankIn(question: string, language: Language): Ranked[] {
    const named = this.byArticleNumber(question, language);
    if (named) return [{ ...named, rank: Number.MAX_VALUE }];

    const groups = this.queryGroups(queryWordsToSearch(question));
    // The question's distinct terms, each at its strongest weight, and each group's terms by their position there.
    const terms: string[] = [];
    const weights: number[] = [];
    const position = new Map<string, number>();
    const groupTerms = groups.map((group) =>
      group.terms.map((term, i) => {
        const weight = group.termWeights[i]!;
        let t = position.get(term);
        if (t === undefined) {
          position.set(term, (t = terms.length));
          terms.push(term);
          weights.push(weight);
        } else weights[t] = Math.max(weights[t]!, weight);
        return t;
      }),
    );
    if (terms.length === 0) return [];

    // Common terms barely change the ranking but would make every article a result: they are
    // left out of the query and counted from their presence bitsets instead.
    const queried: number[] = [];
    const common: number[] = [];
    terms.forEach((term, t) => (this.commonTerms.has(term) ? common : queried).push(t));
    if (queried.length === 0) queried.push(...common.splice(0));
    const scorer = this.termScorer();
    const matches = scorer.match(
      queried.map((t) => terms[t]!),
      Float64Array.from(queried, (t) => weights[t]!),
      // Each term marked by its place among the question's, as the common ones are below.
      { of: queried, count: terms.length },
    );
    const candidates = this.byArticle(scorer, matches, common, terms);
    // Names the question gives that neither this knowledge base nor a typical one has ("Kafka",
    // "AMP"): no article has them, and the question is about them more than about its other words.
    const names = capitalisedWords(question);
    const unknownWeight = names.size
      ? groups.reduce(
          (sum, group) =>
            group.terms.length === 0 && group.forms.some((form) => names.has(form)) && group.forms.every((form) => this.prior.share(form) === 0) ? sum + group.weight : sum,
          0,
        )
      : 0;
    const totalWeight = groups.reduce((sum, group) => sum + group.weight, 0) + UNKNOWN_NAME_EXTRA * unknownWeight;
    // The question's share the candidate answers, weighed in units of the rarest possible word.
    const rarest = this.idf(0);
    const confidenceOf = (matchedWeight: number): number => confidence(matchedWeight / totalWeight, matchedWeight / rarest);
    const scores = new Float64Array(candidates.count);
    const ranks = new Float64Array(candidates.count);
    for (let c = 0; c < candidates.count; c++) {
      scores[c] = confidenceOf(coverage(groups, groupTerms, candidates, c));
      ranks[c] = rankOf(candidates.bm25[c]!, scores[c]!);
    }
    const order = bestBy(
      Array.from({ length: candidates.count }, (_, c) => c),
      ranks,
      MAX_RANKED,
    );
    const top: Ranked[] = order.map((c) => {
      const number = candidates.numbers[c]!;
      const article = this.get(number, language)!;
      return { number, language: article.language, title: article.title, score: scores[c]!, article, rank: ranks[c]!, bm25: candidates.bm25[c]!, candidate: c };
    });
    // What the best few matched, weighed against what a typical knowledge base holds, and the
    // codes, services and names the question gives that they do not have.
    const namedInQuestion = namedThings(question);
    const inPrior = terms.map((term) => this.prior.presenceOf(term));
    let at = 0;
    const holds = (t: number): boolean => has(candidates.any, at, t);
    for (const hit of top) {
      at = hit.candidate! * candidates.width;
      // Each question word the hit matched, by the terms it matched it with.
      hit.ambiguity = this.prior.countMatchingHeld(groupTerms, inPrior, holds);
      hit.score *= ambiguityFactor(hit.ambiguity);
      const text = namedInQuestion.length ? this.articleWords.of(hit.number, [this.articles.get(docId(hit.number, 'en')), this.articles.get(docId(hit.number, 'es'))]) : undefined;
      const missing = text ? missingNamed(namedInQuestion, text) : [];
      if (missing.length) {
        // The words of what it does not name count as not matched: "target" in "target mapping" is not Adobe Target.
        const words = namedWordsElsewhere(missing, text!);
        const unnamed = words.size ? groups.map((group) => group.forms.some((form) => words.has(form))) : [];
        if (unnamed.some(Boolean)) hit.score = confidenceOf(coverage(groups, groupTerms, candidates, hit.candidate!, unnamed)) * ambiguityFactor(hit.ambiguity);
        hit.score *= missingNamedFactor(missing);
      }
      hit.rank = rankOf(hit.bm25!, hit.score);
    }
    return top.sort((a, b) => b.rank - a.rank);
  }

  /**
   * The matched documents per article number, both languages together: a question mixing
   * Spanish and the English error text matches the article across its two versions. Each gets
   * its best version's score and the terms either version holds, and where.
   */
  private byArticle(scorer: TermScorer, matches: Matches, common: readonly number[], terms: readonly string[]): Candidates {
    const { docs, count, score, width, slot } = matches;
    const numbers: string[] = [];
    const bm25: number[] = [];
    const byNumber = new Map<string, number>();
    const commonBits = common.map((t) => this.commonTerms.get(terms[t]!)!);
    const commonIdf = common.map((t) => this.idf(this.documentFrequency.get(terms[t]!)!));
    // Coverage moves a rank by at most MAX_COVERAGE_LIFT / (MAX_COVERAGE_LIFT - 1) = 5x, so
    // results scoring below a fifth of the best can never come first or close to it: of those,
    // only the best, enough to make MAX_RANKED articles.
    let best = 0;
    for (let i = 0; i < count; i++) best = Math.max(best, score[docs[i]!]!);
    const floor = ((best * (MAX_COVERAGE_LIFT - 1)) / MAX_COVERAGE_LIFT) * CLOSE_RATIO;
    let above = 0;
    for (let i = 0; i < count; i++) if (score[docs[i]!]! >= floor) above++;
    // At most one article per document added: those above the floor, then up to MAX_RANKED.
    const { any, short } = scorer.candidateBits((above + MAX_RANKED) * width);
    const add = (doc: number): void => {
      const number = scorer.numbers[doc]!;
      let total = score[doc]!;
      const from = slot[doc]! * width;
      let c = byNumber.get(number);
      if (c === undefined) {
        byNumber.set(number, (c = numbers.length));
        numbers.push(number);
        bm25.push(-Infinity);
      }
      const to = c * width;
      for (let w = 0; w < width; w++) {
        any[to + w]! |= matches.any[from + w]!;
        short[to + w]! |= matches.short[from + w]!;
      }
      // A common term's part of the BM25 score, roughly: its idf, once. Where it was found is
      // not recorded; it counts as found in a short field.
      for (let i = 0; i < common.length; i++) {
        if (!hasTerm(commonBits[i]!, doc)) continue;
        const t = common[i]!;
        any[to + (t >> 5)]! |= 1 << (t & 31);
        short[to + (t >> 5)]! |= 1 << (t & 31);
        total += commonIdf[i]!;
      }
      bm25[c] = Math.max(bm25[c]!, total);
    };
    for (let i = 0; i < count; i++) if (score[docs[i]!]! >= floor) add(docs[i]!);
    const addBest = (ordered: readonly number[]): void => {
      for (const doc of ordered) {
        if (numbers.length >= MAX_RANKED) return;
        add(doc);
      }
    };
    // Two documents (languages) per article: twice MAX_RANKED of them nearly always make MAX_RANKED articles.
    if (numbers.length < MAX_RANKED) addBest(bestBy(docs.subarray(0, count), score, 2 * MAX_RANKED, floor));
    if (numbers.length < MAX_RANKED)
      addBest(
        Array.from(docs.subarray(0, count))
          .filter((doc) => score[doc]! < floor)
          .sort((a, b) => score[b]! - score[a]!),
      );
    return { count: numbers.length, numbers, bm25, width, any, short };
  }

  /** The BM25 sums' postings and buffers, made at the first search: the index is complete by then, built or read from the cache. */
  private termScorer(): TermScorer {
    if (!this.scorer) {
      const numbers: string[] = [];
      for (const [id, ordinal] of this.ordinal) numbers[ordinal] = this.articles.get(id)!.number;
      this.scorer = new TermScorer(this.miniSearch, this.ordinal, numbers, FIELD_BOOST, 'body');
    }
    return this.scorer;
  }

  /** "KA-05406" typed on its own is a request for that article. */
  private byArticleNumber(question: string, language: Language): SearchHit | undefined {
    const found = ARTICLE_NUMBER.exec(question);
    if (!found) return undefined;
    const article = this.get(`KA-${found[1]}`, language);
    return article && { number: article.number, language: article.language, title: article.title, score: 1, article };
  }

  /** Each question word's index terms (its stems, else its spelling corrections) and weight. */
  private queryGroups(words: readonly string[]): QueryGroup[] {
    // A long message (a pasted log) has words enough: related words of words it has would only cost.
    const ownOnly = words.length > OWN_WORDS_ENOUGH;
    const groups: QueryGroup[] = [];
    for (const word of words) {
      // A word's group depends on the index alone: made once, kept for the next questions that have the word.
      const key = ownOnly ? `+${word}` : word;
      let group = this.wordGroups.get(key);
      if (group === undefined) {
        group = this.queryGroup(termGroup(word), ownOnly);
        if (this.wordGroups.size >= MAX_KEPT_WORDS) this.wordGroups.clear();
        this.wordGroups.set(key, group);
      }
      if (group) groups.push(group);
    }
    return groups;
  }

  /** The word's group, or null for a word that does not count (a number no article has). */
  private queryGroup({ word, forms }: TermGroup, ownOnly: boolean): QueryGroup | null {
    let terms: WeightedTerm[] = forms.filter((form) => this.documentFrequency.has(form)).map((term) => ({ term, weight: 1 }));
    // Its synonyms and translations (src/search/lexicon.ts), for articles that word it otherwise.
    const related = this.lexicon.expand(forms).filter(({ term }) => this.isRelatedTerm(term) && !terms.some((direct) => direct.term === term));
    // A word the KB has needs only its closest few; each one more is another term to look up.
    related.splice(terms.length ? (ownOnly ? 0 : MAX_RELATED_WITH_OWN) : MAX_RELATED);
    if (terms.length === 0 && related.length === 0) {
      terms = this.corrector.suggest(word).flatMap(({ word: known, similarity }) =>
        indexTerms(known, 'en')
          .concat(indexTerms(known, 'es'))
          .filter((term) => this.documentFrequency.has(term))
          .map((term) => ({ term, weight: similarity * CORRECTION_FACTOR })),
      );
    }
    // A word the knowledge base has never seen weighs as the prior has it, else like the
    // rarest word: it is probably what the question is about. Numbers in pasted logs are ids, not topics.
    const weighed = (terms.length ? terms : related).map(({ term }) => term);
    const known = forms.filter((form) => this.prior.share(form) > 0);
    if (weighed.length === 0 && /\d/.test(word)) return null;
    const weight = Math.max(...(weighed.length ? weighed : known.length ? known : forms).map((term) => this.termIdf(term)));
    const all = [...terms, ...related];
    return { terms: all.map(({ term }) => term), termWeights: Float64Array.from(all, ({ weight: termWeight }) => termWeight), weight, forms };
  }

  private idf(documentFrequency: number, priorShare = 0): number {
    // A small knowledge base (kb/ alone holds one article in two languages) says nothing about
    // which words are common: its counts are those of a corpus of typical size (the prior's)
    // plus its own, which outweigh the prior's once it is larger.
    const priorDocuments = this.prior.documents || MIN_IDF_DOCUMENTS;
    const n = this.documentCount + priorDocuments;
    const df = documentFrequency + priorDocuments * priorShare;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A related word worth looking up: in the KB, and not in so many articles that it says little and costs much. */
  private isRelatedTerm(term: string): boolean {
    const df = this.documentFrequency.get(term) ?? 0;
    // Counted as idf counts, with the prior's documents: kb/'s two articles do not make every word common.
    const priorDocuments = this.prior.documents;
    return df > 0 && df + priorDocuments * this.prior.share(term) <= RELATED_MAX_SHARE * (this.documentCount + priorDocuments);
  }

  private termIdf(term: string): number {
    return this.idf(this.documentFrequency.get(term) ?? 0, this.prior.share(term));
  }
}

/**
 * For each term found in more than COMMON_SHARE of the articles (and at least
 * COMMON_MIN_DOCUMENTS of them), which articles hold it, one bit per article. Read from the
 * index's postings once it is built: each article's set of terms, kept until then for this,
 * cost a 10,000-article start about 25 MB of its RSS at ready.
 */
function* commonTermPresence(documentFrequency: Map<string, number>, documentCount: number, documentsWith: (term: string) => Int32Array): Generator<void, Map<string, Uint8Array>> {
  const threshold = Math.max(COMMON_MIN_DOCUMENTS, COMMON_SHARE * documentCount);
  const presence = new Map<string, Uint8Array>();
  for (const [term, df] of documentFrequency) {
    if (df <= threshold) continue;
    const bits = new Uint8Array(Math.ceil(documentCount / 8));
    for (const ordinal of documentsWith(term)) bits[ordinal >> 3]! |= 1 << (ordinal & 7);
    presence.set(term, bits);
    yield;
  }
  return presence;
}

function hasTerm(bits: Uint8Array, ordinal: number): boolean {
  return (bits[ordinal >> 3]! & (1 << (ordinal & 7))) !== 0;
}

/**
 * How sure the search is that an article answers the question: the share of the question it
 * matches, raised when it shares several rare words with the article (a long chatty message
 * about the article's error is about that article, however much else it says), and lowered
 * when all it shares are common words ("error", "workflow": every other article has them).
 * `evidence` counts the matched weight in units of the rarest possible word.
 */
function confidence(share: number, evidence: number): number {
  const specificity = Math.min(1, evidence / MIN_EVIDENCE);
  return Math.min(1, share + EVIDENCE_BONUS * Math.max(0, evidence - EVIDENCE_FLOOR)) * specificity;
}

/** BM25 orders articles; coverage (the confidence) lifts the ones that answer more of the question. */
function rankOf(bm25: number, score: number): number {
  return bm25 * (MAX_COVERAGE_LIFT - 1 + score * score);
}

/** The weight of the question's words that the candidate matched, each at its strongest field. */
function coverage(groups: readonly QueryGroup[], groupTerms: ReadonlyArray<readonly number[]>, candidates: Candidates, c: number, skip?: readonly boolean[]): number {
  const at = c * candidates.width;
  let covered = 0;
  for (let g = 0; g < groups.length; g++) {
    if (skip?.[g]) continue;
    const { termWeights, weight } = groups[g]!;
    const positions = groupTerms[g]!;
    let best = 0;
    for (let i = 0; i < positions.length; i++) {
      const t = positions[i]!;
      if (!has(candidates.any, at, t)) continue;
      const factor = has(candidates.short, at, t) ? 1 : BODY_ONLY_FACTOR;
      best = Math.max(best, termWeights[i]! * factor);
    }
    covered += weight * best;
  }
  return covered;
}

function fieldTexts(article: Article): Record<Field, string> {
  return {
    title: article.title,
    keywords: article.keywords.join(' , '),
    summary: [article.description, article.issue, article.cause].join('\n'),
    body: article.body,
  };
}

function docId(number: string, language: Language): string {
  return `${number}:${language}`;
}

/** A hit while it is ranked: its rank, BM25 score, candidate (see Candidates), and how many of the prior's articles match as well. */
type Ranked = SearchHit & { rank: number; bm25?: number; candidate?: number; ambiguity?: number };

/** Articles a question matched, by position: number, best BM25 score of its versions, and the query terms either version holds (see Matches). */
interface Candidates {
  count: number;
  numbers: string[];
  bm25: number[];
  width: number;
  any: Uint32Array;
  short: Uint32Array;
}

function withoutRank({ rank: _rank, bm25: _bm25, candidate: _candidate, ambiguity: _ambiguity, ...hit }: Ranked): SearchHit {
  return hit;
}
