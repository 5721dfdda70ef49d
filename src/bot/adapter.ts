import { randomBytes } from 'node:crypto';
import {
  type BotAdapter,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';

/**
 * The Bot Framework adapter for the HTTP endpoint. Without a MicrosoftAppId the credentials
 * factory has no app id, which the SDK reads as "authentication disabled": the Bot Framework
 * Emulator and the Microsoft 365 Agents Playground can talk to the bot with no Azure account.
 */
export function createAdapter(config: Config): CloudAdapter {
  const app = config.microsoftApp;
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password,
    MicrosoftAppType: app.type,
    MicrosoftAppTenantId: app.tenantId,
  });
  return new CloudAdapter(authentication);
}

/**
 * The text to send the user when a turn fails; the error id is the one logged with the error,
 * for a message that wants to quote it.
 */
export type TurnErrorMessage = (context: TurnContext, errorId: string) => Promise<string>;

/**
 * On an unhandled error in a turn: log it once with a short id (never the user's text, which
 * may hold customer data), tell the user, and forget the conversation's state so that the next
 * message starts clean instead of failing again at the same dialog step. Nothing here throws:
 * the SDK would rethrow from onTurnError, and one bad turn must not take the process down.
 */
export function installTurnErrorHandler(adapter: BotAdapter, conversationState: ConversationState, messageFor: TurnErrorMessage): void {
  adapter.onTurnError = async (context, error) => {
    const errorId = randomBytes(4).toString('hex');
    const activity = context.activity;
    console.error(
      `[turn error ${errorId}] channel=${activity?.channelId ?? '?'} conversation=${activity?.conversation?.id ?? '?'} type=${activity?.type ?? '?'}:`,
      error,
    );

    try {
      await context.sendActivity(await messageFor(context, errorId));
    } catch (sendError) {
      console.error(`[turn error ${errorId}] could not tell the user: ${describe(sendError)}`);
    }

    try {
      await conversationState.delete(context);
      await conversationState.saveChanges(context);
    } catch (stateError) {
      console.error(`[turn error ${errorId}] could not clear the conversation state: ${describe(stateError)}`);
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
