import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { REPOSITORY_ROOT } from '../kb/paths';
import { runInSlices, sliceYielder } from '../kb/slices';
import type { Article } from '../kb/types';
import { restoreTerms, serialiseInParts, unpackTerms, type PackedTerm } from './miniSearchData';
import { KbIndex } from './searchIndex';
import { SpellingCorrector } from './spelling';

/**
 * The built search index on disk, keyed by the knowledge base's content hash, so that a restart
 * or a new instance with an unchanged KB reads it instead of parsing every article and building
 * the index again: the parsed articles, MiniSearch's index (toJSON, its terms packed), the document
 * frequencies, the common terms' presence bitsets and the spelling vocabulary. MiniSearch's terms
 * are put back in this module's slices (miniSearchData.ts's restoreTerms).
 *
 * The key hashes every `*.md` file under the KB's folders (path and content) and the code and
 * data that build the index (src/kb, src/search, kb/search), so that a changed article or a
 * changed way of indexing never reads an old index. Hashing every article is most of a cached
 * start at 10,000 articles (80 MB read and hashed), so the cache also records each article's
 * size and modification time, as git's index does: when none of them changed, the content is not
 * hashed again. An edit changes the modification time; a copy with new times (a fresh clone) is
 * hashed once and its cache used, then recorded with the new times. A cache that cannot be read (corrupt,
 * truncated, from another shape of index) is a rebuild with one log line, never an error; so is a
 * cache left by another KB. The file is JSON Lines, read and written a line at a time between
 * turns of the event loop (src/kb/slices.ts): /health keeps answering while a large KB loads.
 */

/** What openKnowledgeBase returns, as far as the cache is concerned. */
export interface CacheableKnowledgeBase {
  index: KbIndex;
  articles: readonly Article[];
  skipped: ReadonlyArray<{ file: string; reason: string }>;
  loadMs: number;
  indexMs: number;
  /** The cache being written after this start, when it is: settles once written or given up, never rejects. */
  cacheWrite?: Promise<void>;
}

const FORMAT = 2;
const PREFIX = 'kb-index-';
const ARTICLES_PER_LINE = 100;
const TERMS_PER_LINE = 200;
/** The KbIndex fields this module knows how to save and restore; the rest are rebuilt from files by the constructor. */
const SAVED_FIELDS = ['miniSearch', 'documentFrequency', 'articles', 'corrector', 'documentCount', 'ordinal', 'commonTerms'];
const FROM_CONSTRUCTOR = ['prior', 'articleWords', 'lexicon', 'wordGroups', 'scorer'];

/** KbIndex's private state, as this module reads and restores it. */
interface IndexState {
  miniSearch: MiniSearch & { _options: Options };
  documentFrequency: Map<string, number>;
  articles: Map<string, Article>;
  corrector: SpellingCorrector;
  documentCount: number;
  ordinal: Map<string, number>;
  commonTerms: Map<string, Uint8Array>;
}

interface Header {
  format: number;
  key: string;
  /** The key of the articles' sizes and modification times (and the code's content) when it was written. */
  statKey?: string;
  ids: string[];
  documentCount: number;
  skipped: CacheableKnowledgeBase['skipped'];
  lines: number;
}

type Line =
  | { articles: Article[] }
  | { mini: Omit<AsPlainObject, 'index'> }
  | { terms: PackedTerm[] }
  | { df: Array<[string, number]> }
  | { common: Array<[string, string]> }
  | { vocabulary: string[] };

/**
 * The knowledge base from the cache in `dir` when it holds this KB's index, else from `open()`,
 * whose result is then written to the cache (after it is returned: readiness does not wait).
 */
