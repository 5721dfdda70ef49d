import { detectAll } from 'tinyld';
import { LANGUAGES, type Language } from '../kb/types';

/**
 * Which of the bot's languages a message is written in. Detectors are unreliable on one or two
 * words ("hola", "mcSynch falla"), so short messages keep the conversation's language unless they
 * carry a mark only Spanish has.
 */

const DECISIVE_HINTS = 2;
const SPANISH_MARKS = /[ñ¿¡áéíóú]/i;
const WORD = /[\p{L}]{2,}/gu;
// Frequent function words; enough to settle what the statistical detector leaves as a tie.
const HINTS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['the', 'is', 'are', 'my', 'how', 'what', 'why', 'with', 'does', 'not', 'fails', 'failing', 'when', 'of', 'to', 'in', 'for', 'and', 'it', 'i', 'please', 'empty', 'return', 'yes', 'help']),
  es: new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'en', 'por', 'con', 'un', 'una', 'es', 'mi', 'como', 'cuando', 'para', 'falla', 'fallo', 'se', 'al', 'y', 'vacia', 'devolucion', 'ayuda', 'flujo', 'hola', 'gracias']),
};

export function languageFromLocale(locale: string | undefined, fallback: Language = 'en'): Language {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : fallback;
}

export function detectLanguage(text: string, fallback: Language): Language {
  const tokens = text.toLowerCase().match(WORD) ?? [];
  if (SPANISH_MARKS.test(text)) return 'es';
  if (tokens.length <= 2) return fallback;

  // Function words settle most messages at a fraction of the statistical detector's cost.
  const hint = hintScore(tokens);
  if (Math.abs(hint.es - hint.en) >= DECISIVE_HINTS) return hint.es > hint.en ? 'es' : 'en';
  const detected = detectAll(text, { only: [...LANGUAGES] });
  const [first, second] = detected;
  if (first && (!second || first.accuracy - second.accuracy > 0.1) && hint[other(first.lang as Language)] <= hint[first.lang as Language]) {
    return first.lang as Language;
  }
  if (hint.es !== hint.en) return hint.es > hint.en ? 'es' : 'en';
  return first ? (first.lang as Language) : fallback;
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
