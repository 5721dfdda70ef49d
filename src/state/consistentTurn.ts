import type { Activity, ResourceResponse, TurnContext } from 'botbuilder-core';
import { catalog } from '../i18n/catalog';
import type { Language } from '../kb/types';
import { detectLanguage, languageFromLocale } from '../language/detect';
import { fallbackLogger, type Logger } from '../observability/logger';
import type { TurnOutcome, TurnRunner } from '../bot/turnRunner';
import { newStateScope, runInStateScope } from './optimisticStorage';
import { StateConflictError, StorageUnavailableError } from './versionedStore';
import { turnFacts } from '../../dialogs/turnNotes';

/**
 * Runs each turn so that what the user sees always matches what was saved, with state shared by
 * several instances (see storage.ts):
 *
 * - The turn's replies are held until its state is saved (typing indicators go out at once),
 *   and so are its other effects registered with whenStateSaved (the check events). A reply is
 *   never delivered for a turn whose state was lost, and a turn that lost a race has sent and
 *   counted nothing, so it can simply run again.
 * - Another instance saved the conversation first (StateConflictError): the turn runs again
 *   from a fresh read of the state, i.e. after the other turn, up to `maxAttempts` times; then
 *   the user is asked, in their language, to send the message again. Nothing is overwritten.
 * - The state storage cannot be reached (StorageUnavailableError): the user is told, in the
 *   language of their message, that the bot is temporarily unavailable, and the endpoint
 *   answers 503 (the turn's outcome says `storageUnavailable`). Nothing was saved, so nothing is half done; the
 *   next message after the storage is back carries on from the last saved step.
 */

export interface ConsistentTurnOptions {
  /** The conversation's language from its state, for "please send it again". */
  language: (context: TurnContext) => Promise<Language>;
  /** For "temporarily unavailable" to a message too short to tell, with no locale. */
  defaultLanguage: Language;
  /** Runs of a turn that keeps losing the race, the first included (default 3). */
  maxAttempts?: number;
  /** One line per conflict or outage; stderr when omitted. */
  logger?: Logger;
}

const DEFAULT_MAX_ATTEMPTS = 3;

/** The bot, each turn run through {@link runConsistentTurn}. */
export function consistentTurns(bot: TurnRunner, options: ConsistentTurnOptions): TurnRunner {
  return { run: (context) => runConsistentTurn(bot, context, options) };
}

async function runConsistentTurn(bot: TurnRunner, context: TurnContext, options: ConsistentTurnOptions): Promise<TurnOutcome> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const { turnId } = turnFacts(context);
  // Built only for a turn that has something to log (a pino child is not free, and most turns log nothing).
  let child: Logger | undefined;
  const log = (): Logger => (child ??= (options.logger ?? fallbackLogger()).child({ turnId }));
  const outbox = new Outbox(context);
  // What the adapter and middleware put in the turn state; a rerun starts from it again, so
  // that BotState (which caches the state it read there) reads the state afresh.
  const initialTurnState = new Map(context.turnState);

  for (let attempt = 1; ; attempt++) {
    const scope = newStateScope();
    let failed = false;
    let failure: unknown;
    try {
      await runInStateScope(scope, () => bot.run(context));
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (!failed) {
      await outbox.release();
      runEffects(scope.onSaved, log);
      return {};
    }

    const conflict = causeOf(failure, StateConflictError);
    const outage = causeOf(failure, StorageUnavailableError);
    if ((conflict || outage) && scope.saved.length > 0) {
      // Part of the turn was saved (the conversation, say) and its replies describe that:
      // deliver them. The part not saved is logged; running the turn again would repeat it.
      log().error(
        { saved: scope.saved.map(stateKind), failed: conflict ? stateKind(conflict.key) : undefined, err: { type: (conflict ?? outage)!.name, message: outage?.message } },
        'state partly saved: the rest of the turn was not',
      );
      await outbox.release();
      runEffects(scope.onSaved, log);
      return {};
    }
    outbox.discard();

    if (conflict) {
      if (attempt < maxAttempts) {
        log().info({ state: stateKind(conflict.key), attempt }, 'state conflict: another turn saved first, running this turn again');
        restoreTurnState(context, initialTurnState);
        continue;
      }
      log().warn({ state: stateKind(conflict.key), attempts: attempt }, 'state conflict: the user was asked to send the message again');
      outbox.passThrough();
      await context.sendActivity(catalog(await conversationLanguage(context, options)).repeatPlease);
      return {};
    }

    outbox.passThrough();
    if (outage) {
      log().warn({ err: { type: outage.name, message: outage.message } }, 'state storage unavailable: the user was asked to try again');
      if (context.activity.type === 'message') await context.sendActivity(catalog(messageLanguage(context.activity, options.defaultLanguage)).storageUnavailable);
      return { storageUnavailable: true };
    }
    throw failure;
  }
}

/**
 * Holds the replies a turn sends, as the SDK's continuations, so that they go out (through
 * the rest of the send pipeline, unchanged) only once the turn's state is saved.
 */
class Outbox {
  private holding = true;
  private held: Array<() => Promise<ResourceResponse[]>> = [];

  constructor(context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.holding || activities.every((activity) => activity.type === 'typing')) return next();
      this.held.push(next);
      return activities.map(() => ({ id: '' }));
    });
  }

  /** Sends what was held, in order; from now on replies go out as they are sent. */
  async release(): Promise<void> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const send of held) await send();
  }

  discard(): void {
    this.held = [];
  }

  /** From now on replies go out as they are sent (e.g. the turn error handler's). */
  passThrough(): void {
    this.holding = false;
  }
}

function runEffects(effects: Array<() => void>, log: () => Logger): void {
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      log().error(
        { err: { type: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error) } },
        'after-save effect failed',
      );
    }
  }
}

function restoreTurnState(context: TurnContext, initial: Map<unknown, unknown>): void {
  for (const key of [...context.turnState.keys()]) if (!initial.has(key)) context.turnState.delete(key);
  for (const [key, value] of initial) context.turnState.set(key, value);
}

/** The error or the one it wraps (botbuilder-dialogs wraps errors thrown in dialogs). */
function causeOf<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    if (current instanceof type) return current;
    const wrapper = current as { error?: unknown; cause?: unknown };
    current = wrapper.error ?? wrapper.cause;
  }
  return undefined;
}

async function conversationLanguage(context: TurnContext, options: ConsistentTurnOptions): Promise<Language> {
  try {
    return await options.language(context);
  } catch {
    return messageLanguage(context.activity, options.defaultLanguage);
  }
}

/** Without the state: the message's own language, else its locale's. */
function messageLanguage(activity: Partial<Activity>, defaultLanguage: Language): Language {
  const fallback = languageFromLocale(activity.locale, defaultLanguage);
  return typeof activity.text === 'string' && activity.text.trim() ? detectLanguage(activity.text, fallback) : fallback;
}

/** Which state a key is, for the log: keys hold conversation and user ids, which are not logged. */
function stateKind(key: string): string {
  if (key.endsWith('/welcomed')) return 'welcome';
  if (/\/conversations\/.*\/users\//.test(key)) return 'conversation-user';
  if (key.includes('/conversations/')) return 'conversation';
  if (key.includes('/users/')) return 'user';
  return 'other';
}
