import { catalog } from '../../src/i18n/catalog';
import { startAzurite, type Azurite } from '../support/azurite';
import { startBotProcess, until, type BotProcess } from '../support/botProcess';
import { expectStep, guidedCheckSteps, LOCALES } from '../support/guidedCheck';
import { messageActivity, startFakeChannel } from '../support/http';

/**
 * The state storage goes away (Azurite stopped) while users are in the middle of checks, then
 * comes back, with a real bot process that is never restarted.
 */

const CONTAINER = 'outage-state';
let azurite: Azurite;
let bot: BotProcess;

beforeAll(async () => {
  azurite = await startAzurite();
  bot = await startBotProcess('bot', { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: CONTAINER });
});

afterAll(async () => {
  await bot?.signal('SIGKILL');
  await azurite?.dispose();
});

it('says "temporarily unavailable" in the user\'s language with a 503, stays up, and carries on once the storage is back', async () => {
  const en = guidedCheckSteps('en');
  const es = guidedCheckSteps('es');
  for (const step of en.slice(0, 3)) expectStep(step, await bot.say('outage-en', step.message, LOCALES.en), 'before the outage');
  for (const step of es.slice(0, 3)) expectStep(step, await bot.say('outage-es', step.message, LOCALES.es), 'before the outage');

  await azurite.stop();

  for (const [conversation, step, language] of [
    ['outage-en', en[3]!, 'en'],
    ['outage-es', es[3]!, 'es'],
    // A conversation never seen before, in Spanish by its words although the client says en-US.
    ['outage-new', { message: 'el flujo mcSynch_mcExec1 falla con devolución vacía' }, 'es'],
  ] as const) {
    const started = performance.now();
    const answer = await bot.send(conversation, step.message, conversation === 'outage-new' ? LOCALES.en : LOCALES[language]);
    expect(answer.status).toBe(503);
    // Only the message for the user: no error text, code, host or stack.
    expect(answer.body).toEqual({ activities: [expect.objectContaining({ type: 'message', text: catalog(language).storageUnavailable })] });
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Error|storage-blob|at \w+ \(/);
    // Told promptly: the storage SDK's retries are bounded (blobStore.ts: 2 tries, 500 ms apart
    // at most, not the SDK's 4 tries over 28 s or more); generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(15_000);
  }

  // As Teams delivers (replies posted to the channel): the user gets the message there, and the
  // channel a 503 with Retry-After and a fixed body.
  const channel = await startFakeChannel();
  try {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(messageActivity('outage-teams', '06:00', 'es-ES', { serviceUrl: channel.serviceUrl, deliveryMode: undefined })),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ code: 'ServiceUnavailable', message: expect.any(String) });
    expect(channel.posts.map((sent) => sent.activity.text)).toEqual([catalog('es').storageUnavailable]);
  } finally {
    await channel.close();
  }

  // The process is still up and healthy: restarting it would not bring the storage back.
  expect((await fetch(`${bot.url}/health`)).status).toBe(200);
  await until(() => bot.output().includes('state storage unavailable: the user was asked to try again'), 'the outage logged');

  await azurite.start();

  // Back by itself, with no restart: each user carries on at the question they were asked.
  expectStep(en[3]!, await bot.say('outage-en', en[3]!.message, LOCALES.en), 'after the outage');
  expectStep(es[3]!, await bot.say('outage-es', es[3]!.message, LOCALES.es), 'after the outage');
  expectStep(es[4]!, await bot.say('outage-es', es[4]!.message, LOCALES.es), 'after the outage');
});

it('recovers when the storage was already down at the first message after start', async () => {
  await azurite.stop();
  const fresh = await startBotProcess('started during the outage', { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'outage-from-start' });
  try {
    const [question, accept] = guidedCheckSteps('en');
    const during = await fresh.send('from-start', question!.message, LOCALES.en);
    expect(during.status).toBe(503);
    expect(during.text).toBe(catalog('en').storageUnavailable);

    await azurite.start();
    // The container is created now, and the conversation starts as if nothing happened.
    expectStep(question!, await fresh.say('from-start', question!.message, LOCALES.en), 'after the outage');
    expectStep(accept!, await fresh.say('from-start', accept!.message, LOCALES.en), 'after the outage');
  } finally {
    await fresh.signal('SIGKILL');
  }
});
