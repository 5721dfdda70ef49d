import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { verdictCard } from './cards';
import { noteTurn, type CheckEvent } from './turnNotes';
import { judge, type Verdict } from '../src/check/verdict';
import { catalog, type CaseFacts, type Catalog } from '../src/i18n/catalog';
import type { GuidedCheckData } from '../src/kb/checkData';
import type { KbIndex } from '../src/search/searchIndex';
import { formatClock, type ClockTime } from '../src/time/clock';
import { AskDialog, type Asked } from './askDialog';
import type { ConversationLanguage } from './conversationLanguage';
import { errorTimeQuestion, feedbackQuestion, restartTimeQuestion, type ErrorTimeAnswer } from './questions';

export interface GuidedCheckOptions {
  /** The user's question, for related articles when the restart is not the cause. */
  question: string;
  /** Error times already read from a log pasted with the question. */
  evidence?: ErrorTimeAnswer;
  /** A workflow named in the question, used when the log gives none. */
  workflow?: string;
}

/** What the check has learnt so far; kept in the dialog's state between turns. */
interface CaseState {
  errorTimes: ClockTime[];
  workflow?: string;
  restartTime?: ClockTime;
  verdict?: Verdict;
}

const ERROR_TIME = 'errorTime';
const RESTART_TIME = 'restartTime';
const FEEDBACK = 'feedback';
const RELATED_ARTICLES = 3;
const RELATED_MIN_SCORE = 0.3;

/**
 * KA-05406's check: when the error happened, when the server restarts, whether they coincide,
 * and then the schedule change with its times, or plainly that the restart is not the cause.
 */
export class GuidedCheckDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly check: GuidedCheckData,
    private readonly index: KbIndex,
    private readonly language: ConversationLanguage,
    private readonly record: (event: CheckEvent) => void,
  ) {
    super(id);
    this.addDialog(new AskDialog(ERROR_TIME, errorTimeQuestion(check), language))
      .addDialog(new AskDialog(RESTART_TIME, restartTimeQuestion(check), language))
      .addDialog(new AskDialog(FEEDBACK, feedbackQuestion(), language))
      .addDialog(
        new WaterfallDialog(`${id}.steps`, [
          this.askErrorTime.bind(this),
          this.askRestartTime.bind(this),
          this.giveVerdict.bind(this),
          this.finish.bind(this),
        ]),
      );
    this.initialDialogId = `${id}.steps`;
  }

  private caseOf(step: WaterfallStepContext): CaseState {
    const values = step.values as { case?: CaseState };
    values.case ??= { errorTimes: [] };
    return values.case;
  }

  private async askErrorTime(step: WaterfallStepContext<GuidedCheckOptions>): Promise<DialogTurnResult> {
    const evidence = step.options.evidence;
    if (evidence?.errorTimes.length) return step.next({ answered: true, value: evidence } satisfies Asked<ErrorTimeAnswer>);
    return step.beginDialog(ERROR_TIME);
  }

  private async askRestartTime(step: WaterfallStepContext<GuidedCheckOptions>): Promise<DialogTurnResult> {
    const asked = step.result as Asked<ErrorTimeAnswer>;
    if (!asked.answered) return this.giveUp(step);
    const state = this.caseOf(step);
    state.errorTimes = asked.value.errorTimes;
    state.workflow = asked.value.workflow ?? step.options.workflow;
    if (asked.value.workflow || asked.value.errorTimes.length > 1 || step.options.evidence) {
      const c = catalog(await this.language.get(step.context));
      await step.context.sendActivity(c.errorTimesNoted(asked.value.errorTimes.map(formatClock), asked.value.workflow));
    }
    return step.beginDialog(RESTART_TIME);
  }

  private async giveVerdict(step: WaterfallStepContext<GuidedCheckOptions>): Promise<DialogTurnResult> {
    const asked = step.result as Asked<ClockTime>;
    if (!asked.answered) return this.giveUp(step);
    const state = this.caseOf(step);
    state.restartTime = asked.value;
    const verdict = judge({ errorTimes: state.errorTimes, restartTime: asked.value, workflow: state.workflow }, this.check);
    state.verdict = verdict;
    noteTurn(step.context, { article: this.check.article, verdict: verdict.coincides ? 'coincides' : 'differs' });
    this.record({ event: 'verdict', article: this.check.article, coincides: verdict.coincides });

    const language = await this.language.get(step.context);
    const related = verdict.coincides
      ? []
      : this.index
          .rank(step.options.question, { language })
          .filter((hit) => hit.number !== this.check.article && hit.score >= RELATED_MIN_SCORE)
          .slice(0, RELATED_ARTICLES)
          .map((hit) => hit.article);
    const card = verdictCard(
      {
        coincides: verdict.coincides,
        errorTimes: (verdict.coincides ? verdict.matching : state.errorTimes).map(formatClock),
        restartTime: formatClock(asked.value),
        workflow: this.workflowName(state, catalog(language)),
        consolePath: this.check.workflow.consolePath,
        newStartTimes: verdict.newStartTimes.map(formatClock),
        otherErrorTimes: verdict.coincides ? verdict.others.map(formatClock) : [],
        minutesBefore: this.check.coincidence.minutesBefore,
        minutesAfter: this.check.coincidence.minutesAfter,
        minimumIntervalMinutes: this.check.fix.minimumScheduleIntervalMinutes,
        related,
      },
      catalog(language),
    );
    await step.context.sendActivity(MessageFactory.attachment(card));
    return step.beginDialog(FEEDBACK);
  }

  private async finish(step: WaterfallStepContext<GuidedCheckOptions>): Promise<DialogTurnResult> {
    const asked = step.result as Asked<boolean>;
    const state = this.caseOf(step);
    const c = catalog(await this.language.get(step.context));
    if (asked.answered) {
      noteTurn(step.context, { article: this.check.article, helpful: asked.value });
      this.record({ event: 'feedback', article: this.check.article, helpful: asked.value, verdict: verdictName(state) });
      await step.context.sendActivity(asked.value ? c.feedbackThanks : c.feedbackSorry);
    }
    await this.sendSummary(step, state);
    return step.endDialog();
  }

  /** Three unreadable answers: stop politely, with what the user told so far. */
  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const c = catalog(await this.language.get(step.context));
    await step.context.sendActivity(c.gaveUp);
    await this.sendSummary(step, this.caseOf(step));
    return step.endDialog();
  }

  /** The workflow from the log or the question; else a description, since "<instance>" reads as markup. */
  private workflowName(state: CaseState, c: Catalog): string {
    return state.workflow ?? c.unknownWorkflow;
  }

  private async sendSummary(step: WaterfallStepContext, state: CaseState): Promise<void> {
    const c = catalog(await this.language.get(step.context));
    const facts: CaseFacts = {
      article: this.check.article,
      workflow: this.workflowName(state, c),
      errorTimes: state.errorTimes.map(formatClock),
      restartTime: state.restartTime && formatClock(state.restartTime),
      verdict: verdictName(state),
      newStartTimes: state.verdict?.newStartTimes.map(formatClock) ?? [],
      otherErrorTimes: state.verdict?.coincides ? state.verdict.others.map(formatClock) : [],
    };
    await step.context.sendActivity(`${c.summaryIntro}\n\n${c.caseSummary(facts)}`);
  }
}

function verdictName(state: CaseState): 'coincides' | 'differs' | undefined {
  return state.verdict && (state.verdict.coincides ? 'coincides' : 'differs');
}
