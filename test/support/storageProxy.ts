import { request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP reverse proxy on loopback in front of Azurite that can hold a bot instance's state
 * writes (blob PUTs) until the test lets them through: the way to have a turn "in flight"
 * at a chosen moment, having read the state but not yet saved it, with nothing in the bot
 * changed. Everything else (reads, the container check) passes straight through.
 */
export interface StorageProxy {
  port: number;
  /** Holds blob writes from now on. */
  holdWrites(): void;
  /** How many writes are held now. */
  held(): number;
  /** Resolves once at least `count` writes are held; rejects after the timeout. */
  waitForHeldWrites(count?: number, timeoutMs?: number): Promise<void>;
  /** Lets the held writes through; with keepHolding, later ones are held again. */
  release(options?: { keepHolding?: boolean }): void;
  close(): Promise<void>;
}

export async function startStorageProxy(targetPort: number): Promise<StorageProxy> {
  let holding = false;
  let held: Array<() => void> = [];
  let waiters: Array<() => void> = [];

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const isBlobWrite = req.method === 'PUT' && !/[?&]restype=container/.test(req.url ?? '');
    if (holding && isBlobWrite) {
      held.push(() => forward(req, res));
      for (const wake of waiters) wake();
      return;
    }
    forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    holdWrites: () => {
      holding = true;
    },
    held: () => held.length,
    waitForHeldWrites: (count = 1, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== check);
          reject(new Error(`no ${count} held state write(s) within ${timeoutMs} ms (held: ${held.length})`));
        }, timeoutMs);
        const check = (): void => {
          if (held.length < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((waiter) => waiter !== check);
          resolve();
        };
        waiters.push(check);
        check();
      }),
    release: (options = {}) => {
      holding = options.keepHolding ?? false;
      const releasing = held;
      held = [];
      for (const send of releasing) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        holding = false;
        for (const send of held) send();
        held = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
