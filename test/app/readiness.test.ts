import { freePort } from '../../src/cli/localPort';
import { stopChild } from '../support/azurite';
import { botEnvironment, delay, spawnBot } from '../support/botProcess';
import { describeWithCorpus } from '../support/corpus';

/** What a host's readiness probe sees while the bot (a real process) loads the corpus. */
describeWithCorpus('readiness while the knowledge base loads', (corpus) => {
  it('answers /health 503 while loading, then 200, never stalling', async () => {
    const port = await freePort();
    const child = spawnBot(botEnvironment({ PORT: String(port), KB_PATH: corpus, LOG_LEVEL: 'warn' }));
    const seen: number[] = [];
    try {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && seen.at(-1) !== 200) {
        try {
          // A probe that waits longer than this counts as a stall: the process must answer.
          const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(250) });
          seen.push(response.status);
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') seen.push(0);
        }
        await delay(10);
      }
    } finally {
      await stopChild(child, 'SIGTERM', 10_000);
    }
    expect(seen).toContain(503);
    expect(seen.at(-1)).toBe(200);
    expect(seen).not.toContain(0);
  });
});
