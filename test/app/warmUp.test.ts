import path from 'node:path';
import { QUIET_MS, warmUp } from '../../src/app/warmUp';
import { loadChecks } from '../../src/check/registry';
import { DEFAULT_CHECKS_DIR, REPOSITORY_ROOT } from '../../src/kb/paths';
import { openKnowledgeBase } from '../../src/search/knowledgeBase';

/**
 * The warm-up after ready (src/app/warmUp.ts) plays the checks' examples through the search and
 * the rules: it must finish for every check a KB author can write, and leave the answers as they were.
 */

it('plays every shipped and fixture check, and the search answers the same afterwards', async () => {
  const kb = await openKnowledgeBase([]);
  const checks = loadChecks([DEFAULT_CHECKS_DIR, path.join(REPOSITORY_ROOT, 'test/fixtures/checks')]);
  expect(checks.checks.length).toBeGreaterThanOrEqual(3);
  const questions = ["Empty return for method 'Logon' of service 'xtk:session'", 'mcSynch se bloquea cuando corren a la vez', 'how do I bake bread'];
  const before = questions.map((question) => kb.index.search(question).hits.map((hit) => [hit.number, hit.score]));
  await expect(warmUp(kb.index, checks)).resolves.toBeUndefined();
  expect(questions.map((question) => kb.index.search(question).hits.map((hit) => [hit.number, hit.score]))).toEqual(before);
});

it('waits for a quiet moment: not while messages are answered, nor between the messages of a steady stream', async () => {
  const kb = await openKnowledgeBase([]);
  const checks = loadChecks([DEFAULT_CHECKS_DIR]);
  // How long no message has been answered, as the server's count says (src/http/shutdown.ts).
  let quietMs = 0;
  let done = false;
  const warming = warmUp(kb.index, checks, () => quietMs).then(() => (done = true));
  // Each wait is far longer than the whole warm-up takes when nothing is answered (tens of milliseconds here).
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(done).toBe(false);
  // Messages one after another: a few milliseconds between the end of one and the next.
  quietMs = QUIET_MS / 4;
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(done).toBe(false);
  quietMs = QUIET_MS;
  await warming;
  expect(done).toBe(true);
});
