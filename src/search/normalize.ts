import { MIN_VIEW_LENGTH, ownString } from '../kb/ownString';

/**
 * Turns what users type (or paste) into comparable text: bounded, without chat mentions,
 * log timestamps or accents, with the domain's spelling variants folded into one form.
 * Used on both sides, articles and questions, so that they meet in the same vocabulary.
 */

/** Longest user text the search looks at; a pasted log beyond this adds nothing but cost. */
const MAX_QUERY_LENGTH = 4000;

// Teams sends mentions as <at>Name</at>; other clients leave "@Name".
const MENTION_TAG = /<at>[^<]*<\/at>/gi;
const MENTION_WORD = /(^|\s)@[\p{L}\p{N}_.-]+/gu;

// Timestamps from workflow journals and server logs: 19/08/2022, 2022-08-19, 06:00:41.874+02:00, AM/PM.
const DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:[+-]\d{2}:?\d{2}|z))?(?:\s*[ap]\.?\s?m\.?)?(?=\W|$)/gi;
const ISO_T = /\b(\d{4}-\d{2}-\d{2})t(?=\d)/gi;

const COMBINING_MARKS = /\p{M}+/gu;

/** Lower-cases and removes accents: "Devolución VACÍA" -> "devolucion vacia". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Removes what is not a question: mentions, log timestamps, control characters and tabs. */
export function stripNoise(text: string): string {
  return text
    .slice(0, MAX_QUERY_LENGTH)
    .replace(MENTION_TAG, ' ')
    .replace(MENTION_WORD, '$1 ')
    .replace(ISO_T, '$1 ')
    .replace(DATE, ' ')
    .replace(TIME, ' ')
    .replace(/[\p{Cc}\p{Cf}\u00a0]+/gu, ' ');
}

/**
 * Spelling variants users type for the same thing, folded to the form the articles use.
 * Applied to folded text, so patterns are lower-case and accent-free.
 */
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  // "_" counts as a word character for \b, and "mcSync_mcExec1" must still match.
  [/\bmc\s?syn(?:ch|c)?(?![a-z0-9])/g, 'mcsynch'],
  [/\bmessage\s+centre\b/g, 'message center'],
  [/\bmessagecent(?:er|re)\b/g, 'message center'],
  [/\blog\s+on\b/g, 'logon'],
  [/\bxtk\s*:\s*/g, 'xtk:'],
  [/\bnl\s?server\b/g, 'nlserver'],
  [/\bserver\s?conf\b/g, 'serverconf'],
];

function foldVariants(folded: string): string {
  let text = folded;
  for (const [pattern, replacement] of VARIANTS) text = text.replace(pattern, replacement);
  return text;
}

// Words are letters and digits; "mcSynch_mcExec1" gives "mcsynch" and "mcexec1".
const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order, each a compact string of its own (the index and the spelling keep them: ownString.ts). */
export function words(text: string): string[] {
  // Folding leaves one-byte characters (accents gone) in a two-byte string: made compact once, its words are.
  const found = ownString(foldVariants(foldText(text))).match(WORD) ?? [];
  // Its longer words are views of it (see ownString), and the index keeps words.
  for (let i = 0; i < found.length; i++) if (found[i]!.length >= MIN_VIEW_LENGTH) found[i] = ownString(found[i]!);
  return found;
}

/** The words of something a user typed: bounded, noise removed, folded. */
export function queryWords(text: string): string[] {
  return words(stripNoise(text));
}
