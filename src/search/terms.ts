import type { stemmer as OramaStemmer } from '@orama/stemmers/english' with { 'resolution-mode': 'import' };
import { eng, spa } from 'stopword';
import type { Language } from '../kb/types';
import { foldText, queryWords, words } from './normalize';

/**
 * Index terms: folded words, stop words dropped, stemmed with the text's language so that
 * "workflows"/"workflow" and "flujos"/"flujo" meet.
 */

// Question words and chat filler carry no topic; the libraries' lists miss some of them.
const EXTRA_STOP_WORDS = [
  'how',
  'what',
  'why',
  'when',
  'where',
  'which',
  'can',
  'could',
  'would',
  'should',
  'do',
  'does',
  'did',
  'i',
  'im',
  'me',
  'my',
  'we',
  'our',
  'us',
  'you',
  'your',
  'please',
  'hi',
  'hello',
  'hey',
  'thanks',
  'get',
  'getting',
  'got',
  'como',
  'que',
  'cual',
  'cuando',
  'donde',
  'por',
  'porque',
  'puedo',
  'puede',
  'hay',
  'tengo',
  'tenemos',
  'mi',
  'mis',
  'nos',
  'hola',
  'gracias',
  'favor',
  'estoy',
  'esta',
  'este',
  'esto',
  'ese',
  'eso',
  'sale',
  'me',
  'lo',
  'le',
  'les',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...spa, ...EXTRA_STOP_WORDS].map(foldText));

// Orama's stemmers (Snowball) ship CommonJS builds but ESM-only type declarations, which a
// CommonJS import cannot take: hence require(), typed by hand.
/* eslint-disable @typescript-eslint/no-require-imports -- see above */
type StemmerModule = { stemmer: typeof OramaStemmer };
const STEMMERS: Record<Language, (word: string) => string> = {
  en: (require('@orama/stemmers/english') as StemmerModule).stemmer,
  es: (require('@orama/stemmers/spanish') as StemmerModule).stemmer,
};
/* eslint-enable @typescript-eslint/no-require-imports */

// Articles repeat their words; stemming each distinct word once makes indexing several times faster.
const STEM_CACHE: Record<Language, Map<string, string>> = { en: new Map(), es: new Map() };
const STEM_CACHE_LIMIT = 200_000;

function stem(word: string, language: Language): string {
  // Identifiers and numbers (mcexec1, 0x80004005, xtk) are kept whole.
  if (/\d/.test(word) || word.length <= 3) return word;
  const cache = STEM_CACHE[language];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = STEMMERS[language](word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || word.length < 2;
}

/** Terms of an article's text in its own language. */
export function indexTerms(text: string, language: Language): string[] {
  return termsOf(words(text), language);
}

/** Terms of already folded words (see `words`): stop words dropped, the rest stemmed. */
export function termsOf(folded: readonly string[], language: Language): string[] {
  const terms: string[] = [];
  for (const word of folded) if (!isStopWord(word)) terms.push(stem(word, language));
  return terms;
}

/**
 * termsOf, counted: each term with how often it occurs, from words with how often each does, both
 * in the order they first occur. Each distinct word is checked and stemmed once.
 */
export function termCountsOf(wordCounts: ReadonlyMap<string, number>, language: Language): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word, count] of wordCounts) {
    if (isStopWord(word)) continue;
    const term = stem(word, language);
    counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return counts;
}

/**
 * One group per distinct word of a question: the forms under which an article may hold it.
 * The question's language is a guess, so both stemmings are tried.
 */
export interface TermGroup {
  word: string;
  forms: string[];
}

/** The distinct words of a question that may be its topic (stop words left out), in order. */
export function queryWordsToSearch(text: string): string[] {
  const found = new Set<string>();
  for (const word of queryWords(text)) if (!isStopWord(word)) found.add(word);
  return [...found];
}

/** A question word and the forms under which an article may hold it (see TermGroup). */
export function termGroup(word: string): TermGroup {
  return { word, forms: [...new Set([stem(word, 'en'), stem(word, 'es'), word])] };
}
