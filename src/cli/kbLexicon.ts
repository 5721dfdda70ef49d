/**
 * npm run kb:lexicon: the search's data derived from the shared corpus (KB_PATH, default
 * ../shared/kb-corpus), written to kb/search/ and committed (the corpus itself is not):
 *
 * - prior.json: in how many of the corpus's articles each index term appears (terms in at least
 *   two), so that a knowledge base of two articles weighs "error" or "workflow" as the common
 *   words they are, instead of as if they were rare (src/search/prior.ts);
 * - lexicon.json: Spanish and English index terms that translate each other, learned from the
 *   articles that exist in both languages: the parts of each pair (title, description, issue,
 *   cause, resolution, keywords) are aligned, and a word pair is kept when the two words keep
 *   appearing in the same aligned parts and nowhere else (Dice coefficient, mutual best).
 *
 * Run it again when the corpus changes; `npm run eval` measures the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../kb/loader';
import { REPOSITORY_ROOT, splitKbPath } from '../kb/paths';
import type { Article } from '../kb/types';
import { indexTerms } from '../search/terms';
import { requireCorpus } from './corpus';

const OUT_DIR = path.join(REPOSITORY_ROOT, 'kb', 'search');
// A word pair seen together in fewer aligned parts than this is chance.
const MIN_TOGETHER = 3;
const MIN_DICE = 0.35;
const MIN_PRIOR_DF = 2;
// A word found in the other language's parts this often (relative to its own) is shared, not translated.
const SHARED_SHARE = 0.5;

async function main(): Promise<void> {
  const paths = splitKbPath(process.env.KB_PATH ?? path.resolve(REPOSITORY_ROOT, '../shared/kb-corpus'));
  requireCorpus(paths, 'npm run kb:lexicon');
  const { articles } = await loadKnowledgeBase({ paths, log: console.error });
  mkdirSync(OUT_DIR, { recursive: true });

  const prior = documentFrequencies(articles);
  writeFileSync(path.join(OUT_DIR, 'prior.json'), `${JSON.stringify(prior)}\n`);
  const lexicon = alignPairs(articles);
  writeFileSync(path.join(OUT_DIR, 'lexicon.json'), `${JSON.stringify(lexicon, null, 0).replace(/\],\[/g, '],\n[')}\n`);
  console.log(
    `${articles.length} articles: prior of ${Object.keys(prior.df).length} terms, lexicon of ${lexicon.pairs.length} word pairs -> ${path.relative(process.cwd(), OUT_DIR)}/`,
  );
}

/** Document frequency of each index term over every article, both languages counted together, as the index counts them. */
function documentFrequencies(articles: readonly Article[]): { documents: number; articles: number; df: Record<string, number>; postings: Record<string, string> } {
  const df = new Map<string, number>();
  const numbers = [...new Set(articles.map((article) => article.number))].sort();
  const ordinal = new Map(numbers.map((number, i) => [number, i]));
  const inArticles = new Map<string, Set<number>>();
  for (const article of articles) {
    for (const term of new Set(
      indexTerms([article.title, article.keywords.join(' , '), article.description, article.issue, article.cause, article.body].join('\n'), article.language),
    )) {
      df.set(term, (df.get(term) ?? 0) + 1);
      const set = inArticles.get(term) ?? new Set<number>();
      set.add(ordinal.get(article.number)!);
      inArticles.set(term, set);
    }
  }
  const kept = [...df].filter(([, count]) => count >= MIN_PRIOR_DF).sort(([a], [b]) => (a < b ? -1 : 1));
  // Which articles hold each term, as gaps between article ordinals in base 36: "3.a.1" is 3, 13, 14.
  const postings = kept.map(([term]) => [term, encodeGaps([...inArticles.get(term)!])] as const);
  return { documents: articles.length, articles: numbers.length, df: Object.fromEntries(kept), postings: Object.fromEntries(postings) };
}

function encodeGaps(ordinals: number[]): string {
  let last = 0;
  return ordinals
    .sort((a, b) => a - b)
    .map((n) => {
      const gap = n - last;
      last = n;
      return gap.toString(36);
    })
    .join('.');
}

function parts(article: Article): string[] {
  return [article.title, article.description, article.issue, article.cause, article.resolution.join('\n'), article.keywords.join(' , ')];
}

/** [spanish term, english term, Dice] for the word pairs the aligned parts of paired articles agree on. */
function alignPairs(articles: readonly Article[]): { pairs: Array<[string, string, number]> } {
  const byNumber = new Map<string, { en?: Article; es?: Article }>();
  for (const article of articles) byNumber.set(article.number, { ...byNumber.get(article.number), [article.language]: article });
  const countEs = new Map<string, number>();
  const countEn = new Map<string, number>();
  const together = new Map<string, number>();
  for (const { en, es } of byNumber.values()) {
    if (!en || !es) continue;
    const enParts = parts(en);
    const esParts = parts(es);
    enParts.forEach((enText, i) => {
      const enTerms = new Set(indexTerms(enText, 'en'));
      const esTerms = new Set(indexTerms(esParts[i]!, 'es'));
      if (enTerms.size === 0 || esTerms.size === 0) return;
      for (const term of enTerms) countEn.set(term, (countEn.get(term) ?? 0) + 1);
      for (const term of esTerms) countEs.set(term, (countEs.get(term) ?? 0) + 1);
      for (const s of esTerms) for (const e of enTerms) if (s !== e) together.set(`${s}\t${e}`, (together.get(`${s}\t${e}`) ?? 0) + 1);
    });
  }
  const scored: Array<[string, string, number]> = [];
  for (const [key, count] of together) {
    if (count < MIN_TOGETHER) continue;
    const [s, e] = key.split('\t') as [string, string];
    // Numbers and codes are not translated; a word both versions use (logon, workflow) is no translation.
    if (/\d/.test(s) || /\d/.test(e)) continue;
    if ((countEn.get(s) ?? 0) >= SHARED_SHARE * countEs.get(s)! || (countEs.get(e) ?? 0) >= SHARED_SHARE * countEn.get(e)!) continue;
    const dice = (2 * count) / (countEs.get(s)! + countEn.get(e)!);
    if (dice >= MIN_DICE) scored.push([s, e, Math.round(dice * 100) / 100]);
  }
  // Mutual best: the English word is the Spanish word's best match and the other way round.
  const bestEn = new Map<string, number>();
  const bestEs = new Map<string, number>();
  for (const [s, e, dice] of scored) {
    bestEn.set(s, Math.max(bestEn.get(s) ?? 0, dice));
    bestEs.set(e, Math.max(bestEs.get(e) ?? 0, dice));
  }
  const pairs = scored.filter(([s, e, dice]) => dice === bestEn.get(s) && dice === bestEs.get(e)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  return { pairs };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
