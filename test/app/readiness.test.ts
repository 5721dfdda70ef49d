import { freePort } from '../../src/cli/localPort';
import { stopChild } from '../support/azurite';
import { botEnvironment, delay, spawnBot, until } from '../support/botProcess';
import { describeWithCorpus } from '../support/corpus';

/**
 * What a host's readiness probe sees while the bot (a real process) loads the corpus. How long
 * a probe waits is no measure of the bot on a busy machine (other processes hold the cores), so
 * the bot reports its own longest event-loop block while loading (src/observability/eventLoop.ts).
 */

// The product's promise: /health answers within 100 ms while the KB loads. Checked on the CPU
// time of the longest block, the bot's own work, which contention does not stretch.
const MAX_BLOCK_CPU_MS = 100;
// Wall-clock, stretched by contention: only a stall (a synchronous wait, a build in one piece)
// gets near this on a machine whose cores are shared with other test processes.
const MAX_DELAY_MS = 2000;

describeWithCorpus('readiness while the knowledge base loads', (corpus) => {
  it('answers /health 503 while loading, then 200, its event loop never blocked for long', async () => {
    const port = await freePort();
    const child = spawnBot(botEnvironment({ PORT: String(port), KB_PATH: corpus, LOG_LEVEL: 'debug' }));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const seen: number[] = [];
    try {
      const deadline = Date.now() + 100_000;
      while (seen.at(-1) !== 200) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the bot never answered 200 (seen ${seen.join(' ')}):\n${output.slice(-3000)}`);
        // 0: not listening yet.
        const status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.status,
          () => 0,
        );
        if (status) seen.push(status);
        await delay(10);
      }
      await until(() => output.includes('longest event-loop block while loading'), 'the event-loop line logged', 10_000);
    } finally {
      await stopChild(child, 'SIGTERM', 10_000);
    }
    expect(seen[0]).toBe(503);
    expect(seen.at(-1)).toBe(200);
    expect(seen.filter((status) => status !== 503 && status !== 200)).toEqual([]);
    const line = output.split('\n').find((text) => text.includes('longest event-loop block while loading'))!;
    const { eventLoop } = JSON.parse(line) as { eventLoop: { maxDelayMs: number; maxBlockCpuMs: number } };
    expect(eventLoop.maxBlockCpuMs).toBeLessThan(MAX_BLOCK_CPU_MS);
    expect(eventLoop.maxDelayMs).toBeLessThan(MAX_DELAY_MS);
  }, 120_000);
});
