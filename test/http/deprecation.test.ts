import { startBotProcess } from '../support/botProcess';

/**
 * restify 11 loads spdy, whose http-deceiver calls process.binding('http_parser'): Node's DEP0111
 * warning on every start. src/http/withoutSpdy.ts keeps spdy from loading; the bot still serves.
 */
it('starts the service without DEP0111 (or any other warning) on its output', async () => {
  const bot = await startBotProcess('deprecation', { LOG_LEVEL: 'warn' });
  try {
    expect((await fetch(`${bot.url}/health`)).status).toBe(200);
    expect(await bot.say('dep-1', 'hello')).not.toBe('');
  } finally {
    await bot.signal('SIGTERM');
  }
  expect(bot.output()).not.toMatch(/DEP0111|DeprecationWarning|Warning:/);
});
