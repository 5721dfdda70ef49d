import { decodeHTMLStrict } from 'entities';

/**
 * Turns Experience League article Markdown (Markdown mixed with HTML left over from the
 * Dynamics export) into plain text for display and search. Pure functions, no state.
 */

const NBSP = /\u00a0/g;
/** Zero-width spaces and joiners pasted from the editor (seen in keywords). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Opens and closes a protected span: private-use characters never occur in the corpus. */
const TOKEN_OPEN = '\ue000';
const TOKEN_CLOSE = '\ue001';
const TOKEN = /\ue000(\d+)\ue001/g;

/** Bold, italic, underline: leftovers of the rich-text editor, noise even inside code blocks. */
const FORMATTING_TAG = /<\/?(?:b|strong|i|em|u)(?:\s[^<>]*)?\/?>/gi;
/** Inline HTML that may be real content inside code (e-mail templates) but is markup in prose. */
const INLINE_TAG = /<\/?(?:s|strike|del|ins|span|font|mark|small|big|a|code|sup|sub|abbr|kbd|tt)(?:\s[^<>]*)?\/?>/gi;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
/** HTML that only gives structure; cell and item text stays. Unknown names are placeholders (`<instance>`). */
const BLOCK_TAG = /<\/?(?:p|div|table|thead|tbody|tfoot|tr|caption|colgroup|col|ul|ol|center|pre|code|blockquote|h[1-6]|hr)(?:\s[^<>]*)?\/?>/gi;
const CELL_END_TAG = /<\/(?:td|th)\s*>/gi;
const CELL_START_TAG = /<(?:td|th)(?:\s[^<>]*)?\/?>/gi;
const LIST_ITEM_TAG = /<li(?:\s[^<>]*)?>/gi;
const LIST_ITEM_END_TAG = /<\/li\s*>/gi;
const IMAGE_TAG = /<img(?:\s[^<>]*)?\/?>/gi;

const FENCE = /^\s*(```|~~~)/;

/** Normalises CRLF and lone CR to LF. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Non-breaking spaces (raw or `&nbsp;`, once decoded) become ordinary spaces; zero-width ones go. */
function replaceNbsp(text: string): string {
  return text.replace(NBSP, ' ').replace(ZERO_WIDTH, '');
}

/**
 * Decodes HTML entities. Strict: only `;`-terminated references, so that URL query strings
 * such as `&notify=1` keep their text (the lenient decoder reads `&not` as "¬").
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/**
 * Removes the HTML tags the corpus uses for formatting and layout, turning line-level ones
 * into newlines. Tags with other names (`<instance>`, `<external account>`) are
 * placeholders in the prose and stay.
 */
export function stripHtmlTags(text: string): string {
  return text
    .replace(LINE_BREAK_TAG, '\n')
    .replace(IMAGE_TAG, '')
    .replace(FORMATTING_TAG, '')
    .replace(INLINE_TAG, '')
    .replace(CELL_END_TAG, ' ')
    .replace(CELL_START_TAG, ' ')
    .replace(LIST_ITEM_TAG, '\n- ')
    .replace(LIST_ITEM_END_TAG, '\n')
    .replace(BLOCK_TAG, '\n');
}

/** Only the editor's formatting tags: what code blocks may contain by accident. */
function stripFormattingTags(text: string): string {
  return text.replace(LINE_BREAK_TAG, '\n').replace(FORMATTING_TAG, '');
}

/** Drops Markdown images, inline base64 ones included: they carry no text worth keeping. */
export function dropImages(text: string): string {
  return text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '');
}

/**
 * Keeps the text of Markdown links and drops their target; `[!UICONTROL Hot clicks]` and
 * `[!DNL Campaign]` become their label. A link without text (left by a dropped image) goes.
 */
export function unwrapLinks(text: string): string {
  return text
    .replace(/\[!(?:UICONTROL|DNL)\s+([^\]\n]*)\]/g, '$1')
    .replace(/\[([^[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, '$1');
}

/**
 * Removes emphasis markers but keeps their text. `*` is removed wherever it touches a word,
 * because the corpus misplaces it (`*Empty return ... 'xtk: session*'`); a free-standing ` * `
 * stays. `_` only goes in pairs at word edges, so `mcSynch_mcExec` and `APNS_SANDBOX` keep theirs.
 */
export function stripEmphasis(text: string): string {
  return text
    .replace(/\*+(?=[^\s*])|(?<=[^\s*])\*+/g, '')
    .replace(/(^|[\s(["'])(_{1,2})(?=\S)([^_\n]*?\S)\2(?=$|[\s)\].,;:!?"'])/gm, '$1$3');
}

/** Collapses runs of spaces, trims every line and keeps at most one blank line between paragraphs. */
export function collapseWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A character that some step of cleanInline starts from: tags, entities, emphasis, bullets, code, links, escapes, CR, held spans. */
const MARKUP = /[<&*+_`[\\\r\ue000\ue001]/;

/**
 * Cleans one stretch of prose (no code fences): tags, entities, images, links, emphasis,
 * code spans. Line breaks are kept; list markers are kept, with `*`/`+` bullets written as `-`.
 */
export function cleanInline(text: string): string {
  // Text with none of the characters the steps below look for (titles, keywords, much of the
  // prose) only has its spaces to tidy: the same result, without a dozen passes over it.
  if (!MARKUP.test(text)) return collapseWhitespace(replaceNbsp(text));
  const held: string[] = [];
  const hold = (value: string): string => `${TOKEN_OPEN}${held.push(value) - 1}${TOKEN_CLOSE}`;

  let result = dropImages(normalizeLineEndings(text));
  // The export writes `<subdomain>` as `<` subdomain`>`: put it back together, as code.
  result = result
    .replace(/`<`\s*`([^`\n]+>)`/g, '`<$1`')
    .replace(/`<`\s*(\/?\w[^`<>\n]{0,60}?)`>`/g, (_split, name: string) => hold(cleanCodeSpan(`<${name}>`)));
  // Code spans keep their text verbatim apart from formatting leftovers and entities.
  result = result.replace(/`([^`\n]+)`/g, (_span, code: string) => hold(cleanCodeSpan(code)));
  // Backslash escapes (`\*`, `\_`) are literal characters, not emphasis.
  result = result.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, (_escape, character: string) => hold(character));
  result = stripHtmlTags(result);
  result = result.replace(/^([ \t]*)[*+](?=[ \t])/gm, '$1-');
  result = unwrapLinks(result);
  result = stripEmphasis(result).replace(/`/g, '');
  // Entities last: `&lt;instance&gt;` becomes `<instance>` only after tags were stripped.
  result = decodeEntities(result);
  // Code spans can split a tag in two (`<b>text</`<b>b`>`): the joined text is noise too.
  result = stripFormattingTags(restoreHeld(result, held));
  return collapseWhitespace(replaceNbsp(result));
}

