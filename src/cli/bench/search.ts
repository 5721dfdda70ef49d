/**
 * Search speed figures.
 * - index build time and per-query latency p50/p99 over the labelled questions, on kb/ plus the
 *   shared corpus (KB_PATH, default ../shared/kb-corpus);
 * - the same on a synthetic KB of about 10,000 articles: corpus copies with new numbers, written
 *   to a temporary folder and loaded through the real loader.
 */
import { rmSync } from 'node:fs';
import { openKnowledgeBase, type KnowledgeBase } from '../../search/knowledgeBase';
import type { LabelledQuestion } from '../evaluation';
import { measureBaselines } from './baselines';
import { fixed, percentile, printTable, writeSyntheticCorpus } from './support';

const SYNTHETIC_SIZE = 10_000;
const PASSES = 5;

/** Index build time and per-query latency on the real corpus and on ~10,000 articles. */
export async function benchSearch(corpusPaths: string[], labelled: LabelledQuestion[], withBaselines: boolean): Promise<void> {
  const questions = labelled.map((q) => q.question);
  console.log(`\n## Search: ${questions.length} questions x ${PASSES} passes\n`);
  console.log('knowledge base        articles  load ms  index ms  p50 ms  p99 ms  max ms  heap MB');

  const real = await openKnowledgeBase(corpusPaths, quiet);
  report('real corpus', real, questions);

  const synthetic = writeSyntheticCorpus(corpusPaths, SYNTHETIC_SIZE);
  try {
    report('synthetic 10k', await openKnowledgeBase([synthetic], quiet), questions);
  } finally {
    rmSync(synthetic, { recursive: true, force: true });
  }

  if (!withBaselines) return;
  console.log('\nAgainst the designs it replaced (real corpus, one pass; fuse.js takes a while):');
  printTable(
    ['search', 'top-1', 'off-topic rejected', 'p50 ms', 'p99 ms'],
    measureBaselines(real.articles, real.index, labelled).map((row) => [
      row.name,
      `${row.top1}/${row.answerable} (${pct(row.top1, row.answerable)})`,
      `${row.offTopicRejected}/${row.offTopic} (${pct(row.offTopicRejected, row.offTopic)})`,
      fixed(row.p50Ms),
      fixed(row.p99Ms),
    ]),
  );
}

function pct(part: number, total: number): string {
  return total ? `${((100 * part) / total).toFixed(0)}%` : '-';
}

function report(name: string, kb: KnowledgeBase, questions: string[]): void {
  for (const question of questions) kb.index.search(question); // warm-up: JIT and spelling cache
  const latencies: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const question of questions) {
      const started = performance.now();
      kb.index.search(question);
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `${name.padEnd(20)} ${String(kb.articles.length).padStart(9)} ${fixed(kb.loadMs, 0).padStart(8)} ${fixed(kb.indexMs, 0).padStart(9)}` +
      ` ${fixed(percentile(latencies, 0.5)).padStart(7)} ${fixed(percentile(latencies, 0.99)).padStart(7)} ${fixed(latencies.at(-1) ?? 0).padStart(7)} ${fixed(heapMb, 0).padStart(8)}`,
  );
}

function quiet(): void {}
