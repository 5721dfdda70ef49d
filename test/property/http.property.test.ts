import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { renderActivityAsText } from '../../src/cli/cardText';
import { messageActivity, post, startBotServer, type BotServer } from '../support/http';
import { captureLogs, type CapturedLogs } from '../support/logs';

/**
 * Property-based tests of the HTTP endpoint with the real bot: arbitrary JSON bodies, arbitrary
 * activity-like objects and arbitrary bytes never get a 5xx, every answer is one of the known
 * ones, and the service serves a real conversation afterwards. (test/hardening/service.test.ts
 * does the same against the service started as its own process.)
 */

const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const ALLOWED = new Set([200, 400, 413, 415]);

let server: BotServer;
let logs: CapturedLogs;
beforeAll(async () => {
  logs = captureLogs();
  server = await startBotServer({ logger: logs.logger, bot: { record: () => undefined } });
});
afterAll(async () => {
  await server.close();
});

/** Values a client could put in any field. */
const anyJson = fc.jsonValue({ maxDepth: 4 });
const accountLike = fc.oneof(
  anyJson,
  fc.record({ id: fc.oneof(fc.string(), anyJson), name: fc.oneof(fc.string(), anyJson), role: fc.constantFrom('user', 'bot', 'skill') }, { requiredKeys: [] }),
);
const FIELDS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'conversation',
  'from',
  'recipient',
  'text',
  'value',
  'locale',
  'timestamp',
  'entities',
  'attachments',
  'membersAdded',
  'channelData',
  'name',
  'replyToId',
];

/** An activity as channels send it, with a few of its fields replaced by anything, or removed. */
const mutatedActivity = fc
  .tuple(
    fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'installationUpdate', 'messageReaction', 'endOfConversation'),
    fc.string({ maxLength: 300 }),
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(anyJson, accountLike, fc.constant(undefined))), { maxLength: 4 }),
    fc.nat(),
  )
  .map(([type, text, changes, conversation]) => {
    const activity: Record<string, unknown> = { ...messageActivity(`fuzz-${conversation}`, text), type };
    for (const [field, value] of changes) {
      if (value === undefined) delete activity[field];
      else activity[field] = value;
    }
    return activity;
  });

/** Objects with activity keys and values of any kind: a wider net than the mutations above. */
const activityShaped = fc.dictionary(fc.constantFrom(...FIELDS, 'deliveryMode', '__proto__', 'constructor'), anyJson, { maxKeys: 10 }).map((activity) => ({
  ...activity,
  deliveryMode: 'expectReplies',
}));

async function expectKnownAnswer(body: unknown, raw = false): Promise<void> {
  const { status, body: answer } = await post(server.url, body, raw ? { raw: true } : {});
  if (!ALLOWED.has(status)) throw new Error(`status ${status} for ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(answer).slice(0, 300)}`);
  if (status !== 200) expect(answer).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}

describe('POST /api/messages on arbitrary input', () => {
  it('never answers 5xx to any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, (body) => expectKnownAnswer(body)),
      { numRuns: 150 },
    );
  });

  it('never answers 5xx to an activity with fields replaced by anything', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedActivity, (body) => expectKnownAnswer(body)),
      { numRuns: 250 },
    );
  });

  it('never answers 5xx to objects of activity keys with any values', async () => {
    await fc.assert(
      fc.asyncProperty(activityShaped, (body) => expectKnownAnswer(body)),
      { numRuns: 150 },
    );
  });

  it('never answers 5xx to arbitrary text sent as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 500 }), (raw) => expectKnownAnswer(raw, true)),
      { numRuns: 100 },
    );
  });

  it('logged no error, and still serves a conversation afterwards', async () => {
    expect(logs.lines().filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const replies = await server.sendMessage('after-fuzz', QUESTION);
    expect(replies.map((reply: Partial<Activity>) => renderActivityAsText(reply)).join('\n')).toContain('KA-05406');
  });
});
