import { catalog } from '../../src/i18n/catalog';
import type { Language } from '../../src/kb/types';
import { startAzurite, type Azurite } from '../support/azurite';
import { startBotProcess, until, type BotProcess } from '../support/botProcess';
import { checkText, expectStep, guidedCheckSteps, LOCALES } from '../support/guidedCheck';
import { post } from '../support/http';
import { startStorageProxy, type StorageProxy } from '../support/storageProxy';
import { ANA, botAdded, groupChat, installationUpdate } from '../support/teams';

/**
 * Two turns of one conversation on two instances at once. Instance A reaches the storage
 * through a proxy that can hold its state writes: A's turn has read the state and is about to
 * save it when B's turn, on the same conversation, reads and saves. Without optimistic
 * concurrency A's save would silently overwrite B's (botbuilder saves with eTag "*").
 */

const CONTAINER = 'concurrency-state';
let azurite: Azurite;
let proxy: StorageProxy;
let a: BotProcess;
let b: BotProcess;

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startStorageProxy(azurite.port);
  const settings = (connectionString: string): Record<string, string> => ({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: CONTAINER });
  [a, b] = await Promise.all([
    startBotProcess('A (through the proxy)', settings(azurite.connectionStringVia(proxy.port))),
    startBotProcess('B', settings(azurite.connectionString)),
  ]);
});

afterAll(async () => {
  await Promise.all([a?.signal('SIGKILL'), b?.signal('SIGKILL')]);
  await proxy?.close();
  await azurite?.dispose();
});

afterEach(() => proxy.release());

/** A conversation brought to the error-time question on B. */
async function atErrorTimeQuestion(conversation: string, language: Language): Promise<void> {
  const [question, accept] = guidedCheckSteps(language);
  expectStep(question!, await b.say(conversation, question!.message, LOCALES[language]), 'B');
  expectStep(accept!, await b.say(conversation, accept!.message, LOCALES[language]), 'B');
}

describe.each<Language>(['en', 'es'])('two turns of one conversation at once (%s)', (language) => {
  const c = catalog(language);
  const locale = LOCALES[language];

  it('runs the losing turn again after the winning one: both answers are kept, and each reply matches what was saved', async () => {
    const conversation = `race-retry-${language}`;
    await atErrorTimeQuestion(conversation, language);

    proxy.holdWrites();
    const onA = a.send(conversation, '06:04', locale); // read the state, save held
    await proxy.waitForHeldWrites(1);
    // Meanwhile B takes the other answer to the same question and saves first.
    const onB = await b.say(conversation, '06:02', locale);
    expect(onB).toContain(checkText(language, 'restartTime.title'));
    proxy.release();

    // A's save is refused (the state changed), so A runs the turn again on B's state: 06:04 now
    // answers the restart question. Its first attempt's reply (the restart question) is never seen.
    const fromA = await onA;
    expect(fromA.status).toBe(200);
    expect(fromA.text).toContain(checkText(language, 'verdict.coincideTitle'));
    expect(fromA.text).not.toContain(checkText(language, 'restartTime.title'));

    // The case holds both answers: nothing was lost or overwritten.
    const summary = await b.say(conversation, language === 'en' ? 'yes' : 'sí', locale);
    expect(summary).toContain(c.summaryIntro);
    expect(summary).toMatch(language === 'en' ? /Error time\(s\): 06:02/ : /Hora\(s\) del error: 06:02/);
    expect(summary).toMatch(language === 'en' ? /Server restart time: 06:04/ : /Hora de reinicio del servidor: 06:04/);
    await until(() => a.output().includes('state conflict: another turn saved first, running this turn again'), 'the conflict logged by A');
  });

  it('asks the user to send the message again when it keeps losing, and saves nothing of it', async () => {
    const conversation = `race-repeat-${language}`;
    await atErrorTimeQuestion(conversation, language);
    const yes = language === 'en' ? 'yes' : 'sí';

    proxy.holdWrites();
    const onA = a.send(conversation, '06:30', locale);
    // Each time A is about to save, B saves the next step first: A loses all three attempts.
    for (const [message, reply] of [
      ['06:04', checkText(language, 'restartTime.title')],
      ['06:00', checkText(language, 'verdict.coincideTitle')],
      [yes, c.feedbackThanks],
    ] as const) {
      await proxy.waitForHeldWrites(1);
      expect(await b.say(conversation, message, locale)).toContain(reply);
      proxy.release({ keepHolding: true });
    }
    proxy.release();

    const fromA = await onA;
    expect(fromA.status).toBe(200);
    expect(fromA.text).toBe(c.repeatPlease);

    // The check B finished is intact, without A's 06:30: a new check starts clean.
    const next = await b.say(conversation, guidedCheckSteps(language)[0]!.message, locale);
    expect(next).toContain(c.offerCheck);
    await until(() => a.output().includes('state conflict: the user was asked to send the message again'), 'the conflict logged by A');
  });
});

