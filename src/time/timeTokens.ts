/**
 * Splits a chat message into the pieces the time grammar reads: clock readings
 * ("06:02", "6.02", "6h02", "06:00:41.874+02:00"), plain numbers, words (lower case,
 * accents stripped) and breaks (punctuation that ends a phrase). Linear in the text;
 * no regular expression here can backtrack more than a few characters.
 */

export type TimeToken =
  | { readonly kind: 'clock'; readonly hour: number; readonly minute: number; readonly second?: number; readonly separator: ':' | '.' | 'h' }
  /** "6:2": a clock with a one-digit minute, which could be 06:02 or 06:20. */
  | { readonly kind: 'vagueClock' }
  | { readonly kind: 'number'; readonly value: number; readonly digits: string }
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'break' };

/** Lower case, no accents, no control characters, "a.m."/"p. m." as "am"/"pm", "o'clock" as "oclock". */
export function normalizeForTime(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // eslint-disable-next-line no-control-regex -- control and invisible characters become spaces on purpose
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
      .replace(/\b([ap])\s?\.\s?m\b\.?/g, ' $1m ')
      .replace(/([a-z])['\u2019]([a-z])/g, '$1$2')
  );
}

const SPACE = /\s+/y;
const ALNUM = /[a-z0-9_]+/y;
// After a one- or two-digit run: ":MM", ":MM:SS", fractions and a zone (ignored: the log's wall-clock time is the one that counts).
const COLON_REST = /:(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?(?:z(?![a-z])|[+-]\d{2}:?\d{2}(?!\d))?)?(?![\d:])/y;
const COLON_SHORT = /:\d(?![\d:])/y;
// ".MM" but not the middle of a date such as 19.08.2022.
const DOT_REST = /\.(\d{2})(?!\d|[.,]\d)/y;
const DIGITS_ONLY = /^\d+$/;
const HOUR_H_MINUTE = /^(\d{1,2})h(\d{2})$/;
const NUMBER_THEN_WORD = /^(\d{1,4})(am|pm|h|hs|hr|hrs)$/;

export function tokenizeTime(normalized: string): TimeToken[] {
  const tokens: TimeToken[] = [];
  let position = 0;
  while (position < normalized.length) {
    SPACE.lastIndex = position;
    if (SPACE.test(normalized)) {
      position = SPACE.lastIndex;
      continue;
    }
    ALNUM.lastIndex = position;
    const run = ALNUM.exec(normalized);
    if (run) {
      position = readAlphanumeric(normalized, run[0], position, ALNUM.lastIndex, tokens);
      continue;
    }
    const char = normalized[position]!;
    // A hyphen inside a word ("twenty-five") joins, anywhere else it separates.
    const joinsWords = char === '-' && /[a-z]/.test(normalized[position - 1] ?? '') && /[a-z]/.test(normalized[position + 1] ?? '');
    if (!joinsWords && tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break' });
    position += 1;
  }
  return tokens;
}

/** Pushes the token(s) for one letters-and-digits run and returns where reading goes on. */
function readAlphanumeric(text: string, run: string, start: number, end: number, tokens: TimeToken[]): number {
  if (DIGITS_ONLY.test(run)) {
    // A time zone offset ("+02:00") is not a time.
    if (run.length <= 2 && text[start - 1] !== '+') {
      const clockEnd = readClockRest(text, Number(run), end, tokens);
      if (clockEnd !== undefined) return clockEnd;
    }
    tokens.push({ kind: 'number', value: Number(run), digits: run });
    return end;
  }
  const hMinute = HOUR_H_MINUTE.exec(run);
  if (hMinute) {
    const minute = Number(hMinute[2]);
    if (Number(hMinute[1]) <= 24 && minute <= 59) {
      tokens.push({ kind: 'clock', hour: Number(hMinute[1]), minute, separator: 'h' });
      return end;
    }
  }
  const numberWord = NUMBER_THEN_WORD.exec(run);
  if (numberWord) {
    tokens.push({ kind: 'number', value: Number(numberWord[1]), digits: numberWord[1]! });
    tokens.push({ kind: 'word', word: numberWord[2]! });
    return end;
  }
  tokens.push({ kind: 'word', word: run });
  return end;
}

function readClockRest(text: string, hour: number, at: number, tokens: TimeToken[]): number | undefined {
  COLON_REST.lastIndex = at;
  const colon = COLON_REST.exec(text);
  if (colon) {
    const second = colon[2] === undefined ? undefined : Number(colon[2]);
    tokens.push({ kind: 'clock', hour, minute: Number(colon[1]), ...(second === undefined ? {} : { second }), separator: ':' });
    return COLON_REST.lastIndex;
  }
  COLON_SHORT.lastIndex = at;
  if (COLON_SHORT.test(text)) {
    tokens.push({ kind: 'vagueClock' });
    return COLON_SHORT.lastIndex;
  }
  DOT_REST.lastIndex = at;
  const dot = DOT_REST.exec(text);
  // "25.99" is a price, not a broken time: only a plausible reading becomes a clock.
  if (dot && hour <= 24 && Number(dot[1]) <= 59) {
    tokens.push({ kind: 'clock', hour, minute: Number(dot[1]), separator: '.' });
    return DOT_REST.lastIndex;
  }
  return undefined;
}
