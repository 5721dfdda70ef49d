/**
 * npm run playground            the bot and the Microsoft 365 Agents Playground, to see it as in Teams
 *
 * Starts the bot (src/index.ts, on PORT, 3978 by default) and the Agents Playground
 * (npm @microsoft/m365agentsplayground) pointed at its /api/messages on the msteams channel,
 * then prints the page to open. No Azure account: the bot runs without credentials and serves
 * every tenant here, even when .env says otherwise (the rest of .env applies). Ctrl-C stops both.
 *
 * PLAYGROUND_PORT sets the Playground's port (56150 by default; a random one when busy).
 * TEAMSAPPTESTER_BROWSER left unset means headless: the page is printed, not opened; set it to
 * anything else (e.g. "default") to let the Playground open the system's browser.
 * The Playground's telemetry is off (--disable-telemetry).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDotEnv } from '../app/startup';
import { ConfigError, loadConfig } from '../app/config';
import { startBot, startPlayground, type ChildHandle } from './playgroundProcesses';

/** Blanked for the bot run here (empty values win over .env): the Playground sends no tokens, and its tenant is a mock. */
const LOCAL_ONLY = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'ALLOWED_TENANTS'] as const;

async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const playgroundPort = process.env.PLAYGROUND_PORT ? Number(process.env.PLAYGROUND_PORT) : 56150;
  if (!Number.isInteger(playgroundPort) || playgroundPort < 0 || playgroundPort > 65535) {
    throw new ConfigError('Invalid configuration: PLAYGROUND_PORT: expected a port number');
  }
  if (config.microsoftApp.id) {
    console.error('MicrosoftAppId is set: running the bot without credentials for the Playground (no Azure account needed).');
  }

  const children: ChildHandle[] = [];
  let stopping = false;
  const stopAll = async (): Promise<void> => {
    stopping = true;
    await Promise.all(children.map((child) => child.stop()));
  };
  // `on`, not `once`: npm and tsx pass Ctrl-C on too, and a second signal must not kill this
  // process before its children (each in a process group of its own) are stopped.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      console.error(`${signal}: stopping the Playground and the bot`);
      void stopAll().then(() => process.exit(0));
    });
  }

  console.error(`Starting the bot on port ${config.port}…`);
  const bot = await startBot({
    port: config.port,
    env: Object.fromEntries(LOCAL_ONLY.map((name) => [name, ''])),
    onLine: (line) => console.log(`[bot] ${line}`),
  });
  children.push(bot.child);

  const playgroundLog = path.join(tmpdir(), `m365agentsplayground-${process.pid}.log`);
  const playground = await startPlayground({
    botEndpoint: bot.endpoint,
    port: playgroundPort,
    channelId: 'msteams',
    playgroundLogFile: playgroundLog,
    openBrowser: process.env.TEAMSAPPTESTER_BROWSER !== undefined && process.env.TEAMSAPPTESTER_BROWSER !== 'none',
    onLine: (line) => console.log(`[playground] ${line}`),
  }).catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  children.push(playground.child);

  console.log(
    [
      '',
      `Agents Playground: http://localhost:${playground.port}  (open it in a browser)`,
      `  talking to the bot at ${bot.endpoint} as Microsoft Teams does (channel msteams, personal chat)`,
      `  Playground log: ${playgroundLog}`,
      'Ctrl-C stops both.',
      '',
    ].join('\n'),
  );

  // Either one ending ends the session.
  const [first, code] = await Promise.race(children.map((child) => child.exited.then((exitCode) => [child, exitCode] as const)));
  if (stopping) return 0;
  console.error(`${first.name} exited (code ${code}); stopping.`);
  await stopAll();
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Cannot start the Playground: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
