/**
 * npm run chat                                   the bot in the terminal: no Teams, no Azure
 * printf 'question\nyes\n' | npm run --silent chat   one message per line; exits at end of input
 *
 * Replies print as text; a card's buttons and suggested actions print as "[1] Title" and typing
 * the number clicks it. A line ending in "\" continues on the next line (to paste log lines
 * as one message). A number that is no button's is refused, an empty line sends nothing.
 * CHAT_LOCALE (else LANG) sets the locale, CHAT_CHANNEL=msteams the channel.
 * Reads .env and KB_PATH like the service.
 *
 * The log stays out of the transcript: warnings and errors only, on stderr; CHAT_LOG=file writes
 * the whole log (LOG_LEVEL, verdict and feedback events included) to that file instead.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { installTurnErrorHandler } from '../hosting/botframework/adapter';
import { loadBot, loadDotEnv, turnErrorMessage } from '../app/startup';
import { ConfigError, loadConfig } from '../app/config';
import { createLogger, type Logger, type LogLevel } from '../observability/logger';
import { logCheckEvents } from '../observability/turnLog';
import { ChatSession, localeFromEnvironment } from './chatSession';

const CHANNELS = ['emulator', 'msteams'];

async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const channelId = process.env.CHAT_CHANNEL?.trim() || 'emulator';
  if (!CHANNELS.includes(channelId)) throw new ConfigError(`Invalid configuration: CHAT_CHANNEL: expected one of ${CHANNELS.join(', ')}, got ${JSON.stringify(channelId)}`);
  const locale = localeFromEnvironment(process.env.CHAT_LOCALE) ?? localeFromEnvironment(process.env.LANG) ?? 'en-US';

  const logger = chatLogger(process.env.CHAT_LOG?.trim(), config.logLevel);
  // Events the bot records for counting go to the log (CHAT_LOG), never into the transcript.
  // The terminal is no tenant: ALLOWED_TENANTS (for Teams traffic) does not apply here.
  const loaded = await loadBot(config, { logger, bot: { record: logCheckEvents(logger), allowedTenants: [] } });
  const interactive = Boolean(process.stdin.isTTY);
  // Markdown bold as bold in a terminal (unless NO_COLOR), as the words alone in a file or pipe.
  const bold = process.stdout.isTTY && !process.env.NO_COLOR ? 'ansi' : 'plain';
  const session = new ChatSession(loaded.bot, { channelId, locale, userName: safeUserName(), bold }, (text) => process.stdout.write(text));
  installTurnErrorHandler(session.adapter, loaded.conversationState, turnErrorMessage(loaded), logger);

  if (interactive) {
    console.error(`${loaded.knowledgeBase.articles.length} articles, ${locale}, channel ${channelId}. Ask a question; Ctrl-D to quit.`);
  }
  await session.start();

  const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, prompt: '> ' });
  // Ctrl-C ends the chat like Ctrl-D (readline would otherwise only pause).
  lines.on('SIGINT', () => lines.close());
  if (interactive) lines.prompt();
  let pending: string[] = [];
  for await (const line of lines) {
    if (line.endsWith('\\')) {
      pending.push(line.slice(0, -1));
      continue;
    }
    const message = [...pending, line].join('\n');
    pending = [];
    // Piped input is not echoed by the terminal: print it so the transcript reads as a dialogue.
    if (!interactive && message.trim()) process.stdout.write(`> ${message.trim().replace(/\n/g, '\n  ')}\n`);
    await session.input(message);
    if (interactive) lines.prompt();
  }
  if (pending.length) await session.input(pending.join('\n'));
  return 0;
}

/** CHAT_LOG: the whole log, at LOG_LEVEL, to that file; otherwise warnings and errors on stderr. */
function chatLogger(file: string | undefined, level: LogLevel): Logger {
  if (file) return createLogger({ level, destination: pino.destination({ dest: file, sync: true, mkdir: true }) });
  const quieter: LogLevel[] = ['fatal', 'error', 'silent'];
  return createLogger({ level: quieter.includes(level) ? level : 'warn', destination: pino.destination({ dest: 2, sync: true }) });
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
