import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { REPOSITORY_ROOT } from '../../kb/paths';
import { freePort } from '../localPort';

/** Shared pieces of the benchmark: figures, tables, corpora and bot processes. */

export const CORPUS_DEFAULT = path.resolve(REPOSITORY_ROOT, '../shared/kb-corpus');

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Prints rows as an aligned table, first column left-aligned, the rest right-aligned. */
export function printTable(header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  for (const row of cells) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

/** Copies of the corpus articles with new article numbers, as Markdown files in a temp folder. */
export function writeSyntheticCorpus(corpusPaths: string[], size: number): string {
  const sources = corpusPaths.flatMap((dir) =>
    ['en', 'es'].flatMap((language) => {
      const folder = path.join(dir, language);
      try {
        return readdirSync(folder)
          .filter((file) => file.endsWith('.md'))
          .map((file) => ({ language, text: readFileSync(path.join(folder, file), 'utf8') }));
      } catch {
        return [];
      }
    }),
  );
  if (sources.length === 0) throw new Error(`No corpus articles found in ${corpusPaths.join(', ')}`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'kb-synthetic-'));
  for (const language of ['en', 'es']) mkdirSync(path.join(root, language));
  for (let i = 0; i < size; i++) {
    const source = sources[i % sources.length]!;
    const number = `KA-${String(900000 + i)}`;
    writeFileSync(path.join(root, source.language, `${number}.md`), source.text.replace(/^article-number:.*$/m, `article-number: ${number}`));
  }
  return root;
}

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Process start to the first 200 from /health, in ms. */
  readyMs: number;
  /** CPU time the process had used when /health first answered 200, in ms (the wall-clock readyMs stretches when other processes hold the cores). */
  readyCpuMs: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  /** CPU time used so far (user + system, all threads), in ms. */
  cpuMs(): number;
  /** What it printed on stdout so far (its log). */
  output(): string;
  stop(): Promise<void>;
}

/** The Node options `npm start` gives the bot (e.g. the young generation's size), so that the bench measures the bot as it is run. */
function startOptions(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const options = /\bnode\s+((?:--\S+\s+)*)dist\/src\/index\.js/.exec(scripts.start ?? '')?.[1] ?? '';
  return options.split(/\s+/).filter(Boolean);
}

/** Starts the bot (dist/src/index.js) as `npm start` does, without building it again. */
export function startBot(env: Record<string, string> = {}): Promise<BotProcess> {
  return startProcess('dist/src/index.js', env, startOptions());
}

/** Starts a compiled entry point (dist/...) as its own process and waits until /health answers. */
export async function startProcess(entry: string, env: Record<string, string> = {}, nodeOptions: string[] = []): Promise<BotProcess> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, path.join(REPOSITORY_ROOT, entry)], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${entry} not ready after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  const cpuMs = (): number => {
    // /proc/<pid>/stat: utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return {
    url,
    child,
    readyMs,
    readyCpuMs: cpuMs(),
    cpuMs,
    output: () => output,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A Bot Framework message activity answered in the HTTP response (expectReplies). */
export function activity(conversationId: string, text: string, locale = 'en-US'): Record<string, unknown> {
  return {
    type: 'message',
    id: `${conversationId}-${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale,
    from: { id: `user-${conversationId}`, name: 'Operator' },
    recipient: { id: 'bot', name: 'KB Bot' },
    conversation: { id: conversationId },
    text,
  };
}

/** The guided check the bench plays: the symptom, "yes", the error time, the restart time. */
export const GUIDED_CHECK = ["Empty return for method 'Logon' of service 'xtk:session' in mcSynch_mcExec1", 'yes', '06:02', '06:00'];

/** autocannon's requests for GUIDED_CHECK: each connection loops through it, a new conversation each time. */
export function guidedCheckRequests(): autocannon.Request[] {
  return GUIDED_CHECK.map((text, step) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: object) => {
      const conversation = context as { id?: string };
      if (step === 0) conversation.id = randomUUID();
      return { ...request, body: JSON.stringify(activity(conversation.id!, text)) };
    },
  }));
}
