import { DEFAULT_KB_DIR, loadKnowledgeBase } from '../kb/loader';
import type { Article } from '../kb/types';
import { KbIndex } from './searchIndex';

/** The loaded articles and their search index: what the bot and the command-line tools query. */
export interface KnowledgeBase {
  index: KbIndex;
  articles: readonly Article[];
  skipped: ReadonlyArray<{ file: string; reason: string }>;
  loadMs: number;
  indexMs: number;
}

/** Loads the repository's kb/ plus the given folders and builds the search index. */
export async function openKnowledgeBase(extraPaths: readonly string[], log: (line: string) => void = console.error): Promise<KnowledgeBase> {
  const started = performance.now();
  const { articles, skipped } = await loadKnowledgeBase({ paths: [DEFAULT_KB_DIR, ...extraPaths], log });
  const loaded = performance.now();
  // In slices: the service is already listening, and /health must keep answering meanwhile.
  const index = await KbIndex.buildInSlices(articles);
  return { index, articles, skipped, loadMs: loaded - started, indexMs: performance.now() - loaded };
}