export async function withIndexCache<T extends CacheableKnowledgeBase>(
  dir: string | undefined,
  kbPaths: readonly string[],
  log: (line: string) => void,
  open: () => Promise<T>,
  restore: (cached: CacheableKnowledgeBase) => T,
): Promise<T> {
  if (!dir || !indexShapeKnown()) return open();
  const started = performance.now();
  const stats = statKey(kbPaths);
  let existing: string[] = [];
  try {
    existing = readdirSync(dir).filter((name) => name.startsWith(PREFIX) && name.endsWith('.json'));
  } catch {
    // No folder yet: created when the cache is written.
  }
  // Nothing changed since a cache was written (same files, sizes and times): no content to hash.
  const read = new Map<string, Buffer | undefined>();
  for (const name of existing) {
    const file = path.join(dir, name);
    read.set(file, await readCacheFile(file));
    try {
      const cached = await readCache(read.get(file), (header) => header.statKey === stats);
      if (cached) return restore({ ...cached, loadMs: performance.now() - started, indexMs: 0 });
    } catch {
      // Unreadable: the content key below decides, and says so.
    }
  }
  const key = await contentKey(kbPaths);
  const file = path.join(dir, `${PREFIX}${key.slice(0, 32)}.json`);
  let others = existing.filter((name) => path.join(dir, name) !== file);
  try {
    const cached = await readCache(read.has(file) ? read.get(file) : await readCacheFile(file), (header) => header.key === key);
    read.clear();
    if (cached) {
      const kb = restore({ ...cached, loadMs: performance.now() - started, indexMs: 0 });
      // Same content, new times (a copy, a fresh clone): recorded, so that the next start need not hash.
      return { ...kb, cacheWrite: writeLater(dir, file, key, stats, kb, log) };
    }
  } catch (error) {
    log(`Index cache: ${file} could not be read (${error instanceof Error ? error.message : String(error)}); the index is built again`);
    others = [];
  }
  if (others.length) log(`Index cache: none for this knowledge base's content (${others.length} for other content in ${dir}); the index is built again`);
  const kb = await open();
  return { ...kb, cacheWrite: writeLater(dir, file, key, stats, kb, log) };
}

