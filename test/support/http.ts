import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter, installTurnErrorHandler, type AdapterOptions, type TurnErrorMessage } from '../../src/hosting/botframework/adapter';
import { silentLogger, type Logger } from '../../src/observability/logger';
import { createServer } from '../../src/http/server';
import { loadBot, turnErrorMessage, type LoadedBot, type LoadOptions } from '../../src/app/startup';
import { loadConfig } from '../../src/app/config';

/**
 * The bot's real HTTP service on loopback, and a client that talks to it as a channel does:
 * Bot Framework activities posted to /api/messages, replies read from the response body
 * (deliveryMode "expectReplies") or received on a fake channel (normal delivery).
 */

/** What a user sends: typed text, or a card's Action.Submit (empty text, `value`), as Teams does. */
export type UserMessage = string | { value: Record<string, unknown> };

export interface BotServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  loaded: LoadedBot;
  /** Sends one message in a conversation and returns the bot's replies (expectReplies). */
  sendMessage(conversationId: string, message: UserMessage, locale?: string): Promise<Partial<Activity>[]>;
  post(body: unknown, init?: PostInit): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** More article folders, as KB_PATH; kb/ only when omitted. */
  kbPaths?: string[];
  /** createBot's optional dependencies (storage, record, …). */
  bot?: LoadOptions['bot'];
  turnErrorMessage?: TurnErrorMessage;
  /** The service's log (turns, refused requests, turn errors); nothing is logged when omitted. */
  logger?: Logger;
  /** Settings as environment variables, e.g. MicrosoftAppId; none (no authentication) when omitted. */
  env?: Record<string, string>;
  /** createAdapter's other options, e.g. a key server on loopback for Bot Framework tokens. */
  adapter?: Omit<AdapterOptions, 'logger'>;
}

/** Starts the service as src/index.ts does, without credentials, on 127.0.0.1 and a free port. */
export async function startBotServer(options: StartOptions = {}): Promise<BotServer> {
  const config = { ...loadConfig(options.env ?? {}), kbPaths: options.kbPaths ?? [] };
  const logger = options.logger ?? silentLogger();
  const loaded = await loadBot(config, { bot: options.bot, logger });
  const adapter = createAdapter(config, { ...options.adapter, logger });
  installTurnErrorHandler(adapter, loaded.conversationState, options.turnErrorMessage ?? turnErrorMessage(loaded), logger);
  const server = createServer({ adapter, bot: loaded.runner, isReady: () => true, logger });
  const url = await listen(server);
  return {
    url,
    loaded,
    sendMessage: (conversationId, message, locale) => sendMessage(url, conversationId, message, locale),
    post: (body, init) => post(url, body, init),
    close: () => close(server),
  };
}

export async function listen(server: Server | HttpServer): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export function close(server: Server | HttpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A message activity as a channel posts it; `overrides` win (deliveryMode, serviceUrl, …). */
export function messageActivity(conversationId: string, message: UserMessage, locale = 'en-US', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date();
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: 'https://channel.test.invalid/',
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    localTimezone: 'UTC',
    locale,
    from: { id: `user-${conversationId}`, name: 'Operator', role: 'user' },
    recipient: { id: 'bot', name: 'Campaign KB bot', role: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false },
    ...(typeof message === 'string' ? { text: message } : { text: '', value: message.value }),
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

/** Posts a message with deliveryMode "expectReplies" and returns the replies from the response body. */
export async function sendMessage(baseUrl: string, conversationId: string, message: UserMessage, locale = 'en-US'): Promise<Partial<Activity>[]> {
  const { status, body } = await post(baseUrl, messageActivity(conversationId, message, locale));
  if (status !== 200) throw new Error(`POST /api/messages answered ${status}: ${JSON.stringify(body)}`);
  const activities = (body as { activities?: Partial<Activity>[] } | null)?.activities;
  if (!Array.isArray(activities)) throw new Error(`No activities in the response: ${JSON.stringify(body)}`);
  return activities;
}

export interface PostInit {
  contentType?: string;
  /** Send the body as given (a string), not as JSON. */
  raw?: boolean;
  /** More request headers, e.g. Authorization. */
  headers?: Record<string, string>;
}

/** POST /api/messages; `raw` sends the body as given (a string), not as JSON. */
export async function post(baseUrl: string, body: unknown, init: PostInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': init.contentType ?? 'application/json', ...init.headers },
    body: init.raw ? String(body) : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed };
}

/** An activity the bot posted to the fake channel, with where it was posted. */
export interface ChannelPost {
  path: string;
  conversationId: string;
  replyToId?: string;
  activity: Partial<Activity>;
}

/**
 * A channel's Bot Connector service on loopback, for normal delivery: the bot posts its replies
 * to `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` and gets `{id}` back.
 */
export async function startFakeChannel(): Promise<{ serviceUrl: string; posts: ChannelPost[]; close(): Promise<void> }> {
  const posts: ChannelPost[] = [];
  const server = createHttpServer((req, res) => {
    void readBody(req).then((text) => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404);
        res.end();
        return;
      }
      const id = `activity-${posts.length + 1}`;
      posts.push({
        path: req.url ?? '',
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        activity: JSON.parse(text) as Partial<Activity>,
      });
      // Two calls: restify patches ServerResponse.writeHead, and its version returns nothing.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  const url = await listen(server);
  return { serviceUrl: `${url}/`, posts, close: () => close(server) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
