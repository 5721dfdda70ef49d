import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_KB_DIR, loadGuidedCheck, loadKnowledgeBase, splitKbPath } from '../../src/kb/loader';
import { loadCheckFile, loadChecks } from '../../src/check/registry';
import type { Article } from '../../src/kb/types';
import { threadCpuMs } from '../../src/observability/eventLoop';
import { describeWithCorpus } from '../support/corpus';

function articleText(number: string, version: number, title: string, extraFrontMatter = ''): string {
  return [
    '---',
    `title: ${title}`,
    `article-number: ${number}`,
    `version-number: ${version}`,
    ...(extraFrontMatter ? [extraFrontMatter] : []),
    '---',
    `# ${title}`,
    '',
    '## Description {#description}',
    '',
    '<b>Environment</b>',
    'Adobe Campaign Classic',
    '',
    '<b>Issue</b>',
    `${title} fails.`,
    '',
    '## Resolution {#resolution}',
    '',
    'Restart it.',
    '',
  ].join('\n');
}

function write(root: string, relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('loadKnowledgeBase on temporary folders', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kb-loader-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds articles in nested folders and takes the language from the en/es folder', async () => {
    write(root, 'en/KA-1.md', articleText('KA-1', 1, 'One'));
    write(root, 'es/deep/er/KA-2.md', articleText('KA-2', 1, 'Dos'));
    write(root, 'misc/KA-3.md', articleText('KA-3', 1, 'Tres', 'ht-degree: 0%'));
    write(root, 'en/README.md', '# Not an article');
    write(root, 'en/notes.txt', 'not markdown');

    const lines: string[] = [];
    const { articles, skipped } = await loadKnowledgeBase({ paths: [root], log: (line) => lines.push(line) });

    expect(articles.map((article) => `${article.number}/${article.language}`)).toEqual(['KA-1/en', 'KA-2/es', 'KA-3/es']);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('keeps the highest version of the same article and language, the later path on a tie', async () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    write(first, 'en/KA-7.md', articleText('KA-7', 5, 'Newest'));
    write(second, 'en/KA-7.md', articleText('KA-7', 2, 'Older'));
    write(first, 'es/KA-7.md', articleText('KA-7', 3, 'Primero'));
    write(second, 'es/KA-7.md', articleText('KA-7', 3, 'Segundo'));

    const { articles } = await loadKnowledgeBase({ paths: [first, second] });
    const byLanguage = new Map(articles.map((article) => [article.language, article]));

    expect(articles).toHaveLength(2);
    expect(byLanguage.get('en')?.title).toBe('Newest');
    expect(byLanguage.get('en')?.version).toBe(5);
    expect(byLanguage.get('es')?.title).toBe('Segundo');

    const reversed = await loadKnowledgeBase({ paths: [second, first] });
    expect(reversed.articles.find((article) => article.language === 'en')?.title).toBe('Newest');
    expect(reversed.articles.find((article) => article.language === 'es')?.title).toBe('Primero');
  });

  it('reports a broken file in one log line naming it, and loads the rest', async () => {
    write(root, 'en/KA-1.md', articleText('KA-1', 1, 'One'));
    const broken = write(root, 'en/KA-9.md', '---\ntitle: "unterminated\n  : [\n---\n# Broken\n');
    const noFrontMatter = write(root, 'en/notes.md', '# Just notes\n\nNo front matter.\n');
    write(root, 'en/KA-2.md', articleText('KA-2', 1, 'Two'));

    const lines: string[] = [];
    const { articles, skipped } = await loadKnowledgeBase({ paths: [root], log: (line) => lines.push(line) });

    expect(articles.map((article) => article.number)).toEqual(['KA-1', 'KA-2']);
    expect(skipped.map((entry) => entry.file).sort()).toEqual([broken, noFrontMatter].sort());
    expect(lines.filter((line) => line.includes(broken))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(noFrontMatter))).toHaveLength(1);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(lines.find((line) => line.includes(broken))).toMatch(/YAML/);
    expect(lines.find((line) => line.includes(noFrontMatter))).toMatch(/front matter/);
  });

  it('logs a missing path once and still loads the others', async () => {
    write(root, 'en/KA-1.md', articleText('KA-1', 1, 'One'));
    const missing = path.join(root, 'does-not-exist');

    const lines: string[] = [];
    const { articles, skipped } = await loadKnowledgeBase({ paths: [missing, root], log: (line) => lines.push(line) });

    expect(articles).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(missing);
    expect(lines[0]).toMatch(/not found/);
    expect(skipped).toEqual([{ file: missing, reason: 'path not found' }]);
  });

  it('accepts a single file as a path', async () => {
    const file = write(root, 'es/KA-4.md', articleText('KA-4', 1, 'Cuatro'));
    const { articles } = await loadKnowledgeBase({ paths: [file] });
    expect(articles.map((article) => `${article.number}/${article.language}`)).toEqual(['KA-4/es']);
  });
});

