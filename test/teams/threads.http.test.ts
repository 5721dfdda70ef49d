import type { Activity } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { startBotServer, startFakeChannel, type BotServer } from '../support/http';
import { ANA, BEN, cardSubmit, channel, installationUpdate, teamsMessage } from '../support/teams';

/**
 * Over the real HTTP service with normal delivery, as Teams uses it: the bot posts its replies to
 * the Bot Connector at the activity's serviceUrl. In a channel they must go to the thread the
 * bot was mentioned in: `/v3/conversations/19:…@thread.tacv2;messageid=…/activities/{replyToId}`.
 */

let server: BotServer;
let fakeChannel: Awaited<ReturnType<typeof startFakeChannel>>;

beforeAll(async () => {
  server = await startBotServer({ bot: { record: () => undefined } });
  fakeChannel = await startFakeChannel();
});
afterAll(async () => {
  await server.close();
  await fakeChannel.close();
});

async function deliver(activity: Partial<Activity>): Promise<Array<{ conversationId: string; replyToId?: string; text: string }>> {
  const before = fakeChannel.posts.length;
  const { status } = await server.post({ ...activity, serviceUrl: fakeChannel.serviceUrl });
  expect(status).toBe(200);
  return fakeChannel.posts.slice(before).map((sent) => ({ conversationId: sent.conversationId, replyToId: sent.replyToId, text: renderActivityAsText(sent.activity) }));
}

describe('Teams channel threads over HTTP', () => {
  it('answers in the thread it was mentioned in, for typed messages and card submits', async () => {
    const thread = channel('1700000000555');
    const threadId = '19:a1b2c3d4e5f6@thread.tacv2;messageid=1700000000555';

    const question = teamsMessage(thread, BEN, "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'");
    const answer = await deliver(question);
    expect(answer.length).toBeGreaterThan(0);
    expect(answer).toEqual(answer.map(() => ({ conversationId: threadId, replyToId: question.id, text: expect.any(String) })));
    expect(answer.map((sent) => sent.text).join('\n')).toContain('KA-05406');

    const submit = cardSubmit(thread, BEN, { kbAction: 'offer', answer: 'yes' }, { emptyText: true });
    const next = await deliver(submit);
    expect(next).toEqual([{ conversationId: threadId, replyToId: submit.id, text: expect.stringContaining('When did the error happen?') }]);
  });

  it('welcomes a team once, in its channel, when the app is installed', async () => {
    const first = await deliver(installationUpdate(channel(), ANA));
    expect(first).toEqual([{ conversationId: '19:a1b2c3d4e5f6@thread.tacv2', replyToId: expect.any(String), text: expect.stringContaining('mencióname') }]);
    expect(await deliver(installationUpdate(channel(), ANA))).toEqual([]);
  });
});
