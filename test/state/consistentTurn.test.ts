import { ActivityHandler, BotState, ConversationState, TestAdapter, type Storage, type TurnContext } from 'botbuilder';
import { catalog } from '../../src/i18n/catalog';
import { OptimisticStorage, whenStateSaved } from '../../src/state/optimisticStorage';
import { MemoryVersionedStore, StorageUnavailableError, type StoredItem, type VersionedStore, type WriteCondition } from '../../src/state/versionedStore';
import type { TurnOutcome } from '../../src/bot/turnRunner';
import { consistentTurns } from '../../src/state/consistentTurn';
import { captureLogs } from '../support/logs';

/**
 * The turn guard in one process, over the memory store, with the other turn's save (or the
 * outage) made to happen at a chosen moment: just before this turn saves a given key.
 */

/** The memory store, with something made to happen just before a write of a key. */
class Interleaved implements VersionedStore {
  readonly inner = new MemoryVersionedStore();
  beforeWrite = new Map<string, () => Promise<void> | void>();
  writes: string[] = [];

  read(keys: string[]): Promise<Map<string, StoredItem>> {
    return this.inner.read(keys);
  }

  async write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    const before = this.beforeWrite.get(key);
    this.beforeWrite.delete(key);
    await before?.();
    const version = await this.inner.write(key, value, condition);
    this.writes.push(key);
    return version;
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const CONVERSATION_KEY = 'test/conversations/c1/';
/** A second item a turn saves, as the bot's welcome marker is (the bot keeps no user state). */
const MARKER_KEY = 'test/conversations/c1/welcomed';

/** State kept in a second item of the conversation. */
class MarkerState extends BotState {
  constructor(storage: Storage) {
    super(storage, (context) => Promise.resolve(`${context.activity.channelId}/conversations/${context.activity.conversation.id}/welcomed`));
  }
}

/** A bot that counts the user's messages in two items of state, and says the count. */
function countingBot(store: Interleaved, events: string[] = []) {
  const storage = new OptimisticStorage(store);
  const conversationState = new ConversationState(storage);
  const markerState = new MarkerState(storage);
  const count = conversationState.createProperty<number>('count');
  const seen = markerState.createProperty<number>('seen');
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    if (context.activity.text === 'boom') throw new Error('a bug in the dialog');
    await context.sendActivity({ type: 'typing' });
    const n = (await count.get(context, 0)) + 1;
    await count.set(context, n);
    await seen.set(context, (await seen.get(context, 0)) + 1);
    // The reply, as the dialogs send it: before the state is saved.
    await context.sendActivity(`message ${n}`);
    whenStateSaved(() => events.push(`counted ${n}`));
    await next();
  });
  const runner = {
    run: async (context: TurnContext) => {
      await bot.run(context);
      await conversationState.saveChanges(context);
      await markerState.saveChanges(context);
    },
  };
  return { runner };
}

function adapterFor(run: (context: TurnContext) => Promise<void>, locale = 'en-US'): TestAdapter {
  const adapter = new TestAdapter(run, {
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u1', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
  });
  adapter.locale = locale;
  return adapter;
}

function texts(adapter: TestAdapter): Array<string | undefined> {
  return adapter.activeQueue.splice(0).map((activity) => (activity.type === 'message' ? activity.text : `(${activity.type})`));
}

