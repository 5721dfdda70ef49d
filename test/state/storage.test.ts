import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { newStateScope, OptimisticStorage, runInStateScope } from '../../src/state/optimisticStorage';
import { MemoryVersionedStore, StateConflictError, StorageUnavailableError } from '../../src/state/versionedStore';
import { BlobVersionedStore } from '../../src/state/blobStore';
import { startAzurite, type Azurite } from '../support/azurite';

/**
 * The storage contract, the same for memory and for Blob storage (Azurite): what a turn read is
 * what it may overwrite, nothing else.
 */

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.dispose();
});

let containers = 0;
const kinds: Array<[string, () => OptimisticStorage]> = [
  ['memory', () => new OptimisticStorage(new MemoryVersionedStore())],
  ['blob', () => new OptimisticStorage(new BlobVersionedStore(azurite.connectionString, `contract-${++containers}`))],
];

/** A turn of a conversation, as the adapter would create it. */
function turn(conversationId: string): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    text: 'hola',
  };
  return new TurnContext(new TestAdapter(), activity);
}

/** Runs `work` as one attempt of a turn (what consistentTurn does). */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  return runInStateScope(newStateScope(), work);
}

describe.each(kinds)('OptimisticStorage over %s', (_kind, create) => {
  it('lets one of two turns that read the same state save it, and refuses the other', async () => {
    const storage = create();
    const state = new ConversationState(storage);
    const step = state.createProperty<string>('step');
    await inTurn(async () => {
      const context = turn('c1');
      await step.set(context, 'asked error time');
      await state.saveChanges(context);
    });

    const first = turn('c1');
    const second = turn('c1');
    await Promise.all([inTurn(() => state.load(first)), inTurn(() => state.load(second))]);
    await step.set(first, 'asked restart time');
    await step.set(second, 'gave verdict');
    await inTurn(() => state.saveChanges(first));
    await expect(inTurn(() => state.saveChanges(second))).rejects.toBeInstanceOf(StateConflictError);

    const after = turn('c1');
    expect(await inTurn(() => step.get(after))).toBe('asked restart time');
  });

  it('creates a new conversation once: of two first turns, the later save is refused', async () => {
    const storage = create();
    const state = new ConversationState(storage);
    const language = state.createProperty<string>('language');
    const late = turn('new');
    await inTurn(async () => {
      expect(await language.get(late)).toBeUndefined(); // read: nothing there yet
      // Another turn of the same new conversation creates its state meanwhile.
      await inTurn(async () => {
        const early = turn('new');
        await language.set(early, 'es');
        await state.saveChanges(early);
      });
      await language.set(late, 'en');
      await expect(state.saveChanges(late)).rejects.toBeInstanceOf(StateConflictError);
    });
    expect(await inTurn(() => language.get(turn('new')))).toBe('es');
  });

  it('lets a turn save twice, and clear and save what it read', async () => {
    const storage = create();
    const state = new ConversationState(storage);
    const count = state.createProperty<number>('count');
    await inTurn(async () => {
      const context = turn('twice');
      await count.set(context, 1);
      await state.saveChanges(context);
      await count.set(context, 2);
      await state.saveChanges(context);
      await state.clear(context);
      await count.set(context, 3);
      await state.saveChanges(context);
    });
    expect(await inTurn(() => count.get(turn('twice')))).toBe(3);
  });

  it('refuses a clear-and-save over a state that changed since the turn read it', async () => {
    const storage = create();
    const state = new ConversationState(storage);
    const count = state.createProperty<number>('count');
    await inTurn(async () => {
      const context = turn('clear');
      await count.set(context, 1);
      await state.saveChanges(context);
    });
    await inTurn(async () => {
      const context = turn('clear');
      await count.get(context);
      await inTurn(async () => {
        const other = turn('clear');
        await count.set(other, 2);
        await state.saveChanges(other);
      });
      await state.clear(context);
      await expect(state.saveChanges(context)).rejects.toBeInstanceOf(StateConflictError);
    });
  });

  it('keeps botbuilder\'s "overwrite" outside a turn, and honours an explicit eTag', async () => {
    const storage = create();
    await storage.write({ key: { value: 1 } });
    await storage.write({ key: { value: 2 } });
    const { key } = await storage.read(['key']);
    expect(key).toMatchObject({ value: 2 });
    await storage.write({ key: { value: 3, eTag: (key as { eTag: string }).eTag } });
    await expect(storage.write({ key: { value: 4, eTag: (key as { eTag: string }).eTag } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['key'])).key).toMatchObject({ value: 3 });
  });

  it('treats a key deleted since the turn read it as a conflict, and one it deleted as absent', async () => {
    const storage = create();
    await storage.write({ gone: { value: 1 } });
    await inTurn(async () => {
      const { gone } = await storage.read(['gone']);
      await inTurn(() => storage.delete(['gone']));
      await expect(storage.write({ gone })).rejects.toBeInstanceOf(StateConflictError);
    });
    await inTurn(async () => {
      await storage.write({ mine: { value: 1 } });
      await storage.delete(['mine']);
      await storage.write({ mine: { value: 2 } });
    });
    expect((await storage.read(['mine'])).mine).toMatchObject({ value: 2 });
  });

  it('keeps text in any language as it was', async () => {
    const storage = create();
    const value = { question: 'el flujo mcSynch_mcExec1 falla con devolución vacía — ¿por qué? ñ 日本 😀' };
    await storage.write({ text: value });
    expect((await storage.read(['text'])).text).toMatchObject(value);
  });
});

describe('Blob storage', () => {
  it('reads and writes the blobs plain BlobsStorage reads and writes (same names, same JSON)', async () => {
    const container = 'compatible';
    const storage = new OptimisticStorage(new BlobVersionedStore(azurite.connectionString, container));
    const plain = new BlobsStorage(azurite.connectionString, container);
    await storage.write({ 'msteams/conversations/a:1/': { language: 'es', dialogState: { dialogStack: [] } } });
    expect((await plain.read(['msteams/conversations/a:1/']))['msteams/conversations/a:1/']).toMatchObject({ language: 'es' });
    await plain.write({ 'msteams/conversations/b:2/': { language: 'en' } });
    expect((await storage.read(['msteams/conversations/b:2/']))['msteams/conversations/b:2/']).toMatchObject({ language: 'en' });
  });

  it('reports an unreachable storage as unavailable, and works again once it is back', async () => {
    const storage = new OptimisticStorage(new BlobVersionedStore(azurite.connectionString, 'outage'));
    await azurite.stop();
    try {
      const started = performance.now();
      await expect(storage.read(['key'])).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.write({ key: { value: 1 } })).rejects.toBeInstanceOf(StorageUnavailableError);
      // Bounded retries (blobStore.ts: 2 tries, 500 ms apart at most), not the SDK's default of
      // 4 tries over 28 s or more; generous, as a busy machine stretches wall-clock time.
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await azurite.start();
    }
    await storage.write({ key: { value: 1 } });
    expect((await storage.read(['key'])).key).toMatchObject({ value: 1 });
  });
});
