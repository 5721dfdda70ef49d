/**
 * npm run bench: the figures of the performance issue (14), printed as tables, then every target
 * with a pass/fail mark. It takes minutes (about 6 in all, more on a busy machine).
 *   search   search latency and index build, real corpus and ~10,000 articles, and the baselines
 *   state    bytes stored per conversation at each step of the guided check
 *   turns    guided-check throughput and latency over HTTP against three ceilings in the same run:
 *            an echo bot, a bare waterfall of prompts with state, the peer sample's shape
 *   growth   start-up time (first start and with the index cached), resident memory (also after
 *            1,000 conversations) and search-turn latency as the KB grows
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
import { Scorecard } from './bench/targets';

const SECTIONS = ['search', 'state', 'turns', 'growth'] as const;
const OPTIONS = ['--no-baselines'];

async function main(argv: string[]): Promise<void> {
  // A mistyped section would otherwise run every section (minutes): refuse it before anything runs.
  const unknown = argv.filter((arg) => !(SECTIONS as readonly string[]).includes(arg) && !OPTIONS.includes(arg));
  if (unknown.length) {
    console.error(
      `Unknown section ${unknown.map((arg) => `"${arg}"`).join(', ')}: the sections are ${SECTIONS.join(', ')} (none: all of them), and the option ${OPTIONS.join(', ')}.`,
    );
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
  console.log(
    `This takes minutes (sections: ${[...run].join(', ')}; all of them about 6 minutes, more on a busy machine: load average now ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}). Targets and pass/fail marks come at the end.`,
  );
  const scorecard = new Scorecard();

  if (run.has('search')) await benchSearch(corpusPaths, labelled, !argv.includes('--no-baselines'));
  if (run.has('state')) await benchState();
  if (run.has('turns')) await benchTurns(corpusPaths, scorecard);
  if (run.has('growth')) await benchGrowth(corpusPaths, labelled, scorecard);
  if (scorecard.size) scorecard.print();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
