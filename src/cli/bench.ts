/**
 * npm run bench: search speed figures (no pass/fail; see the README for the latest run).
 * - index build time and per-query latency p50/p99 over the labelled questions, on kb/ plus the
 *   shared corpus (KB_PATH, default ../shared/kb-corpus);
 * - the same on a synthetic KB of about 10,000 articles: corpus copies with new numbers, written
 *   to a temporary folder and loaded through the real loader.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitKbPath } from '../kb/paths';
import { openKnowledgeBase, type KnowledgeBase } from '../knowledgeBase';
import { REPOSITORY_ROOT } from '../kb/paths';
import { measureBaselines } from './baselines';
import type { LabelledQuestion } from './evaluation';

const SYNTHETIC_SIZE = 10_000;
const PASSES = 5;

async function main(): Promise<void> {
  const corpusPaths = splitKbPath(process.env.KB_PATH ?? path.resolve(REPOSITORY_ROOT, '../shared/kb-corpus'));
  const labelled = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'test/eval/questions.json'), 'utf8')) as LabelledQuestion[];
  const questions = labelled.map((q) => q.question);
  console.log(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; ${questions.length} questions x ${PASSES} passes\n`);
  console.log('knowledge base        articles  load ms  index ms  p50 ms  p99 ms  max ms  heap MB');

  const real = await openKnowledgeBase(corpusPaths, quiet);
  report('real corpus', real, questions);

  const synthetic = writeSyntheticCorpus(corpusPaths, SYNTHETIC_SIZE);
  try {
    report('synthetic 10k', await openKnowledgeBase([synthetic], quiet), questions);
  } finally {
    rmSync(synthetic, { recursive: true, force: true });
  }

  if (process.argv.includes('--no-baselines')) return;
  console.log('\nAgainst the designs it replaced (real corpus, one pass; fuse.js takes a while):');
  console.log('search                            top-1         off-topic rejected   p50 ms   p99 ms');
  for (const row of measureBaselines(real.articles, real.index, labelled)) {
    console.log(
      `${row.name.padEnd(32)} ${`${row.top1}/${row.answerable}`.padStart(8)} ${`(${pct(row.top1, row.answerable)})`.padStart(8)}` +
        ` ${`${row.offTopicRejected}/${row.offTopic}`.padStart(10)} ${`(${pct(row.offTopicRejected, row.offTopic)})`.padStart(8)} ${fixed(row.p50Ms).padStart(8)} ${fixed(row.p99Ms).padStart(8)}`,
    );
  }
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

/** Copies of the corpus articles with new article numbers, as Markdown files in a temp folder. */
function writeSyntheticCorpus(corpusPaths: string[], size: number): string {
  const sources = corpusPaths.flatMap((dir) => ['en', 'es'].flatMap((language) => {
    const folder = path.join(dir, language);
    try {
      return readdirSync(folder).filter((file) => file.endsWith('.md')).map((file) => ({ language, text: readFileSync(path.join(folder, file), 'utf8') }));
    } catch {
      return [];
    }
  }));
  if (sources.length === 0) throw new Error(`No corpus articles found in ${corpusPaths.join(', ')}`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'kb-synthetic-'));
  for (const language of ['en', 'es']) mkdirSync(path.join(root, language));
  for (let i = 0; i < size; i++) {
    const source = sources[i % sources.length]!;
    const number = `KA-${String(900000 + i)}`;
    const text = source.text.replace(/^article-number:.*$/m, `article-number: ${number}`);
    writeFileSync(path.join(root, source.language, `${number}.md`), text);
  }
  return root;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

function quiet(): void {}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
