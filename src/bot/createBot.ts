import { ConversationState, MemoryStorage, UserState, type Storage } from 'botbuilder';
import { ConversationLanguage } from '../../dialogs/conversationLanguage';
import type { CheckEvent } from '../../dialogs/guidedCheckDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import type { GuidedCheckData } from '../kb/checkData';
import type { Language } from '../kb/types';
import type { KnowledgeBase } from '../knowledgeBase';
import { KbBot } from './kbBot';

export interface BotDependencies {
  knowledgeBase: KnowledgeBase;
  guidedCheck: GuidedCheckData;
  defaultLanguage: Language;
  /** Where conversation and user state live; memory when omitted. */
  storage?: Storage;
  /** Receives verdicts and feedback, for counting what helped. */
  record?: (event: CheckEvent) => void;
}

export interface BotApp {
  bot: KbBot;
  conversationState: ConversationState;
  userState: UserState;
  /** The conversation's language, e.g. for the turn error message. */
  language: ConversationLanguage;
}

/** Wires state, the dialogs and the bot over a loaded knowledge base. */
export function createBot(deps: BotDependencies): BotApp {
  const storage = deps.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const language = new ConversationLanguage(conversationState.createProperty<Language>('language'), deps.defaultLanguage);
  const record = deps.record ?? ((event: CheckEvent) => console.log(JSON.stringify(event)));
  const mainDialog = new MainDialog(deps.knowledgeBase.index, deps.guidedCheck, language, record);
  const bot = new KbBot(conversationState, userState, mainDialog, deps.defaultLanguage);
  return { bot, conversationState, userState, language };
}
