import { MessageFactory, type TurnContext } from 'botbuilder-core';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from './dialogKit';
import { renderText, type CheckRegistry, type LoadedCheck } from '../src/check/registry';
import type { ReadContext, RuleReading, TextRef, VerdictBlock } from '../src/check/rule';
import { catalog } from '../src/i18n/catalog';
import type { Language } from '../src/kb/types';
import { recognizeYesNo } from '../src/language/intents';
import type { KbIndex } from '../src/search/searchIndex';
import { articleCard, blocksCard, feedbackCard, questionCard, type RenderedBlock } from './cards';
import type { ConversationLanguage } from './conversationLanguage';
import { noteTurn, type CheckEvent } from './turnNotes';
import { userInput } from './userInput';

/**
 * Any guided check of the knowledge base, run from its file (kb/checks/*.json): the check's rule
 * reads every message for every fact it holds, says what it still needs or gives its verdict,
 * and this dialog shows it all in the words of the check file, in the conversation's language.
 * The check stays open after the verdict: a correction judges again, a yes or no ends it with
 * the case summary.
 */

export interface CheckDialogOptions {
  /** The check to run (its file's id). */
  check: string;
  /** The user's question, for related articles when the cause is elsewhere. */
  question: string;
  /** What the user said before the check began: the question, then the answer to the offer. */
  said: string[];
}

interface CheckState {
  check: string;
  /** The rule's own state (its case). */
  rule: unknown;
  /** The fact whose question is open, or 'feedback' after the verdict. */
  asking?: string;
  /** The values of the open question's texts, for asking it again. */
  askVars?: TextRef['vars'];
  unreadable: number;
  question: string;
  /** The verdict given last. */
  verdict?: { outcome: string; firstStart?: string };
}

/** After this many unreadable answers in a row the check stops, with the summary. */
const MAX_UNREADABLE_ANSWERS = 3;
const RELATED_ARTICLES = 3;
const RELATED_MIN_SCORE = 0.3;
/** A message this long (in words) that finds another article is a new question, not an answer. */
const MIN_QUESTION_WORDS = 3;
const FEEDBACK = 'feedback';

export class CheckDialog extends Dialog<CheckDialogOptions> {
  constructor(
    id: string,
    private readonly checks: CheckRegistry,
    private readonly index: KbIndex,
    private readonly language: ConversationLanguage,
    private readonly record: (event: CheckEvent) => void,
  ) {
    super(id);
  }

  /** The question open, for the turn log: a fact of the check, or feedback. */
  waitingFor(instance: DialogInstance): string {
    return (instance.state as CheckState).asking ?? 'none';
  }

  /** The help for the question open (see CancelAndHelpDialog). */
  helpText(instance: DialogInstance, language: Language): string {
    const state = instance.state as CheckState;
    const check = this.checks.byId(state.check);
    if (!check || !state.asking || state.asking === FEEDBACK) return catalog(language).help.feedback;
    return this.text(check, language, { key: `${state.asking}.help`, ...(state.askVars ? { vars: state.askVars } : {}) });
  }

