import { ConfigurationBotFrameworkAuthentication } from 'botbuilder-core';

/**
 * The Bot Framework authentication of the configuration, keeping the clients it builds between
 * turns. For every incoming activity the CloudAdapter has a new ConnectorClient and a new
 * UserTokenClient built, each with its whole HTTP pipeline: together more CPU than the echo
 * bot's whole turn spends elsewhere (the older BotFrameworkAdapter kept one connector client per
 * service URL). A client holds no turn's data: its credentials come from the one credentials
 * factory of the process and cache their own tokens, so turns of the same bot identity (and
 * service URL and audience) can share one.
 */

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
// botframework-connector's types, as botbuilder hands them out (it is not a dependency of its own here).
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** A handful of service URLs per region and audience in practice; the bound only guards memory. */
const MAX_CLIENTS = 64;

export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(...args);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = botAppId(result.claimsIdentity);
    const connectorFactory: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) => this.connectors.get(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return { ...result, connectorFactory };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(botAppId(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The bot's own id as the SDK reads it: the token's audience claim for channels, its appid claim for the Emulator; '' without authentication. */
function botAppId(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, build: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key);
    if (!client) {
      client = build();
      // A client that could not be built is not kept: the next turn tries again.
      client.catch(() => this.clients.delete(key));
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
      this.clients.set(key, client);
    }
    return client;
  }
}
