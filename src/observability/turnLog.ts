import { createHash, randomBytes } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder-core';
import { turnFacts, type CheckEvent, type TurnFacts } from '../../dialogs/turnNotes';
import type { Logger } from './logger';

/**
 * One log line per turn. The dialogs note what they learn in the turn (the language, the
 * article matched and its score, the verdict, …) with noteTurn (dialogs/turnNotes.ts); the
 * middleware below adds what it measures itself (latency, replies,
 * outcome) and writes the line when the turn ends, failed or not.
 *
 * Nothing a user typed goes in: the conversation id is hashed with a salt, and of the message
 * only its length is kept.
 */

/**
 * A conversation id as logged: the first 16 hex digits of sha256(salt, id). The same
 * conversation gets the same hash as long as the salt is the same, so its turns can be
 * followed; without the salt the id cannot be found from the hash by trying known ids.
 */
export function hashConversationId(conversationId: string, salt: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(conversationId).digest('hex').slice(0, 16);
}

/** A salt for processes not given one: hashes then hold for the process's life only. */
function randomSalt(): string {
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
    // At warn and above there is no line to write: no reply counting, no hashing.
    if (!this.logger.isLevelEnabled('info')) return next();
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
