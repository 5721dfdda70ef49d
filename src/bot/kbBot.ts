import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogStateManagerConfiguration, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { Language } from '../kb/types';
import { isBotArrival, removeBotMentions, welcomeText, type TenantGate, type WelcomeOnce } from '../teams/teams';
import { noteTurn, waitingStep } from '../../dialogs/turnNotes';
import { cleanIncomingActivity } from './userText';

// The turn-state key under which botbuilder-dialogs' DialogStateManager caches its configuration.
const MEMORY_SCOPES_KEY = 'DialogStateManagerConfiguration';

/** Teams behaviour: the welcome given once per conversation, and the tenant allow-list. */
export interface KbBotTeamsOptions {
  /** Without it, every arrival of the bot is welcomed. */
  welcomeOnce?: WelcomeOnce;
  /** Without it, every tenant is served. */
  tenantGate?: TenantGate;
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
    // The edge of the bot: the user's text and card inputs bounded (4,000 characters) and cleaned once.
    cleanIncomingActivity(context.activity);
    // Before anything reads the text: "<at>Bot</at> question" is a question.
    if (context.activity.type === 'message' && context.activity.text) context.activity.text = removeBotMentions(context.activity);
    // Another organisation: a polite refusal, one log line, and no dialog or state at all.
    if (await this.teams.tenantGate?.refuse(context)) return;
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (this.teams.welcomeOnce && !(await this.teams.welcomeOnce.claim(context))) return;
    await context.sendActivity(welcomeText(context.activity, this.defaultLanguage));
  }

  private async runMainDialog(context: TurnContext): Promise<void> {
    // botbuilder-dialogs rebuilds its memory-scope configuration for every turn unless the turn
    // carries one; it never changes, so it is built on the first turn and handed to the rest.
    if (this.memoryScopes) context.turnState.set(MEMORY_SCOPES_KEY, this.memoryScopes);
    const dc = await this.dialogs.createContext(context);
    this.memoryScopes ??= context.turnState.get(MEMORY_SCOPES_KEY);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.mainDialog.id);
    noteTurn(context, { step: waitingStep(dc) });
  }
}