describe('what a turn run again did besides replying', () => {
  it('counts a verdict once: the check event of the attempt that lost is never logged', async () => {
    const conversation = 'race-events';
    const [question, accept, errorTime, restartTime] = guidedCheckSteps('en');
    for (const step of [question!, accept!, errorTime!]) expectStep(step, await b.say(conversation, step.message, LOCALES.en), 'B');
    const verdicts = (instance: BotProcess): number =>
      instance
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"check event"') && line.includes('"event":"verdict"')).length;
    const turns = (instance: BotProcess): number =>
      instance
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"turn"')).length;
    const [beforeA, beforeB, turnsA] = [verdicts(a), verdicts(b), turns(a)];

    proxy.holdWrites();
    const onA = a.send(conversation, restartTime!.message, LOCALES.en); // gives the verdict; save held
    await proxy.waitForHeldWrites(1);
    expectStep(restartTime!, await b.say(conversation, restartTime!.message, LOCALES.en), 'B'); // gives it first
    proxy.release();
    const fromA = await onA;
    // A ran again at "was this helpful?", where 06:00 is no answer.
    expect(fromA.text).not.toContain(checkText('en', 'verdict.coincideTitle'));
    expect(fromA.text).toContain(catalog('en').askFeedback);

    await until(() => verdicts(b) - beforeB === 1, "B's verdict event logged");
    // A's turn line comes after any check event of that turn (the pipe keeps the order): once
    // it is in, a verdict event from A would be too.
    await until(() => turns(a) > turnsA, "A's turn logged");
    expect(verdicts(a) - beforeA).toBe(0);
  });
});

describe('the first turns of a new conversation at once', () => {
  it('creates its state once: the later turn runs again on the state the first one created', async () => {
    const conversation = 'race-create';
    const c = catalog('en');
    const [question, accept] = guidedCheckSteps('en');
    proxy.holdWrites();
    const onA = a.send(conversation, 'help', LOCALES.en); // would create the state; held
    await proxy.waitForHeldWrites(1);
    // B creates the conversation's state first: the check is offered.
    expectStep(question!, await b.say(conversation, question!.message, LOCALES.en), 'B');
    proxy.release();

    // A's create is refused (the state exists now) and A runs "help" again on B's state: the
    // help for the pending offer, not the general help of an empty conversation.
    const fromA = await onA;
    expect(fromA.status).toBe(200);
    expect(fromA.text).toContain(c.help.offer);
    expect(fromA.text).not.toContain(c.help.general);

    // And the offer B made is still there (A did not overwrite it with an empty conversation).
    expectStep(accept!, await a.say(conversation, accept!.message, LOCALES.en), 'A');
  });
});

describe('Teams adding the app: its two events at once on two instances', () => {
  it('welcomes the chat once', async () => {
    const place = groupChat('19:race-welcome@thread.v2');
    const repliesOf = (body: unknown): number => ((body as { activities?: unknown[] } | undefined)?.activities ?? []).length;
    proxy.holdWrites();
    // conversationUpdate (bot added) on A: it claims the welcome, the claim's save is held.
    const onA = post(a.url, { ...botAdded(place, ANA), deliveryMode: 'expectReplies' });
    await proxy.waitForHeldWrites(1);
    // installationUpdate on B, at the same moment: B claims it and welcomes.
    const fromB = await post(b.url, { ...installationUpdate(place, ANA), deliveryMode: 'expectReplies' });
    proxy.release();
    const fromA = await onA;
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(repliesOf(fromB.body)).toBe(1);
    // A's claim is refused (B's is saved), A runs the event again and finds the chat welcomed.
    expect(repliesOf(fromA.body)).toBe(0);
  });
});
