import { ActivityHandler, type AdaptiveCardInvokeResponse, type ConversationState, type TurnContext } from 'botbuilder-core';
import type { DialogContext, DialogStateManagerConfiguration, Dialog, DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from '../../dialogs/dialogKit';
import type { Language } from '../kb/types';
import { catalog } from '../i18n/catalog';
import { isBotArrival, isTeams, removeBotMentions, welcomeText, type TenantGate, type WelcomeOnce } from '../teams/teams';
import { answerValue, executeOf, feedbackOf, messageResponse, otherOwner, ownViewOf, refreshResponse } from '../teams/invokes';
import { CHECK_QUESTIONS, type TeamsMemory } from '../teams/memory';
import { markMidCheck, presentForTeams } from '../teams/presentation';
import type { ConversationLanguage } from '../../dialogs/conversationLanguage';
import { noteTurn, waitingStep, type CheckEvent } from '../../dialogs/turnNotes';
import { whileTyping, type TypingOptions } from './typing';
import { cleanIncomingActivity, cleanUserText } from './userText';

// The turn-state key under which botbuilder-dialogs' DialogStateManager caches its configuration.
const MEMORY_SCOPES_KEY = 'DialogStateManagerConfiguration';

/** Teams behaviour: the welcome given once per conversation, and the tenant allow-list. */
export interface KbBotTeamsOptions {
  /** Without it, every arrival of the bot is welcomed. */
  welcomeOnce?: WelcomeOnce;
  /** Without it, every tenant is served. */
  tenantGate?: TenantGate;
  /** Feedback controls, edits (Teams): without it, feedback invokes and edits are not handled. */
  memory?: TeamsMemory;
  /** The conversation's language, for what the bot itself says (edits, someone else's button). */
  language?: ConversationLanguage;
  /** Where feedback given with Teams' controls outside a check is counted. */
  record?: (event: CheckEvent) => void;
  /** The typing indicator while a turn takes longer than a moment. */
  typing?: TypingOptions;
}

/** The checks' questions and "was this helpful?": a check is open. */
function inCheck(step: string): boolean {
  return CHECK_QUESTIONS.has(step) || step === 'feedback';
}

/**
 * The bot: welcomes new members and runs the main dialog for every message, saving the
 * conversation state at the end of each turn. No user state is kept: everything a check needs
 * (language, dialog stack) belongs to the conversation.
 */
export class KbBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private memoryScopes?: DialogStateManagerConfiguration;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: Dialog,
    private readonly defaultLanguage: Language,
    private readonly teams: KbBotTeamsOptions = {},
  ) {
    super();
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(mainDialog);

    this.onMessage(async (context, next) => {
      await this.runMainDialog(context);
      await next();
    });

    // Teams sends both on install (installationUpdate "add", and conversationUpdate with the bot
    // among membersAdded): either welcomes, once per conversation.
    this.onMembersAdded(async (context, next) => {
      if (isBotArrival(context.activity)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      if (isBotArrival(context.activity)) await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // The edge of the bot: the user's text and card inputs bounded (4,000 characters) and cleaned once.
    cleanIncomingActivity(activity);
    // Before anything reads the text: "<at>Bot</at> question" is a question.
    if ((activity.type === 'message' || activity.type === 'messageUpdate') && activity.text) activity.text = removeBotMentions(activity);
    // Another organisation: a polite refusal, one log line, and no dialog or state at all.
    if (await this.teams.tenantGate?.refuse(context)) return;
    if (isTeams(activity)) presentForTeams(context);
    // A deleted message is ignored: no reply, nothing saved (Teams: messageDelete, softDeleteMessage).
    if (activity.type === 'messageDelete') return;
    if (activity.type === 'invoke') {
      const response = await this.invoke(context);
      if (response) {
        await this.conversationState.saveChanges(context, false);
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: response } });
        return;
      }
    }
    if (activity.type === 'messageUpdate') {
      await whileTyping(context, () => this.edited(context), this.teams.typing);
      await this.conversationState.saveChanges(context, false);
      return;
    }
    if (activity.type === 'message') await whileTyping(context, () => super.run(context), this.teams.typing);
    else await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  /**
   * Teams' invokes this bot answers: the feedback controls (`message/submitAction`, answered
   * `{}`) and Action.Execute (`adaptiveCard/action`: a card's refresh, or an answer, run as the
   * message an Action.Submit would have sent). Undefined for any other invoke (the SDK's 501).
   */
  private async invoke(context: TurnContext): Promise<object | undefined> {
    const activity = context.activity;
    const feedback = feedbackOf(activity);
    if (feedback) {
      await this.feedback(context, feedback.helpful, feedback.comment);
      return {};
    }
    const execute = executeOf(activity);
    if (!execute) return undefined;
    const refreshed = refreshResponse(execute.verb, execute.data, activity.from?.id) ?? ownViewOf(execute.data, activity.from?.id);
    if (refreshed) return refreshed;
    const c = catalog(await this.languageOf(context));
    const owner = otherOwner(execute.data, activity.from?.id);
    // Someone else's check: theirs is not touched.
    if (owner) return messageResponse(c.teams.notYourCheck(owner));
    await this.asMessage(context, { text: '', value: answerValue(execute.data) }, () => this.runMainDialog(context));
    return messageResponse(catalog(await this.languageOf(context)).teams.received) satisfies AdaptiveCardInvokeResponse;
  }

  /** Like or dislike (and the comment) from Teams' controls: the check's answer when it asks, else counted for what was rated. */
  private async feedback(context: TurnContext, helpful: boolean, comment: string): Promise<void> {
    const dc = await this.dialogContext(context);
    if (waitingStep(dc) === 'feedback') {
      await this.asMessage(context, { text: '', value: { kbAction: 'feedback', helpful, comment } }, () => this.runMainDialog(context));
      return;
    }
    const on = this.teams.memory ? (await this.teams.memory.get(context)).feedbackOn : undefined;
    if (!on) return;
    noteTurn(context, { article: on.article, helpful });
    this.teams.record?.(on.verdict ? { event: 'feedback', article: on.article, helpful, verdict: on.verdict } : { event: 'feedback', article: on.article, helpful });
  }

  /**
   * An edited message (Teams: messageUpdate, eventType editMessage): the question being worked on
   * or an answer to the open check is read again, as that (the check re-judges and says so when
   * its verdict changes); the question with no check open is searched again. Any other edit, and
   * an undelete, is ignored.
   */
  private async edited(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const eventType = (activity.channelData as { eventType?: unknown } | undefined)?.eventType;
    if (!this.teams.memory || (eventType !== undefined && eventType !== 'editMessage') || !activity.id || !activity.text?.trim()) return;
    const memory = await this.teams.memory.get(context);
    const dc = await this.dialogContext(context);
    const waiting = waitingStep(dc);
    const answer = memory.answers?.find((answered) => answered.id === activity.id);
    let value: Record<string, unknown>;
    if (activity.id === memory.question) {
      value = inCheck(waiting) ? { kbEdit: 'offer' } : {};
      if (!inCheck(waiting)) await dc.cancelAllDialogs();
    } else if (answer && inCheck(waiting)) {
      value = { kbEdit: answer.asked };
    } else {
      return;
    }
    await context.sendActivity(catalog(await this.languageOf(context)).teams.edited);
    await this.asMessage(context, { text: activity.text, value }, () => this.runMainDialog(context, { replay: true }));
  }

  /** Runs `work` with the activity seen as a message with this text and value, as the dialogs read answers. */
  private async asMessage(context: TurnContext, message: { text: string; value: Record<string, unknown> }, work: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    const saved = { type: activity.type, text: activity.text, value: activity.value as unknown };
    Object.assign(activity, { type: 'message', text: message.text, value: message.value });
    cleanIncomingActivity(activity);
    activity.text = cleanUserText(activity.text);
    try {
      await work();
    } finally {
      Object.assign(activity, saved);
    }
  }

  private async languageOf(context: TurnContext): Promise<Language> {
    return this.teams.language ? this.teams.language.get(context) : this.defaultLanguage;
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (this.teams.welcomeOnce && !(await this.teams.welcomeOnce.claim(context))) return;
    await context.sendActivity(welcomeText(context.activity, this.defaultLanguage));
  }

  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    // botbuilder-dialogs rebuilds its memory-scope configuration for every turn unless the turn
    // carries one; it never changes, so it is built on the first turn and handed to the rest.
    if (this.memoryScopes) context.turnState.set(MEMORY_SCOPES_KEY, this.memoryScopes);
    const dc = await this.dialogs.createContext(context);
    this.memoryScopes ??= context.turnState.get(MEMORY_SCOPES_KEY);
    return dc;
  }

  private async runMainDialog(context: TurnContext, options: { replay?: boolean } = {}): Promise<void> {
    const dc = await this.dialogContext(context);
    const before = waitingStep(dc);
    // An article shown in the middle of a check is an aside: Teams' feedback controls go on the verdict.
    if (inCheck(before)) markMidCheck(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.mainDialog.id);
    const after = waitingStep(dc);
    noteTurn(context, { step: after });
    if (isTeams(context.activity)) await this.teams.memory?.afterTurn(context, before, after, options);
  }
}
