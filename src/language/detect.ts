// Types only (erased): the detector itself is required on first use (see tinyld below).
import type * as TinyLd from 'tinyld/light';
import { LANGUAGES, type Language } from '../kb/types';

/**
 * Which of the bot's languages a message is written in. Detectors are unreliable on one or two
 * words ("hola", "mcSynch falla"), so short messages keep the conversation's language unless they
 * carry a mark only Spanish has.
 */

const DECISIVE_HINTS = 2;
const MAX_DETECTED_LENGTH = 4000;
// Marks only Spanish has; in a capitalised word they are more likely a name ("García").
const SPANISH_PUNCTUATION = /[¿¡]/;
const SPANISH_LETTERS = /[ñáéíóú]/;
const SPANISH_MARK_WEIGHT = 2;
/** A word of two letters or more. */
export const WORD = /[\p{L}]{2,}/gu;
// Frequent function words; enough to settle what the statistical detector leaves as a tie.
const HINTS: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'the',
    'is',
    'are',
    'my',
    'how',
    'what',
    'why',
    'with',
    'does',
    'not',
    'fails',
    'failing',
    'when',
    'of',
    'to',
    'in',
    'for',
    'and',
    'it',
    'i',
    'please',
    'empty',
    'return',
    'yes',
    'help',
  ]),
  es: new Set([
    'el',
    'la',
    'los',
    'las',
    'de',
    'del',
    'que',
    'en',
    'por',
    'con',
    'un',
    'una',
    'es',
    'mi',
    'como',
    'cuando',
    'para',
    'falla',
    'fallo',
    'se',
    'al',
    'y',
    'vacia',
    'devolucion',
    'ayuda',
    'flujo',
    'hola',
    'gracias',
  ]),
};

export function languageFromLocale(locale: string | undefined, fallback: Language = 'en'): Language {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : fallback;
}

// A pasted journal or log line starts with its timestamp; its words are the product's, not the user's.
export const LOG_LINE = /^\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}:\d{2})\b.*$/gm;

let detector: typeof TinyLd | undefined;

/**
 * The statistical detector, loaded when a message first needs it rather than at start-up (35 ms
 * and 11 MB before the bot could say it is ready; most messages never need it, see below).
 */
function tinyld(): typeof TinyLd {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: start-up time, see above
  detector ??= require('tinyld/light') as typeof TinyLd;
  return detector;
}

/** Loads the statistical detector now (see src/app/warmUp.ts), so that no message waits for it. */
export function preloadLanguageDetector(): void {
  tinyld();
}

export function detectLanguage(text: string, fallback: Language): Language {
  const bounded = text.slice(0, MAX_DETECTED_LENGTH);
  const ownWords = bounded.replace(LOG_LINE, ' ');
  const words = (ownWords.trim() ? ownWords : bounded).match(WORD) ?? [];
  const marked = SPANISH_PUNCTUATION.test(text) || words.some((word) => SPANISH_LETTERS.test(word) && word === word.toLowerCase());
  if (words.length <= 2) return marked ? 'es' : fallback;

  // Function words settle most messages at a fraction of the statistical detector's cost.
  const hint = hintScore(words.map((word) => word.toLowerCase()));
  if (marked) hint.es += SPANISH_MARK_WEIGHT;
  if (Math.abs(hint.es - hint.en) >= DECISIVE_HINTS) return hint.es > hint.en ? 'es' : 'en';
  const detected = tinyld().detectAll(words.join(' '), { only: [...LANGUAGES] });
  const [first, second] = detected;
  if (first && (!second || first.accuracy - second.accuracy > 0.1) && hint[other(first.lang as Language)] <= hint[first.lang as Language]) {
    return first.lang as Language;
  }
  if (hint.es !== hint.en) return hint.es > hint.en ? 'es' : 'en';
  return first ? (first.lang as Language) : fallback;
}

/**
 * The language only when the function words (and Spanish-only marks) settle it by a clear
 * margin; undefined when it takes the statistical detector's guess. For changing the language
 * of a conversation under way, where a wrong switch costs more than no switch.
 */
export function clearLanguage(text: string): Language | undefined {
  const words = text.slice(0, MAX_DETECTED_LENGTH).match(WORD) ?? [];
  const hint = hintScore(words.map((word) => word.toLowerCase()));
  if (SPANISH_PUNCTUATION.test(text) || words.some((word) => SPANISH_LETTERS.test(word) && word === word.toLowerCase())) hint.es += SPANISH_MARK_WEIGHT;
  if (Math.abs(hint.es - hint.en) < DECISIVE_HINTS) return undefined;
  return hint.es > hint.en ? 'es' : 'en';
}

function hintScore(tokens: string[]): Record<Language, number> {
  const score = { en: 0, es: 0 };
  for (const token of tokens) {
    const folded = token.normalize('NFD').replace(/\p{M}/gu, '');
    if (HINTS.en.has(folded)) score.en++;
    if (HINTS.es.has(folded)) score.es++;
  }
  return score;
}

function other(language: Language): Language {
  return language === 'en' ? 'es' : 'en';
}
