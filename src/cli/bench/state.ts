import { MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder-core';
import { createBot } from '../../bot/createBot';
import { openKnowledgeBase } from '../../search/knowledgeBase';
import { printTable } from './support';

/** Bytes of state stored per conversation after each step of the guided check. */

/** Memory storage that remembers how big each written item was. */
class MeasuredStorage extends MemoryStorage {
  readonly sizes = new Map<string, number>();

  override async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) this.sizes.set(key, Buffer.byteLength(JSON.stringify(value)));
    await super.write(changes);
  }
}

const STEPS: Record<'en' | 'es', Array<[string, string]>> = {
  en: [
    ['symptom question', "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'"],
    ['yes', 'yes'],
    ['error time', '06:02'],
    ['restart time', '06:00'],
    ['feedback', 'yes'],
  ],
  es: [
    ['pregunta', 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon de xtk:session'],
    ['sí', 'sí'],
    ['hora del error', 'a las 6 y 2'],
    ['hora de reinicio', '06:00'],
    ['opinión', 'sí'],
  ],
};

/** "conversation" or "user" state, from botbuilder's storage key (channel/conversations/id/…). */
function stateKind(key: string): string {
  return key.includes('/users/') ? 'user' : 'conversation';
}

export async function benchState(): Promise<void> {
  console.log('\n## State per conversation (bytes stored after each step; target < 4 KB)\n');
  const knowledgeBase = await openKnowledgeBase([], () => undefined);
  const rows: Array<Array<string | number>> = [];
  for (const language of ['en', 'es'] as const) {
    const storage = new MeasuredStorage();
    const { bot } = createBot({ knowledgeBase, defaultLanguage: language, storage, record: () => undefined });
    const adapter = new TestAdapter((context) => bot.run(context));
    adapter.locale = language === 'es' ? 'es-ES' : 'en-US';
    for (const [step, text] of STEPS[language]) {
      await adapter.receiveActivity(text);
      adapter.activeQueue.splice(0);
      const total = [...storage.sizes.values()].reduce((sum, size) => sum + size, 0);
      rows.push([`${language}: ${step}`, total, ...[...storage.sizes.entries()].map(([key, size]) => `${stateKind(key)}=${size}`)]);
    }
  }
  printTable(
    ['step', 'bytes', 'items'],
    rows.map((row) => [row[0]!, row[1]!, row.slice(2).join(' ')]),
  );
}