  override async beginDialog(dc: DialogContext, options?: CheckDialogOptions): Promise<DialogTurnResult> {
    const check = options && this.checks.byId(options.check);
    if (!check) return dc.endDialog();
    const state: CheckState = { check: check.file.id, rule: check.rule.start(check.settings), unreadable: 0, question: options.question };
    dc.activeDialog!.state = state;
    const context = await this.readContext(dc.context);
    const noted: TextRef[] = [];
    const corrected: TextRef[] = [];
    // The question is read for what it says outright; the answer to the offer ("yes, at 06:02")
    // as an answer to the check's first question.
    for (const [k, text] of options.said.entries()) {
      if (!text.trim()) continue;
      const asking = k === 0 ? undefined : check.rule.questions[0]?.id;
      const reading = check.rule.read(check.settings, state.rule, { text, value: {} }, asking ? { ...context, asking } : context);
      // A bare "yes" tells the case nothing: only what changed it is kept.
      if (!reading.changed) continue;
      state.rule = reading.state;
      noted.push(...reading.noted);
      corrected.push(...reading.corrected);
    }
    return this.advance(dc, state, check, context, { noted, corrected });
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as CheckState;
    const check = this.checks.byId(state.check);
    if (!check) return dc.endDialog();
    const input = userInput(context.activity);
    const readContext = await this.readContext(context);
    const c = catalog(readContext.language);

    // Teams' own feedback controls may bring a comment: the reason when not helpful.
    if (input.value.kbAction === 'feedback' && state.asking === FEEDBACK) {
      return this.finish(dc, state, check, input.value.helpful === true, typeof input.value.comment === 'string' ? input.value.comment : '');
    }
    // An edited message (Teams) is read as the answer to the question it answered (kbEdit).
    const edit = typeof input.value.kbEdit === 'string' && input.value.kbEdit !== 'offer' ? input.value.kbEdit : undefined;
    const readAs = edit ?? state.asking;
    const reading = check.rule.read(
      check.settings,
      state.rule,
      { text: input.text, value: input.value },
      { ...readContext, ...(readAs ? { asking: readAs } : {}), ...(edit ? { replacesAnswer: true } : {}) },
    );

    if (state.asking === FEEDBACK) {
      const helpful = typeof input.value.helpful === 'boolean' ? input.value.helpful : feedbackOf(input.text);
      if (helpful === false) return this.finish(dc, state, check, false, input.text, reading.afterFix);
      if (reading.changed) {
        state.rule = reading.state;
        await context.sendActivity(c.case.rejudged);
        return this.advance(dc, state, check, readContext, reading, true);
      }
      if (helpful === true) return this.finish(dc, state, check, true, '');
      return this.unreadable(dc, state, check);
    }

    if (reading.changed) {
      state.rule = reading.state;
      state.unreadable = 0;
      return this.advance(dc, state, check, readContext, reading);
    }
    // Nothing new for the case. A question not about the check's own facts may be about another
    // article: that first; then the rule's reply (help, "I don't know", an approximate time).
    if (reading.question && !reading.aboutCheck && (await this.answeredAnotherQuestion(context, check, input.text, readContext.language))) {
      return this.resume(dc, state, check);
    }
    if (reading.aside) {
      state.unreadable = 0;
      await context.sendActivity(this.text(check, readContext.language, reading.aside));
      return this.advance(dc, state, check, readContext, { noted: [], corrected: [] }, false, true);
    }
    if (await this.answeredAnotherQuestion(context, check, input.text, readContext.language)) return this.resume(dc, state, check);
    return this.unreadable(dc, state, check);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as CheckState;
    const check = this.checks.byId(state.check);
    if (check) await this.ask(context, state, check, false);
  }

  private async readContext(context: TurnContext): Promise<ReadContext> {
    const language = await this.language.get(context);
    const clientZone = typeof context.activity.localTimezone === 'string' ? context.activity.localTimezone : undefined;
    const today = new Date().toISOString().slice(0, 10);
    return clientZone ? { language, clientZone, today } : { language, today };
  }

  private text(check: LoadedCheck, language: Language, ref: TextRef): string {
    return renderText(check.file.texts[language], ref).join(' ');
  }

