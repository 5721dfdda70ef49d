import * as restify from 'restify';
import { catalog } from '../../src/i18n/catalog';
import { silentLogger } from '../../src/observability/logger';
import { installGracefulShutdown, type GracefulShutdown } from '../../src/http/shutdown';
import { startAzurite, type Azurite } from '../support/azurite';
import { delay, startBotProcess, until, type BotProcess } from '../support/botProcess';
import { expectStep, guidedCheckSteps, LOCALES } from '../support/guidedCheck';
import { close, listen } from '../support/http';
import { startStorageProxy, type StorageProxy } from '../support/storageProxy';

/**
 * SIGTERM, as App Service or Container Apps send it before stopping an instance: no new
 * requests, the turns in flight finish and are saved, exit 0.
 */

const CONTAINER = 'shutdown-state';
/** src/http/shutdown.ts's default deadline for the requests in flight. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
let azurite: Azurite;
let proxy: StorageProxy;

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startStorageProxy(azurite.port);
});

afterAll(async () => {
  await proxy?.close();
  await azurite?.dispose();
});

describe('a bot process receiving SIGTERM', () => {
  let bot: BotProcess | undefined;
  let other: BotProcess | undefined;
  afterEach(async () => {
    proxy.release();
    await Promise.all([bot?.signal('SIGKILL'), other?.signal('SIGKILL')]);
    bot = other = undefined;
  });

  it('takes no new request, finishes and saves the turn in flight, and exits 0', async () => {
    const settings = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionStringVia(proxy.port), BLOB_CONTAINER: CONTAINER };
    bot = await startBotProcess('stopping', settings);
    const [question, accept, errorTime, restartTime] = guidedCheckSteps('es');
    expectStep(question!, await bot.say('sigterm', question!.message, LOCALES.es), 'before SIGTERM');
    expectStep(accept!, await bot.say('sigterm', accept!.message, LOCALES.es), 'before SIGTERM');

    // A turn in flight: its state save is held at the storage.
    proxy.holdWrites();
    const inFlight = bot.send('sigterm', errorTime!.message, LOCALES.es);
    await proxy.waitForHeldWrites(1);

    const stopped = bot.signal('SIGTERM');
    let exited = false;
    void stopped.then(() => (exited = true));
    const stopping = bot;
    await until(() => stopping.output().includes('stopping: no new requests'), 'the stop logged');
    // New requests are not taken: the port is closed (or, on a connection already open, 503).
    const refused = await fetch(`${bot.url}/health`).then(
      (response) => response.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);
    // Not exiting is the behaviour here: a process that would leave the turn behind gets a whole
    // second to do so (a correct one never does; waiting longer cannot make this test flaky).
    await delay(1000);
    expect(exited).toBe(false);

    // The turn finishes once its save goes through, and the user gets the whole reply.
    proxy.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expectStep(errorTime!, answer.text, 'in flight during SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
    const stoppedBot = bot;
    await until(() => stoppedBot.output().includes('stopped: every request in flight was answered'), 'the clean stop logged');

    // Saved: another instance carries on from it.
    other = await startBotProcess('other', { ...settings, BLOB_CONNECTION_STRING: azurite.connectionString });
    const verdict = await other.say('sigterm', restartTime!.message, LOCALES.es);
    expectStep(restartTime!, verdict, 'other instance');
    expect(verdict).toContain('06:04');
  });

  it('exits 0 at once when idle', async () => {
    bot = await startBotProcess('idle', { STORAGE: 'memory' });
    const started = performance.now();
    expect(await bot.signal('SIGTERM')).toEqual({ code: 0, signal: null });
    // At once: not after the deadline for requests in flight, of which there are none.
    expect(performance.now() - started).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  });
});

/** A server with the graceful shutdown, and one request to it held in flight until `finish()`. */
async function serverWithRequestHeld(options: { timeoutMs?: number } = {}): Promise<{
  server: restify.Server;
  shutdown: GracefulShutdown;
  status: Promise<number>;
  finish: () => void;
}> {
  const server = restify.createServer();
  const shutdown = installGracefulShutdown(server, { logger: silentLogger(), signals: [], ...options });
  let finish = (): void => undefined;
  server.get('/held', async (_req, res) => {
    await new Promise<void>((resolve) => (finish = resolve));
    res.send(200, { text: catalog('en').welcome });
  });
  const url = await listen(server);
  const status = fetch(`${url}/held`).then((response) => response.status);
  await until(() => shutdown.inFlight === 1, 'the request in flight');
  return { server, shutdown, status, finish: () => finish() };
}

describe('graceful shutdown deadline', () => {
  it('stops waiting after the timeout and reports the cut requests with exit code 1', async () => {
    const { server, shutdown, status, finish } = await serverWithRequestHeld({ timeoutMs: 300 });
    const started = performance.now();
    // The request never finishes by itself: stop() returning at all is the deadline at work.
    expect(await shutdown.stop('test')).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    // (The process would exit here; the request is let finish so that the test leaves nothing open.)
    finish();
    expect(await status).toBe(200);
    await close(server);
  });
});

describe('quiet time (the warm-up and the heap compaction wait for it)', () => {
  it('is 0 while a request is answered, and counts from when the last one finished', async () => {
    const { server, shutdown, status, finish } = await serverWithRequestHeld();
    await delay(50);
    expect(shutdown.quietMs).toBe(0);
    finish();
    expect(await status).toBe(200);
    await delay(50);
    expect(shutdown.quietMs).toBeGreaterThanOrEqual(45);
    await close(server);
  });
});
