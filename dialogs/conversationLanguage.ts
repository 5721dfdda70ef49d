import type { StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import { languageFromLocale } from '../src/language/detect';
import type { Language } from '../src/kb/types';
import { noteTurn } from './turnNotes';

/** The conversation's language: set by the first question, kept for short answers, switched on request. */
export class ConversationLanguage {
  constructor(
    private readonly accessor: StatePropertyAccessor<Language>,
    private readonly defaultLanguage: Language,
  ) {}

  async get(context: TurnContext): Promise<Language> {
    const stored = await this.accessor.get(context);
    const language = stored ?? languageFromLocale(context.activity.locale, this.defaultLanguage);
    noteTurn(context, { language });
    return language;
  }

  /** The language the conversation has settled on, if any (not the locale's guess). */
  async stored(context: TurnContext): Promise<Language | undefined> {
    return this.accessor.get(context);
  }

  async set(context: TurnContext, language: Language): Promise<void> {
    await this.accessor.set(context, language);
    noteTurn(context, { language });
  }
}
