import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import { turnFacts, type TurnFacts } from '../../dialogs/turnNotes';

/**
 * What the bot keeps of a Teams conversation (per person in group chats and channels) beside the
 * dialog state, a few hundred bytes at most: which answer the feedback controls rate (they say
 * only which message was rated), and the ids of the user's question and of their last answers
 * to the check, so that an edit of one of them can be read again.
 */

/** The check's questions an edited answer can be read again for. */
export const CHECK_QUESTIONS: ReadonlySet<string> = new Set(['errorTime', 'restartTime', 'exactErrorTime', 'consoleZone']);
/** Answers remembered for edits: the last few. */
const MAX_ANSWERS = 4;

export interface TeamsMemoryState {
  /** What the last feedback controls sent were about. */
  feedbackOn?: { article: string; verdict?: TurnFacts['verdict'] };
  /** The message that asked the question being worked on. */
  question?: string;
  /** The user's last answers to the check's questions: message id and which question. */
  answers?: Array<{ id: string; asked: string }>;
}

export class TeamsMemory {
  private readonly property: StatePropertyAccessor<TeamsMemoryState>;

  constructor(conversationState: ConversationState) {
    this.property = conversationState.createProperty<TeamsMemoryState>('teams');
  }

  async get(context: TurnContext): Promise<TeamsMemoryState> {
    return (await this.property.get(context)) ?? {};
  }

  /**
   * After a message turn: what its feedback controls rate (a verdict, or an article given as the
   * answer), and which message asked or answered what. `before` and `after` are the questions
   * waiting before and after the turn (waitingStep).
   */
  async afterTurn(context: TurnContext, before: string, after: string, options: { replay?: boolean } = {}): Promise<void> {
    const facts = turnFacts(context);
    const memory = await this.get(context);
    let changed = false;
    if (facts.verdict && facts.article) {
      memory.feedbackOn = { article: facts.article, verdict: facts.verdict };
      changed = true;
    } else if (facts.article && after === 'none' && facts.helpful === undefined && !CHECK_QUESTIONS.has(before) && before !== 'feedback') {
      memory.feedbackOn = { article: facts.article };
      changed = true;
    }
    const id = context.activity.id;
    const typed = !!context.activity.text?.trim();
    if (id && typed && !options.replay) {
      if (CHECK_QUESTIONS.has(before)) {
        memory.answers = [...(memory.answers ?? []), { id, asked: before }].slice(-MAX_ANSWERS);
        changed = true;
      } else if (before === 'none') {
        memory.question = id;
        delete memory.answers;
        changed = true;
      }
    }
    if (changed) await this.property.set(context, memory);
  }
}
