import { MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder';
import { createBot } from '../../src/bot/createBot';
import { openKnowledgeBase } from '../../src/search/knowledgeBase';

/** Storage that records the keys the bot reads and writes. */
class RecordingStorage extends MemoryStorage {
  readonly keys = new Set<string>();

  override read(keys: string[]): Promise<StoreItems> {
    keys.forEach((key) => this.keys.add(key));
    return super.read(keys);
  }

  override write(changes: StoreItems): Promise<void> {
    Object.keys(changes).forEach((key) => this.keys.add(key));
    return super.write(changes);
  }
}

it('keeps conversation state only: no user state is created, read or saved', async () => {
  const storage = new RecordingStorage();
  const app = createBot({
    knowledgeBase: await openKnowledgeBase([], () => undefined),
    defaultLanguage: 'en',
    storage,
    record: () => undefined,
  });
  expect(Object.keys(app).sort()).toEqual(['bot', 'conversationState', 'language']);

  const adapter = new TestAdapter((context) => app.bot.run(context), {
    channelId: 'msteams',
    serviceUrl: 'https://test.invalid',
    conversation: { id: 'c-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Operator' },
    recipient: { id: 'bot', name: 'KB Bot' },
  });
  await adapter.receiveActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'KB Bot' }] });
  await adapter.receiveActivity("Empty return for method 'Logon' of service 'xtk:session'");
  await adapter.receiveActivity('yes');
  expect([...storage.keys].sort()).toEqual(['msteams/conversations/c-1/', 'msteams/conversations/c-1/welcomed']);
});
