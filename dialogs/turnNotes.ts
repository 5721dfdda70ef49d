import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder-core';
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import type { Language } from '../src/kb/types';

/**
 * What the conversation tells whoever observes it: the facts of each turn (noted here by the
 * dialogs and the bot, written out by the turn log in src/observability) and the check events
 * worth counting. The conversation layer only notes them; it never knows who listens.
 */

/** Something worth counting: which checks ended how, and whether they helped. */
export type CheckEvent =
  /**
   * coincides: the verdict proposes a fix (KA-05406: the error coincides with the restart);
   * startTimes: the new starts proposed, server time, earliest first; workflows: the ones the fix names.
   */
  | { event: 'verdict'; article: string; coincides: boolean; startTimes: string[]; workflows: string[] }
  /** verdict: the outcome the check gave ('coincides' / 'differs' for KA-05406, the rule's own for others). */
  | { event: 'feedback'; article: string; helpful: boolean; verdict?: string };

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
  verdict?: string;
  /** The user's answer to "was this helpful?", on the turn that gave it. */
  helpful?: boolean;
}

const TURN_FACTS = Symbol('campaign-kb-bot.turnFacts');

/** The turn's facts, created on first use (a turn run without the middleware still has them). */
export function turnFacts(context: TurnContext): TurnFacts {
  let facts = context.turnState.get<TurnFacts | undefined>(TURN_FACTS);
  if (!facts) {
    // randomUUID draws from a pooled buffer: a fraction of randomBytes' cost, on every turn.
    facts = { turnId: randomUUID().slice(0, 8) };
    context.turnState.set(TURN_FACTS, facts);
  }
  return facts;
}

/** Adds to what the turn established; later notes win. */
export function noteTurn(context: TurnContext, facts: Partial<Omit<TurnFacts, 'turnId'>>): void {
  Object.assign(turnFacts(context), facts);
}

/** A dialog that asks several questions itself says which one is open. */
interface AsksQuestions {
  waitingFor(instance: DialogInstance): string;
}

/** The question the conversation waits on, however deep in component dialogs, or "none". */
export function waitingStep(dc: DialogContext): string {
  let innermost = dc;
  while (innermost.child) innermost = innermost.child;
  const instance = innermost.activeDialog;
  if (!instance) return 'none';
  const dialog = innermost.findDialog(instance.id) as Partial<AsksQuestions> | undefined;
  return typeof dialog?.waitingFor === 'function' ? dialog.waitingFor(instance) : instance.id;
}
