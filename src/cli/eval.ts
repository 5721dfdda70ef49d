/**
 * npm run eval: top-1 accuracy per group of labelled questions (test/eval/questions.json) and
 * the off-topic rejection rate, over kb/ plus KB_PATH (default: ../shared/kb-corpus).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitKbPath } from '../kb/paths';
import { REPOSITORY_ROOT } from '../kb/paths';
import { openKnowledgeBase } from '../search/knowledgeBase';
import { requireCorpus } from './corpus';
import { evaluate, type LabelledQuestion } from './evaluation';
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
    console.log(`${group.group.padEnd(14)} ${String(group.total).padStart(9)}  ${String(group.correct).padStart(7)}  ${percent(group.correct, group.total).padStart(6)}  ${String(group.wrongLanguage).padStart(6)}`);
    if (verbose) for (const miss of group.misses) console.log(`    miss ${miss.id}: got ${miss.got}`);
  }
  const { answerable, offTopic } = report;
  console.log(`\nTop-1 accuracy (answerable): ${answerable.top1}/${answerable.total} = ${percent(answerable.top1, answerable.total)}`);
  console.log(`Right article offered:       ${answerable.offered}/${answerable.total} = ${percent(answerable.offered, answerable.total)}`);
  console.log(`Off-topic rejection:         ${offTopic.rejected}/${offTopic.total} = ${percent(offTopic.rejected, offTopic.total)}`);
  console.log('');
  await printGuidedEval(kb);
}

function percent(part: number, total: number): string {
  return total === 0 ? '-' : `${((100 * part) / total).toFixed(1)}%`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
