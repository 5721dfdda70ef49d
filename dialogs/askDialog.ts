import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from './dialogKit';
import type { Activity, TurnContext } from 'botbuilder-core';
import { catalog, type Catalog } from '../src/i18n/catalog';
import type { Language } from '../src/kb/types';
import type { ConversationLanguage } from './conversationLanguage';
import { userInput, type UserInput } from './userInput';

/**
 * One question of the conversation, asked with a card and answered by typing or by the card.
 * Unlike botbuilder's prompts it builds its card in the conversation's language at each
 * (re)prompt, so that a language switch or "help" re-asks it in the right words, and it
 * accepts card submits with empty text.
 */

/** What a question made of an answer. */
type Reading<T> =
  | { kind: 'answer'; value: T }
  /** Not an answer but worth a reply (e.g. "I don't know"); the question is asked again. */
  | { kind: 'aside'; reply: string }
  | { kind: 'unreadable' };

export interface Question<T, O extends object = object> {
  /** Which help text applies while this question waits. */
  helpKey: keyof Catalog['help'];
  render(c: Catalog, language: Language, retry: boolean, options: O): Array<Partial<Activity>>;
  read(input: UserInput, language: Language, options: O): Reading<T>;
}

/** What an AskDialog ends with. */
export type Asked<T> = { answered: true; value: T } | { answered: false };

/** After this many unreadable answers the question gives up. */
const MAX_UNREADABLE_ANSWERS = 3;

interface AskState<O> {
  options: O;
  unreadable: number;
}

export class AskDialog<T, O extends object = object> extends Dialog<O> {
  constructor(
    dialogId: string,
    private readonly question: Question<T, O>,
    private readonly language: ConversationLanguage,
  ) {
    super(dialogId);
  }

  get helpKey(): keyof Catalog['help'] {
    return this.question.helpKey;
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const state: AskState<O> = { options: options as O, unreadable: 0 };
    dc.activeDialog!.state = state;
    await this.ask(dc.context, state, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as AskState<O>;
    const language = await this.language.get(dc.context);
    const reading = this.question.read(userInput(dc.context.activity), language, state.options);

    if (reading.kind === 'answer') return dc.endDialog({ answered: true, value: reading.value } satisfies Asked<T>);
    if (reading.kind === 'aside') {
      await dc.context.sendActivity(reading.reply);
      await this.ask(dc.context, state, false);
      return Dialog.EndOfTurn;
    }
    state.unreadable++;
    if (state.unreadable >= MAX_UNREADABLE_ANSWERS) return dc.endDialog({ answered: false } satisfies Asked<T>);
    await this.ask(dc.context, state, true);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as AskState<O>, false);
  }

  private async ask(context: TurnContext, state: AskState<O>, retry: boolean): Promise<void> {
    const language = await this.language.get(context);
    await context.sendActivities(this.question.render(catalog(language), language, retry, state.options).map((activity) => ({ type: 'message', ...activity })));
  }
}
