import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../src/kb/types';
import { startAzurite, type Azurite } from '../support/azurite';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { expectStep, guidedCheckSteps, LOCALES } from '../support/guidedCheck';

/**
 * Several instances over one Blob container, as behind a load balancer: real bot processes
 * (src/index.ts), real Azurite, real HTTP on loopback. A conversation's turns go to whichever
 * instance; an instance is killed outright (SIGKILL) in the middle of a check and restarted.
 */

const CONTAINER = 'failover-state';
let azurite: Azurite;
let a: BotProcess;
let b: BotProcess;
/** Size in bytes of the state blobs after each step, per language, for the README. */
const sizes: Record<string, Array<{ step: string; blobs: Record<string, number> }>> = {};

function blobSettings(): Record<string, string> {
  return { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: CONTAINER };
}

/** The state blobs that belong to a conversation (its conversation and user state), with their sizes. */
async function stateBlobs(conversationId: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for await (const blob of azurite.container(CONTAINER).listBlobsFlat()) {
    const name = decodeURIComponent(blob.name);
    if (name.includes(`/${conversationId}`)) found[name.replace(conversationId, '{id}')] = blob.properties.contentLength ?? 0;
  }
  return found;
}

beforeAll(async () => {
  azurite = await startAzurite();
  [a, b] = await Promise.all([startBotProcess('A', blobSettings()), startBotProcess('B', blobSettings())]);
});

afterAll(async () => {
  await Promise.all([a?.signal('SIGKILL'), b?.signal('SIGKILL')]);
  await azurite?.dispose();
  if (Object.keys(sizes).length > 0) {
    const dir = path.resolve(__dirname, '../../test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'state-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  }
});

describe.each<Language>(['en', 'es'])('guided check across two instances (%s)', (language) => {
  it('starts on A and finishes on B, every turn on the other instance, and the state stays small', async () => {
    const conversation = `failover-${language}`;
    const measured: Array<{ step: string; blobs: Record<string, number> }> = [];
    for (const [i, step] of guidedCheckSteps(language).entries()) {
      const instance = i % 2 === 0 ? a : b;
      const reply = await instance.say(conversation, step.message, LOCALES[language]);
      expectStep(step, reply, `instance ${instance.name}`);
      measured.push({ step: step.name, blobs: await stateBlobs(conversation) });
    }
    sizes[language] = measured;

    // One blob per conversation (no user state is kept), a few KB at most at any step.
    for (const { blobs } of measured) {
      expect(Object.keys(blobs)).toEqual([`emulator/conversations/{id}`]);
      for (const size of Object.values(blobs)) expect(size).toBeLessThan(8 * 1024);
    }
  });
});

it("matches the README's table of state sizes (update it when the dialogs change what they keep)", () => {
  if (!sizes.en || !sizes.es) return; // the measuring tests did not run (a filtered run)
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf("| after the user's | English | Spanish |"));
  const lines = table.split('\n').slice(2);
  const end = lines.findIndex((line) => !line.startsWith('|'));
  const bytes = (cell: string): number => Number(cell.trim().replace(/ B$/, ''));
  const documented = lines.slice(0, end).map((row) => row.split('|').slice(2, 4).map(bytes));
  const measured = sizes.en.map((step, i) => [step.blobs['emulator/conversations/{id}'], sizes.es![i]!.blobs['emulator/conversations/{id}']]);
  expect(documented).toEqual(measured);
});

describe('an instance killed in the middle of a check', () => {
  it('loses nothing: after a SIGKILL and a restart the user carries on where they were', async () => {
    const conversation = 'killed-mid-check';
    const [question, accept, errorTime, restartTime, feedback] = guidedCheckSteps('es');
    expectStep(question!, await a.say(conversation, question!.message, LOCALES.es), 'A');
    expectStep(accept!, await a.say(conversation, accept!.message, LOCALES.es), 'A');
    expectStep(errorTime!, await a.say(conversation, errorTime!.message, LOCALES.es), 'A');

    // No shutdown, no chance to save anything more: what was answered must already be stored.
    const killed = await a.signal('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    a = await startBotProcess('A (restarted)', blobSettings());
    // The restarted instance asked for the restart time, knows the error time (06:04) and the language.
    const verdict = await a.say(conversation, restartTime!.message, LOCALES.es);
    expectStep(restartTime!, verdict, 'A restarted');
    expect(verdict).toContain('06:04');
    expectStep(feedback!, await b.say(conversation, feedback!.message, LOCALES.es), 'B');
  });
});