it('sends the replies only once the state is saved, and typing at once', async () => {
  const store = new Interleaved();
  const { runner } = countingBot(store);
  const adapter = adapterFor(async (context) => {
    await consistentTurns(runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  let queuedWhenSaving: Array<string | undefined> = [];
  store.beforeWrite.set(CONVERSATION_KEY, () => {
    queuedWhenSaving = adapter.activeQueue.map((activity) => activity.text ?? `(${activity.type})`);
  });
  await adapter.receiveActivity('hello');
  expect(queuedWhenSaving).toEqual(['(typing)']);
  expect(texts(adapter)).toEqual(['(typing)', 'message 1']);
});

it('runs the turn again when another saved the conversation first: one reply, one count, nothing lost', async () => {
  const store = new Interleaved();
  const events: string[] = [];
  const { runner } = countingBot(store, events);
  const other = countingBot(store);
  const adapter = adapterFor(async (context) => {
    await consistentTurns(runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  const otherAdapter = adapterFor(async (context) => {
    await consistentTurns(other.runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  await adapter.receiveActivity('first');
  texts(adapter);
  events.length = 0;

  // Just before this turn saves, the other instance's turn of the same conversation saves.
  store.beforeWrite.set(CONVERSATION_KEY, () => otherAdapter.receiveActivity('meanwhile'));
  await adapter.receiveActivity('second');
  expect(texts(otherAdapter)).toEqual(['(typing)', 'message 2']);
  // The typing of both attempts went out at once; the reply of the first attempt ("message 2") never.
  expect(texts(adapter)).toEqual(['(typing)', '(typing)', 'message 3']);
  expect(events).toEqual(['counted 3']);
  expect((await store.inner.read([CONVERSATION_KEY])).get(CONVERSATION_KEY)?.value).toMatchObject({ count: 3 });
});

it('delivers the replies when the conversation was saved and only its second item lost the race, and logs it', async () => {
  const store = new Interleaved();
  const logs = captureLogs();
  const { runner } = countingBot(store);
  const other = countingBot(store);
  const turns = consistentTurns(runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en', logger: logs.logger });
  const adapter = adapterFor(async (context) => {
    await turns.run(context);
  });
  const otherAdapter = adapterFor(async (context) => {
    await consistentTurns(other.runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  await adapter.receiveActivity('first');
  texts(adapter);

  // The other turn saves both items after this one saved the conversation, before its second one.
  store.beforeWrite.set(MARKER_KEY, async () => {
    store.beforeWrite.set(CONVERSATION_KEY, () => Promise.resolve());
    await otherAdapter.receiveActivity('meanwhile');
  });
  // (the other turn's own conversation save conflicts with this one's and is run again)
  await adapter.receiveActivity('second');
  expect(texts(adapter)).toEqual(['(typing)', 'message 2']);
  expect(logs.withMessage('state partly saved: the rest of the turn was not')).toEqual([expect.objectContaining({ level: 'error', saved: ['conversation'], failed: 'welcome' })]);
});

it('asks to send the message again in the conversation language after three lost races', async () => {
  const store = new Interleaved();
  const { runner } = countingBot(store);
  const other = countingBot(store);
  const adapter = adapterFor(async (context) => {
    await consistentTurns(runner, { language: () => Promise.resolve('es'), defaultLanguage: 'en' }).run(context);
  });
  const otherAdapter = adapterFor(async (context) => {
    await consistentTurns(other.runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  await adapter.receiveActivity('first');
  texts(adapter);
  const loseOnce = (): void => {
    store.beforeWrite.set(CONVERSATION_KEY, async () => {
      store.beforeWrite.delete(CONVERSATION_KEY);
      await otherAdapter.receiveActivity('meanwhile');
      if (lost < 2) loseOnce();
      lost++;
    });
  };
  let lost = 0;
  loseOnce();
  await adapter.receiveActivity('second');
  expect(texts(adapter).filter((text) => text !== '(typing)')).toEqual([catalog('es').repeatPlease]);
  expect(texts(otherAdapter).filter((text) => text !== '(typing)')).toEqual(['message 2', 'message 3', 'message 4']);
});

it('tells the user the bot is unavailable, in the language of the message, when the storage is down', async () => {
  const store = new Interleaved();
  const { runner } = countingBot(store);
  store.beforeWrite.set(CONVERSATION_KEY, () =>
    Promise.reject(new StorageUnavailableError('write', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), { code: 'ECONNREFUSED' }))),
  );
  let outcome: TurnOutcome | void = undefined;
  const adapter = adapterFor(async (context) => {
    outcome = await consistentTurns(runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  await adapter.receiveActivity('hola, el flujo de sincronización falla');
  expect(texts(adapter)).toEqual(['(typing)', catalog('es').storageUnavailable]);
  expect(outcome).toEqual({ storageUnavailable: true });
});

it("leaves other errors to the adapter's turn error handler, without the held replies", async () => {
  const store = new Interleaved();
  const { runner } = countingBot(store);
  const adapter = adapterFor(async (context) => {
    await consistentTurns(runner, { language: () => Promise.resolve('en'), defaultLanguage: 'en' }).run(context);
  });
  adapter.onTurnError = async (context, error) => {
    await context.sendActivity(`sorry: ${error.message}`);
  };
  await adapter.receiveActivity('boom');
  expect(texts(adapter)).toEqual(['sorry: a bug in the dialog']);
});
