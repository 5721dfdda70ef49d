import type { ChildProcess } from 'node:child_process';

/**
 * Child processes the tests started (Azurite, bot instances). Suites stop them in afterAll; this
 * is the safety net for when a suite cannot (a failed beforeAll, a worker exiting): whatever is
 * still running when the test process exits is killed with it, never left behind.
 */
const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}
