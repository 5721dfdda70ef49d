import { DEFAULT_KB_DIR, loadKnowledgeBase } from '../kb/loader';
import type { Article } from '../kb/types';
import { withIndexCache } from './indexCache';
import { KbIndex } from './searchIndex';

/** The loaded articles and their search index: what the bot and the command-line tools query. */
export interface KnowledgeBase {
  index: KbIndex;
  articles: readonly Article[];
  skipped: ReadonlyArray<{ file: string; reason: string }>;
  loadMs: number;
  indexMs: number;
  /** The index cache being written after the start, when it is (see indexCache.ts); never rejects. */
  cacheWrite?: Promise<void>;
}

/**
 * Loads the repository's kb/ plus the given folders and builds the search index; with a cache
 * folder (INDEX_CACHE_DIR), reads both from there when the KB's content is unchanged (indexCache.ts).
 */
export async function openKnowledgeBase(extraPaths: readonly string[], log: (line: string) => void = console.error, cacheDir?: string): Promise<KnowledgeBase> {
  return withIndexCache(
    cacheDir,
    [DEFAULT_KB_DIR, ...extraPaths],
    log,
    () => buildKnowledgeBase(extraPaths, log),
    (cached) => cached,
  );
}

async function buildKnowledgeBase(extraPaths: readonly string[], log: (line: string) => void): Promise<KnowledgeBase> {
  const started = performance.now();
  const { articles, skipped } = await loadKnowledgeBase({ paths: [DEFAULT_KB_DIR, ...extraPaths], log });
  const loaded = performance.now();
  // In slices: the service is already listening, and /health must keep answering meanwhile.
  const index = await KbIndex.buildInSlices(articles);
  return { index, articles, skipped, loadMs: loaded - started, indexMs: performance.now() - loaded };
}
