import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder-core';
import type { Request, Response, Next, RequestHandler, Server } from 'restify';
import { z } from 'zod';
import { UnauthorizedRequest, type AuthenticatingAdapter } from '../hosting/botframework/authenticatingAdapter';
import { errorFields, type Logger } from '../observability/logger';
import type { TurnOutcome, TurnRunner } from '../bot/turnRunner';

/**
 * What stands between the internet and the bot on `POST /api/messages`: the body is read with a
 * size limit and parsed as JSON here (not by restify's body parser, which has no limit and
 * answers bad JSON with the parser's message), checked to be an activity the SDK and the bot
 * can take, authenticated, and only then given to the bot.
 *
 * Every answer is a status and a short fixed body: a client learns what was wrong with its
 * request (400, 401, 408, 413, 415), never anything about the server. No 5xx comes from anything a
 * client sent; a 500 means a fault of the bot, logged with the reference the body quotes.
 */

/** Largest body taken: an activity with a full Teams message and a card's inputs is a few KB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A body larger than this is not read to its end: the connection is dropped instead of answered. */
const MAX_DRAINED_BYTES = 32 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted; a real activity nests less than ten deep. */
const MAX_JSON_DEPTH = 64;
/** A body not received in this time is answered 408. */
const BODY_TIMEOUT_MS = 30_000;

/** The response body for each refusal: fixed texts, nothing from the request or the server. */
function refusal(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

function reply(res: Response, status: number, body: object, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.send(status, body);
}

export interface BodyOptions {
  /** Default MAX_BODY_BYTES. */
  maxBytes?: number;
  /** Default 30 s. */
  timeoutMs?: number;
  logger: Logger;
}

/**
 * Reads and parses the JSON body into `req.body`, or answers: 415 for a content type or
 * encoding other than JSON, 413 over the size limit, 400 for text that is not JSON or nests too
 * deeply, 408 when the body does not arrive. A body over the limit is still read (and
 * dropped) to its end, up to a hard limit, so that the client reliably gets the 413 rather than
 * a reset connection.
 */
export function readJsonBody(options: BodyOptions): RequestHandler {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const { logger } = options;
  return (req: Request, res: Response, next: Next) => {
    const refuse = (status: number, code: string, message: string, reason: string): void => {
      logger.info({ status, reason, method: req.method, path: req.getPath?.() }, 'request refused');
      reply(res, status, refusal(code, message));
      next(false);
    };

    // Refused from the headers, but answered once the body is in, as for the 413.
    let refusedByHeaders: [number, string, string, string] | undefined;
    const mediaType = (headerText(req.headers['content-type']) ?? '').split(';')[0]!.trim().toLowerCase();
    const encoding = (headerText(req.headers['content-encoding']) ?? 'identity').trim().toLowerCase();
    if (mediaType && mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
      refusedByHeaders = [415, 'UnsupportedMediaType', 'Expected a JSON Bot Framework activity (Content-Type: application/json)', `content type ${mediaType.slice(0, 60)}`];
    } else if (encoding !== 'identity') {
      refusedByHeaders = [415, 'UnsupportedMediaType', 'Compressed request bodies are not accepted', `content encoding ${encoding.slice(0, 30)}`];
    }

    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (): boolean => {
      if (finished) return false;
      finished = true;
      clearTimeout(timer);
      return true;
    };
    // Set before any event can call finish(): the request's events come after this handler returns.
    const timer = setTimeout(() => {
      if (!finish()) return;
      res.header('Connection', 'close');
      refuse(408, 'RequestTimeout', 'The request body did not arrive in time', 'body timeout');
      req.destroy();
    }, options.timeoutMs ?? BODY_TIMEOUT_MS);
    timer.unref();

    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      received += chunk.length;
      if (received <= maxBytes && !refusedByHeaders) chunks.push(chunk);
      else if (received > MAX_DRAINED_BYTES && finish()) {
        logger.warn({ status: 413, reason: `body over ${MAX_DRAINED_BYTES} bytes`, path: req.getPath?.() }, 'request refused, connection dropped');
        req.destroy();
        next(false);
      }
    });
    req.on('error', () => {
      if (finish()) next(false);
    });
    req.on('close', () => {
      // The client went away before the end of its body.
      if (!req.complete && finish()) next(false);
    });
    req.on('end', () => {
      if (!finish()) return;
      if (refusedByHeaders) {
        refuse(...refusedByHeaders);
        return;
      }
      if (received > maxBytes) {
        refuse(413, 'PayloadTooLarge', `The request body is larger than ${Math.round(maxBytes / 1024)} KB`, `body of ${received} bytes`);
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const parsed = parseJson(text);
      if (!parsed.ok) {
        refuse(400, 'BadRequest', 'Expected a Bot Framework activity in JSON', parsed.reason);
        return;
      }
      req.body = parsed.value;
      next();
    });
  };
}

/** JSON text to a value; `__proto__` keys are dropped, and deep nesting is refused before parsing. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!text.trim()) return { ok: false, reason: 'empty body' };
  if (nestingExceeds(text, MAX_JSON_DEPTH)) return { ok: false, reason: `JSON nested deeper than ${MAX_JSON_DEPTH}` };
  try {
    // A reviver makes JSON.parse several times slower: it runs only for a body that could hold the
    // key, spelt out or with escapes ("\u005f_proto__").
    const value: unknown =
      text.includes('__proto__') || text.includes('\\u') ? JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) : JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false, reason: 'malformed JSON' };
  }
}

/** Whether brackets outside strings nest deeper than `max`; a linear scan, no recursion. */
function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const optionalText = z.string().nullish();
/** Ids key the bot's state (storage keys have limits); Teams' longest are a few hundred characters. */
const id = z.string().min(1).max(1024);
const account = z.looseObject({ id, name: optionalText, role: optionalText, aadObjectId: optionalText });
const dateText = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')
  .nullish();
