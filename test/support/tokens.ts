import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { close, listen } from './http';

/**
 * A stand-in for the Bot Framework's token service on loopback: an OpenID metadata document and
 * its JSON Web Key Set, with an RSA key of our own, and tokens signed (or forged) as a channel
 * would send them. The bot's adapter is pointed at `metadataUrl`, so that the SDK's real token
 * validation (jsonwebtoken, OpenIdMetadata, the channel's claim checks) runs against real keys.
 */

/** The Bot Framework's issuer for channel tokens (AuthenticationConstants.ToBotFromChannelTokenIssuer). */
const CHANNEL_ISSUER = 'https://api.botframework.com';
/** An issuer the SDK takes as the Emulator's (Azure AD v1, botframework.com tenant). */
export const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

export interface KeyServer {
  /** e.g. http://127.0.0.1:41234/v1/.well-known/openidconfiguration */
  metadataUrl: string;
  /** The id of the published key. */
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** How many times the metadata and the keys were fetched. */
  fetches: { metadata: number; keys: number };
  close(): Promise<void>;
}

export interface KeyServerOptions {
  /** The channels the key is endorsed for (the Bot Framework's keys list them). */
  endorsements?: string[];
  /** Accept connections and never answer: a key service that hangs. */
  hang?: boolean;
}

export async function startKeyServer(options: KeyServerOptions = {}): Promise<KeyServer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-key-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  const fetches = { metadata: 0, keys: 0 };
  let base = '';
  const server: Server = createServer((req, res) => {
    if (options.hang) return;
    if (req.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      fetches.keys++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', ...(options.endorsements ? { endorsements: options.endorsements } : {}) }] }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  base = await listen(server);
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    privateKey,
    publicKey,
    fetches,
    close: () => {
      server.closeAllConnections();
      return close(server);
    },
  };
}

/** A URL on loopback where nothing listens: keys that cannot be fetched. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  const base = await listen(server);
  await close(server);
  return `${base}/v1/.well-known/openidconfiguration`;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** A JWT signed with RS256 by `key` (or with the algorithm of `header.alg` for forgeries). */
export function signJwt(payload: Record<string, unknown>, key: KeyObject, header: Record<string, unknown>): string {
  const input = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', ...header }))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${base64url(sign('RSA-SHA256', Buffer.from(input), key))}`;
}

/** A JWT with `alg: none` and no signature. */
export function unsignedJwt(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return `${base64url(JSON.stringify({ typ: 'JWT', alg: 'none', ...header }))}.${base64url(JSON.stringify(payload))}.`;
}

/** A JWT "signed" with HS256 using the public key as the HMAC secret: the algorithm-confusion forgery. */
export function hmacJwtWithPublicKey(payload: Record<string, unknown>, publicKey: KeyObject, header: Record<string, unknown>): string {
  const input = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', ...header }))}.${base64url(JSON.stringify(payload))}`;
  const secret = publicKey.export({ format: 'pem', type: 'spki' });
  return `${input}.${base64url(createHmac('sha256', secret).update(input).digest())}`;
}

/** The claims of a channel's token to the bot (the Bot Framework names the claim "serviceurl"), valid for an hour. */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}