/** A code span shows its text; one that is a lone entity (`&laquo;`) is about that entity. */
function cleanCodeSpan(code: string): string {
  const stripped = stripFormattingTags(code);
  return /^\s*&#?\w+;\s*$/.test(stripped) ? stripped.trim() : decodeEntities(stripped);
}

function restoreHeld(text: string, held: readonly string[]): string {
  // Held values never contain tokens, so one pass is enough.
  return text.replace(TOKEN, (_token, index: string) => held[Number(index)] ?? '');
}

/** Code block lines: keep the code and its indentation, drop editor noise and decode entities. */
function cleanCodeBlock(lines: readonly string[]): string {
  const text = replaceNbsp(decodeEntities(stripFormattingTags(lines.join('\n'))));
  const codeLines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  const indents = codeLines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return codeLines
    .map((line) => line.slice(common))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

/** `## Description {#description}` → `Description`; other lines unchanged. */
function stripHeadingMarker(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*(?:\{#[\w-]+\})?\s*#*\s*$/.exec(line);
  return heading ? (heading[1] ?? '') : line;
}

/**
 * Turns a Markdown document or fragment into plain text: code blocks keep their lines,
 * headings lose their `#`, the rest goes through {@link cleanInline}. Paragraphs stay
 * separated by one blank line.
 */
export function markdownToPlainText(markdown: string): string {
  const pieces: string[] = [];
  let prose: string[] = [];
  let code: string[] | null = null;
  let fenceMarker = '';

  const flushProse = (): void => {
    if (prose.length > 0) pieces.push(cleanInline(prose.join('\n')));
    prose = [];
  };

  for (const line of normalizeLineEndings(markdown).split('\n')) {
    const fence = FENCE.exec(line);
    if (code) {
      if (fence && fence[1] === fenceMarker) {
        pieces.push(cleanCodeBlock(code));
        code = null;
      } else {
        code.push(line);
      }
    } else if (fence) {
      flushProse();
      code = [];
      fenceMarker = fence[1] ?? '```';
    } else {
      prose.push(stripHeadingMarker(line));
    }
  }
  if (code) pieces.push(cleanCodeBlock(code));
  flushProse();
  return pieces.filter((piece) => piece.trim()).join('\n\n');
}

/** Plain text on one line: for titles and labels. */
export function toSingleLine(markdown: string): string {
  return cleanInline(markdown).replace(/\s*\n\s*/g, ' ').trim();
}
