import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found from this file's folder: `src/kb` under ts-jest/tsx and
 * `dist/src/kb` once compiled. The root is the first folder up with both `package.json` and
 * `kb/` (a `package.json` copied into `dist/` must not win); else the first with `package.json`.
 */
function findRepositoryRoot(start: string = __dirname): string {
  let firstPackage: string | null = null;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) {
      if (existsSync(path.join(dir, 'kb'))) return dir;
      firstPackage ??= dir;
    }
    if (path.dirname(dir) === dir) return firstPackage ?? process.cwd();
  }
}

export const REPOSITORY_ROOT = findRepositoryRoot();

/** The articles shipped with the bot: `kb/articles/{en,es}`. */
export const DEFAULT_KB_DIR = path.join(REPOSITORY_ROOT, 'kb', 'articles');

/** Guided-check data shipped with the bot: `kb/checks/<article number>.json`. */
export const DEFAULT_CHECKS_DIR = path.join(REPOSITORY_ROOT, 'kb', 'checks');

/** KB_PATH-style lists: folders separated by `path.delimiter` (":" on Linux, ";" on Windows). */
export function splitKbPath(value: string | undefined): string[] {
  return (value ?? '')
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
