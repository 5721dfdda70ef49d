import { request } from 'node:http';
import type { Activity } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import * as restify from 'restify';
import { MAX_BODY_BYTES, readJsonBody } from '../../src/http/activityRequest';
import { createAdapter } from '../../src/hosting/botframework/adapter';
import { createServer } from '../../src/http/server';
import { loadConfig } from '../../src/app/config';
import { close, listen, messageActivity, post, startBotServer, type BotServer } from '../support/http';
import { captureLogs, type CapturedLogs } from '../support/logs';

/**
 * Whatever a client posts to /api/messages is answered with the right 4xx and a fixed body,
 * never a 5xx and never anything about the server; and the service goes on serving.
 */

const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const NOT_AN_ACTIVITY = { code: 'BadRequest', message: 'Expected a Bot Framework activity' };
const NOT_JSON = { code: 'BadRequest', message: 'Expected a Bot Framework activity in JSON' };
const TOO_LARGE = { code: 'PayloadTooLarge', message: 'The request body is larger than 256 KB' };

let server: BotServer;
let logs: CapturedLogs;

beforeAll(async () => {
  logs = captureLogs('debug');
  server = await startBotServer({ logger: logs.logger, bot: { record: () => undefined } });
});
afterAll(async () => {
  await server.close();
});

/** A request as sent, byte for byte: chosen headers, and the body in chunks (chunked encoding unless a length is given). */
function rawPost(path: string, headers: Record<string, string>, chunks: Array<string | Buffer>, method = 'POST'): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

function activity(overrides: Record<string, unknown>): Record<string, unknown> {
  const base = messageActivity('bad-input', QUESTION);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

/** Nothing from inside the server: no stack, no file, no library's message. */
function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/\bat \w|node_modules|\/work\/|\.ts:\d|validateAndFixActivity|TypeError|SyntaxError|Unexpected token|ZodError|stack|openid/i);
}

describe('bodies that are too large', () => {
  it('answers 413 to a 5 MB activity (it was accepted and echoed)', async () => {
    const { status, body } = await post(server.url, activity({ text: 'x'.repeat(5 * 1024 * 1024) }));
    expect(status).toBe(413);
    expect(body).toEqual(TOO_LARGE);
  });

  it('answers 413 one byte over 256 KB, and takes a body of exactly 256 KB', async () => {
    const fill = (size: number): Record<string, unknown> => {
      const shell = JSON.stringify(activity({ text: '' }));
      return activity({ text: 'a'.repeat(size - Buffer.byteLength(shell)) });
    };
    expect(Buffer.byteLength(JSON.stringify(fill(MAX_BODY_BYTES)))).toBe(MAX_BODY_BYTES);
    expect((await post(server.url, fill(MAX_BODY_BYTES))).status).toBe(200);
    expect((await post(server.url, fill(MAX_BODY_BYTES + 1))).status).toBe(413);
  });

  it('answers 413 to a chunked body with no Content-Length that grows past the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const { status, body } = await rawPost('/api/messages', { 'Content-Type': 'application/json' }, [
      Buffer.from('{"type":"message","text":"'),
      ...Array(10).fill(chunk),
      Buffer.from('"}'),
    ]);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual(TOO_LARGE);
  });
});

