/**
 * npm run search -- "question"            top results with scores, for KB authors
 * npm run --silent search -- --json "q"   [{article, language, title, score}], best first; [] when nothing fits
 * Reads KB_PATH as the bot does.
 */
import { splitKbPath } from '../kb/paths';
import { openKnowledgeBase } from '../search/knowledgeBase';
import { MIN_CONFIDENCE } from '../search/searchIndex';

// `npm run search -- "…" | head -2`: a reader that stops reading ends the tool quietly, as
// other Unix tools do, instead of an unhandled EPIPE and its stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv
    .filter((arg) => arg !== '--json')
    .join(' ')
    .trim();
  if (!question) {
    console.error('Usage: npm run search -- [--json] "question"');
    return 2;
  }
  const kb = await openKnowledgeBase(splitKbPath(process.env.KB_PATH));

  if (json) {
    const { hits } = kb.index.search(question);
    const rows = hits.map(({ number, language, title, score }) => ({ article: number, language, title, score: round(score) }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }

  const answer = kb.index.search(question);
  const answered = new Set(answer.hits.map((hit) => hit.number));
  console.log(`${kb.articles.length} articles; question language: ${answer.language}; answer threshold ${MIN_CONFIDENCE}`);
  const ranked = kb.index.rank(question, { language: answer.language }).slice(0, 5);
  if (ranked.length === 0) console.log('No article shares a word with this question.');
  ranked.forEach((hit, i) => {
    const mark = answered.has(hit.number) ? 'answer' : 'below threshold or not close';
    console.log(`${i + 1}. ${hit.number} [${hit.language}] ${round(hit.score).toFixed(3)}  ${hit.title}  (${mark})`);
  });
  if (answer.hits.length === 0) console.log('=> No matching article.');
  return 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
