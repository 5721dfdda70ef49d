import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from './parseArticle';
import type { ArticleFile, ParsedFile } from './parseFiles';

/**
 * A worker thread's share of a large knowledge base's parsing (parseFiles.ts): reads and parses
 * its files in order and posts them back in batches, so that the main thread, which goes on
 * answering /health, never has much to take in at once.
 */
const BATCH = 200;

const files = workerData as ArticleFile[];
let batch: ParsedFile[] = [];
for (const { file, language } of files) {
  try {
    batch.push({ file, article: parseArticle(readFileSync(file, 'utf8'), file, language) });
  } catch (error) {
    batch.push({ file, reason: error instanceof Error ? error.message : String(error) });
  }
  if (batch.length === BATCH) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
parentPort?.postMessage(batch);
