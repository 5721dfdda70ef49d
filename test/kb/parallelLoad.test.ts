import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/loader';

/**
 * Past 2,000 files, a worker thread parses the second half of a knowledge base while the main
 * thread parses the first (src/kb/parseFiles.ts). It must load exactly what one thread loads:
 * the same articles in the same order, the same files skipped and why, and a duplicate found in
 * both halves resolved as one thread resolves it.
 */

const FILES = 2400;

function article(ordinal: number, version = 1): string {
  const number = `KA-${String(700000 + ordinal)}`;
  return [
    '---',
    `title: "mcSynch workflow note ${ordinal}: Logon fails after the restart"`,
    `article-number: ${number}`,
    `version-number: ${version}`,
    `keywords: KCS, mcSynch, note ${ordinal}`,
    '---',
    `# mcSynch workflow note ${ordinal}`,
    '',
    '## Description {#description}',
    '',
    `**Issue**: the *mcSynch_mcExec${ordinal}* workflow fails with "Empty return for method 'Logon'" — año ${ordinal}.`,
    '',
    '## Resolution {#resolution}',
    '',
    '1. Move the scheduler after the restart.',
    '2. Restart the workflow.',
  ].join('\n');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-parallel-'));
  for (const language of ['en', 'es']) mkdirSync(path.join(dir, language));
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, i % 2 ? 'es' : 'en', `KA-${700000 + i}.md`), article(i));
  // Not articles: one in each half.
  writeFileSync(path.join(dir, 'en', 'KA-000001-broken.md'), 'no front matter, no heading');
  writeFileSync(path.join(dir, 'es', 'KA-999999-broken.md'), '---\ntitle: [unclosed\n---\n');
  // KA-700001 (es, the first file of es/: the first half) again, last of all (the second half),
  // with a higher version: this one must be kept.
  writeFileSync(path.join(dir, 'es', 'zz-KA-700001-v2.md'), article(1, 2).replace('note 1:', 'note 1, revised:'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('loads the same articles on two threads as on one', async () => {
  const one = await loadKnowledgeBase({ paths: [dir], parallelFrom: Infinity });
  const two = await loadKnowledgeBase({ paths: [dir] });
  expect(one.parsedOnWorker).toBe(0);
  expect(two.parsedOnWorker).toBeGreaterThan(FILES / 3);

  expect(one.articles).toHaveLength(FILES);
  expect(one.skipped.map((skip) => path.basename(skip.file)).sort()).toEqual(['KA-000001-broken.md', 'KA-999999-broken.md']);
  const kept = one.articles.filter((a) => a.number === 'KA-700001');
  expect(kept.map((a) => [a.language, a.version, a.title.includes('revised')])).toEqual([['es', 2, true]]);
  expect(JSON.stringify({ articles: two.articles, skipped: two.skipped })).toBe(JSON.stringify({ articles: one.articles, skipped: one.skipped }));
});
