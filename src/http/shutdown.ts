import type { Request, Response, Next, Server } from 'restify';
import type { Logger } from '../observability/logger';

/**
 * Stopping without cutting a turn short. On SIGTERM (what App Service, Container Apps and
 * Kubernetes send before they stop an instance) or SIGINT:
 *
 * 1. the port closes, so no new connection is taken, and a request arriving on a connection
 *    that is already open is answered 503 with `Connection: close` and `Retry-After` (the load
 *    balancer or the channel sends it to another instance);
 * 2. the requests in flight (turns, with their state saves) finish, for up to `timeoutMs`;
 * 3. the process exits 0, or 1 if requests were still running at the deadline.
 *
 * A second signal exits at once (1).
 */

const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ShutdownOptions {
  logger: Logger;
  /** Longest wait for the requests in flight (default 10 s). */
  timeoutMs?: number;
  /** process.exit, unless a test wants to see the code. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export interface GracefulShutdown {
  /** Requests being answered now. */
  readonly inFlight: number;
  /** How long no request has been answered, in ms: 0 while one is. */
  readonly quietMs: number;
  readonly stopping: boolean;
  /** What a signal does; returns once the process may exit, with the exit code. */
  stop(reason: string): Promise<number>;
}

/** Counts the server's requests and stops it gracefully on the signals. Install before listening. */
export function installGracefulShutdown(server: Server, options: ShutdownOptions): GracefulShutdown {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let inFlight = 0;
  let lastFinished = performance.now();
  let stopping: Promise<number> | undefined;
  let idle: (() => void) | undefined;

  server.pre((req: Request, res: Response, next: Next) => {
    if (stopping) {
      res.header('Connection', 'close');
      res.header('Retry-After', '1');
      res.send(503, { status: 'stopping' });
      return next(false);
    }
    inFlight++;
    let done = false;
    const finished = (): void => {
      if (done) return;
      done = true;
      inFlight--;
      lastFinished = performance.now();
      if (inFlight === 0) idle?.();
    };
    res.once('finish', finished);
    res.once('close', finished);
    return next();
  });

  const stop = (reason: string): Promise<number> => {
    stopping ??= (async () => {
      logger.info({ reason, inFlight, timeoutMs }, 'stopping: no new requests, finishing the ones in flight');
      // Stop listening; connections already open are answered 503 by the handler above.
      server.close();
      const drained = await new Promise<boolean>((resolve) => {
        if (inFlight === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (drained) {
        logger.info({ reason }, 'stopped: every request in flight was answered');
        return 0;
      }
      logger.error({ reason, inFlight, timeoutMs }, 'stopped with requests still in flight at the deadline');
      return 1;
    })();
    return stopping;
  };

  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) {
    process.on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting now');
        exit(1);
        return;
      }
      void stop(signal).then(exit);
    });
  }

  return {
    get inFlight() {
      return inFlight;
    },
    get quietMs() {
      return inFlight > 0 ? 0 : performance.now() - lastFinished;
    },
    get stopping() {
      return stopping !== undefined;
    },
    stop,
  };
}
