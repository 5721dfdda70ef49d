/**
 * Lower case without accents, one character for one, so that a position found in the
 * folded text is the same position in the original (which must be NFC: readFacts
 * normalises the message once).
 */
export function fold(text: string): string {
  let folded = '';
  for (const char of text) {
    const base = char.normalize('NFD')[0]!.toLowerCase();
    folded += base.length === char.length ? base : char;
  }
  return folded;
}

/** `text` with [start, end) replaced by spaces, so that other positions stay valid. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}