const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'not an http(s) URL');

/**
 * An activity as channels send it: what the SDK and the bot read must have the right type
 * (a wrong one made the SDK throw, a 500), and the fields every channel sends are required, so
 * that the bot can key its state and address its replies. Other fields pass through.
 */
const ActivitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: optionalText,
  channelId: z.string().min(1).max(100),
  serviceUrl: httpUrl,
  conversation: z.looseObject({ id, isGroup: z.boolean().nullish(), conversationType: optionalText, tenantId: optionalText, name: optionalText }),
  from: account,
  recipient: account,
  text: optionalText,
  textFormat: optionalText,
  locale: optionalText,
  replyToId: optionalText,
  name: optionalText,
  deliveryMode: optionalText,
  inputHint: optionalText,
  localTimezone: optionalText,
  callerId: optionalText,
  timestamp: dateText,
  localTimestamp: dateText,
  expiration: dateText,
  attachments: z.array(z.looseObject({ contentType: z.string() })).nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  channelData: z.record(z.string(), z.unknown()).nullish(),
  relatesTo: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * A parsed body as an Activity, or why not. Null fields are removed (as if absent) and the
 * timestamps become Dates, as the SDK's own HTTP handler does.
 */
function parseActivity(body: unknown): { ok: true; activity: Activity } | { ok: false; reason: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'not a JSON object' };
  const checked = ActivitySchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}` };
  }
  const activity: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [key, value] of Object.entries(activity)) if (value === null) delete activity[key];
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof activity[key] === 'string') {
      activity[raw] = activity[key];
      activity[key] = new Date(activity[key]);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}

export interface EndpointDependencies {
  adapter: AuthenticatingAdapter;
  bot: TurnRunner;
  logger: Logger;
}

/**
 * `POST /api/messages` once the body is read: 400 for what is not an activity, 401 for what is
 * not authenticated, else the turn's answer (200, with the replies for expectReplies, or an
 * invoke's response).
 */
export async function answerActivityRequest(deps: EndpointDependencies, req: Request, res: Response): Promise<void> {
  const { adapter, bot, logger } = deps;
  const parsed = parseActivity(req.body);
  if (!parsed.ok) {
    logger.info({ status: 400, reason: parsed.reason }, 'request refused');
    reply(res, 400, refusal('BadRequest', 'Expected a Bot Framework activity'));
    return;
  }
  const activity = parsed.activity;
  const authorization = headerText(req.headers.authorization) ?? '';
  try {
    const turn: { outcome?: TurnOutcome | void } = {};
    const response = await adapter.processRequest(activity, authorization, async (context) => {
      turn.outcome = await bot.run(context);
    });
    if (response.status === 501 && activity.type === 'invoke') {
      // The SDK's answer to an invoke the bot does not implement: the client asked for something unsupported.
      logger.info({ status: 400, reason: 'invoke not implemented', invoke: String(activity.name ?? '').slice(0, 100) }, 'request refused');
      reply(res, 400, refusal('NotImplemented', 'This bot does not handle this invoke'));
      return;
    }
    if (turn.outcome?.storageUnavailable) {
      // The state storage is unreachable (consistentTurn.ts, which logs it): the user was told so, in
      // the body too with expectReplies; nothing was saved, so the channel may send it again.
      reply(res, 503, response.body ?? refusal('ServiceUnavailable', 'The bot is temporarily unavailable; try again shortly'), { 'Retry-After': '30' });
      return;
    }
    if (response.status >= 500) {
      const reference = randomBytes(4).toString('hex');
      logger.error({ reference, status: response.status, activityType: activity.type }, 'turn answered with a server error');
      reply(res, 500, { ...refusal('InternalError', 'Something went wrong in the bot'), reference });
      return;
    }
    if (response.body === undefined) {
      res.status(response.status);
      res.end();
    } else {
      res.send(response.status, response.body);
    }
  } catch (error) {
    if (error instanceof UnauthorizedRequest) {
      logger.warn({ status: 401, reason: error.reason, channel: activity.channelId, credentials: describeCredentials(authorization) }, 'request not authenticated');
      reply(res, 401, refusal('Unauthorized', 'The request is not authenticated'), { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    const reference = randomBytes(4).toString('hex');
    logger.error({ reference, err: errorFields(error) }, 'request failed');
    reply(res, 500, { ...refusal('InternalError', 'Something went wrong in the bot'), reference });
  }
}

/** What kind of credentials came, for the log; never the credentials. */
function describeCredentials(authorization: string): string {
  if (!authorization.trim()) return 'none';
  const scheme = authorization.trim().split(/\s+/)[0] ?? '';
  return /^[A-Za-z]{1,20}$/.test(scheme) && authorization.trim().includes(' ') ? `${scheme} scheme` : 'malformed';
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A last line of defence on the whole server: an error that reaches restify unhandled is
 * logged with a reference and answered with a fixed 500 body (restify would send the error's
 * message). Restify's own 4xx answers (404, 405) are left as they are.
 */
export function answerUnhandledErrors(server: Server, logger: Logger): void {
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: unknown }, callback: () => void) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) {
      const reference = randomBytes(4).toString('hex');
      logger.error({ reference, method: req.method, path: req.getPath?.(), err: errorFields(err) }, 'request failed');
      reply(res, 500, { ...refusal('InternalError', 'Something went wrong in the bot'), reference });
    }
    return callback();
  });
}
