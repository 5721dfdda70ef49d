import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_KB_DIR } from '../../src/kb/paths';
import type { LabelledQuestion } from '../../src/cli/evaluation';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { describeWithCorpus } from '../support/corpus';

/**
 * The built index cached on disk (src/search/indexCache.ts): an unchanged KB is read from the
 * cache and searches exactly as when built; a changed, stale or corrupt cache is a rebuild with
 * one log line, never an error.
 */

const QUESTIONS = [
  "Empty return for method 'Logon' of service 'xtk:session'",
  'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon',
  'mcSynch falla despues del reinicio del servidor',
  'how do I bake bread',
  'KA-05406',
  'emtpy retrun logn sesion',
];

function answers(kb: KnowledgeBase): string {
  return JSON.stringify(QUESTIONS.map((question) => kb.index.search(question).hits.map((hit) => [hit.number, hit.language, hit.score])));
}

async function cacheFile(dir: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const found = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
    if (found.length) return path.join(dir, found[0]!);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no cache written');
}

describe('index cache', () => {
  let root: string;
  let kbCopy: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'index-cache-'));
    kbCopy = path.join(root, 'kb');
    cpSync(DEFAULT_KB_DIR, kbCopy, { recursive: true });
    cacheDir = path.join(root, 'cache');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads an unchanged KB from the cache, with the same articles and the same answers', async () => {
    const lines: string[] = [];
    const built = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(built.indexMs).toBeGreaterThan(0);
    // Settles once the cache is complete on disk: the next start reads it, with no wait of its own.
    await built.cacheWrite;
    const cached = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(cached.indexMs).toBe(0);
    expect(cached.articles).toEqual(built.articles);
    expect(cached.index.size).toBe(built.index.size);
    expect(answers(cached)).toBe(answers(built));
    expect(lines).toEqual([]);
  });

  it('settles its cache write without an error when the cache cannot be written, and says why in one line', async () => {
    // A file where the cache folder should be.
    writeFileSync(cacheDir, 'not a folder');
    const lines: string[] = [];
    const kb = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    await expect(kb.cacheWrite).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Index cache: cannot write .*: /);
    expect(kb.index.search(QUESTIONS[0]!).hits[0]?.number).toBe('KA-05406');
  });

  it('rebuilds when an article changes, says so in one line, and keeps only the new cache', async () => {
    await openKnowledgeBase([kbCopy], () => undefined, cacheDir);
    const first = await cacheFile(cacheDir);
    const article = path.join(kbCopy, 'en', readdirSync(path.join(kbCopy, 'en'))[0]!);
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, 'title: A changed title about mcSynch'));
    const lines: string[] = [];
    const rebuilt = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(rebuilt.indexMs).toBeGreaterThan(0);
    expect(rebuilt.articles.some((a) => a.title === 'A changed title about mcSynch')).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Index cache: none for this knowledge base's content \(1 for other content in .*\); the index is built again$/);
    for (let waited = 0; waited < 10_000 && readdirSync(cacheDir).includes(path.basename(first)); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(readdirSync(cacheDir)).not.toContain(path.basename(first));
  });

  it('notices an article edited in place to the same size, by its new modification time', async () => {
    await openKnowledgeBase([kbCopy], () => undefined, cacheDir);
    await cacheFile(cacheDir);
    const article = path.join(kbCopy, 'en', readdirSync(path.join(kbCopy, 'en'))[0]!);
    const text = readFileSync(article, 'utf8');
    const title = /^title: (.*)$/m.exec(text)![1]!;
    const sameLength = 'Z'.repeat(title.length);
    writeFileSync(article, text.replace(/^title: .*$/m, `title: ${sameLength}`));
    const later = new Date(Date.now() + 60_000);
    utimesSync(article, later, later);
    const rebuilt = await openKnowledgeBase([kbCopy], () => undefined, cacheDir);
    expect(rebuilt.indexMs).toBeGreaterThan(0);
    expect(rebuilt.articles.some((a) => a.title === sameLength)).toBe(true);
  });

  it('uses the cache for the same articles with new modification times (a fresh copy), and again after', async () => {
    const built = await openKnowledgeBase([kbCopy], () => undefined, cacheDir);
    const first = await cacheFile(cacheDir);
    const later = new Date(Date.now() + 60_000);
    for (const language of ['en', 'es']) for (const name of readdirSync(path.join(kbCopy, language))) utimesSync(path.join(kbCopy, language, name), later, later);
    const lines: string[] = [];
    const copied = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(copied.indexMs).toBe(0);
    expect(answers(copied)).toBe(answers(built));
    // The new times are recorded (the cache written again under the same name).
    const written = statSync(first).mtimeMs;
    for (let waited = 0; waited < 10_000 && statSync(first).mtimeMs === written; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(again.indexMs).toBe(0);
    expect(answers(again)).toBe(answers(built));
    expect(lines).toEqual([]);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON', () => 'garbage'],
    ['a line missing', (text: string) => text.split('\n').slice(0, -3).join('\n') + '\n'],
    ['empty', () => ''],
  ])('rebuilds from a corrupt cache (%s) with one log line, and the answers are the same', async (_name, corrupt) => {
    const built = await openKnowledgeBase([kbCopy], () => undefined, cacheDir);
    const file = await cacheFile(cacheDir);
    writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
    const lines: string[] = [];
    const rebuilt = await openKnowledgeBase([kbCopy], (line) => lines.push(line), cacheDir);
    expect(rebuilt.indexMs).toBeGreaterThan(0);
    expect(answers(rebuilt)).toBe(answers(built));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Index cache: .* could not be read \(.*\); the index is built again$/);
  });

  it('is not used without a folder', async () => {
    const kb = await openKnowledgeBase([kbCopy], () => undefined);
    expect(kb.indexMs).toBeGreaterThan(0);
  });
});

describeWithCorpus('index cache over the real corpus', (corpus) => {
  it('ranks every labelled question as the built index does, to the last digit', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'index-cache-corpus-'));
    try {
      const questions = (JSON.parse(readFileSync(path.join(__dirname, '../eval/search-questions.json'), 'utf8')) as LabelledQuestion[]).map(({ question }) => question);
      const ranks = (kb: KnowledgeBase): string => JSON.stringify(questions.map((question) => kb.index.rank(question).map((hit) => [hit.number, hit.language, hit.score])));
      const built = await openKnowledgeBase([corpus], () => undefined, cacheDir);
      await built.cacheWrite;
      const cached = await openKnowledgeBase([corpus], () => undefined, cacheDir);
      expect(cached.indexMs).toBe(0);
      expect(questions.length).toBeGreaterThan(500);
      expect(ranks(cached)).toBe(ranks(built));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
