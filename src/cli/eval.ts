/**
 * npm run eval: top-1 accuracy per group of labelled questions (test/eval/questions.json) and
 * the off-topic rejection rate, over kb/ plus KB_PATH (default: ../shared/kb-corpus).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitKbPath } from '../kb/paths';
import { REPOSITORY_ROOT } from '../kb/paths';
import { openKnowledgeBase } from '../search/knowledgeBase';
import { requireCorpus } from './corpus';
import { evaluate, type LabelledQuestion } from './evaluation';
import { evaluateSet, formatSetReport, fuseDefaults, miniSearchDefaults, thisSearch, type Engine } from './searchEvaluation';
import { printGuidedEval } from './guidedEval';

async function main(): Promise<void> {
  const kbPaths = splitKbPath(process.env.KB_PATH ?? path.resolve(REPOSITORY_ROOT, '../shared/kb-corpus'));
  // Accuracy on kb/'s two articles (42%) is no figure at all: without the corpus, stop and say so.
  requireCorpus(kbPaths, 'npm run eval');
  const questionsFile = process.env.EVAL_QUESTIONS ?? path.join(REPOSITORY_ROOT, 'test/eval/questions.json');
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as LabelledQuestion[];
  const kb = await openKnowledgeBase(kbPaths);
  if (process.argv.includes('--conversations')) {
    await printGuidedEval(kb);
    return;
  }
  const report = evaluate(kb.index, questions);
  const verbose = process.argv.includes('--verbose');

  console.log(`${kb.articles.length} articles, ${questions.length} questions (${path.relative(process.cwd(), questionsFile)})\n`);
  console.log('group          questions  correct  rate     wrong language');
  for (const group of report.groups) {
    console.log(
      `${group.group.padEnd(14)} ${String(group.total).padStart(9)}  ${String(group.correct).padStart(7)}  ${percent(group.correct, group.total).padStart(6)}  ${String(group.wrongLanguage).padStart(6)}`,
    );
    if (verbose) for (const miss of group.misses) console.log(`    miss ${miss.id}: got ${miss.got}`);
  }
  const { answerable, offTopic } = report;
  console.log(`\nTop-1 accuracy (answerable): ${answerable.top1}/${answerable.total} = ${percent(answerable.top1, answerable.total)}`);
  console.log(`Right article offered:       ${answerable.offered}/${answerable.total} = ${percent(answerable.offered, answerable.total)}`);
  console.log(`Off-topic rejection:         ${offTopic.rejected}/${offTopic.total} = ${percent(offTopic.rejected, offTopic.total)}`);
  console.log('');
  printSearchSets(kb, questionsFile, questions, verbose);
  if (process.argv.includes('--search-only')) return;
  await printGuidedEval(kb);
}

/**
 * top-1, top-3 and rejection by group, language and half, for this search and the baselines,
 * on questions.json and, once it exists, test/eval/search-questions.json (reported separately).
 * --no-baselines skips MiniSearch and fuse.js (fuse.js takes tens of seconds).
 */
function printSearchSets(kb: Awaited<ReturnType<typeof openKnowledgeBase>>, questionsFile: string, questions: LabelledQuestion[], verbose: boolean): void {
  const engines: Engine[] = [thisSearch(kb.index)];
  if (!process.argv.includes('--no-baselines')) engines.push(miniSearchDefaults(kb.articles), fuseDefaults(kb.articles));
  const sets: Array<[string, LabelledQuestion[]]> = [[questionsFile, questions]];
  const searchSet = path.join(REPOSITORY_ROOT, 'test/eval/search-questions.json');
  if (existsSync(searchSet) && path.resolve(questionsFile) !== searchSet) sets.push([searchSet, JSON.parse(readFileSync(searchSet, 'utf8')) as LabelledQuestion[]]);
  for (const [file, items] of sets) {
    const report = evaluateSet(items, engines);
    console.log(`## ${path.relative(process.cwd(), file)}: ${items.length} questions (n answerable, n/a unanswerable)\n`);
    for (const line of formatSetReport(report)) console.log(line);
    if (verbose) for (const miss of report.misses) console.log(`    miss ${miss.id}: expected ${miss.expected ?? 'none'}, got ${miss.got} (top 3 ${miss.top3 || '-'})`);
    console.log('');
  }
}

function percent(part: number, total: number): string {
  return total === 0 ? '-' : `${((100 * part) / total).toFixed(1)}%`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
