/**
 * npm run kb:check as a process: exit code 0 on the shipped kb/ and on the test fixtures, 1 on the
 * broken fixtures (test/fixtures/checks-broken/, one problem per file), with one line per problem
 * that names the file, the line of the field and the field.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithCorpus } from '../support/corpus';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const BROKEN = 'test/fixtures/checks-broken';
const FIXTURE_KB = 'test/fixtures/kb';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kbCheck(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/cli/kbCheck.ts', ...args], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The 1-based line of the first line of the file that matches. */
function lineOf(file: string, pattern: RegExp): number {
  const index = readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`${pattern} not in ${file}`);
  return index + 1;
}

describe('npm run kb:check on the broken fixtures', () => {
  let run: Run;
  beforeAll(async () => {
    run = await kbCheck(['--checks', BROKEN, '--verbose', FIXTURE_KB]);
  });

  test('exits 1 and ends with the count of errors', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    // --verbose: the bot's whole reply, indented, under a failed example's line.
    const lines = run.stdout
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('    '));
    expect(lines.at(-1)).toMatch(
      /^kb:check: 4 articles \(kb\/articles, test\/fixtures\/kb\), 7 checks \(test\/fixtures\/checks-broken\), 2 examples played: 7 errors, 0 warnings$/,
    );
    // One line per broken file, one problem each.
    expect(lines).toHaveLength(8);
  });

  const file = (name: string): string => `${BROKEN}/${name}.json`;
  test.each([
    // A missing comma after "rule": the parser stops at the next key.
    ['bad-json', () => lineOf(file('bad-json'), /^ {2}"settings": \{/), 'settings', 'invalid JSON: comma expected at column 3'],
    ['schema-version-2', () => lineOf(file('schema-version-2'), /"schemaVersion": 2/), 'schemaVersion', 'expected 1 (this bot reads check files of schema version 1)'],
    [
      'unknown-rule',
      () => lineOf(file('unknown-rule'), /"rule": "restartWindows"/),
      'rule',
      '"restartWindows" is not a rule (known: restartWindow, simultaneousRuns, sameFrequency)',
    ],
    // A missing key: the line of its object.
    ['settings-field-missing', () => lineOf(file('settings-field-missing'), /"coincidence": \{/), 'settings.coincidence.minutesAfter', 'expected number'],
    ['text-missing-es', () => lineOf(file('text-missing-es'), /^ {4}"es": \{/), 'texts.es.verdict.fixTitle', 'missing'],
    [
      'unknown-placeholder',
      () => lineOf(file('unknown-placeholder'), /"verdict\.fixRow": ".*\{foo\}/),
      'texts.es.verdict.fixRow',
      'unknown placeholder {foo} (known: {workflow}, {start}',
    ],
    ['example-fails', () => lineOf(file('example-fails'), /"\*\*03:20\*\*"/), 'examples.0.turns.3.expect.1', `the bot's reply does not show "**03:20**"; it showed: "`],
  ])('%s: names the file, the line and the field', (name, line, field, message) => {
    const found = run.stdout.split('\n').filter((output) => output.startsWith(`${file(name)}:`));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`${file(name)}:${line()}: ${field}: `);
    expect(found[0]).toContain(message);
  });

  test('the failing example says which example and turn, and what the bot said instead (all of it with --verbose)', () => {
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((output) => output.startsWith(file('example-fails')));
    expect(lines[at]).toContain('example "en: a refused handshake 20 minutes into the maintenance", turn 4');
    expect(lines[at]).toContain('(--verbose shows all of it)');
    const reply = lines.slice(at + 1).filter((line) => line.startsWith('    '));
    expect(reply.join('\n')).toContain('set the start time to **03:05** server time');
  });
});

describe('npm run kb:check on the test fixtures', () => {
  test('the test-only check and its article pair pass, examples played through the bot', async () => {
    const run = await kbCheck(['--checks', 'test/fixtures/checks', FIXTURE_KB]);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: 'kb:check: 4 articles (kb/articles, test/fixtures/kb), 1 check (test/fixtures/checks), 2 examples played: 0 errors, 0 warnings\n',
    });
  });

  test('without the folder of its article: an error on `articles`, and no example played', async () => {
    const run = await kbCheck(['--checks', 'test/fixtures/checks'], { KB_PATH: '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `test/fixtures/checks/KA-99901.json:${lineOf('test/fixtures/checks/KA-99901.json', /"articles": \["KA-99901"\]/)}: articles.0: KA-99901 is not in the knowledge base`,
    );
    expect(run.stdout).toMatch(/0 examples played: 1 error, 0 warnings\n$/);
  });

  test('an article without its other language outside kb/: a warning, exit 0', async () => {
    const run = await kbCheck(['--checks', 'test/fixtures/checks', `${FIXTURE_KB}/en`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `test/fixtures/kb/en/KA-99901.md:${lineOf('test/fixtures/kb/en/KA-99901.md', /^article-number:/)}: warning: article-number: KA-99901 has no es article`,
    );
  });
});

describe('npm run kb:check -- --texts RULE', () => {
  test("lists the rule's questions and text keys with their placeholders, from the rule itself", async () => {
    const run = await kbCheck(['--texts', 'restartWindow']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rule restartWindow: questions, in the order it asks them: errorTime, restartTime, exactErrorTime, consoleZone');
    expect(run.stdout).toContain('\n  verdict.fixRow: {workflow} {start} {serverTime} {inConsole} {alsoAt} {when}\n');
    expect(run.stdout).toContain('\n  offer\n');
    expect(await kbCheck(['--texts', 'noSuchRule'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '"noSuchRule" is not a rule (known: restartWindow, simultaneousRuns, sameFrequency)\n',
    });
  });
});

describeWithCorpus('npm run kb:check on kb/ as shipped', (corpus) => {
  test('passes: every article, the three checks and their examples', async () => {
    const run = await kbCheck([corpus]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 checks \(kb\/checks\), [1-9]\d* examples played: 0 errors, \d+ warnings?\n$/);
    expect(run.stdout).not.toMatch(/^kb\//m);
  });
});
