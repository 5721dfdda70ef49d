import path from 'node:path';
import { ownString } from './ownString';
import { splitFrontMatter, textField } from './frontMatter';
import type { PartKind } from './labels';
import { dropImages, markdownToPlainText, normalizeLineEndings, toSingleLine } from './markdown';
import { segmentBody, type BodySegment } from './sections';
import { splitSteps } from './steps';
import { LANGUAGES, type Article, type Language } from './types';

/** Experience League's address for an article; the number is lower case in the path. */
function articleUrl(number: string, language: Language): string {
  return `https://experienceleague.adobe.com/${language}/docs/experience-cloud-kcs/kbarticles/${number.toLowerCase()}`;
}

/**
 * The footer many articles end with ("Ask questions in our Experience League Campaign
 * Community... If you have any questions..."): not part of any answer.
 */
const COMMUNITY_BOILERPLATE =
  /^(?:ask questions in our experience league campaign community|haga preguntas en nuestra comunidad de experience league campaign|if you have any questions you'd like answered about this topic|si tiene alguna pregunta que le gustar[ií]a que se respondiera)/i;

/** Front-matter descriptions that only repeat the section name. */
const PLACEHOLDER_DESCRIPTION = /^(?:description|descripci[oó]n|resolution|resoluci[oó]n)$/i;

/**
 * Parses one article file. `source` is the file path (it names the article in errors and
 * gives the language by its folder, `en/` or `es/`); `language` overrides the guess.
 * Throws an Error saying why when the text is not an article.
 */
export function parseArticle(text: string, source: string, language?: Language): Article {
  const { data, body: markdown } = splitFrontMatter(normalizeLineEndings(text));
  // Inline base64 images are most of some files' bytes: drop them once, before any other pass.
  const body = dropImages(markdown);
  const { heading, segments } = segmentBody(body);

  const number = articleNumber(data, source);
  const title = cleanTitle(textField(data, 'title')) || cleanTitle(heading);
  if (!title && !number) throw new Error('not an article: no title and no article number');
  if (!number) throw new Error('no article number (no "article-number" field and no KA-number in the file name)');
  if (!title) throw new Error('no title (no "title" field and no "# " heading)');

  const articleLanguage = language ?? languageFromFolder(source) ?? languageFromFrontMatter(data);
  const partText = (kind: PartKind): string => plainText(linesOf(segments, (segment) => segment.part === kind));

  const unlabelledDescription = plainText(linesOf(segments, (segment) => segment.section === 'description' && segment.part === null));
  const lead = plainText(linesOf(segments, (segment) => segment.section === 'lead' && segment.part === null));
  const issue = partText('issue') || unlabelledDescription || lead;

  const resolutionMarkdown = linesOf(
    segments,
    (segment) => segment.part === 'resolution' || (segment.section === 'resolution' && segment.part === null),
  );
  let resolution = resolutionSteps(resolutionMarkdown);
  if (resolution.length === 0) {
    // A few articles put the fix under a Cause label inside the Resolution section:
    // that section's paragraphs are a better answer than none.
    resolution = resolutionSteps(
      linesOf(segments, (segment) => segment.section === 'resolution' && segment.part !== 'community' && segment.part !== 'relatedReading'),
    );
  }

  const frontMatterDescription = cleanTitle(textField(data, 'description'));
  const description = PLACEHOLDER_DESCRIPTION.test(frontMatterDescription)
    ? oneLine(lead || firstParagraph(issue))
    : frontMatterDescription;

  const stepsToReproduce = partText('stepsToReproduce');
  const relatedReading = partText('relatedReading');

  // Kept for the process's life: each text a compact string of its own (ownString.ts).
  return {
    number,
    language: articleLanguage,
    title: ownString(title),
    description: ownString(description),
    keywords: parseKeywords(data.keywords).map(ownString),
    environment: ownString(environmentText(partText('environment'))),
    issue: ownString(issue),
    cause: ownString(partText('cause')),
    resolution: resolution.map(ownString),
    ...(stepsToReproduce ? { stepsToReproduce: ownString(stepsToReproduce) } : {}),
    ...(relatedReading ? { relatedReading: ownString(relatedReading) } : {}),
    body: ownString(markdownToPlainText(body)),
    version: versionNumber(data['version-number']),
    url: articleUrl(number, articleLanguage),
    source,
  };
}

/** Markdown of the segments that match, one blank line between segments. */
function linesOf(segments: readonly BodySegment[], matches: (segment: BodySegment) => boolean): string {
  return segments
    .filter(matches)
    .map((segment) => segment.lines.join('\n'))
    .join('\n\n');
}

function resolutionSteps(markdown: string): string[] {
  return splitSteps(markdown).filter((step) => !COMMUNITY_BOILERPLATE.test(step));
}

/** Plain text without the community footer paragraphs. */
function plainText(markdown: string): string {
  return markdownToPlainText(markdown)
    .split(/\n{2,}/)
    .filter((paragraph) => !COMMUNITY_BOILERPLATE.test(paragraph))
    .join('\n\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function firstParagraph(text: string): string {
  return text.split(/\n{2,}/)[0] ?? '';
}

/** "- Adobe Campaign\n- Adobe Campaign Classic" → "Adobe Campaign, Adobe Campaign Classic". */
function environmentText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
    .join(', ');
}

/**
 * Front-matter text (title, description) as one clean line. The translation sometimes
 * leaves quotes around the whole value (`"Aprenda a ..."`) or unbalanced at one end
 * (`"Adobe Campaign: ... report'`): those go, quotes inside the text stay.
 */
function cleanTitle(raw: string): string {
  let title = toSingleLine(raw);
  for (const quote of ['"', "'"]) {
    const count = (value: string): number => value.split(quote).length - 1;
    if (title.length > 1 && title.startsWith(quote) && title.endsWith(quote) && count(title) === 2) title = title.slice(1, -1).trim();
    if (title.startsWith(quote) && count(title) % 2 === 1) title = title.slice(1).trim();
    if (title.endsWith(quote) && count(title) % 2 === 1) title = title.slice(0, -1).trim();
  }
  return title;
}

function articleNumber(data: Record<string, unknown>, source: string): string {
  const field = textField(data, 'article-number').toUpperCase();
  if (/^KA-\d+$/.test(field)) return field;
  const fromName = /KA-\d+/i.exec(path.basename(source));
  return fromName ? fromName[0].toUpperCase() : field;
}

/** The folder an article sits in (`en/`, `es/`) says its language. */
function languageFromFolder(file: string): Language | null {
  const folder = path.basename(path.dirname(file)).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(folder) ? (folder as Language) : null;
}

/** Only the Spanish (translated) files carry the translation pipeline's fields. */
function languageFromFrontMatter(data: Record<string, unknown>): Language {
  return 'ht-degree' in data || 'workflow-type' in data ? 'es' : 'en';
}

function versionNumber(value: unknown): number {
  const version = typeof value === 'number' ? value : Number.parseInt(typeof value === 'string' ? value : '', 10);
  return Number.isFinite(version) && version > 0 ? version : 1;
}

/**
 * Front-matter keywords: one comma-separated string (sometimes a YAML list), with stray
 * quotes from double quoting (`'''KCS, ..., técnico"'`) and without the "KCS" tag.
 */
export function parseKeywords(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(String).join(',') : typeof value === 'string' ? value : '';
  const seen = new Set<string>();
  return raw
    .split(',')
    .map((keyword) => toSingleLine(keyword).replace(/^["'\s]+|["'\s]+$/g, ''))
    .filter((keyword) => keyword && keyword.toUpperCase() !== 'KCS')
    .filter((keyword) => {
      const key = keyword.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
