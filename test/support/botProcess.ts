import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { freePort } from '../../src/cli/localPort';
import { stopChild } from './azurite';
import { NEWCOMER_SETTINGS } from './botSettings';
import { track } from './children';
import { messageActivity, post, type UserMessage } from './http';

/**
 * The bot service as production runs it: `src/index.ts` in a process of its own (through tsx,
 * no build), configured by environment variables, on 127.0.0.1 and a free port. Several of
 * them over one Azurite container are several instances behind a load balancer.
 */

const ROOT = path.resolve(__dirname, '../..');
// Only a cap for a bot that never gets ready: at a load of 19 on 2 cores, two bots starting
// together took over 30 s to answer /health 200.
const READY_TIMEOUT_MS = 90_000;

export interface BotProcess {
  name: string;
  port: number;
  url: string;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far (its log on stdout, stderr). */
  output(): string;
  /** POST /api/messages with expectReplies; the status and the replies as text. */
  send(conversationId: string, message: UserMessage, locale?: string): Promise<{ status: number; text: string; body: unknown }>;
  /** As send, but throws unless the answer is 200; returns the replies as text. */
  say(conversationId: string, message: UserMessage, locale?: string): Promise<string>;
  /** Sends a signal and waits for the exit (SIGKILL after 15 s). */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment for a bot process: no credentials, no .env surprises, the given settings on top. */
export function botEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SYSTEMROOT: process.env.SYSTEMROOT,
    TMPDIR: process.env.TMPDIR,
    LOG_LEVEL: 'info',
    ...NEWCOMER_SETTINGS,
    ...settings,
  };
}

/** Spawns `node --import tsx src/index.ts` (one process: signals reach the bot itself). */
export function spawnBot(env: NodeJS.ProcessEnv): ChildProcess {
  return track(spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Starts a bot process and waits until GET /health answers 200. */
export async function startBotProcess(name: string, settings: Record<string, string>): Promise<BotProcess> {
  const port = settings.PORT ? Number(settings.PORT) : await freePort();
  const child = spawnBot(botEnvironment({ ...settings, PORT: String(port) }));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`bot ${name} exited before it was ready:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot ${name} not ready within ${READY_TIMEOUT_MS} ms:\n${output.slice(-3000)}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    await delay(100);
  }

  const send = async (conversationId: string, message: UserMessage, locale = 'en-US'): Promise<{ status: number; text: string; body: unknown }> => {
    const { status, body } = await post(url, messageActivity(conversationId, message, locale));
    const activities = (body as { activities?: Partial<Activity>[] } | null)?.activities ?? [];
    return { status, body, text: activities.map((activity) => renderActivityAsText(activity)).join('\n') };
  };

  return {
    name,
    port,
    url,
    exited,
    output: () => output,
    send,
    say: async (conversationId, message, locale) => {
      const answer = await send(conversationId, message, locale);
      if (answer.status !== 200) throw new Error(`bot ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}\n${output.slice(-2000)}`);
      return answer.text;
    },
    signal: (signal) => stopChild(child, signal, 15_000),
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until `condition` holds (e.g. a line in a process's output, which the pipe may deliver
 * after the reply), or fails after the timeout: only a cap for when it never comes, so generous
 * enough for a machine whose cores other processes keep busy.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await delay(20);
  }
}