describe('paths', () => {
  it('finds the repository kb/articles folder', () => {
    expect(path.isAbsolute(DEFAULT_KB_DIR)).toBe(true);
    expect(DEFAULT_KB_DIR.endsWith(path.join('kb', 'articles'))).toBe(true);
    expect(readFileSync(path.join(DEFAULT_KB_DIR, 'en', 'KA-05406.md'), 'utf8')).toMatch(/article-number: KA-05406/);
  });

  it('splits KB_PATH on the platform delimiter and drops empty entries', () => {
    expect(splitKbPath(['/a', '', ' /b ', ''].join(path.delimiter))).toEqual(['/a', '/b']);
    expect(splitKbPath(undefined)).toEqual([]);
    expect(splitKbPath('')).toEqual([]);
  });
});

describe('loadGuidedCheck', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kb-checks-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the KA-05406 check shipped in kb/checks', () => {
    const check = loadGuidedCheck('ka-05406');
    expect(check.article).toBe('KA-05406');
    expect(check.restart.defaultTime).toBe('06:00');
    expect(check.fix.offsetsMinutes).toEqual([5, 10]);
    expect(check.errorSignatures.some((source) => new RegExp(source, 'i').test("Empty return for method 'Logon' of service 'xtk:session'"))).toBe(
      true,
    );
  });

  it('names the file and the missing field', () => {
    const shipped = JSON.parse(readFileSync(path.join(DEFAULT_KB_DIR, '..', 'checks', 'KA-05406.json'), 'utf8')) as { settings: { restart: Record<string, unknown> } };
    delete shipped.settings.restart.defaultTime;
    const file = path.join(dir, 'KA-05406.json');
    writeFileSync(file, JSON.stringify(shipped));
    expect(() => loadCheckFile(file)).toThrow(/KA-05406\.json: settings\.restart\.defaultTime/);
  });

  it('rejects an invalid regular expression, a missing file and a number that is not one', () => {
    const shipped = JSON.parse(readFileSync(path.join(DEFAULT_KB_DIR, '..', 'checks', 'KA-05406.json'), 'utf8')) as { settings: Record<string, unknown> };
    const file = path.join(dir, 'KA-05406.json');
    writeFileSync(file, JSON.stringify({ ...shipped, settings: { ...shipped.settings, errorSignatures: ['ok', '(unclosed'] } }));
    expect(() => loadCheckFile(file)).toThrow(/settings\.errorSignatures\.1: a regular expression/);
    expect(() => loadGuidedCheck('KA-99999', dir)).toThrow(/KA-99999\.json/);
    expect(() => loadGuidedCheck('../secrets', dir)).toThrow(/Not an article number/);
  });
});

