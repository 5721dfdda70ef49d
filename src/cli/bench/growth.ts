import { rmSync } from 'node:fs';
import type { LabelledQuestion } from '../evaluation';
import { activity, fixed, percentile, printTable, startProcess, writeSyntheticCorpus } from './support';

/** Start-up, resident memory and search-turn latency of the real service as the KB grows. */

const SEARCH_TURNS = 300;

export async function benchGrowth(corpusPaths: string[], labelled: LabelledQuestion[]): Promise<void> {
  console.log(`\n## Growth: process start to /health 200, resident memory, ${SEARCH_TURNS} search turns over HTTP\n`);
  const synthetic = writeSyntheticCorpus(corpusPaths, 10_000);
  const rows: Array<Array<string | number>> = [];
  try {
    for (const [name, kbPath] of [['kb/ only', ''], ['real corpus', corpusPaths.join(':')], ['synthetic 10k', synthetic]] as const) {
      const bot = await startProcess('dist/src/index.js', { KB_PATH: kbPath });
      try {
        const readyRss = bot.rssMb();
        const latencies: number[] = [];
        for (let i = 0; i < SEARCH_TURNS; i++) {
          const question = labelled[i % labelled.length]!;
          const body = JSON.stringify(activity(`growth-${i}`, question.question, question.language === 'es' ? 'es-ES' : 'en-US'));
          const started = performance.now();
          const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
        }
        latencies.sort((a, b) => a - b);
        rows.push([name, fixed(bot.readyMs / 1000), fixed(readyRss, 0), fixed(bot.rssMb(), 0), fixed(percentile(latencies, 0.5)), fixed(percentile(latencies, 0.99))]);
      } finally {
        await bot.stop();
      }
    }
  } finally {
    rmSync(synthetic, { recursive: true, force: true });
  }
  printTable(['knowledge base', 'ready s', 'RSS ready MB', 'RSS after MB', 'search p50 ms', 'search p99 ms'], rows);
  console.log('\nTargets: real corpus ready < 1 s and < 150 MB; 10k ready < 10 s, < 400 MB, search p50 < 15 ms, p99 < 60 ms');
}
