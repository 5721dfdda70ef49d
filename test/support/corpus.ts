import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the shared KB corpus is: KB_CORPUS, else ../shared/kb-corpus beside the repository.
 * Null when this machine has none, so that corpus tests can say what they skip.
 */
function corpusDir(): string | null {
  const candidate = process.env.KB_CORPUS ?? path.resolve(__dirname, '../../../shared/kb-corpus');
  return existsSync(path.join(candidate, 'en')) ? candidate : null;
}

const MISSING = 'no KB corpus (set KB_CORPUS or place it at ../shared/kb-corpus)';

/** CI=true (as CI services and .ci/run set it), not CI=false or CI=0. */
function inCi(): boolean {
  const ci = process.env.CI ?? '';
  return ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * `describe` when the corpus is present. Otherwise, on a developer's machine, a skipped block
 * that says why (jest counts it as skipped); in CI, a failing test: a CI run without the corpus
 * would otherwise pass with the search's real-corpus tests quietly not run.
 */
export function describeWithCorpus(name: string, body: (dir: string) => void): void {
  const dir = corpusDir();
  if (dir) {
    describe(name, () => body(dir));
  } else if (inCi()) {
    describe(name, () => {
      it('has the KB corpus to run on', () => {
        throw new Error(`${MISSING}: CI must run the corpus tests, not skip them`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${MISSING}`);
    describe.skip(name, () => body(''));
  }
}
