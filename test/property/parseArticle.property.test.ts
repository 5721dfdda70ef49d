import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { parseArticle } from '../../src/kb/parseArticle';
import type { Article } from '../../src/kb/types';

/**
 * Property-based tests of the knowledge-base loader's parser: any Markdown file gives an
 * Article with well-formed fields or an Error saying why it is no article, nothing else; and
 * the loader, given a folder of such files, loads what it can and lists the rest as skipped.
 */

function expectArticle(article: Article, source: string): void {
  expect(typeof article.number).toBe('string');
  expect(article.number.trim().length).toBeGreaterThan(0);
  expect(typeof article.title).toBe('string');
  expect(article.title.trim().length).toBeGreaterThan(0);
  expect(['en', 'es']).toContain(article.language);
  for (const field of ['description', 'environment', 'issue', 'cause', 'body', 'url'] as const) expect(typeof article[field]).toBe('string');
  expect(Array.isArray(article.resolution) && article.resolution.every((step) => typeof step === 'string')).toBe(true);
  expect(Array.isArray(article.keywords) && article.keywords.every((keyword) => typeof keyword === 'string')).toBe(true);
  expect(Number.isInteger(article.version) && article.version > 0).toBe(true);
  expect(article.url.startsWith('https://experienceleague.adobe.com/')).toBe(true);
  expect(article.source).toBe(source);
}

/** Parses, and checks the outcome is one of the two allowed. */
function parseOrRefuse(text: string, source: string): 'article' | 'error' {
  let article: Article;
  try {
    article = parseArticle(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.trim().length).toBeGreaterThan(0);
    return 'error';
  }
  expectArticle(article, source);
  return 'article';
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const yamlValue = fc.oneof(
  text,
  fc.constantFrom(
    'KA-05406',
    'KA-1',
    'ka-00001',
    '"quoted"',
    "'single'",
    '|',
    '>',
    '[a, b',
    '{x: 1}',
    '- list',
    '&anchor',
    '*alias',
    '!!binary',
    '~',
    'null',
    '3',
    '-1',
    '1e400',
    '"unterminated',
    ': :',
    '\t',
  ),
);
const frontMatterLine = fc.oneof(
  fc
    .tuple(fc.constantFrom('title', 'article-number', 'description', 'keywords', 'version-number', 'solution', 'ht-degree', 'random'), yamlValue)
    .map(([key, value]) => `${key}: ${value}`),
  text,
  fc.constantFrom('---', '...', '  indented: yes', '- item', '? complex', '#comment'),
);
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.array(frontMatterLine, { maxLength: 8 }).map((lines) => `---\n${lines.join('\n')}\n---\n`),
  // Never closed.
  fc.array(frontMatterLine, { maxLength: 4 }).map((lines) => `---\n${lines.join('\n')}\n`),
);
const bodyLine = fc.oneof(
  text,
  fc.tuple(fc.constantFrom('# ', '## ', '### ', '#', '######## '), text).map(([mark, title]) => mark + title),
  fc.constantFrom(
    '## Description {#description}',
    '## Resolution {#resolution}',
    '## Descripción',
    '## Resolución',
    '<b>Issue/Symptoms</b>',
    '<b>Cause</b>',
    '**Environment**',
    '<b>Resolution</b>',
    '**Causa:**',
    'Steps to reproduce:',
    '<b>Related reading</b>',
    '1. first step',
    '2) second',
    '- bullet',
    '* star',
    '+ plus',
    '   - nested',
    '> quote',
    '```',
    '```xml',
    '~~~',
    '| a | b |',
    '|---|---|',
    '<table><tr><td>x</td></tr></table>',
    '<div>',
    '</div>',
    '<!-- comment',
    '-->',
    '![image](data:image/png;base64,iVBORw0KGgo=)',
    '![x](',
    '[link](https://example.com)',
    '[unclosed',
    '<https://example.com>',
    'Ask questions in our Experience League Campaign Community',
    '&nbsp;&amp;&#x27;',
    '\\',
    '***',
    '___',
    '',
    '',
    '\r',
    '\u0000',
    '\ufeff',
    '\u200b',
  ),
);
const markdown = fc
  .tuple(frontMatter, fc.array(bodyLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([head, lines, eol]) => (head + lines.join('\n')).replace(/\n/g, eol));
const source = fc.constantFrom('kb/articles/en/KA-00001.md', 'kb/articles/es/KA-00002.md', 'corpus/some-article.md', 'KA-12345-title.md', 'es/ka-99.md', '');

describe('parseArticle on any Markdown', () => {
  it('gives a well-formed Article or an Error, nothing else', () => {
    const outcomes = { article: 0, error: 0 };
    fc.assert(
      fc.property(markdown, source, (md, file) => {
        outcomes[parseOrRefuse(md, file)]++;
      }),
      { numRuns: 600 },
    );
    // Both ways out were taken: the generator reaches real articles, not only rejects.
    expect(outcomes.article).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });

  it('takes arbitrary text and bytes as well', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 })), source, (raw, file) => {
        parseOrRefuse(raw, file);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a valid article whatever its body holds', () => {
    fc.assert(
      fc.property(fc.array(bodyLine, { maxLength: 40 }), (lines) => {
        const md = `---\ntitle: A title\narticle-number: KA-00042\n---\n# A title\n\n${lines.join('\n')}\n`;
        expect(parseOrRefuse(md, 'kb/articles/en/KA-00042.md')).toBe('article');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the loader on a folder of arbitrary files', () => {
  it('loads the articles and lists every other file as skipped, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(markdown, { minLength: 1, maxLength: 12 }), async (files) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'kb-property-'));
        try {
          mkdirSync(path.join(dir, 'en'));
          files.forEach((content, i) => writeFileSync(path.join(dir, 'en', `KA-${String(i + 1).padStart(5, '0')}.md`), content));
          const lines: string[] = [];
          const loaded = await loadKnowledgeBase({ paths: [dir], log: (line) => lines.push(line) });
          expect(lines).toHaveLength(loaded.skipped.length);
          loaded.articles.forEach((article) => expectArticle(article, article.source));
          expect(loaded.articles.length + loaded.skipped.length).toBeLessThanOrEqual(files.length);
          expect(loaded.articles.length + loaded.skipped.length).toBeGreaterThan(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
