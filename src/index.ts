/**
 * The bot's HTTP service: settings, adapter, server, then the knowledge base.
 * The port opens first and /health answers 503 until the articles are indexed, so that a host
 * probing readiness routes no messages to a bot that cannot answer yet.
 */
import type { Server } from 'restify';
import { createAdapter, installTurnErrorHandler } from './hosting/botframework/adapter';
import { createLogger, errorFields, type Logger } from './observability/logger';
import { createServer } from './http/server';
import { installGracefulShutdown } from './http/shutdown';
import { loadBot, loadDotEnv, turnErrorMessage, type LoadedBot } from './app/startup';
import { createStorage } from './app/createStorage';
import type { OptimisticStorage } from './state/optimisticStorage';
import { logCheckEvents } from './observability/turnLog';
import { watchEventLoop } from './observability/eventLoop';
import { ConfigError, loadConfig, type Config } from './app/config';
import { compactHeap, tuneHeap } from './app/heap';
import { warmUp, whenQuiet } from './app/warmUp';

/** Structured log lines on stdout (see src/observability/logger.ts); LOG_LEVEL once the settings are read. */
let logger: Logger = createLogger();

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  let storage: OptimisticStorage;
  try {
    config = loadConfig();
    // Before the port opens: a connection string the storage SDK rejects is a configuration error too.
    storage = createStorage(config.storage);
  } catch (error) {
    if (error instanceof ConfigError) exit(error.message);
    throw error;
  }
  logger = createLogger({ level: config.logLevel });

  const adapter = createAdapter(config, { logger });
  let app: LoadedBot | undefined;
  const server = createServer({
    adapter,
    // The server only routes turns here once isReady() holds, i.e. once app is set.
    bot: { run: async (context) => app?.runner.run(context) },
    isReady: () => app !== undefined,
    logger,
  });
  // SIGTERM/SIGINT: no new requests, the turns in flight finish (up to 10 s), exit 0.
  const shutdown = installGracefulShutdown(server, { logger });
  await listen(server, config.port);
  // From here /health must answer while the knowledge base loads: how long did the loop block?
  const loading = watchEventLoop();

  // Verdicts and feedback as log lines of their own, for counting what helped.
  const loaded = await loadBot(config, { log: (line) => logger.warn(line), logger, bot: { record: logCheckEvents(logger), storage } });
  installTurnErrorHandler(adapter, loaded.conversationState, turnErrorMessage(loaded), logger);
  app = loaded;
  // Once loaded (collecting at 20% growth all through the load's bulk allocation cost time), with one
  // collection so that the heap's next limit follows what is live; see src/app/heap.ts.
  tuneHeap();
  // Read by test/app/readiness.test.ts and the growth bench (LOG_LEVEL=debug).
  logger.debug({ eventLoop: loading.stop() }, 'longest event-loop block while loading');

  // After ready, so that readiness does not wait for it; a failure only costs the first message its speed.
  const warming = performance.now();
  const quietMs = (): number => shutdown.quietMs;
  const warmedUp = warmUp(loaded.knowledgeBase.index, loaded.checks, quietMs).then(
    () => logger.debug({ warmUpMs: Math.round(performance.now() - warming) }, 'warmed up'),
    (error: unknown) => logger.warn({ err: errorFields(error) }, 'warm-up failed'),
  );
  // A start that built the index (no cache, or another KB's) leaves its heap fragmented: compacted
  // once the warm-up is done and the cache written, in a quiet moment between messages; see heap.ts.
  // A start from the cache leaves little to gain (10k: 210 -> 201 MB) for a block of about 100 ms.
  const { indexMs, cacheWrite } = loaded.knowledgeBase;
  if (indexMs > 0)
    void Promise.all([warmedUp, cacheWrite])
      .then(() => whenQuiet(quietMs))
      .then(() => {
        compactHeap();
        // Read by the growth bench (LOG_LEVEL=debug): the first start's memory once settled.
        logger.debug({ rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) }, 'heap compacted');
      })
      .catch((error: unknown) => logger.warn({ err: errorFields(error) }, 'heap compaction failed'));

  logger.info(
    {
      port: config.port,
      storage: config.storage.kind,
      articles: loaded.knowledgeBase.articles.length,
      loadMs: Math.round(loaded.loadMs),
      readySeconds: Number(process.uptime().toFixed(2)),
    },
    `Bot ready on http://localhost:${config.port}/api/messages`,
  );
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

function exit(message: string): never {
  console.error(message);
  process.exit(1);
}

// A promise rejected outside a turn (a timer, a stray callback) is logged, not fatal: a crash
// would drop every turn in flight (and, with STORAGE=memory, every conversation).
process.on('unhandledRejection', (reason) => {
  logger.error({ err: errorFields(reason) }, 'unhandled rejection');
});

main().catch((error: unknown) => exit(`Cannot start the bot: ${error instanceof Error ? error.message : String(error)}`));
