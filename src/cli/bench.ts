/**
 * npm run bench: the figures, printed as tables (no pass/fail; the README keeps the latest run).
 *   search   search latency and index build, real corpus and ~10,000 articles, and the baselines
 *   state    bytes stored per conversation at each step of the guided check
 *   turns    guided-check throughput and latency over HTTP against an echo bot's ceiling
 *   growth   start-up time, resident memory and search-turn latency as the KB grows
 * `npm run bench -- search state` runs only those sections; --no-baselines skips fuse.js's slow run.
 * KB_PATH (default ../shared/kb-corpus) is the real corpus.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPOSITORY_ROOT, splitKbPath } from '../kb/paths';
import type { LabelledQuestion } from './evaluation';
import { benchGrowth } from './bench/growth';
import { benchSearch } from './bench/search';
import { benchState } from './bench/state';
import { CORPUS_DEFAULT } from './bench/support';
import { requireCorpus } from './corpus';
import { benchTurns } from './bench/turns';

const SECTIONS = ['search', 'state', 'turns', 'growth'] as const;
const OPTIONS = ['--no-baselines'];

async function main(argv: string[]): Promise<void> {
  // A mistyped section would otherwise run every section (minutes): refuse it before anything runs.
  const unknown = argv.filter((arg) => !(SECTIONS as readonly string[]).includes(arg) && !OPTIONS.includes(arg));
  if (unknown.length) {
    console.error(`Unknown section ${unknown.map((arg) => `"${arg}"`).join(', ')}: the sections are ${SECTIONS.join(', ')} (none: all of them), and the option ${OPTIONS.join(', ')}.`);
    console.error('Usage: npm run bench [-- [search] [state] [turns] [growth] [--no-baselines]]');
    process.exitCode = 2;
    return;
  }
  const asked = argv.filter((arg) => (SECTIONS as readonly string[]).includes(arg));
  const run = new Set(asked.length ? asked : SECTIONS);
  const corpusPaths = splitKbPath(process.env.KB_PATH ?? CORPUS_DEFAULT);
  // No "real corpus" row computed on kb/'s two articles: without the corpus, say so and stop.
  const needCorpus = [...run].filter((section) => section !== 'state');
  if (needCorpus.length) requireCorpus(corpusPaths, `npm run bench (${needCorpus.join(', ')})`);
  const labelled = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'test/eval/questions.json'), 'utf8')) as LabelledQuestion[];
  const cpu = os.cpus()[0]?.model.trim() ?? 'cpu';
  console.log(`# Benchmark: Node ${process.version}, ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${new Date().toISOString().slice(0, 10)}`);

  if (run.has('search')) await benchSearch(corpusPaths, labelled, !argv.includes('--no-baselines'));
  if (run.has('state')) await benchState();
  if (run.has('turns')) await benchTurns(corpusPaths);
  if (run.has('growth')) await benchGrowth(corpusPaths, labelled);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
