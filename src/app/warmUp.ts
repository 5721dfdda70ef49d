import { setTimeout } from 'node:timers/promises';
import type { CheckRegistry } from '../check/registry';
import { sliceYielder } from '../kb/slices';
import { preloadLanguageDetector } from '../language/detect';
import type { KbIndex } from '../search/searchIndex';
import { preloadChrono } from '../time/fallbackParsers';

/** How often a warm-up that waits for requests to be answered looks again. */
const IDLE_POLL_MS = 5;

/**
 * Run once the bot is ready, so that the first operators do not pay for what loads or compiles on
 * first use: the language detector and chrono-node are required (35 and 33 ms), and every
 * guided check's example conversations (kb/checks/*.json: the KB's own data) go through the search
 * and the check's rule as messages would. Their first run in a process takes about 450 ms (time
 * zones, regular expressions, code not yet compiled), the third about 20 ms: without this, the
 * first checks of a new process paid it, and a search turn's p99 over HTTP with it. Nothing is
 * stored and nothing is sent (the core's plain functions).
 *
 * Messages come first: the work yields to the event loop every few milliseconds, and waits while
 * `busy()` says requests are being answered. Run beside them, it had made the first ten search
 * turns after a start two to ten times slower (p99 over 300 turns 48-54 ms, 22-23 ms once done).
 */
export async function warmUp(index: KbIndex, checks: CheckRegistry, busy: () => boolean = () => false): Promise<void> {
  const slice = sliceYielder();
  const pause = async (): Promise<void> => {
    await slice();
    await whileBusy(busy);
  };
  preloadLanguageDetector();
  await pause();
  preloadChrono();
  const today = new Date().toISOString().slice(0, 10);
  for (const check of checks.checks) {
    for (const example of check.file.examples) {
      let state: unknown = check.rule.start(check.settings);
      const context = { language: example.language, today };
      for (const [turn, { user }] of example.turns.entries()) {
        await pause();
        const text = typeof user === 'string' ? user : '';
        if (turn === 0 && text) index.search(text);
        const reading = check.rule.read(check.settings, state, { text, value: typeof user === 'string' ? {} : user.value }, context);
        if (reading.changed) state = reading.state;
        check.rule.next(check.settings, state, context);
      }
    }
  }
}

/** Resolves once `busy()` says no requests are being answered (at once when none are). */
export async function whileBusy(busy: () => boolean): Promise<void> {
  while (busy()) await setTimeout(IDLE_POLL_MS);
}
