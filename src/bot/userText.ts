import type { Activity } from 'botbuilder-core';

/**
 * What a user sends, made safe for the rest of the bot once, as the turn starts: the typed text
 * and a card's string inputs are cut to MAX_USER_TEXT_LENGTH characters and cleaned of what no
 * question or log line needs. The search, the language detector, the time parser and the log
 * reader then only ever see bounded, well-formed text, whatever a client posted.
 */

/** An answer, a question or a pasted log excerpt: a Teams message box holds far less than a page of this. */
export const MAX_USER_TEXT_LENGTH = 4000;

/** Card inputs with more keys than this are not a card this bot sent. */
const MAX_VALUE_KEYS = 50;

// Control characters except tab, line feed and carriage return (log lines keep their layout).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are cleaned out of user text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Invisible format characters that change how text displays or compares, not what it says:
// zero-width spaces and joiners, bidirectional overrides and isolates, the BOM, soft hyphen,
// interlinear annotations and invisible operators.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// A UTF-16 surrogate without its pair (JSON can carry "\ud800"): not a character at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// More than this many combining marks on one letter is "Zalgo" text, not a language.
const STACKED_MARKS = /(\p{M}{4})\p{M}+/gu;

/**
 * A user's text, bounded and cleaned: lone surrogates become U+FFFD, control and invisible
 * format characters are dropped (tab and new lines kept), stacks of combining marks are cut to
 * four, the result is NFC-normalised and at most `max` UTF-16 units long, never ending in half
 * a surrogate pair. Not a string: "".
 */
export function cleanUserText(text: unknown, max: number = MAX_USER_TEXT_LENGTH): string {
  if (typeof text !== 'string') return '';
  // Cut first (with room for what the cleaning removes), so that no step below sees more than a
  // few times the limit whatever was posted.
  let cleaned = text.length > max * 4 ? text.slice(0, max * 4) : text;
  cleaned = cleaned.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '').replace(INVISIBLE, '').replace(STACKED_MARKS, '$1').normalize('NFC');
  if (cleaned.length > max) {
    cleaned = cleaned.slice(0, max);
    if (/[\ud800-\udbff]$/.test(cleaned)) cleaned = cleaned.slice(0, -1);
  }
  return cleaned;
}

/**
 * Cleans an incoming activity's user text in place: `text`, and the string fields of a card's
 * `value` (Action.Submit data and inputs). Other values are left as they are: the dialogs only
 * read strings, booleans and known keys from `value`.
 */
export function cleanIncomingActivity(activity: Partial<Activity>): void {
  if (activity.text !== undefined) activity.text = cleanUserText(activity.text);
  const value: unknown = activity.value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_VALUE_KEYS);
    activity.value = Object.fromEntries(entries.map(([key, field]) => [key, typeof field === 'string' ? cleanUserText(field) : field]));
  }
}
