import type { Language } from '../kb/types';
import { clearLanguage, detectLanguage, languageFromLocale, LOG_LINE, WORD } from './detect';

/**
 * The language of the person, not of what they pasted. Operators paste English errors and logs
 * into Spanish sentences ("Che, el mcSynch falla con Empty return for method 'Logon'…"): the
 * product's words say nothing about who is writing. So the pasted material is taken out first
 * (log lines, quoted text, the error messages the knowledge base knows, workflow and service
 * names), and only a clear verdict of what is left changes the language; otherwise the
 * conversation keeps the one it has, or starts in the client's locale.
 */

export interface PersonLanguageContext {
  /** The conversation's language so far, if it has one. */
  current?: Language;
  /** The client's locale (Teams sends the user's, e.g. "es-AR"). */
  locale?: string;
  /** Error messages as users paste them (a check's errorSignatures): each match is cut to the end of its sentence. */
  pasted?: readonly RegExp[];
  /** When nothing else tells. */
  fallback: Language;
}

// Quoted text of two words or more: a quoted message, not the person's sentence.
const QUOTED = /(['"`“”‘’«])[^'"`“”‘’«»\n]*\s[^'"`“”‘’«»\n]*(['"`“”‘’»])/g;
// Names of the product and its parts: mcSynch_mcExec1, xtk:session, nms:delivery, PGS-220000.
const PRODUCT_NAMES = /\b[\p{L}\d]+_[\p{L}\d_]+\b|\b[a-z]{2,4}\s*:\s*[a-z]\w*\b|\b[A-Z]{2,4}-\d{3,}\b/gu;
// A conversation under way changes language on this many of the person's own words or more
// ("dale, a las 18:04 hs" is too little to leave Spanish; "ok the restart is at 6" is enough).
const MIN_WORDS_TO_SWITCH = 4;

/** The person's own words: the message without what was pasted from the product. */
export function ownWords(text: string, pasted: readonly RegExp[] = []): string {
  let own = text.replace(LOG_LINE, ' ');
  for (const pattern of pasted) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    own = own.replace(new RegExp(`(?:${pattern.source})[^\\n.!?]*`, flags), ' ');
  }
  return own.replace(QUOTED, ' ').replace(PRODUCT_NAMES, ' ');
}

export function personLanguage(text: string, context: PersonLanguageContext): Language {
  const settled = context.current ?? (context.locale ? languageFromLocale(context.locale, context.fallback) : context.fallback);
  const own = ownWords(text, context.pasted);
  const words = own.match(WORD) ?? [];
  if (words.length === 0) return settled;
  // Under way, only a clear verdict on enough words moves the conversation ("no idea really, sorry" stays English).
  if (context.current) return words.length >= MIN_WORDS_TO_SWITCH ? (clearLanguage(own) ?? context.current) : context.current;
  return detectLanguage(own, settled);
}
