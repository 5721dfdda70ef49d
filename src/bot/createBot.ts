import { MemoryStorage, type ConversationState, type Storage } from 'botbuilder-core';
import { ConversationLanguage } from '../../dialogs/conversationLanguage';
import type { CheckEvent } from '../../dialogs/turnNotes';
import { MainDialog } from '../../dialogs/mainDialog';
import { loadChecks, type CheckRegistry } from '../check/registry';
import type { Language } from '../kb/types';
import type { KnowledgeBase } from '../search/knowledgeBase';
import { KbBot } from './kbBot';
import { PerUserConversationState } from '../teams/perUserConversationState';
import { TeamsMemory } from '../teams/memory';
import type { TypingOptions } from './typing';
import { TenantGate, WelcomeOnce } from '../teams/teams';

export interface BotDependencies {
  knowledgeBase: KnowledgeBase;
  /** The guided checks (kb/checks/ when omitted). */
  checks?: CheckRegistry;
  defaultLanguage: Language;
  /** Where conversation state (and the welcome markers) live; memory when omitted. No user state is kept. */
  storage?: Storage;
  /** Receives verdicts and feedback, for counting what helped. */
  record?: (event: CheckEvent) => void;
  /** ALLOWED_TENANTS: Microsoft Entra tenant ids served; every tenant when empty or omitted. */
  allowedTenants?: readonly string[];
  /** Where a refused tenant is logged, one line each; console.warn when omitted. */
  logRefusedTenant?: (line: string) => void;
  /** The typing indicator while a turn takes longer than a moment (after 500 ms, then every 2 s, when omitted). */
  typing?: TypingOptions;
}

export interface BotApp {
  bot: KbBot;
  conversationState: ConversationState;
  /** The conversation's language, e.g. for the turn error message. */
  language: ConversationLanguage;
}

/** Wires state, the dialogs and the bot over a loaded knowledge base. */
export function createBot(deps: BotDependencies): BotApp {
  const storage = deps.storage ?? new MemoryStorage();
  // Per user within group chats and channels, so that two people's checks never mix.
  const conversationState = new PerUserConversationState(storage);
  const language = new ConversationLanguage(conversationState.createProperty<Language>('language'), deps.defaultLanguage);
  const record = deps.record ?? ((event: CheckEvent) => console.log(JSON.stringify(event)));
  const mainDialog = new MainDialog(deps.knowledgeBase.index, deps.checks ?? loadChecks(), language, record);
  const bot = new KbBot(conversationState, mainDialog, deps.defaultLanguage, {
    welcomeOnce: new WelcomeOnce(storage),
    tenantGate: new TenantGate(deps.allowedTenants ?? [], deps.defaultLanguage, deps.logRefusedTenant),
    memory: new TeamsMemory(conversationState),
    language,
    record,
    ...(deps.typing ? { typing: deps.typing } : {}),
  });
  return { bot, conversationState, language };
}
