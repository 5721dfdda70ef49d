import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { EventLoopBlocks } from '../../observability/eventLoop';
import type { LabelledQuestion } from '../evaluation';
import { activity, fixed, GUIDED_CHECK, guidedCheckRequests, percentile, printTable, startBot, writeSyntheticCorpus, type BotProcess } from './support';
import type { Scorecard } from './targets';

/**
 * Start-up, resident memory and search-turn latency of the real service as the KB grows. Each
 * knowledge base is started twice with an empty index cache of its own (INDEX_CACHE_DIR): the
 * first start builds the index (and writes the cache), the second loads it from the cache, as a
 * restart or a new instance with an unchanged KB does. The cached process then answers the
 * search turns, and with the real corpus, 1,000 guided checks, after which its memory is read again.
 */

const SEARCH_TURNS = 300;
const CONVERSATIONS = 1000;

interface Start {
  readyS: number;
  readyCpuS: number;
  rssMb: number;
  block: EventLoopBlocks;
  /** After a start that built the index: RSS once its heap was compacted (src/index.ts). */
  settledRssMb?: number;
}

export async function benchGrowth(corpusPaths: string[], labelled: LabelledQuestion[], scorecard: Scorecard): Promise<void> {
  console.log(`\n## Growth: process start to /health 200 (first start, then with the index cached), resident memory, ${SEARCH_TURNS} search turns over HTTP\n`);
  const synthetic = writeSyntheticCorpus(corpusPaths, 10_000);
  const rows: Array<Array<string | number>> = [];
  const results = new Map<string, { cold: Start; cached: Start; searchP50: number; searchP99: number; rssAfterSearches: number; rssAfterConversations?: number }>();
  try {
    for (const [name, kbPath] of [
      ['kb/ only', ''],
      ['real corpus', corpusPaths.join(':')],
      ['synthetic 10k', synthetic],
    ] as const) {
      const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'kb-index-cache-'));
      try {
        // debug: the bot logs its longest event-loop block while loading (src/index.ts).
        const env = { KB_PATH: kbPath, LOG_LEVEL: 'debug', INDEX_CACHE_DIR: cacheDir };
        const first = await startBot(env);
        let cold: Start;
        try {
          cold = await startFigures(first);
          await cacheWritten(cacheDir);
          cold.settledRssMb = await settledRss(first);
        } finally {
          await first.stop();
        }
        const bot = await startBot(env);
        try {
          const cached = await startFigures(bot);
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
          const rssAfterSearches = bot.rssMb();
          const rssAfterConversations = name === 'real corpus' ? await afterConversations(bot) : undefined;
          const result = { cold, cached, searchP50: percentile(latencies, 0.5), searchP99: percentile(latencies, 0.99), rssAfterSearches, rssAfterConversations };
          results.set(name, result);
          rows.push([
            name,
            `${fixed(cold.readyS)} (${fixed(cold.readyCpuS)})`,
            `${fixed(cached.readyS)} (${fixed(cached.readyCpuS)})`,
            `${fixed(cold.rssMb, 0)} (${cold.settledRssMb === undefined ? '-' : fixed(cold.settledRssMb, 0)}) / ${fixed(cached.rssMb, 0)}`,
            fixed(rssAfterSearches, 0),
            rssAfterConversations === undefined ? '-' : fixed(rssAfterConversations, 0),
            fixed(result.searchP50),
            fixed(result.searchP99),
            `${fixed(cold.block.maxDelayMs, 0)} / ${fixed(cached.block.maxDelayMs, 0)}`,
            `${fixed(cold.block.maxBlockCpuMs, 0)} / ${fixed(cached.block.maxBlockCpuMs, 0)}`,
          ]);
        } finally {
          await bot.stop();
        }
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(synthetic, { recursive: true, force: true });
  }
  printTable(
    [
      'knowledge base',
      'ready s (CPU s), first',
      'ready s (CPU s), cached',
      'RSS ready MB, first (settled) / cached',
      `RSS after ${SEARCH_TURNS} searches`,
      `RSS after ${CONVERSATIONS} checks`,
      'search p50 ms',
      'search p99 ms',
      'loop block ms',
      'its CPU ms',
    ],
    rows,
  );
  // "loop block" is monitorEventLoopDelay's max (wall-clock, stretched when other processes hold
  // the cores), "its CPU" the bot's own work in it; CPU s beside ready s is the process's own CPU time until ready.
  const real = results.get('real corpus');
  const large = results.get('synthetic 10k');
  scorecard.atMost('real corpus: ready, first start', real?.cold.readyS, 1, ' s');
  scorecard.atMost('real corpus: ready, index cached', real?.cached.readyS, 1, ' s');
  scorecard.atMost('real corpus: RSS ready', real && Math.max(real.cold.rssMb, real.cached.rssMb), 140, ' MB', 0);
  scorecard.atMost(`real corpus: RSS after ${CONVERSATIONS} conversations`, real?.rssAfterConversations, 160, ' MB', 0);
  scorecard.atMost('10k: ready, first start', large?.cold.readyS, 5, ' s');
  scorecard.atMost('10k: ready, index cached', large?.cached.readyS, 2, ' s');
  scorecard.atMost('10k: RSS (ready, after searches)', large && Math.max(large.cold.rssMb, large.cached.rssMb, large.rssAfterSearches), 300, ' MB', 0);
  scorecard.atMost('10k: search turn over HTTP p50', large?.searchP50, 8, ' ms');
  scorecard.atMost('10k: search turn over HTTP p99', large?.searchP99, 30, ' ms');
  scorecard.atMost('10k: longest event-loop block while loading', large && Math.max(large.cold.block.maxDelayMs, large.cached.block.maxDelayMs), 100, ' ms', 0);
}

async function startFigures(bot: BotProcess): Promise<Start> {
  const rssMb = bot.rssMb();
  return { readyS: bot.readyMs / 1000, readyCpuS: bot.readyCpuMs / 1000, rssMb, block: await loadingBlock(bot) };
}

/** The first start writes the cache once it is ready; the second start must find it complete. */
async function cacheWritten(dir: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.json'))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** 1,000 guided checks (question, yes, error time, restart time), 10 at a time; the process's RSS after them. */
async function afterConversations(bot: BotProcess): Promise<number> {
  const requests = guidedCheckRequests();
  await autocannon({ url: bot.url, connections: 10, amount: CONVERSATIONS * GUIDED_CHECK.length, requests });
  return bot.rssMb();
}

/** The first start's RSS once the bot says its heap was compacted (debug), when it does within 30 s. */
async function settledRss(bot: BotProcess): Promise<number | undefined> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (/heap compacted/.test(bot.output())) return bot.rssMb();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** The bot's own report of its longest event-loop block between listening and ready. */
async function loadingBlock(bot: BotProcess): Promise<EventLoopBlocks> {
  // The pipe may deliver the line a moment after /health answered 200.
  for (let waited = 0; waited < 5000; waited += 20) {
    const line = bot.output().match(/^.*longest event-loop block while loading.*$/m)?.[0];
    if (line) return (JSON.parse(line) as { eventLoop: EventLoopBlocks }).eventLoop;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { maxDelayMs: Number.NaN, maxBlockCpuMs: Number.NaN };
}
