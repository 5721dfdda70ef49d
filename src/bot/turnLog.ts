import { createHash, randomBytes } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { CheckEvent } from '../../dialogs/guidedCheckDialog';
import type { Language } from '../kb/types';
import type { Logger } from './logger';

/**
 * One log line per turn. The dialogs note what they learn in the turn (the language, the
 * article matched and its score, the verdict, …) in a per-turn object kept in
 * `context.turnState`; the middleware below adds what it measures itself (latency, replies,
 * outcome) and writes the line when the turn ends, failed or not.
 *
 * Nothing a user typed goes in: the conversation id is hashed with a salt, and of the message
 * only its length is kept.
 */

/** What a turn established, noted by whichever part of the bot learnt it. */
export interface TurnFacts {
  /** Short random id of the turn; the turn error handler quotes it to the user and logs it. */
  turnId: string;
  /** The conversation's language, as the dialogs used it. */
  language?: Language;
  /** The article the search matched (the best one) or the one shown. */
  article?: string;
  /** The search's confidence in `article`, 0..1. */
  score?: number;
  /** How many articles the search returned (more than one: the user is asked to choose). */
  matches?: number;
  /** The question waiting for an answer after the turn (its dialog id), or "none". */
  step?: string;
  /** The guided check's verdict, on the turn that gave it. */
  verdict?: 'coincides' | 'differs';
  /** The user's answer to "was this helpful?", on the turn that gave it. */
  helpful?: boolean;
}

const TURN_FACTS = Symbol('campaign-kb-bot.turnFacts');

/** The turn's facts, created on first use (a turn run without the middleware still has them). */
export function turnFacts(context: TurnContext): TurnFacts {
  let facts = context.turnState.get(TURN_FACTS) as TurnFacts | undefined;
  if (!facts) {
    facts = { turnId: randomBytes(4).toString('hex') };
    context.turnState.set(TURN_FACTS, facts);
  }
  return facts;
}

/** Adds to what the turn established; later notes win. */
export function noteTurn(context: TurnContext, facts: Partial<Omit<TurnFacts, 'turnId'>>): void {
  Object.assign(turnFacts(context), facts);
}

/** The question the conversation waits on, however deep in component dialogs, or "none". */
export function waitingStep(dc: DialogContext): string {
  let innermost = dc;
  while (innermost.child) innermost = innermost.child;
  return innermost.activeDialog?.id ?? 'none';
}

/**
 * A conversation id as logged: the first 16 hex digits of sha256(salt, id). The same
 * conversation gets the same hash as long as the salt is the same, so its turns can be
 * followed; without the salt the id cannot be found from the hash by trying known ids.
 */
export function hashConversationId(conversationId: string, salt: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(conversationId).digest('hex').slice(0, 16);
}

/** A salt for processes not given one: hashes then hold for the process's life only. */
export function randomSalt(): string {
  return randomBytes(16).toString('hex');
}

export interface TurnLogOptions {
  logger: Logger;
  /** See hashConversationId; random when omitted. */
  salt?: string;
}

/** Adapter middleware that writes the turn's line at info level once the turn is over. */
export class TurnLogMiddleware implements Middleware {
  private readonly logger: Logger;
  private readonly salt: string;

  constructor(options: TurnLogOptions) {
    this.logger = options.logger;
    this.salt = options.salt ?? randomSalt();
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const facts = turnFacts(context);
    let replies = 0;
    context.onSendActivities(async (_context, activities, sendNext) => {
      replies += activities.filter((activity) => activity.type === 'message').length;
      return sendNext();
    });
    let outcome: 'ok' | 'error' = 'ok';
    try {
      await next();
    } catch (error) {
      // The adapter's turn error handler logs the error itself, under the same turn id.
      outcome = 'error';
      throw error;
    } finally {
      this.logger.info(this.line(context, facts, outcome, replies, performance.now() - started), 'turn');
    }
  }

  private line(context: TurnContext, facts: TurnFacts, outcome: 'ok' | 'error', replies: number, latencyMs: number): Record<string, unknown> {
    const activity = context.activity;
    const conversationId = typeof activity.conversation?.id === 'string' ? activity.conversation.id : '';
    const hasValue = activity.value !== undefined && activity.value !== null;
    return {
      turnId: facts.turnId,
      conversation: hashConversationId(conversationId, this.salt),
      channel: activity.channelId,
      activityType: activity.type,
      input: activity.type !== 'message' ? undefined : hasValue && !activity.text ? 'card' : 'text',
      textLength: typeof activity.text === 'string' ? activity.text.length : undefined,
      language: facts.language,
      article: facts.article,
      score: facts.score === undefined ? undefined : Math.round(facts.score * 1000) / 1000,
      matches: facts.matches,
      step: facts.step,
      verdict: facts.verdict,
      helpful: facts.helpful,
      replies,
      outcome,
      latencyMs: Math.round(latencyMs * 10) / 10,
    };
  }
}

/**
 * createBot's `record`, writing each verdict and feedback as a line of its own, so that a KB
 * owner can count them: `jq 'select(.msg == "check event")'`.
 */
export function logCheckEvents(logger: Logger): (event: CheckEvent) => void {
  return (event) => logger.info({ ...event }, 'check event');
}
