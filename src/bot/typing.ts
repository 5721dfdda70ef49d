import type { TurnContext } from 'botbuilder-core';

/**
 * A typing indicator while a turn takes longer than a moment, as botbuilder's
 * ShowTypingMiddleware does (first after `delayMs`, then every `periodMs` until the turn ends),
 * but from inside the bot: the held replies of a turn (src/state/consistentTurn.ts) go out only
 * once its state is saved, while typing goes out at once, so the indicator shows for as long as
 * the user waits. Only for what a person sent (messages and edits), never for invokes.
 */

export interface TypingOptions {
  /** Before the first indicator (default 500 ms, ShowTypingMiddleware's). */
  delayMs?: number;
  /** Between indicators (default 2,000 ms; Teams shows one for a few seconds). */
  periodMs?: number;
}

export async function whileTyping<T>(context: TurnContext, work: () => Promise<T>, options: TypingOptions = {}): Promise<T> {
  const delay = options.delayMs ?? 500;
  const period = options.periodMs ?? 2000;
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (wait: number): void => {
    timer = setTimeout(() => {
      if (finished) return;
      context.sendActivity({ type: 'typing' }).then(
        () => {
          if (!finished) schedule(period);
        },
        // An indicator that could not be sent is no reason to fail the turn.
        () => undefined,
      );
    }, wait);
  };
  schedule(delay);
  try {
    return await work();
  } finally {
    finished = true;
    clearTimeout(timer);
  }
}
