import { existsSync } from 'node:fs';

/**
 * Figures computed on kb/ alone (two articles) look like results and are not: the tools that
 * measure on the shared corpus (eval, bench) stop with this message when it is missing, since
 * the loader would only log the missing folder and carry on.
 */
export function requireCorpus(paths: readonly string[], what: string): void {
  const missing = paths.filter((dir) => !existsSync(dir));
  if (paths.length > 0 && missing.length === 0) return;
  throw new Error(
    `No KB corpus at ${missing.join(', ') || '(KB_PATH is empty)'}: ${what} needs it. ` +
      'Set KB_PATH to the corpus folder, or place it at ../shared/kb-corpus beside the repository.',
  );
}
