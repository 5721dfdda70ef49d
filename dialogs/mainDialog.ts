import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { articleCard } from './cards';
import { noteTurn } from './turnNotes';
import { catalog } from '../src/i18n/catalog';
import { recognizeSmallTalk } from '../src/language/intents';
import { checkPatterns, type GuidedCheckData } from '../src/kb/checkData';
import type { KbIndex } from '../src/search/searchIndex';
import { hasTimestampedLogLine } from '../src/time/logLines';
import { AskDialog, type Asked } from './askDialog';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { ConversationLanguage } from './conversationLanguage';
import { GuidedCheckDialog, type GuidedCheckOptions } from './guidedCheckDialog';
import type { CheckEvent } from './turnNotes';
import { choiceQuestion, offerQuestion, readErrorTimes, type ChoiceAnswer, type ErrorTimeAnswer, type OfferAnswer } from './questions';
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
    private readonly check: GuidedCheckData,
    language: ConversationLanguage,
    record: (event: CheckEvent) => void,
  ) {
    super('main', language);
    this.addDialog(new AskDialog(CHOICE, choiceQuestion(index), language))
      .addDialog(new AskDialog(OFFER, offerQuestion(index, check), language))
      .addDialog(new GuidedCheckDialog(GUIDED_CHECK, check, index, language, record))
      .addDialog(new WaterfallDialog(STEPS, [this.search.bind(this), this.showArticle.bind(this), this.afterOffer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async search(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const input = userInput(step.context.activity);
    // A button of an earlier card, clicked when no question is waiting for it.
    if (input.value.kbAction === 'offer' && input.value.answer === 'yes') return this.startCheck(step, '');
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
    const answer = this.index.search(question, { fallbackLanguage: await this.language.get(step.context) });
    await this.language.set(step.context, answer.language);
    noteTurn(step.context, { article: answer.hits[0]?.number, score: answer.hits[0]?.score, matches: answer.hits.length });
    const c = catalog(answer.language);
    if (answer.hits.length === 0) {
      await step.context.sendActivity(c.noMatch);
      return step.endDialog();
    }
    if (answer.hits.length > 1) return step.beginDialog(CHOICE, { articles: answer.hits.map((hit) => hit.number) });
    return step.next({ answered: true, value: { article: answer.hits[0]!.number } } satisfies Asked<ChoiceAnswer>);
  }

  private async showArticle(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const chosen = step.result as Asked<ChoiceAnswer>;
    if (!chosen.answered) return step.endDialog();
    if ('newQuestion' in chosen.value) return step.replaceDialog(this.id, { question: chosen.value.newQuestion });

    const number = chosen.value.article;
    noteTurn(step.context, { article: number });
    if (number === this.check.article) return step.beginDialog(OFFER, { article: number });

    const language = await this.language.get(step.context);
    const article = this.index.get(number, language);
    if (article) await step.context.sendActivity(MessageFactory.attachment(articleCard(article, catalog(language), false)));
    return step.endDialog();
  }

  private async afterOffer(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const offer = step.result as Asked<OfferAnswer>;
    if (!offer.answered) return step.endDialog();
    if ('newQuestion' in offer.value) return step.replaceDialog(this.id, { question: offer.value.newQuestion });
    if (offer.value.accepted) return this.startCheck(step, (step.values as { question?: string }).question ?? '', offer.value.errorTimes);
    await step.context.sendActivity(catalog(await this.language.get(step.context)).offerDeclined);
    return step.endDialog();
  }

  /** Starts the check, skipping the error-time question when the user already gave the time or pasted the log. */
  private async startCheck(step: WaterfallStepContext, question: string, given?: ErrorTimeAnswer): Promise<DialogTurnResult> {
    const language = await this.language.get(step.context);
    const evidence = given ?? (hasTimestampedLogLine(question) ? readErrorTimes(question, this.check, language) : undefined);
    // "mcSynch_mcExec1 fails with…": the workflow the user named is the one to reschedule.
    const workflow = checkPatterns(this.check).workflowName.exec(question)?.[0];
    return step.replaceDialog(GUIDED_CHECK, { question, evidence, workflow } satisfies GuidedCheckOptions);
  }
}
