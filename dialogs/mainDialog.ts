import { MessageFactory } from 'botbuilder-core';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from './dialogKit';
import { articleCard } from './cards';
import { noteTurn } from './turnNotes';
import { catalog } from '../src/i18n/catalog';
import { recognizeSmallTalk } from '../src/language/intents';
import { renderText, type CheckRegistry } from '../src/check/registry';
import { personLanguage } from '../src/language/personLanguage';
import type { Language } from '../src/kb/types';
import type { KbIndex } from '../src/search/searchIndex';
import { AskDialog, type Asked } from './askDialog';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { ConversationLanguage } from './conversationLanguage';
import { CheckDialog, type CheckDialogOptions } from './checkDialog';
import type { CheckEvent } from './turnNotes';
import { choiceQuestion, offerQuestion, type ChoiceAnswer, type OfferAnswer } from './questions';
import { userInput } from './userInput';

export interface MainDialogOptions {
  /** A question carried over from a previous step (typed instead of an answer). */
  question?: string;
}

const STEPS = 'main.steps';
const CHOICE = 'main.choice';
const OFFER = 'main.offer';
const GUIDED_CHECK = 'guidedCheck';

/**
 * A question in, the matching article out: one article (with the guided check offered when the
 * knowledge base has one for it), a choice between close ones, or an apology.
 */
export class MainDialog extends CancelAndHelpDialog {
  constructor(
    private readonly index: KbIndex,
    private readonly checks: CheckRegistry,
    language: ConversationLanguage,
    record: (event: CheckEvent) => void,
  ) {
    super(
      'main',
      language,
      checks.checks.flatMap((check) => [...check.rule.pasted(check.settings)]),
    );
    this.addDialog(new AskDialog(CHOICE, choiceQuestion(index), language))
      .addDialog(
        new AskDialog(
          OFFER,
          offerQuestion(
            index,
            (text, language, article) => this.holdsFacts(text, language, article),
            (article, language) => {
              const check = checks.forArticle(article);
              return check && renderText(check.file.texts[language], { key: 'offer' }).join(' ');
            },
          ),
          language,
        ),
      )
      .addDialog(new CheckDialog(GUIDED_CHECK, checks, index, language, record))
      .addDialog(new WaterfallDialog(STEPS, [this.search.bind(this), this.showArticle.bind(this), this.afterOffer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async search(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const input = userInput(step.context.activity);
    // A button of an earlier card, clicked when no question is waiting for it.
    if (input.value.kbAction === 'offer' && input.value.answer === 'yes') {
      const check = typeof input.value.article === 'string' ? this.checks.forArticle(input.value.article) : undefined;
      if (check) return this.startCheck(step, check.file.id, '');
      await step.context.sendActivity(catalog(await this.language.get(step.context)).startedOver);
      return step.endDialog();
    }
    if (input.value.kbAction === 'choose' && typeof input.value.article === 'string') return step.next({ answered: true, value: { article: input.value.article } });
    // Any other button with nothing waiting for it: its question was answered, or (in a group chat
    // or channel, where everyone sees the cards) it belongs to someone else's check.
    if (!step.options?.question && !input.text && typeof input.value.kbAction === 'string') {
      await step.context.sendActivity(catalog(await this.language.get(step.context)).staleCard);
      return step.endDialog();
    }

    const question = step.options?.question ?? input.text;
    // Nothing to search, e.g. a Teams message that only @mentioned the bot: say what it can do.
    if (!question.trim()) {
      await step.context.sendActivity(catalog(await this.language.get(step.context)).help.general);
      return step.endDialog();
    }
    const smallTalk = recognizeSmallTalk(question);
    if (smallTalk) {
      await this.language.set(step.context, smallTalk.language);
      const c = catalog(smallTalk.language);
      await step.context.sendActivity(smallTalk.kind === 'thanks' ? c.youAreWelcome : c.greeting);
      return step.endDialog();
    }
    (step.values as { question?: string }).question = question;
    const current = await this.language.get(step.context);
    const answer = this.index.search(question, { fallbackLanguage: current });
    // The person's language, from their own words: not from the English error or log they pasted.
    const language = personLanguage(question, {
      current: (await this.language.stored(step.context)) ?? undefined,
      locale: step.context.activity.locale,
      pasted: this.pasted,
      fallback: current,
    });
    await this.language.set(step.context, language);
    noteTurn(step.context, { article: answer.hits[0]?.number, score: answer.hits[0]?.score, matches: answer.hits.length });
    const c = catalog(language);
    if (answer.hits.length === 0) {
      await step.context.sendActivity(c.noMatch);
      return step.endDialog();
    }
    if (answer.hits.length > 1) return step.beginDialog(CHOICE, { articles: answer.hits.map((hit) => hit.number) });
    return step.next({ answered: true, value: { article: answer.hits[0]!.number } } satisfies Asked<ChoiceAnswer>);
  }

  private async showArticle(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const chosen = step.result as Asked<ChoiceAnswer>;
    if (!chosen.answered) return this.notUnderstood(step);
    if ('newQuestion' in chosen.value) return step.replaceDialog(this.id, { question: chosen.value.newQuestion });
    if ('none' in chosen.value) {
      await step.context.sendActivity(catalog(await this.language.get(step.context)).choiceNone);
      return step.endDialog();
    }

    const number = chosen.value.article;
    noteTurn(step.context, { article: number });
    const check = this.checks.forArticle(number);
    if (check) {
      (step.values as { check?: string }).check = check.file.id;
      return step.beginDialog(OFFER, { article: number });
    }

    const language = await this.language.get(step.context);
    const article = this.index.get(number, language);
    if (article) await step.context.sendActivity(MessageFactory.attachment(articleCard(article, catalog(language), false)));
    return step.endDialog();
  }

  private async afterOffer(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const offer = step.result as Asked<OfferAnswer>;
    if (!offer.answered) return this.notUnderstood(step);
    if ('newQuestion' in offer.value) return step.replaceDialog(this.id, { question: offer.value.newQuestion });
    const values = step.values as { question?: string; check?: string };
    if (offer.value.accepted && values.check) return this.startCheck(step, values.check, values.question ?? '', offer.value.said);
    await step.context.sendActivity(catalog(await this.language.get(step.context)).offerDeclined);
    return step.endDialog();
  }

  /** Three answers that could not be read: say so and stop, rather than leave the last one unanswered. */
  private async notUnderstood(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(catalog(await this.language.get(step.context)).notUnderstood);
    return step.endDialog();
  }

  /** Whether a message tells the article's check something (a time, a zone, a log line): its rule reads it. */
  private holdsFacts(text: string, language: Language, article: string): boolean {
    const check = this.checks.forArticle(article);
    if (!check) return false;
    const asking = check.rule.questions[0]?.id;
    const context = { language, today: new Date().toISOString().slice(0, 10) };
    return check.rule.read(check.settings, check.rule.start(check.settings), { text, value: {} }, asking ? { ...context, asking } : context).changed;
  }

  /** Starts the check with what the user already said: the question (a pasted log, a workflow) and the answer to the offer. */
  private async startCheck(step: WaterfallStepContext, check: string, question: string, said?: string): Promise<DialogTurnResult> {
    return step.replaceDialog(GUIDED_CHECK, { check, question, said: [question, said ?? ''] } satisfies CheckDialogOptions);
  }
}