describe('bodies that are not an activity: 400', () => {
  const notJson: Array<[string, string]> = [
    ['malformed JSON', '{"type": "message", "text": '],
    ['an empty body', ''],
    ['only spaces', '   \n '],
    ['a trailing comma', '{"type":"message",}'],
    ['JavaScript, not JSON', "{type: 'message'}"],
    ['an unterminated string', '{"type":"message","text":"abc'],
    ['invalid UTF-8 bytes in place of JSON', '\u00ff\u00fe{'],
    ['nesting 10,000 deep', `{"type":"message","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
    ['nesting 65 deep', `${'['.repeat(65)}${']'.repeat(65)}`],
  ];
  it.each(notJson)('answers 400 to %s', async (_name, raw) => {
    const { status, body } = await post(server.url, raw, { raw: true });
    expect(status).toBe(400);
    expect(body).toEqual(NOT_JSON);
    expectNoInternals(body);
  });

  const notAnActivity: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 42],
    ['a string', 'message'],
    ['true', true],
    ['an array', [activity({})]],
    ['an empty object', {}],
    ['an object with no type (it was a 500 "validateAndFixActivity(): missing activity type")', activity({ type: undefined })],
    ['an empty type', activity({ type: '' })],
    ['a numeric type', activity({ type: 5 })],
    ['a type of 1,000 characters', activity({ type: 'm'.repeat(1000) })],
    ['no conversation', activity({ conversation: undefined })],
    ['a conversation that is a string', activity({ conversation: 'c-1' })],
    ['a conversation id that is a number', activity({ conversation: { id: 7 } })],
    ['a conversation id of 2,000 characters', activity({ conversation: { id: 'c'.repeat(2000) } })],
    ['an empty user id', activity({ from: { id: '' } })],
    ['no serviceUrl', activity({ serviceUrl: undefined })],
    ['a numeric serviceUrl (it was a 500 "endpoint.toLowerCase is not a function")', activity({ serviceUrl: 5 })],
    ['a serviceUrl that is no URL', activity({ serviceUrl: 'not a url' })],
    ['a javascript: serviceUrl', activity({ serviceUrl: 'javascript:alert(1)' })],
    ['a file: serviceUrl', activity({ serviceUrl: 'file:///etc/passwd' })],
    ['no channelId', activity({ channelId: undefined })],
    ['no from', activity({ from: undefined })],
    ['a from without id', activity({ from: { name: 'x' } })],
    ['no recipient', activity({ recipient: undefined })],
    ['a numeric text', activity({ text: 5 })],
    ['an object as text', activity({ text: { $ne: '' } })],
    ['a numeric locale', activity({ locale: 5 })],
    ['a timestamp that is no date', activity({ timestamp: 'yesterday-ish' })],
    ['a numeric timestamp', activity({ timestamp: 5 })],
    ['attachments that are not a list', activity({ attachments: 'card' })],
    ['an attachment with no content type', activity({ attachments: [{ content: {} }] })],
    ['entities without a type', activity({ entities: [{ mentioned: { id: 'bot' } }] })],
    ['membersAdded that is a string', activity({ type: 'conversationUpdate', membersAdded: 'everyone' })],
    ['channelData that is a string', activity({ channelData: 'tenant' })],
  ];
  it.each(notAnActivity)('answers 400 to %s', async (_name, body) => {
    const response = await post(server.url, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(NOT_AN_ACTIVITY);
  });

  it('logs why, without the body', () => {
    const refusals = logs.withMessage('request refused').filter((line) => line.status === 400);
    expect(refusals.length).toBeGreaterThanOrEqual(notJson.length + notAnActivity.length);
    expect(refusals.map((line) => line.reason)).toEqual(
      expect.arrayContaining(['malformed JSON', 'not a JSON object', 'type: Invalid input: expected string, received undefined']),
    );
    expect(logs.text()).not.toContain('everyone');
  });
});

describe('other requests a client may get wrong', () => {
  it('answers 415 to a body that is not JSON by its Content-Type', async () => {
    const { status, body } = await post(server.url, 'type=message&text=hi', { raw: true, contentType: 'application/x-www-form-urlencoded' });
    expect(status).toBe(415);
    expectNoInternals(body);
    expect((await post(server.url, JSON.stringify(activity({})), { raw: true, contentType: 'text/plain' })).status).toBe(415);
    expect((await post(server.url, JSON.stringify(activity({})), { raw: true, contentType: 'multipart/form-data; boundary=x' })).status).toBe(415);
  });

  it('takes application/json with a charset, and JSON with no Content-Type at all', async () => {
    expect((await post(server.url, activity({}), { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
    const { status } = await rawPost('/api/messages', {}, [JSON.stringify(activity({}))]);
    expect(status).toBe(200);
  });

  it('answers 415 to a compressed body (a 256 KB gzip can hold gigabytes)', async () => {
    const { status } = await rawPost('/api/messages', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])]);
    expect(status).toBe(415);
  });

  it('answers 405 to GET /api/messages and 404 to an unknown path', async () => {
    expect((await fetch(`${server.url}/api/messages`)).status).toBe(405);
    const unknown = await fetch(`${server.url}/api/../../etc/passwd`);
    expect(unknown.status).toBe(404);
    expectNoInternals(await unknown.text());
  });

  it('answers 400 to an invoke the bot does not implement (the SDK says 501)', async () => {
    const { status, body } = await post(server.url, activity({ type: 'invoke', name: 'composeExtension/query', deliveryMode: undefined }));
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'NotImplemented', message: 'This bot does not handle this invoke' });
  });

  it('answers 200 to activity types the bot does not know, and to fields it does not know', async () => {
    expect((await post(server.url, activity({ type: 'somethingNew' }))).status).toBe(200);
    expect((await post(server.url, activity({ type: 'typing' }))).status).toBe(200);
    expect((await post(server.url, activity({ extra: { nested: [1, 2, 3] }, channelData: { tenant: { id: 't' } } }))).status).toBe(200);
  });

  it('treats null fields as absent (some clients send them)', async () => {
    const { status, body } = await post(server.url, activity({ text: QUESTION, locale: null, entities: null, attachments: null, value: null, timestamp: null }));
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('KA-05406');
  });

  it('drops "__proto__" keys: no prototype is polluted', async () => {
    const raw = JSON.stringify(activity({})).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"value":{"__proto__":{"polluted":"yes"},"\\u005f_proto__":{"polluted":"yes"}},');
    expect((await post(server.url, raw, { raw: true })).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('a body that does not arrive', () => {
  it('is answered 408 when the client stops sending half-way', async () => {
    const slow = restify.createServer();
    const logged = captureLogs();
    slow.post('/api/messages', readJsonBody({ logger: logged.logger, timeoutMs: 200 }), (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.send(200);
      next();
    });
    const url = new URL('/api/messages', await listen(slow));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        // A tenth of what was announced, and then nothing.
        req.write('{"type":"message","text":"');
      });
      expect(status).toBe(408);
      expect(logged.withMessage('request refused')[0]).toMatchObject({ status: 408, reason: 'body timeout' });
    } finally {
      slow.server.closeAllConnections();
      await close(slow);
    }
  });
});

describe('an error that escapes a route handler', () => {
  it('is answered 500 with a fixed body and a reference, and logged under that reference', async () => {
    const escaped = captureLogs();
    const bare = createServer({ adapter: createAdapter(loadConfig({})), bot: { run: () => Promise.resolve(undefined) }, isReady: () => true, logger: escaped.logger });
    // restify takes a handler without next() only if it is an AsyncFunction: this one must be async to throw.
    // eslint-disable-next-line @typescript-eslint/require-await -- see above
    bare.get('/boom', async () => {
      throw new Error('internal detail: /srv/secret/config.json');
    });
    const url = await listen(bare);
    try {
      const response = await fetch(`${url}/boom`);
      expect(response.status).toBe(500);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ code: 'InternalError', message: 'Something went wrong in the bot', reference: expect.stringMatching(/^[0-9a-f]{8}$/) });
      expect(escaped.withMessage('request failed')[0]).toMatchObject({ level: 'error', reference: body.reference, err: { message: 'internal detail: /srv/secret/config.json' } });
    } finally {
      await close(bare);
    }
  });
});

describe('after all of it', () => {
  it('never answered 5xx, and still serves a conversation', async () => {
    const statuses = logs
      .lines()
      .map((line) => line.status)
      .filter((status): status is number => typeof status === 'number');
    expect(statuses.every((status) => status < 500)).toBe(true);
    expect(logs.lines().filter((line) => line.level === 'error')).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const replies = await server.sendMessage('after-bad-input', QUESTION);
    expect(replies.map((reply: Partial<Activity>) => renderActivityAsText(reply)).join('\n')).toContain('KA-05406');
  });
});