describeWithCorpus('loadKnowledgeBase on the shared corpus', (corpus) => {
  let articles: Article[];
  let skipped: { file: string; reason: string }[];
  let lines: string[];
  let loadMs: number;

  beforeAll(async () => {
    lines = [];
    const started = threadCpuMs();
    ({ articles, skipped } = await loadKnowledgeBase({ paths: [corpus], log: (line) => lines.push(line) }));
    loadMs = threadCpuMs() - started;
  });

  it('loads all 540 files, 270 per language, with nothing skipped', () => {
    expect(skipped).toEqual([]);
    expect(lines).toEqual([]);
    expect(articles).toHaveLength(540);
    expect(articles.filter((article) => article.language === 'en')).toHaveLength(270);
    expect(articles.filter((article) => article.language === 'es')).toHaveLength(270);
    // Measured ~300 ms. CPU time, not wall-clock: a busy machine stretches the latter tenfold.
    expect(loadMs).toBeLessThan(2000);
  });

  it('gives every article a title, a number, a language, an issue or description, and a link', () => {
    for (const article of articles) {
      const where = `${article.language}/${article.number}`;
      expect(`${where}: ${article.title}`).toMatch(/: \S/);
      expect(article.number).toMatch(/^KA-\d+$/);
      expect(['en', 'es']).toContain(article.language);
      expect(`${where}: ${article.issue || article.description}`).toMatch(/: \S/);
      expect(article.url).toBe(`https://experienceleague.adobe.com/${article.language}/docs/experience-cloud-kcs/kbarticles/${article.number.toLowerCase()}`);
      expect(path.basename(article.source, '.md').toUpperCase()).toBe(article.number);
      expect(path.basename(path.dirname(article.source))).toBe(article.language);
    }
  });

  it('pairs languages by number except the two one-language articles', () => {
    const numbers = (language: string): Set<string> =>
      new Set(articles.filter((article) => article.language === language).map((article) => article.number));
    const en = numbers('en');
    const es = numbers('es');
    expect([...en].filter((number) => !es.has(number))).toEqual(['KA-24495']);
    expect([...es].filter((number) => !en.has(number))).toEqual(['KA-15080']);
  });

  it('leaves no entities, tags or NBSP in the text the bot shows', () => {
    const leftover = /&quot;|&#39;|&amp;|&lt;|&gt;|&nbsp;|<\/?b>|<br\s*\/?>|<\/?u>|\u00a0|!\[[^\]]*\]\(|data:image/;
    const offenders: string[] = [];
    for (const article of articles) {
      const shown = { title: article.title, description: article.description, environment: article.environment, issue: article.issue, cause: article.cause };
      for (const [field, value] of Object.entries({ ...shown, resolution: article.resolution.join('\n') })) {
        if (leftover.test(value)) offenders.push(`${article.language}/${article.number} ${field}: ${leftover.exec(value)?.[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('leaves no emphasis markers around the KA-05406 error strings', () => {
    for (const article of articles.filter((candidate) => candidate.number === 'KA-05406')) {
      expect(article.issue).toMatch(/'xtk: session'/);
      expect(article.issue).not.toMatch(/\*/);
    }
  });

  it('keeps the placeholders that look like tags', () => {
    const examples: Array<[string, 'en' | 'es', string]> = [
      ['KA-22055', 'en', '<instance>.conf'],
      ['KA-22055', 'es', '<instance>.conf'],
      ['KA-23123', 'en', 'config-<instance>.xml'],
      ['KA-21659', 'en', '<instance-name>'],
      ['KA-21659', 'es', '<instance-name>'],
      ['KA-15280', 'en', 'MCSync_<external account internal name>'],
      ['KA-16297', 'en', '/content/dam/<xxx>/'],
      ['KA-08266', 'en', 'res.<subdomain>'],
      ['KA-15785', 'es', '<column_name>'],
    ];
    for (const [number, language, placeholder] of examples) {
      const article = articles.find((candidate) => candidate.number === number && candidate.language === language);
      const raw = readFileSync(article?.source ?? '', 'utf8');
      // The raw file has it too (the export writes some as `<` subdomain`>`).
      const tag = /<[^<>]+>/.exec(placeholder)?.[0] ?? placeholder;
      expect(raw.replace(/`<`\s*(\w+)`>`/g, '<$1>')).toContain(tag);
      const shown = [article?.issue, article?.cause, ...(article?.resolution ?? [])].join('\n');
      expect(`${language}/${number}: ${shown}`).toContain(placeholder);
      expect(article?.body).toContain(placeholder);
    }
  });

  it('keeps every raw <instance>-style placeholder of the corpus in the article body', () => {
    const placeholder = /<(instance|instance-name|xxx|tenant|subdomain|column_name)>/g;
    let checked = 0;
    for (const article of articles) {
      const raw = readFileSync(article.source, 'utf8');
      for (const [, name] of raw.matchAll(placeholder)) {
        checked++;
        expect(`${article.language}/${article.number}: ${article.body}`).toContain(`<${name}>`);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('merges with kb/articles keeping the corpus version 4 of KA-05406 over version 3, in either order', async () => {
    for (const paths of [[DEFAULT_KB_DIR, corpus], [corpus, DEFAULT_KB_DIR]]) {
      const merged = await loadKnowledgeBase({ paths });
      expect(merged.articles).toHaveLength(540);
      const ka05406 = merged.articles.filter((article) => article.number === 'KA-05406');
      expect(ka05406.map((article) => article.language).sort()).toEqual(['en', 'es']);
      for (const article of ka05406) {
        expect(article.version).toBe(4);
        expect(article.source.startsWith(corpus)).toBe(true);
      }
    }
  });
});

describe('loadChecks', () => {
  it('refuses two checks for one article, naming both files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-checks-twice-'));
    try {
      const shipped = readFileSync(path.join(DEFAULT_KB_DIR, '..', 'checks', 'KA-05406.json'), 'utf8');
      writeFileSync(path.join(dir, 'a.json'), shipped);
      writeFileSync(path.join(dir, 'b.json'), shipped.replace('"id": "KA-05406"', '"id": "KA-05406-copy"'));
      expect(() => loadChecks([dir])).toThrow(/b\.json: articles: KA-05406 already has a check in .*a\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
