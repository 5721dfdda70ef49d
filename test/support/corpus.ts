import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the shared KB corpus is: KB_CORPUS, else ../shared/kb-corpus beside the repository.
 * Null when this machine has none, so that corpus tests can say what they skip.
 */
export function corpusDir(): string | null {
  const candidate = process.env.KB_CORPUS ?? path.resolve(__dirname, '../../../shared/kb-corpus');
  return existsSync(path.join(candidate, 'en')) ? candidate : null;
}

/** `describe` when the corpus is present, otherwise a skipped block that says why. */
export function describeWithCorpus(name: string, body: (dir: string) => void): void {
  const dir = corpusDir();
  if (dir) {
    describe(name, () => body(dir));
  } else {
    console.warn(`Skipping "${name}": no KB corpus (set KB_CORPUS or place it at ../shared/kb-corpus)`);
    describe.skip(name, () => body(''));
  }
}
