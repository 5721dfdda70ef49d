import { setImmediate, setTimeout } from 'node:timers/promises';
import type { CheckRegistry } from '../check/registry';
import { preloadLanguageDetector } from '../language/detect';
import type { KbIndex } from '../search/searchIndex';
import { preloadChrono } from '../time/fallbackParsers';

/**
 * How long no request must have been answered before the warm-up does its next step: the
 * moment between two messages of a steady stream is not a quiet one.
 */
export const QUIET_MS = 20;

/**
 * Run once the bot is ready, so that the first operators do not pay for what loads or compiles on
 * first use: the language detector and chrono-node are required (35 and 33 ms), and every
 * guided check's example conversations (kb/checks/*.json: the KB's own data) go through the search
 * and the check's rule as messages would. Their first run in a process takes about 450 ms (time
 * zones, regular expressions, code not yet compiled), the third about 20 ms: without this, the
 * first checks of a new process paid it, and a search turn's p99 over HTTP with it. Nothing is
 * stored and nothing is sent (the core's plain functions).
 *
 * Messages come first: each step waits for a quiet moment (`quietMs()`, how long no request has
 * been answered, at least QUIET_MS). Run beside them, it had made the first ten search turns
 * after a start two to ten times slower (10k KB, p99 over 300 turns 48-54 ms, 22-23 ms once
 * done). Waiting only while a request was in flight, its steps still ran in the milliseconds
 * between one message and the next, and the next waited for them (31-33 ms); in quiet moments
 * only, the messages warm up what they use themselves, and it does the rest (20-30 ms).
 */
export async function warmUp(index: KbIndex, checks: CheckRegistry, quietMs: () => number = () => Infinity): Promise<void> {
  const pause = (): Promise<void> => whenQuiet(quietMs);
  await pause();
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

/**
 * Resolves once no request has been answered for `wanted` ms (`quietMs()` says for how long),
 * after one turn of the event loop at least, so that requests already arrived go first.
 */
export async function whenQuiet(quietMs: () => number, wanted: number = QUIET_MS): Promise<void> {
  await setImmediate();
  for (let quiet = quietMs(); quiet < wanted; quiet = quietMs()) await setTimeout(wanted - quiet);
}