/** The cache written once the caller has the knowledge base (readiness does not wait); a failure is a log line. */
function writeLater(dir: string, file: string, key: string, stats: string, kb: CacheableKnowledgeBase, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
    .then(() => writeCache(dir, file, key, stats, kb))
    .catch((error: unknown) => {
      log(`Index cache: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    });
}

/**
 * Whether KbIndex holds exactly the fields this module saves (and those its constructor reads
 * from files): a field added to the index since is neither saved nor restored, so the cache is
 * not used at all.
 */
function indexShapeKnown(): boolean {
  const fields = Object.keys(KbIndex.build([])).sort();
  return fields.join(',') === [...SAVED_FIELDS, ...FROM_CONSTRUCTOR].sort().join(',');
}

/** sha256 of the format, the indexing code and data, and every article file (path and content). */
/** The code's content (small) and each article's path, size and modification time (no article is read). */
function statKey(kbPaths: readonly string[]): string {
  const hash = createHash('sha256').update(`format ${FORMAT} stats\n`);
  for (const file of codeFiles()) hash.update(`${file}\n`).update(readFileSync(file)).update('\n');
  for (const root of kbPaths) {
    for (const file of filesUnder(path.resolve(root), /\.md$/i)) {
      const stat = statSync(file, { throwIfNoEntry: false });
      hash.update(`${file}\n${stat?.size ?? -1} ${stat?.mtimeMs ?? -1}\n`);
    }
  }
  return hash.digest('hex');
}

/** The code and data that build the index. */
function codeFiles(): string[] {
  return [__dirname, path.join(__dirname, '../kb'), path.join(REPOSITORY_ROOT, 'kb/search')].flatMap((root) => filesUnder(path.resolve(root), /\.(?:[jt]s|json)$/));
}

async function contentKey(kbPaths: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const pause = sliceYielder();
  const articles = kbPaths.flatMap((root) => filesUnder(path.resolve(root), /\.md$/i));
  for (const file of [...codeFiles(), ...articles]) {
    hash.update(`${file}\n`).update(readFileSync(file)).update('\n');
    await pause();
  }
  return hash.digest('hex');
}

function filesUnder(root: string, pattern: RegExp): string[] {
  let entries;
  try {
    if (!statSync(root).isDirectory()) return pattern.test(root) ? [root] : [];
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(root, entry.name), pattern) : pattern.test(entry.name) ? [path.join(root, entry.name)] : []));
}

async function readCacheFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

async function readCache(buffer: Buffer | undefined, accept: (header: Header) => boolean): Promise<Omit<CacheableKnowledgeBase, 'loadMs' | 'indexMs'> | undefined> {
  if (!buffer) return undefined;
  // Decoded a line at a time: the whole file (tens of MB at 10k articles) at once would block the loop.
  const lines = linesOf(buffer);
  const pause = sliceYielder();
  const header = JSON.parse(lines.next().value ?? '') as Header;
  if (header.format !== FORMAT || !accept(header)) throw new Error('written for other content');
  if (buffer.at(-1) !== NEWLINE) throw new Error('truncated');
  if (!isAscii(buffer)) throw new Error('not ASCII');
  const articles: Article[] = [];
  const terms: PackedTerm[] = [];
  const documentFrequency = new Map<string, number>();
  const commonTerms = new Map<string, Uint8Array>();
  let mini: Omit<AsPlainObject, 'index'> | undefined;
  let vocabulary: string[] = [];
  let count = 0;
  for (const raw of lines) {
    await pause();
    count++;
    const line = JSON.parse(raw) as Line;
    if ('articles' in line) articles.push(...line.articles);
    else if ('terms' in line) for (const entry of line.terms) terms.push(entry);
    else if ('df' in line) for (const [term, count] of line.df) documentFrequency.set(term, count);
    else if ('common' in line) for (const [term, bits] of line.common) commonTerms.set(term, new Uint8Array(Buffer.from(bits, 'base64')));
    else if ('mini' in line) mini = line.mini;
    else if ('vocabulary' in line) vocabulary = line.vocabulary;
  }
  if (count !== header.lines || !mini || articles.length !== header.ids.length) throw new Error('incomplete');

  const index = KbIndex.build([]);
  const state = index as unknown as IndexState;
  const options = state.miniSearch._options;
  const miniSearch = MiniSearch.loadJS({ ...mini, index: [] }, options);
  // Its terms in this module's slices (see miniSearchData.ts), else as MiniSearch restores them.
  state.miniSearch = (
    (await restoreTerms(miniSearch, terms, pause)) ? miniSearch : await MiniSearch.loadJSAsync({ ...mini, index: unpackTerms(terms) }, options)
  ) as IndexState['miniSearch'];
  state.documentFrequency = documentFrequency;
  state.commonTerms = commonTerms;
  state.documentCount = header.documentCount;
  header.ids.forEach((id, ordinal) => {
    state.ordinal.set(id, ordinal);
    state.articles.set(id, articles[ordinal]!);
  });
  state.corrector = await runInSlices(SpellingCorrector.building(vocabulary));
  return { index, articles, skipped: header.skipped };
}

const NEWLINE = 0x0a;
// Written as ASCII (JSON's \u escapes for the rest), the file decodes as Latin-1, five times
// faster than UTF-8 (41 MB at 10k articles: 27 ms against 129), and parses faster (130 ms against
// 186) as one-byte strings. It grows by 2%.
const NOT_ASCII = /[\u007f-\uffff]/g;

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The file's lines but the last (empty: the file ends with a newline), each decoded when asked for (as Latin-1: see NOT_ASCII). */
function* linesOf(buffer: Buffer): Generator<string, void> {
  for (let start = 0; start < buffer.length;) {
    const end = buffer.indexOf(NEWLINE, start);
    const stop = end === -1 ? buffer.length : end;
    yield buffer.toString('latin1', start, stop);
    start = stop + 1;
  }
}

async function writeCache(dir: string, file: string, key: string, statKey: string, kb: CacheableKnowledgeBase): Promise<void> {
  const state = kb.index as unknown as IndexState;
  const pause = sliceYielder();
  const { withoutTerms: mini, termCount, terms } = serialiseInParts(state.miniSearch);
  // Each line is made as it is written: the whole file at once (tens of MB at 10k articles, as
  // lines and then as one string) more than doubled the process's memory while it was written.
  const lines = function* (): Generator<string> {
    for (let i = 0; i < kb.articles.length; i += ARTICLES_PER_LINE) yield asciiJson({ articles: kb.articles.slice(i, i + ARTICLES_PER_LINE) });
    yield asciiJson({ mini });
    let line: PackedTerm[] = [];
    for (const term of terms) {
      line.push(term);
      if (line.length < TERMS_PER_LINE) continue;
      yield asciiJson({ terms: line });
      line = [];
    }
    if (line.length) yield asciiJson({ terms: line });
    yield asciiJson({ df: [...state.documentFrequency] });
    yield asciiJson({ common: [...state.commonTerms].map(([term, bits]) => [term, Buffer.from(bits).toString('base64')]) });
    // The words it corrects to (its constructor's filter kept them): the same buckets, in the same order.
    yield asciiJson({ vocabulary: [...(state.corrector as unknown as { known: Set<string> }).known] });
  };
  const lineCount = Math.ceil(kb.articles.length / ARTICLES_PER_LINE) + 1 + Math.ceil(termCount / TERMS_PER_LINE) + 3;
  const header: Header = { format: FORMAT, key, statKey, ids: [...state.ordinal.keys()], documentCount: state.documentCount, skipped: kb.skipped, lines: lineCount };
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: a process stopped half-way leaves no half a cache under the real name.
  const partial = `${file}.${process.pid}.partial`;
  const output = await open(partial, 'w');
  try {
    await output.write(`${asciiJson(header)}\n`);
    for (const line of lines()) {
      await output.write(`${line}\n`);
      await pause();
    }
  } finally {
    await output.close();
  }
  renameSync(partial, file);
  // One KB, one cache: the index of content this KB no longer has is removed.
  for (const name of readdirSync(dir)) if (name.startsWith(PREFIX) && path.join(dir, name) !== file && !name.endsWith('.partial')) rmSync(path.join(dir, name), { force: true });
}
