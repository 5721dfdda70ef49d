import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArticle } from './parseArticle';
import type { Article, Language } from './types';

/** An article file found under one of the paths, with what its location says. */
export interface ArticleFile {
  file: string;
  /** From the nearest `en/` or `es/` folder inside the searched path, if any. */
  language?: Language;
}

/** A file parsed: its article, or why it is not one. */
export type ParsedFile = { file: string; article: Article } | { file: string; reason: string };

/**
 * Past this many files, half of them are parsed on a worker thread while the main thread parses
 * the other half: a 10,000-article KB's parsing is seconds of work, and a second core does half.
 * Below it, starting the worker (its modules) costs about what it saves.
 */
const PARALLEL_MIN_FILES = 2000;

/**
 * Reads and parses the files, in their order. `pause` is awaited between files (the main thread
 * keeps answering); from `parallelFrom` files, the second half is parsed by a worker meanwhile.
 * If the worker cannot run or fails, the main thread parses that half too.
 */
export async function parseFiles(
  files: readonly ArticleFile[],
  pause: () => Promise<void>,
  parallelFrom: number = PARALLEL_MIN_FILES,
): Promise<{ parsed: ParsedFile[]; onWorker: number }> {
  const half = files.length >= parallelFrom ? Math.ceil(files.length / 2) : files.length;
  // Caught at once: a worker that fails early must not be an unhandled rejection meanwhile.
  const theirs = half < files.length ? parseOnWorker(files.slice(half)).catch(() => undefined) : undefined;
  const ours: ParsedFile[] = [];
  for (const file of files.slice(0, half)) {
    await pause();
    ours.push(parseFile(file));
  }
  if (!theirs) return { parsed: ours, onWorker: 0 };
  const rest = await theirs;
  if (rest) return { parsed: [...ours, ...rest], onWorker: rest.length };
  // No worker: the main thread parses the rest too.
  for (const file of files.slice(half)) {
    await pause();
    ours.push(parseFile(file));
  }
  return { parsed: ours, onWorker: 0 };
}

/** One file read and parsed, or why it is not an article (on either thread). */
export function parseFile({ file, language }: ArticleFile): ParsedFile {
  try {
    return { file, article: parseArticle(readFileSync(file, 'utf8'), file, language) };
  } catch (error) {
    return { file, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The files parsed by a worker thread (parseWorker.ts), in their order; rejects if it fails. */
function parseOnWorker(files: ArticleFile[]): Promise<ParsedFile[]> {
  const script = path.join(__dirname, `parseWorker${path.extname(__filename)}`);
  // Run from the TypeScript sources (tests, tsx), the worker needs tsx's loader, which a worker
  // does not inherit; compiled (npm start), it is plain JavaScript.
  const fromSources = script.endsWith('.ts');
  return new Promise((resolve, reject) => {
    const parsed: ParsedFile[] = [];
    let worker: Worker;
    try {
      worker = fromSources
        ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, { eval: true, workerData: files })
        : new Worker(script, { workerData: files });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.on('message', (batch: ParsedFile[]) => parsed.push(...batch));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 && parsed.length === files.length ? resolve(parsed) : reject(new Error(`parse worker exited with ${code}`))));
  });
}
