import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { GuidedCheckData } from './checkData';
import { parseCheckFile } from './checkFile';
import { parseFiles, type ArticleFile } from './parseFiles';
import { DEFAULT_CHECKS_DIR, DEFAULT_KB_DIR, splitKbPath } from './paths';
import { sliceYielder } from './slices';
import { LANGUAGES, type Article, type Language } from './types';

export { DEFAULT_KB_DIR, splitKbPath };
export type { GuidedCheckData };

interface SkippedFile {
  file: string;
  reason: string;
}

export interface KnowledgeBaseLoad {
  /** One article per number and language, sorted by number then language. */
  articles: Article[];
  /** Files (and paths) that could not be read as articles, with why. */
  skipped: SkippedFile[];
  /** How many files a worker thread parsed (a large KB's second half: parseFiles.ts); 0 when none did. */
  parsedOnWorker: number;
}

export interface LoadOptions {
  /** Folders searched recursively for `*.md` articles, or single article files. */
  paths: readonly string[];
  /** Receives one line per problem; nothing when all goes well. */
  log?: (line: string) => void;
  /** From how many files a worker thread parses half of them (parseFiles.ts; default 2,000). */
  parallelFrom?: number;
}

// Collators made once: localeCompare with options builds one per call, and sorting 10,000
// articles that way blocked the event loop for a second. Same order as localeCompare.
const BY_NUMBER = new Intl.Collator('en', { numeric: true });
const BY_NAME = new Intl.Collator();

/** Markdown files in a documentation folder that are not articles. */
const NOT_ARTICLES = /^(?:readme|license|licence|changelog|contributing|index)\.md$/i;


/**
 * Loads every article under the given paths. A file that is not an article is logged in one
 * line and skipped; it never stops the others. The same article (number and language) found
 * twice is kept in its highest `version-number`; on a tie the later path wins.
 *
 * Files are read synchronously: parsing is the cost, and measured on the 540-file corpus
 * sync reads took ~310 ms in all against ~400 ms with 32 bounded concurrent async reads.
 * Every few milliseconds of parsing the loop yields to the event loop (src/kb/slices.ts), so
 * that a server already listening still answers (its readiness probe gets 503) while a large
 * knowledge base loads. By time, not every 50 files: 50 files took 100 ms on a busy machine.
 * Past 2,000 files, a worker thread parses the second half meanwhile (parseFiles.ts).
 */
export async function loadKnowledgeBase(options: LoadOptions): Promise<KnowledgeBaseLoad> {
  const log = options.log ?? (() => undefined);
  const skipped: SkippedFile[] = [];
  const skip = (file: string, reason: string): void => {
    const oneLine = reason.replace(/\s+/g, ' ').trim();
    skipped.push({ file, reason: oneLine });
    log(`KB: skipped ${file}: ${oneLine}`);
  };

  const byKey = new Map<string, Article>();
  const pause = sliceYielder();
  const files: ArticleFile[] = [];
  for (const root of options.paths) {
    try {
      files.push(...(await findArticleFiles(path.resolve(root), pause)));
    } catch (error) {
      skip(root, isMissing(error) ? 'path not found' : errorMessage(error));
    }
  }
  // Let the process answer in between (a readiness probe gets its 503, not a stall).
  const { parsed: results, onWorker } = await parseFiles(files, pause, options.parallelFrom);
  for (const parsed of results) {
    if ('reason' in parsed) {
      skip(parsed.file, parsed.reason);
      continue;
    }
    const { article } = parsed;
    const key = `${article.number}|${article.language}`;
    const kept = byKey.get(key);
    if (!kept || article.version >= kept.version) byKey.set(key, article);
  }

  const articles = [...byKey.values()].sort((a, b) => BY_NUMBER.compare(a.number, b.number) || a.language.localeCompare(b.language));
  return { articles, skipped, parsedOnWorker: onWorker };
}

/**
 * `*.md` articles under a folder (sorted, so that "later wins" is stable), or the file itself.
 * Pausing as it goes: listing a folder of 10,000 articles is tens of milliseconds of work.
 */
async function findArticleFiles(root: string, pause: () => Promise<void>): Promise<ArticleFile[]> {
  if (statSync(root).isFile()) return [{ file: root, ...languageOf(path.dirname(root), path.dirname(root)) }];

  const found: ArticleFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => BY_NAME.compare(a.name, b.name));
    const language = languageOf(root, dir);
    for (const entry of entries) {
      await pause();
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.md$/i.test(entry.name) && !NOT_ARTICLES.test(entry.name)) {
        found.push({ file: full, ...language });
      }
    }
  };
  await walk(root);
  return found;
}

/** The nearest folder named after a language, between the file's folder and the searched root. */
function languageOf(root: string, dir: string): { language?: Language } {
  for (let current = dir; ; current = path.dirname(current)) {
    const name = path.basename(current).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(name)) return { language: name as Language };
    if (current === root || path.dirname(current) === current) return {};
  }
}

/**
 * Reads `<dir>/<number>.json`, a guided check of the restart-window kind, as its settings.
 * Synchronous: one small file, read once at start-up. Throws a message naming the file.
 */
export function loadGuidedCheck(number: string, dir: string = DEFAULT_CHECKS_DIR): GuidedCheckData {
  const articleNumber = number.trim().toUpperCase();
  if (!/^KA-\d+$/.test(articleNumber)) throw new Error(`Not an article number: "${number}"`);
  const file = path.join(dir, `${articleNumber}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read guided check ${file}: ${errorMessage(error)}`);
  }
  const check = parseCheckFile(json, file);
  if (!check.articles.includes(articleNumber)) throw new Error(`${file}: "articles" does not hold ${articleNumber}`);
  // The settings are checked against the rule when the checks load (src/check/registry.ts).
  return { article: articleNumber, ...(check.settings as Omit<GuidedCheckData, 'article'>) };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
