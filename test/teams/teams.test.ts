import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { PerUserConversationState } from '../../src/teams/perUserConversationState';
import { clientLanguage, isBotArrival, isSharedConversation, removeBotMentions, tenantOf, WelcomeOnce } from '../../src/teams/teams';
import { ANA, BEN, BOT, CARLA, TENANT, botAdded, cardSubmit, channel, groupChat, installationUpdate, memberAdded, personal, teamsMessage } from '../support/teams';

function contextFor(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), activity);
}

describe('removeBotMentions', () => {
  it('strips the mention Teams puts before a channel message', () => {
    expect(removeBotMentions(teamsMessage(channel('1'), BEN, 'mcSynch fails'))).toBe('mcSynch fails');
  });

  it('strips every mention of the bot and keeps colleagues as plain names', () => {
    const activity = teamsMessage(groupChat(), BEN, 'as <at>Campaign KB</at> said, Empty return', { mentions: [ANA, CARLA] });
    expect(activity.text).toBe('<at>Campaign KB</at> <at>Ana García</at> <at>Carla Ruiz</at> as <at>Campaign KB</at> said, Empty return');
    expect(removeBotMentions(activity)).toBe('Ana García Carla Ruiz as   said, Empty return');
  });

  it('strips a bare <at>bot name</at> that came without its entity', () => {
    expect(removeBotMentions({ text: '<at>Campaign KB</at> help', recipient: BOT, entities: [] })).toBe('help');
  });

  it('leaves a mention of only the bot as an empty message, and text without mentions as it was', () => {
    expect(removeBotMentions(teamsMessage(channel('1'), BEN, ''))).toBe('');
    const log = '19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return\n19/08/2022 06:02:10\tmcSynch_mcExec1\tEmpty return';
    expect(removeBotMentions(teamsMessage(personal(ANA), ANA, log))).toBe(log);
    expect(removeBotMentions(teamsMessage(channel('1'), ANA, log))).toBe(log);
  });
});

describe('conversation kinds, tenants and arrivals', () => {
  it('tells shared conversations (group chat, channel) from personal ones', () => {
    expect(isSharedConversation(teamsMessage(personal(ANA), ANA, 'hi'))).toBe(false);
    expect(isSharedConversation(teamsMessage(groupChat(), ANA, 'hi'))).toBe(true);
    expect(isSharedConversation(teamsMessage(channel('1'), ANA, 'hi'))).toBe(true);
    expect(isSharedConversation({ conversation: { id: 'x', isGroup: true, conversationType: '', name: '' } })).toBe(true);
  });

  it('reads the tenant from channelData, else from the conversation', () => {
    expect(tenantOf(teamsMessage(personal(ANA), ANA, 'hi'))).toBe(TENANT);
    expect(tenantOf(teamsMessage(personal(ANA), ANA, 'hi', { omitChannelDataTenant: true, tenant: 'abc' }))).toBe('abc');
    expect(tenantOf({ type: 'message', text: 'hi' })).toBeUndefined();
  });

  it('counts install events and the bot joining as arrivals, a colleague joining a team as none', () => {
    expect(isBotArrival(installationUpdate(personal(ANA), ANA))).toBe(true);
    expect(isBotArrival(installationUpdate(channel(), ANA, { action: 'add-upgrade' }))).toBe(false);
    expect(isBotArrival(installationUpdate(channel(), ANA, { action: 'remove' }))).toBe(false);
    expect(isBotArrival(botAdded(channel(), ANA))).toBe(true);
    expect(isBotArrival(memberAdded(channel(), ANA, CARLA))).toBe(false);
    // Outside Teams (Emulator, Web Chat) a user joining opens the conversation.
    expect(isBotArrival({ type: 'conversationUpdate', channelId: 'emulator', recipient: { id: 'bot', name: 'bot' }, membersAdded: [{ id: 'user', name: 'u' }] })).toBe(true);
  });

  it("greets in the client's language: its locale, else its clientInfo entity", () => {
    expect(clientLanguage(installationUpdate(personal(ANA), ANA), 'en')).toBe('es');
    const noLocale = installationUpdate(personal(CARLA), CARLA);
    delete noLocale.locale;
    expect(clientLanguage(noLocale, 'en')).toBe('es');
    expect(clientLanguage({ type: 'installationUpdate' }, 'en')).toBe('en');
  });
});

describe('PerUserConversationState', () => {
  const state = new PerUserConversationState(new MemoryStorage());

  it('keeps the standard key in a personal chat', () => {
    const activity = teamsMessage(personal(ANA), ANA, 'hi');
    expect(state.getStorageKey(contextFor(activity))).toBe(`msteams/conversations/${activity.conversation!.id}/`);
  });

  it('adds the user in group chats and channel threads', () => {
    const ana = teamsMessage(channel('42'), ANA, 'hi');
    const ben = teamsMessage(channel('42'), BEN, 'hi');
    expect(state.getStorageKey(contextFor(ana))).toBe(`msteams/conversations/19:a1b2c3d4e5f6@thread.tacv2;messageid=42/users/${ANA.id}/`);
    expect(state.getStorageKey(contextFor(ben))).not.toBe(state.getStorageKey(contextFor(ana)));
    // A card submit from the same person in the same thread reads the same state.
    expect(state.getStorageKey(contextFor(cardSubmit(channel('42'), ANA, { kbAction: 'feedback', helpful: true })))).toBe(state.getStorageKey(contextFor(ana)));
    expect(state.getStorageKey(contextFor(teamsMessage(groupChat(), ANA, 'hi')))).toBe(`msteams/conversations/19:3a5f7b9c1d@thread.v2/users/${ANA.id}/`);
  });

  it('keeps a namespace at the end of the key', () => {
    const namespaced = new PerUserConversationState(new MemoryStorage(), 'v2');
    expect(namespaced.getStorageKey(contextFor(teamsMessage(groupChat(), ANA, 'hi')))).toBe(`msteams/conversations/19:3a5f7b9c1d@thread.v2/users/${ANA.id}/v2`);
    expect(namespaced.getStorageKey(contextFor(teamsMessage(personal(ANA), ANA, 'hi')))).toMatch(/^msteams\/conversations\/a:[^/]+\/v2$/);
  });
});

describe('WelcomeOnce', () => {
  it('claims a conversation once, a channel and its threads being one', async () => {
    const once = new WelcomeOnce(new MemoryStorage());
    const [first, second] = await Promise.all([once.claim(contextFor(installationUpdate(channel(), ANA))), once.claim(contextFor(botAdded(channel(), ANA)))]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await once.claim(contextFor(teamsMessage(channel('7'), BEN, 'hi')))).toBe(false);
    expect(await once.claim(contextFor(installationUpdate(groupChat(), ANA)))).toBe(true);
  });

  it('remembers across restarts through the storage', async () => {
    const storage = new MemoryStorage();
    expect(await new WelcomeOnce(storage).claim(contextFor(installationUpdate(personal(BEN), BEN)))).toBe(true);
    expect(await new WelcomeOnce(storage).claim(contextFor(botAdded(personal(BEN), BEN)))).toBe(false);
  });
});
