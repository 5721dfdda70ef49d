/**
 * Strings kept for the process's life (an article's texts, the index's words) in as little
 * memory as they need, as a start from the index cache (JSON.parse) has them:
 * - One byte per character where every character fits in one. A file with a single character
 *   past Latin-1 (’, –, the NFD accents the search folds away) is read as two bytes per
 *   character, and V8 keeps that for every string cut or replaced from it, however plain.
 * - Not a view of the longer string it was cut from. V8 returns a slice or a trim of 13
 *   characters or more as a view of its source, and keeps all the source alive for it.
 * A 10,000-article first start held 16 MB more of its heap at ready than a cached one for these.
 */
export function ownString(text: string): string {
  if (!PAST_LATIN1.test(text)) return Buffer.from(text, 'latin1').toString('latin1');
  // Concatenating makes a new string; slicing flattens it into one of the text's length plus
  // one, which the result is a view of: nothing longer stays alive.
  return text.length < MIN_VIEW_LENGTH ? text : ` ${text}`.slice(1);
}

const PAST_LATIN1 = /[\u0100-\uffff]/;

/** V8's shortest sliced string (SlicedString::kMinLength): shorter substrings are copies already. */
export const MIN_VIEW_LENGTH = 13;
