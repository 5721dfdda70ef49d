import { type Activity, CloudAdapterBase, type ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder-core';
import { describeError } from '../../observability/logger';

/**
 * botbuilder's CloudAdapter, with the HTTP part done by the bot rather than by `CloudAdapter.process`.
 * It extends the CloudAdapter's base class (botbuilder-core, which botbuilder re-exports): the
 * CloudAdapter itself only adds `process` and streaming, and requiring the botbuilder package
 * loads all of its Teams, skills, SharePoint and streaming modules (about 130 ms at start-up).
 *
 * `process` answers a request it cannot authenticate with a 500 whose body is the exception's
 * message (e.g. the failed OpenID metadata request, measured with credentials set and no
 * network), prints errors with console.error, and throws on bodies it does not expect. Here the
 * request is authenticated first, any failure to authenticate (no token, a forged, expired or
 * wrongly signed one, signing keys that cannot be fetched, a key server that does not answer)
 * is an {@link UnauthorizedRequest}, and only then does the turn run, through the same
 * `processActivity` that `process` uses (middleware, turn error handler, expectReplies and
 * invoke responses included).
 */

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** The request could not be authenticated; `reason` is for the log, never for the response. */
export class UnauthorizedRequest extends Error {
  constructor(readonly reason: string) {
    super('Unauthorized');
    this.name = 'UnauthorizedRequest';
  }
}

/** What to answer the channel: the status and, for expectReplies and invokes, a body. */
export interface TurnResponse {
  status: number;
  body?: unknown;
}

/** Longest wait for the Bot Framework's signing keys before the request is refused. */
const DEFAULT_AUTHENTICATION_TIMEOUT_MS = 10_000;

export class AuthenticatingAdapter extends CloudAdapterBase {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly authenticationTimeoutMs: number = DEFAULT_AUTHENTICATION_TIMEOUT_MS,
  ) {
    super(authentication);
  }

  /**
   * Authenticates the request (the Authorization header's bearer token, against the Bot
   * Framework's published keys; nothing to check when the bot has no app id), then runs the
   * turn. Throws UnauthorizedRequest when the request is not authenticated; errors inside the
   * turn go to onTurnError as with `process`.
   */
  async processRequest(activity: Activity, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<TurnResponse> {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await withTimeout(this.botFrameworkAuthentication.authenticateRequest(activity, authorization), this.authenticationTimeoutMs);
    } catch (error) {
      throw new UnauthorizedRequest(describeError(error));
    }
    const invokeResponse = await this.processActivity(authenticated, activity, logic);
    return { status: invokeResponse?.status ?? 200, ...(invokeResponse?.body === undefined ? {} : { body: invokeResponse.body }) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the signing key service within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
