import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How long the event loop was blocked over a stretch of time (e.g. while the knowledge base
 * loads), two ways:
 * - maxDelayMs: perf_hooks' monitorEventLoopDelay maximum, wall-clock: what a request waiting
 *   on the process (a readiness probe) saw at worst;
 * - maxBlockCpuMs: the CPU time the main thread spent in its longest gap between two ticks of
 *   a 10 ms timer. On a machine whose cores other processes keep busy, a 20 ms slice of work can
 *   take 80 ms of wall-clock time; its CPU time still says how long the bot's own work blocked.
 *   The main thread's alone (Linux's /proc/thread-self/schedstat): process.cpuUsage() also
 *   counts the garbage collector's helper threads, which run beside the loop, not in its way.
 */
export interface EventLoopBlocks {
  maxDelayMs: number;
  maxBlockCpuMs: number;
}

const RESOLUTION_MS = 10;

export function watchEventLoop(): { stop(): EventLoopBlocks } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let cpu = threadCpuMs();
  let maxBlockCpuMs = 0;
  const tick = (): void => {
    const now = threadCpuMs();
    maxBlockCpuMs = Math.max(maxBlockCpuMs, now - cpu);
    cpu = now;
  };
  const timer = setInterval(tick, RESOLUTION_MS).unref();
  return {
    stop: () => {
      tick();
      clearInterval(timer);
      histogram.disable();
      // The histogram reports nanoseconds, and its max is NaN-free only once it has a sample.
      const maxDelayMs = histogram.count > 0 ? histogram.max / 1e6 : 0;
      return { maxDelayMs: round(maxDelayMs), maxBlockCpuMs: round(maxBlockCpuMs) };
    },
  };
}

/**
 * CPU time of the calling (main) thread where Linux tells it, else of the whole process, in ms.
 * Tests bound work with it too: unlike wall-clock time, other processes on the cores do not stretch it.
 */
export function threadCpuMs(): number {
  try {
    // "on-CPU ns, waiting ns, timeslices"; about 15 us to read.
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
