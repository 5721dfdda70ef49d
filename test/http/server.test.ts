import { ActivityHandler, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { createAdapter, installTurnErrorHandler } from '../../src/hosting/botframework/adapter';
import { renderActivityAsText } from '../../src/cli/cardText';
import { createServer } from '../../src/http/server';
import { loadConfig } from '../../src/app/config';
import { close, listen, messageActivity, post, sendMessage, startBotServer, startFakeChannel, type BotServer } from '../support/http';
import { captureLogs } from '../support/logs';

/**
 * The question every test here asks, and what the replies to it must show. Holds for the echo
 * placeholder and for the real dialogs (the article card's title names xtk:session); tighten
 * it here, e.g. to 'KA-05406'.
 */
const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const EXPECTED_REPLY = /KA-05406[\s\S]*walk you through/;

function rendered(replies: Partial<Activity>[]): string {
  return replies.map((reply) => renderActivityAsText(reply)).join('\n');
}

describe('HTTP endpoint with the real bot and KB, no credentials', () => {
  let server: BotServer;

  beforeAll(async () => {
    server = await startBotServer({ bot: { record: () => undefined } });
  });

  afterAll(async () => {
    await server.close();
  });

  it('GET /health answers 200 {status: ok} once the KB is loaded', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('returns the replies in the response body with deliveryMode expectReplies', async () => {
    const activity = messageActivity('expect-replies-1', QUESTION);
    const { status, body } = await post(server.url, activity);
    expect(status).toBe(200);
    const replies = (body as { activities: Partial<Activity>[] }).activities;
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply).toMatchObject({ type: 'message', conversation: { id: 'expect-replies-1' }, replyToId: activity.id, recipient: { id: 'user-expect-replies-1' } });
    }
    expect(rendered(replies)).toMatch(EXPECTED_REPLY);
  });

  it('keeps 40 concurrent conversations apart', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `concurrent-${i}`);
    const results = await Promise.all(ids.map((id) => sendMessage(server.url, id, QUESTION)));
    results.forEach((replies, i) => {
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((reply) => reply.conversation?.id === ids[i])).toBe(true);
      expect(rendered(replies)).toMatch(EXPECTED_REPLY);
    });
  });

  it('answers a conversationUpdate (the bot joining) with 200', async () => {
    const { status } = await post(server.url, {
      ...messageActivity('joined-1', ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'bot' }, { id: 'user-joined-1' }],
    });
    expect(status).toBe(200);
  });

  it('answers a malformed JSON body with a 4xx and keeps serving', async () => {
    const malformed = await post(server.url, '{"type": "message", "text": ', { raw: true });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);

    const notAnActivity = await post(server.url, { hello: 'world' });
    expect(notAnActivity.status).toBe(400);

    const notJson = await post(server.url, 'hello', { raw: true, contentType: 'text/plain' });
    expect(notJson.status).toBe(415);

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(rendered(await sendMessage(server.url, 'after-malformed', QUESTION))).toMatch(EXPECTED_REPLY);
  });

  it('posts the replies to the serviceUrl with normal delivery', async () => {
    const channel = await startFakeChannel();
    try {
      const activity = messageActivity('normal-delivery-1', QUESTION, 'en-US', { serviceUrl: channel.serviceUrl, deliveryMode: undefined });
      const { status } = await post(server.url, activity);
      // The adapter sends the replies before it answers the channel's request.
      expect(status).toBe(200);
      expect(channel.posts.length).toBeGreaterThan(0);
      for (const sent of channel.posts) {
        expect(sent).toMatchObject({ conversationId: 'normal-delivery-1', replyToId: activity.id, activity: { type: 'message', replyToId: activity.id } });
      }
      expect(rendered(channel.posts.map((sent) => sent.activity))).toMatch(EXPECTED_REPLY);
    } finally {
      await channel.close();
    }
  });
});

describe('HTTP endpoint before the KB is loaded', () => {
  it('answers 503 on /health and on /api/messages', async () => {
    const bot = { run: jest.fn(() => Promise.resolve(undefined)) };
    const server = createServer({ adapter: createAdapter(loadConfig({})), bot, isReady: () => false });
    const url = await listen(server);
    try {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'starting' });
      expect((await post(url, messageActivity('early-1', QUESTION))).status).toBe(503);
      expect(bot.run).not.toHaveBeenCalled();
    } finally {
      await close(server);
    }
  });
});

describe('turn error handler', () => {
  it('tells the user, clears the conversation state, logs no user text, and keeps serving', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const turns = conversationState.createProperty<number>('turns');
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      const turn = (await turns.get(context, 0)) + 1;
      await turns.set(context, turn);
      await conversationState.saveChanges(context);
      if (context.activity.text?.startsWith('boom')) throw new Error('the dialog broke');
      await context.sendActivity(`turn ${turn}`);
      await next();
    });
    const logs = captureLogs();
    const adapter = createAdapter(loadConfig({}), { logger: logs.logger });
    installTurnErrorHandler(adapter, conversationState, (context, errorId) => Promise.resolve(`sorry (${context.activity.locale}, ${errorId})`), logs.logger);
    const server = createServer({ adapter, bot, isReady: () => true, logger: logs.logger });
    const url = await listen(server);
    try {
      const say = async (text: string): Promise<string> => rendered(await sendMessage(url, 'failing-1', text, 'es-ES'));
      expect(await say('one')).toBe('turn 1');
      expect(await say('two')).toBe('turn 2');

      const apology = await say('boom: customer secret');
      const errorId = /^sorry \(es-ES, ([0-9a-f]{8})\)$/.exec(apology)?.[1];
      expect(errorId).toBeDefined();
      const [failure] = logs.withMessage('turn failed');
      expect(failure).toMatchObject({ level: 'error', turnId: errorId, err: { message: 'the dialog broke' } });
      // The turn's own line carries the same id, so the two can be joined.
      expect(logs.withMessage('turn').find((line) => line.turnId === errorId)).toMatchObject({ outcome: 'error' });
      expect(logs.text()).not.toContain('customer secret');

      // The conversation starts over.
      expect(await say('three')).toBe('turn 1');
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});
