import { type BotAdapter, CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions, type ConversationState, type TurnContext } from 'botbuilder-core';
import { AuthenticatingAdapter } from './authenticatingAdapter';
import { ReusingAuthentication } from './reusingAuthentication';
import { errorFields, fallbackLogger, silentLogger, type Logger } from '../../observability/logger';
import { turnFacts } from '../../../dialogs/turnNotes';
import { TurnLogMiddleware } from '../../observability/turnLog';

/** The part of the configuration the adapter reads. */
export interface AdapterSettings {
  /** The Azure Bot's credentials; none for local clients (Emulator, Agents Playground). */
  microsoftApp: { id?: string; password?: string; type?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  /** See hashConversationId in the turn log; random per process when omitted. */
  logHashSalt?: string;
}

export interface AdapterOptions {
  /** Receives one line per turn (see turnLog.ts); nothing is logged when omitted. */
  logger?: Logger;
  /**
   * Where the Bot Framework publishes the keys that sign channel (and Emulator) tokens: the
   * public cloud's OpenID metadata when omitted. Tests point them at a key server on loopback,
   * so that real tokens are checked against real keys with no network.
   */
  openIdMetadata?: { channel: string; emulator?: string };
  /** Longest wait for those keys before the request is refused (default 10 s). */
  authenticationTimeoutMs?: number;
}

/**
 * The Bot Framework adapter for the HTTP endpoint. Without a MicrosoftAppId the credentials
 * factory has no app id, which the SDK reads as "authentication disabled": the Bot Framework
 * Emulator and the Microsoft 365 Agents Playground can talk to the bot with no Azure account.
 */
export function createAdapter(config: AdapterSettings, options: AdapterOptions = {}): AuthenticatingAdapter {
  const app = config.microsoftApp;
  const authentication = new ReusingAuthentication({
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password,
    MicrosoftAppType: app.type,
    MicrosoftAppTenantId: app.tenantId,
    ...(options.openIdMetadata ? publicCloudWithKeysAt(options.openIdMetadata) : {}),
  });
  const adapter = new AuthenticatingAdapter(authentication, options.authenticationTimeoutMs);
  adapter.use(new TurnLogMiddleware({ logger: options.logger ?? silentLogger(), salt: config.logHashSalt }));
  return adapter;
}

/**
 * The public cloud's settings (botframework-connector's AuthenticationConstants) with other
 * OpenID metadata URLs. Setting any one of these makes the SDK take all of them from the
 * configuration, hence the full set.
 */
function publicCloudWithKeysAt(metadata: { channel: string; emulator?: string }): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadata.channel,
    ToBotFromEmulatorOpenIdMetadataUrl: metadata.emulator ?? 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The text to send the user when a turn fails; the error id is the one logged with the error,
 * for a message that wants to quote it.
 */
export type TurnErrorMessage = (context: TurnContext, errorId: string) => Promise<string>;

/**
 * On an unhandled error in a turn: log it once under the turn's id (the one on the turn's log
 * line; never the user's text, which may hold customer data), tell the user, and forget the
 * conversation's state so that the next message starts clean instead of failing again at the
 * same dialog step. Nothing here throws: the SDK would rethrow from onTurnError, and one bad
 * turn must not take the process down. The terminal chat passes no logger: stderr then.
 */
export function installTurnErrorHandler(adapter: BotAdapter, conversationState: ConversationState, messageFor: TurnErrorMessage, logger: Logger = fallbackLogger()): void {
  adapter.onTurnError = async (context, error) => {
    const errorId = turnFacts(context).turnId;
    const activity = context.activity;
    const log = logger.child({ turnId: errorId, channel: activity?.channelId, activityType: activity?.type });
    log.error({ err: errorFields(error) }, 'turn failed');

    try {
      await context.sendActivity(await messageFor(context, errorId));
    } catch (sendError) {
      log.error({ err: errorFields(sendError) }, 'turn failed: could not tell the user');
    }

    try {
      await conversationState.delete(context);
      await conversationState.saveChanges(context);
    } catch (stateError) {
      log.error({ err: errorFields(stateError) }, 'turn failed: could not clear the conversation state');
    }
  };
}
