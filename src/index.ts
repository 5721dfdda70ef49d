/**
 * The bot's HTTP service: settings, adapter, server, then the knowledge base.
 * The port opens first and /health answers 503 until the articles are indexed, so that a host
 * probing readiness routes no messages to a bot that cannot answer yet.
 */
import type { Server } from 'restify';
import { createAdapter, installTurnErrorHandler } from './bot/adapter';
import type { BotApp } from './bot/createBot';
import { createServer } from './bot/server';
import { loadBot, loadDotEnv, turnErrorMessage } from './bot/startup';
import { ConfigError, loadConfig, type Config } from './config';

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exit(error.message);
    throw error;
  }

  const adapter = createAdapter(config);
  let app: BotApp | undefined;
  const server = createServer({
    adapter,
    // The server only routes turns here once isReady() holds, i.e. once app is set.
    bot: { run: async (context) => { await app?.bot.run(context); } },
    isReady: () => app !== undefined,
  });
  await listen(server, config.port);
  closeOnSignals(server);

  const loaded = await loadBot(config);
  installTurnErrorHandler(adapter, loaded.conversationState, turnErrorMessage(loaded));
  app = loaded;

  console.log(
    `Bot ready on http://localhost:${config.port}/api/messages: ${loaded.knowledgeBase.articles.length} articles ` +
      `loaded in ${Math.round(loaded.loadMs)} ms, ready ${process.uptime().toFixed(2)} s after the process started`,
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

function closeOnSignals(server: Server): void {
  const close = (signal: NodeJS.Signals): void => {
    console.error(`${signal}: closing the server`);
    // Requests in flight finish; a connection that lingers must not hold the exit for long.
    setTimeout(() => process.exit(0), 5000).unref();
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

function exit(message: string): never {
  console.error(message);
  process.exit(1);
}

// A promise rejected outside a turn (a timer, a stray callback) is logged, not fatal:
// conversations live in memory, and a crash would drop them all.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection:', reason);
});

main().catch((error: unknown) => exit(`Cannot start the bot: ${error instanceof Error ? error.message : String(error)}`));