  /** Says what was understood, then asks for what is missing or gives the verdict. */
  private async advance(
    dc: DialogContext,
    state: CheckState,
    check: LoadedCheck,
    /** The turn's, as the message was read with it. */
    readContext: ReadContext,
    said: Pick<RuleReading<unknown>, 'noted' | 'corrected'> & { aside?: TextRef },
    rejudge = false,
    quiet = false,
  ): Promise<DialogTurnResult> {
    const { context } = dc;
    const { language } = readContext;
    const c = catalog(language);
    const lines = [
      said.noted.length ? c.case.noted(said.noted.map((ref) => this.text(check, language, ref))) : '',
      said.corrected.length ? c.case.corrected(said.corrected.map((ref) => this.text(check, language, ref))) : '',
      said.aside && !quiet ? this.text(check, language, said.aside) : '',
    ].filter(Boolean);
    if (lines.length && !quiet) await context.sendActivity(lines.join('\n\n'));

    const step = check.rule.next(check.settings, state.rule, readContext);
    if (step.kind === 'ask') {
      state.asking = step.fact;
      if (step.vars) state.askVars = step.vars;
      else delete state.askVars;
      await this.ask(context, state, check, step.retry === true);
      return Dialog.EndOfTurn;
    }

    const { verdict } = step;
    const firstStart = verdict.startTimes[0];
    const unchanged = state.verdict?.outcome === verdict.outcome && state.verdict.firstStart === firstStart && !rejudge && !said.noted.length && !said.corrected.length;
    if (!unchanged) {
      const related = verdict.related
        ? this.index
            .rank(state.question, { language })
            .filter((hit) => !check.file.articles.includes(hit.number) && hit.score >= RELATED_MIN_SCORE)
            .slice(0, RELATED_ARTICLES)
            .map((hit) => hit.article)
        : [];
      const blocks = verdict.blocks.map((block) => this.renderBlock(check, language, block));
      await context.sendActivity(MessageFactory.attachment(blocksCard(blocks, related, c, verdict.outcome)));
      noteTurn(context, { article: check.file.articles[0], verdict: verdict.outcome });
      this.record({ event: 'verdict', article: check.file.articles[0]!, coincides: verdict.fixes, startTimes: verdict.startTimes, workflows: verdict.workflows });
    }
    state.verdict = firstStart ? { outcome: verdict.outcome, firstStart } : { outcome: verdict.outcome };
    state.asking = FEEDBACK;
    delete state.askVars;
    await context.sendActivity(MessageFactory.attachment(feedbackCard(c)));
    return Dialog.EndOfTurn;
  }

  private renderBlock(check: LoadedCheck, language: Language, block: VerdictBlock): RenderedBlock {
    const one = (ref: TextRef): string => this.text(check, language, ref);
    const many = (refs: readonly TextRef[]): string[] => refs.flatMap((ref) => renderText(check.file.texts[language], ref));
    switch (block.kind) {
      case 'heading':
        return { kind: 'heading', text: one(block.text) };
      case 'text':
        return block.subtle ? { kind: 'text', text: one(block.text), subtle: true } : { kind: 'text', text: one(block.text) };
      case 'steps':
      case 'bullets':
        return { kind: block.kind, title: one(block.title), items: many(block.items) };
      case 'table':
        return { kind: 'table', title: one(block.title), columns: block.columns.map(one), rows: block.rows };
    }
  }

  private async ask(context: TurnContext, state: CheckState, check: LoadedCheck, retry: boolean): Promise<void> {
    const language = await this.language.get(context);
    const c = catalog(language);
    if (!state.asking || state.asking === FEEDBACK) {
      await context.sendActivity(MessageFactory.attachment(feedbackCard(c)));
      return;
    }
    const fact = state.asking;
    const question = check.rule.questions.find((q) => q.id === fact);
    const vars = state.askVars ? { vars: state.askVars } : {};
    const texts = check.file.texts[language];
    const hint = state.askVars?.hint;
    await context.sendActivity(
      MessageFactory.attachment(
        questionCard(
          {
            fact,
            article: check.file.articles[0]!,
            title: this.text(check, language, { key: `${fact}.title`, ...vars }),
            body: this.text(check, language, { key: retry ? `${fact}.retry` : `${fact}.body`, ...vars }),
            ...(hint && !retry && typeof hint === 'object' && !Array.isArray(hint) && 'key' in hint ? { hint: this.text(check, language, hint) } : {}),
            ...(texts[`${fact}.placeholder`] ? { placeholder: this.text(check, language, { key: `${fact}.placeholder`, ...vars }) } : {}),
            input: question?.input ?? 'text',
            buttons: (question?.buttons ?? []).map((button) => ({ title: this.text(check, language, { key: button.key, ...vars }), value: button.value })),
          },
          c,
        ),
      ),
    );
  }

