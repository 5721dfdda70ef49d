import { startBotServer, startFakeChannel, messageActivity, type BotServer } from '../support/http';

/**
 * The connector clients are kept between turns (src/hosting/botframework/reusingAuthentication.ts):
 * with normal delivery, every reply must still go to the service URL of the activity it answers,
 * turn after turn and whichever URL served the turn before.
 */

let server: BotServer;
const channels: Array<Awaited<ReturnType<typeof startFakeChannel>>> = [];

beforeAll(async () => {
  server = await startBotServer();
  channels.push(await startFakeChannel(), await startFakeChannel());
});
afterAll(async () => {
  await server.close();
  for (const channel of channels) await channel.close();
});

it('posts each reply to the service URL of its own activity, turn after turn', async () => {
  const [first, second] = channels as [(typeof channels)[0], (typeof channels)[0]];
  const turns = [
    { channel: first, conversation: 'reuse-a', text: 'hello' },
    { channel: second, conversation: 'reuse-b', text: 'hello' },
    { channel: first, conversation: 'reuse-a', text: "Empty return for method 'Logon' of service 'xtk:session'" },
    { channel: second, conversation: 'reuse-b', text: "Empty return for method 'Logon' of service 'xtk:session'" },
  ];
  for (const turn of turns) {
    const before = channels.map((channel) => channel.posts.length);
    const { status } = await server.post(messageActivity(turn.conversation, turn.text, 'en-US', { deliveryMode: undefined, serviceUrl: turn.channel.serviceUrl }));
    expect(status).toBe(200);
    const arrived = channels.map((channel, i) => channel.posts.slice(before[i]));
    const own = arrived[channels.indexOf(turn.channel)]!;
    const other = arrived[1 - channels.indexOf(turn.channel)]!;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((post) => post.conversationId === turn.conversation)).toBe(true);
    expect(other).toEqual([]);
  }
});
