import { parentPort, workerData } from 'node:worker_threads';
import { parseFile, type ArticleFile, type ParsedFile } from './parseFiles';

/**
 * A worker thread's share of a large knowledge base's parsing (parseFiles.ts): reads and parses
 * its files in order and posts them back in batches, so that the main thread, which goes on
 * answering /health, never has much to take in at once.
 */
const BATCH = 200;

let batch: ParsedFile[] = [];
for (const file of workerData as ArticleFile[]) {
  batch.push(parseFile(file));
  if (batch.length === BATCH) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
parentPort?.postMessage(batch);
