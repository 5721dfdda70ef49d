/**
 * The bot and the Microsoft 365 Agents Playground as child processes: what `npm run playground`
 * and the end-to-end tests (test/e2e) start. No botbuilder here, only processes and HTTP.
 *
 * Each child leads a process group of its own (`detached`), so that stop() ends it with all it
 * started, and a parent that exits for any reason takes its children with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../kb/paths';

/** The Playground's command line, from its package: `agentsplayground` / `teamsapptester`. */
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [REPOSITORY_ROOT] });

/** The bot's entry point, run from source with tsx's loader, as `npm start` runs its build. */
const BOT_ENTRY = path.join(REPOSITORY_ROOT, 'src', 'index.ts');

export interface ChildHandle {
  readonly name: string;
  readonly pid: number;
  /** What the process printed so far (stdout and stderr), for error messages. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Also append everything the process prints to this file. */
  logFile?: string;
  /** Also pass every line it prints here (e.g. to the terminal, with a prefix). */
  onLine?: (line: string) => void;
}

const running = new Set<ChildHandle>();

/**
 * A small watchdog process, detached, told each group started and stopped on its stdin. When
 * its stdin closes, i.e. when this process ends however it ends (even killed, or inside jest,
 * whose sandboxed `process` never sees the real exit and signals), it terminates the groups
 * still registered and exits. Unreferenced: it never keeps this process alive.
 */
const REAPER_SCRIPT = `
  const groups = new Set();
  let buffer = '';
  const kill = (signal) => { for (const pid of groups) { try { process.kill(-pid, signal); } catch {} } };
  process.stdin.on('data', (chunk) => {
    buffer += chunk;
    for (let i; (i = buffer.indexOf('\\n')) >= 0; buffer = buffer.slice(i + 1)) {
      const pid = Number(buffer.slice(0, i));
      if (pid > 0) groups.add(pid); else if (pid < 0) groups.delete(-pid);
    }
  });
  process.stdin.on('end', () => {
    if (!groups.size) process.exit(0);
    kill('SIGTERM');
    setTimeout(() => { kill('SIGKILL'); process.exit(0); }, 3000);
  });
`;

let reaper: ChildProcess | undefined;

function tellReaper(line: string): void {
  if (!reaper) {
    reaper = spawn(process.execPath, ['-e', REAPER_SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    reaper.unref();
    reaper.on('error', () => undefined);
    const stdin = reaper.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null;
    stdin?.on('error', () => undefined);
    stdin?.unref?.();
  }
  reaper.stdin?.write(`${line}\n`);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts `node args…` as the leader of a new process group. */
function spawnNode(name: string, args: string[], options: SpawnOptions = {}): ChildHandle {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd ?? REPOSITORY_ROOT,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`Cannot start ${name}`);
  const pid = child.pid;
  tellReaper(String(pid));

  let output = '';
  let log: ReturnType<typeof createWriteStream> | undefined;
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile, { flags: 'a' });
  }
  let partial = '';
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    // Keep the last 64 KB: enough for an error message, bounded for long sessions.
    output = (output + text).slice(-65536);
    log?.write(text);
    if (options.onLine) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine(line.replace(/\r$/, ''));
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(handle);
      tellReaper(String(-pid));
      if (partial && options.onLine) options.onLine(partial);
      log?.end();
      resolve(code ?? (signal ? 128 : null));
    });
    child.once('error', () => {
      running.delete(handle);
      log?.end();
      resolve(null);
    });
  });

  const handle: ChildHandle = {
    name,
    pid,
    output: () => output,
    exited,
    async stop(graceMs = 5000) {
      if (!running.has(handle)) return;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Anything the leader started and left behind in its group.
      killGroup(pid, 'SIGKILL');
    },
  };
  running.add(handle);
  return handle;
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
async function waitForHttp(url: string, child: ChildHandle, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  let last = '';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${child.name} exited (code ${exitCode}) before ${url} answered:\n${child.output().trim()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${child.name}: ${url} did not answer 200 within ${timeoutMs} ms (last: ${last}):\n${child.output().trim()}`);
}

/** Resolves with the first match of `pattern` in what the process prints. */
function waitForOutput(child: ChildHandle, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = child.output().match(pattern);
      if (match) {
        clearInterval(poll);
        resolve(match);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`${child.name} printed no ${pattern} within ${timeoutMs} ms:\n${child.output().trim()}`));
      }
    }, 50);
    void child.exited.then((code) => {
      if (child.output().match(pattern)) return;
      clearInterval(poll);
      reject(new Error(`${child.name} exited (code ${code}):\n${child.output().trim()}`));
    });
  });
}

export interface BotProcess {
  child: ChildHandle;
  port: number;
  /** http://127.0.0.1:<port>/api/messages */
  endpoint: string;
}

export interface StartBotOptions extends Omit<SpawnOptions, 'env'> {
  port: number;
  /** Set in the bot's environment over this process's (an empty value hides a .env setting). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** Runs src/index.ts (tsx's loader, no build step) on `port`, and waits for GET /health = 200. */
export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const env = { ...process.env, ...options.env, PORT: String(options.port) };
  const child = spawnNode('bot', ['--import', 'tsx', BOT_ENTRY], { ...options, env });
  try {
    await waitForHttp(`http://127.0.0.1:${options.port}/health`, child, options.readyTimeoutMs ?? 60000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, port: options.port, endpoint: `http://127.0.0.1:${options.port}/api/messages` };
}

export interface PlaygroundProcess {
  child: ChildHandle;
  port: number;
  /** The page to open: http://127.0.0.1:<port>/ */
  url: string;
}

export interface StartPlaygroundOptions extends Omit<SpawnOptions, 'env'> {
  /** The bot's messaging endpoint. */
  botEndpoint: string;
  /** 0 (the default) lets the OS choose; a busy port falls back to a random one. */
  port?: number;
  /** msteams unless told. */
  channelId?: 'msteams' | 'emulator' | 'webchat' | 'directline';
  /** Where the Playground writes its own log (else ./devTools/ under the working folder). */
  playgroundLogFile?: string;
  /** Let the Playground open the system's browser (the default is TEAMSAPPTESTER_BROWSER=none). */
  openBrowser?: boolean;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * Runs the Agents Playground against `botEndpoint` on the msteams channel, headless
 * (TEAMSAPPTESTER_BROWSER=none: otherwise it tries to open a browser) and without telemetry
 * (--dt). Reads the port it chose from its "Listening on <port>" line and waits for its page.
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<PlaygroundProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.openBrowser) env.TEAMSAPPTESTER_BROWSER = 'none';
  if (options.playgroundLogFile) {
    mkdirSync(path.dirname(options.playgroundLogFile), { recursive: true });
    env.M365_AGENTS_PLAYGROUND_LOGFILE = options.playgroundLogFile;
  }
  const args = [PLAYGROUND_CLI, '--app-endpoint', options.botEndpoint, '--channel-id', options.channelId ?? 'msteams', '--disable-telemetry', '--port', String(options.port ?? 0)];
  const child = spawnNode('Agents Playground', args, { ...options, env });
  try {
    const match = await waitForOutput(child, /Listening on (\d+)/, options.readyTimeoutMs ?? 60000);
    const port = Number(match[1]);
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(url, child, options.readyTimeoutMs ?? 60000);
    return { child, port, url };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