  /** A message mid-check that finds another article: show it, and keep the check open. */
  private async answeredAnotherQuestion(context: TurnContext, check: LoadedCheck, text: string, language: Language): Promise<boolean> {
    if (text.split(/\s+/).length < MIN_QUESTION_WORDS) return false;
    const answer = this.index.search(text, { fallbackLanguage: language });
    // A near miss is a choice to offer, not an answer: mid-check it is no reason to leave the question.
    const best = answer.near ? undefined : answer.hits[0];
    if (!best || check.file.articles.includes(best.number)) return false;
    const article = this.index.get(best.number, language);
    if (!article) return false;
    noteTurn(context, { article: best.number, score: best.score });
    await context.sendActivity(MessageFactory.attachment(articleCard(article, catalog(language), false)));
    return true;
  }

  private async resume(dc: DialogContext, state: CheckState, check: LoadedCheck): Promise<DialogTurnResult> {
    state.unreadable = 0;
    await dc.context.sendActivity(catalog(await this.language.get(dc.context)).case.resume);
    await this.ask(dc.context, state, check, false);
    return Dialog.EndOfTurn;
  }

  private async unreadable(dc: DialogContext, state: CheckState, check: LoadedCheck): Promise<DialogTurnResult> {
    state.unreadable++;
    const c = catalog(await this.language.get(dc.context));
    if (state.unreadable >= MAX_UNREADABLE_ANSWERS) {
      await dc.context.sendActivity(c.gaveUp);
      await this.sendSummary(dc.context, state, check);
      return dc.endDialog();
    }
    await this.ask(dc.context, state, check, true);
    return Dialog.EndOfTurn;
  }

  private async finish(dc: DialogContext, state: CheckState, check: LoadedCheck, helpful: boolean, text: string, afterFix?: TextRef): Promise<DialogTurnResult> {
    const { context } = dc;
    const language = await this.language.get(context);
    const c = catalog(language);
    const article = check.file.articles[0]!;
    const verdict = state.verdict?.outcome;
    noteTurn(context, { article, helpful });
    this.record(verdict ? { event: 'feedback', article, helpful, verdict } : { event: 'feedback', article, helpful });
    const reason = helpful ? undefined : reasonOf(text);
    if (helpful) await context.sendActivity(c.feedbackThanks);
    else if (reason) await context.sendActivity([c.case.notHelpfulNoted(reason), afterFix ? this.text(check, language, afterFix) : c.feedbackSorry].join('\n\n'));
    else await context.sendActivity(c.feedbackSorry);
    await this.sendSummary(context, state, check, reason);
    return dc.endDialog();
  }

  private async sendSummary(context: TurnContext, state: CheckState, check: LoadedCheck, notHelpfulReason?: string): Promise<void> {
    const readContext = await this.readContext(context);
    const c = catalog(readContext.language);
    const lines = check.rule.summary(check.settings, state.rule, readContext).map((ref) => this.text(check, readContext.language, ref));
    if (notHelpfulReason) lines.push(c.summaryNotSolved(notHelpfulReason));
    await context.sendActivity(`${c.summaryIntro}\n\n${lines.join('\n')}`);
  }
}

/** "Not helpful, it still fails…", "no funciona", "sigue fallando": a no; else yes or no as typed. */
function feedbackOf(text: string): boolean | undefined {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/'/g, ' ');
  if (
    /\b(not helpful|didn t help|did not help|doesn t work|does not work|still fail\w*|no (me )?(ha )?(servido|sirvio|funciona|ayudo)|sigue fallando|todavia falla|aun falla|no ha funcionado)\b/.test(
      folded,
    )
  )
    return false;
  return recognizeYesNo(text);
}

/** The user's reason for "not helpful", without the bare no. */
function reasonOf(text: string): string | undefined {
  const reason = text.replace(/^\s*(no|not helpful|no me ha servido|no me sirvi[oó])\s*[,.:;!-]*\s*/i, '').trim();
  return reason.length >= 3 ? reason.slice(0, 300) : undefined;
}
