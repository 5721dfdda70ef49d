import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { track } from './children';
import { freePort } from '../../src/cli/localPort';

/**
 * Azurite, Microsoft's Azure Storage emulator (the npm package, blob service only), started and
 * stopped by the tests themselves on 127.0.0.1 and a free port, so that `npm test` needs nothing
 * running beforehand. Its data lives in a temporary folder, so that it survives a stop and start
 * (an outage) and is removed at the end.
 *
 * --skipApiVersionCheck: the storage SDK that botbuilder-azure-blobs uses sends a newer API
 * version than Azurite 3.35 knows. --disableTelemetry: no calls home from tests.
 */

/** Azurite's well-known development account (public, documented by Microsoft). */
const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const AZURITE_BLOB = require.resolve('azurite/dist/src/blob/main.js');
// Only a cap for an Azurite that never starts; a busy machine slows its start several-fold.
const START_TIMEOUT_MS = 60_000;

export interface Azurite {
  port: number;
  /** A connection string for this Azurite, e.g. for BLOB_CONNECTION_STRING. */
  connectionString: string;
  /** A connection string for the same account through another endpoint (a proxy in front of it). */
  connectionStringVia(port: number): string;
  container(name: string): ContainerClient;
  running(): boolean;
  /** Stops it (an outage, as far as the bot can tell); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  dispose(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(path.join(tmpdir(), 'azurite-'));
  let child: ChildProcess | undefined;
  const connectionStringVia = (endpointPort: number): string =>
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${endpointPort}/${AZURITE_ACCOUNT};`;

  const start = async (): Promise<void> => {
    if (child) return;
    const started = track(
      spawn(
        process.execPath,
        [AZURITE_BLOB, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--skipApiVersionCheck', '--disableTelemetry', '--silent'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    child = started;
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    await waitForOutput(started, /successfully listens/, START_TIMEOUT_MS, 'Azurite');
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    child = undefined;
    await stopChild(running, 'SIGTERM', 5_000);
  };

  try {
    await start();
  } catch (error) {
    rmSync(location, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    connectionString: connectionStringVia(port),
    connectionStringVia,
    container: (name) => new ContainerClient(connectionStringVia(port), name),
    running: () => child !== undefined,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}

/** Resolves when the child prints a line matching `pattern`; rejects on exit or after the timeout, with its output. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (pattern.test(output)) done();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => done(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output.slice(-2000)}`));
    const timer = setTimeout(() => done(new Error(`${name} not ready within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const done = (error?: Error): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes so that the child never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Sends `signal` and waits for the exit, with SIGKILL after `timeoutMs`. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal });
    });
    child.kill(signal);
  });
}
