/**
 * An echo bot on the same botbuilder CloudAdapter and restify server as the real one: the
 * ceiling the benchmark compares the guided check against. PORT as for the bot.
 */
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../bot/adapter';
import { createServer } from '../bot/server';
import { loadConfig } from '../config';

const config = loadConfig();
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});
const server = createServer({ adapter: createAdapter(config), bot, isReady: () => true });
server.listen(config.port, '127.0.0.1', () => console.log(`Echo bot ready on http://127.0.0.1:${config.port}/api/messages`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
