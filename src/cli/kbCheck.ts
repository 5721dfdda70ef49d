/**
 * npm run kb:check [-- [--checks DIR] [--verbose] [FOLDER ...]]
 * npm run kb:check -- --texts RULE     the text keys a rule needs, with their placeholders (for writing a check)
 *
 * What a KB author runs before committing: every article and every guided check, with one line
 * per problem naming the file, the line and the field, then a summary line; exit code 1 when
 * any problem is an error, 0 otherwise (warnings alone).
 *
 * - Articles: kb/articles plus the FOLDERs given, else KB_PATH (as the bot reads it), else the
 *   shared corpus at ../shared/kb-corpus when there is one. Each file must parse as an article
 *   (front matter, title, article number) in a language folder (en/, es/), and each article number
 *   must exist in both languages: an error in kb/, a warning in the other folders.
 * - Checks: the *.json files of kb/checks (or of --checks DIR), each through the same validation as
 *   when the bot loads them (the schema, parseCheckFile's; the rule, its settings and texts,
 *   checkProblems), its `articles` in the knowledge base above, one check per article, and each of
 *   its `examples` played through the real bot in-process (botbuilder's TestAdapter, createBot with
 *   the folder's checks), turn by turn against `expect` and `reject`.
 *
 * Lines come from the file's syntax tree (jsonc-parser), found by the field's path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder-core';
import { findNodeAtLocation, getLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { createBot } from '../bot/createBot';
import { checkProblems, CheckRegistry, DEFAULT_CHECKS_DIR, type LoadedCheck } from '../check/registry';
import { RULES } from '../check/rules';
import { CHECK_SCHEMA_VERSION, CheckFileSchema, type CheckExample, type CheckFile } from '../kb/checkFile';
import { DEFAULT_KB_DIR, REPOSITORY_ROOT, splitKbPath } from '../kb/paths';
import { LANGUAGES, type Article } from '../kb/types';
import { openKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase';
import { renderActivityAsText } from './cardText';

type Severity = 'error' | 'warning';

interface Problem {
  severity: Severity;
  file: string;
  line: number;
  field: string;
  message: string;
  /** Printed under the line with --verbose (the bot's whole reply). */
  detail?: string;
}

interface Options {
  /** --texts RULE: list the rule's text keys and stop. */
  texts?: string;
  checksDir: string;
  articleFolders: string[];
  verbose: boolean;
}

const USAGE = 'Usage: npm run kb:check -- [--checks DIR] [--verbose] [FOLDER ...]\n       npm run kb:check -- --texts RULE';
const SHARED_CORPUS = path.resolve(REPOSITORY_ROOT, '../shared/kb-corpus');
/** How much of the bot's reply a failed example's line quotes. */
const REPLY_EXCERPT = 240;

function parseArgs(argv: readonly string[]): Options | string {
  let checksDir = DEFAULT_CHECKS_DIR;
  let verbose = false;
  let texts: string | undefined;
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--checks') {
      const dir = argv[++i];
      if (!dir) return `--checks needs a folder. ${USAGE}`;
      checksDir = path.resolve(dir);
    } else if (arg === '--texts') {
      texts = argv[++i];
      if (!texts) return `--texts needs a rule (${Object.keys(RULES).join(', ')}). ${USAGE}`;
    } else if (arg === '--verbose') verbose = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `Unknown option ${arg}. ${USAGE}`;
    else folders.push(path.resolve(arg));
  }
  // The folders given, else the bot's own KB_PATH (empty: kb/ alone), else the shared corpus if present.
  const articleFolders = folders.length ? folders : process.env.KB_PATH !== undefined ? splitKbPath(process.env.KB_PATH) : existsSync(SHARED_CORPUS) ? [SHARED_CORPUS] : [];
  return { ...(texts ? { texts } : {}), checksDir, articleFolders: articleFolders.map((folder) => path.resolve(folder)), verbose };
}

// ---------------------------------------------------------------- articles

function articleProblems(kb: KnowledgeBase, folders: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  // A folder of the shipped kb/ gets errors; the others (the shared corpus, translated upstream) warnings.
  const severityOf = (file: string): Severity => (isInside(file, DEFAULT_KB_DIR) ? 'error' : 'warning');

  for (const { file, reason } of kb.skipped) {
    if (reason === 'path not found') {
      problems.push({ severity: 'error', file, line: 0, field: '(folder)', message: 'folder not found' });
      continue;
    }
    problems.push({ severity: 'error', file, ...articleReasonLocation(file, reason), message: reason });
  }

  const roots = [DEFAULT_KB_DIR, ...folders];
  const byNumber = new Map<string, Article[]>();
  for (const article of kb.articles) {
    const list = byNumber.get(article.number) ?? [];
    list.push(article);
    byNumber.set(article.number, list);
    const root = roots.find((candidate) => isInside(article.source, candidate));
    if (root && !inLanguageFolder(article.source, root)) {
      problems.push({
        severity: severityOf(article.source),
        file: article.source,
        line: 1,
        field: 'language',
        message: `not in an en/ or es/ folder: read as ${article.language} from the front matter; put it in ${article.language}/`,
      });
    }
  }
  for (const [number, articles] of byNumber) {
    const present = new Set(articles.map((article) => article.language));
    for (const language of LANGUAGES.filter((candidate) => !present.has(candidate))) {
      const article = articles[0]!;
      problems.push({
        severity: severityOf(article.source),
        file: article.source,
        line: frontMatterLine(article.source, 'article-number'),
        field: 'article-number',
        message: `${number} has no ${language} article (only ${[...present].join(', ')}): users asking in ${language === 'es' ? 'Spanish' : 'English'} get it in the other language`,
      });
    }
  }
  return problems;
}

/** The field and line a loader's reason for skipping a file points at. */
function articleReasonLocation(file: string, reason: string): { line: number; field: string } {
  if (/\bno title\b/.test(reason)) return { field: 'title', line: 1 };
  if (/\bno article number\b|not an article/.test(reason)) return { field: 'article-number', line: 1 };
  if (/front matter/i.test(reason)) {
    // yaml's "at line N" counts from the front matter's first line, the file's second.
    const at = /\bat line (\d+)/.exec(reason);
    return { field: 'front matter', line: at ? Number(at[1]) + 1 : 1 };
  }
  return { field: '(file)', line: 1 };
}

function frontMatterLine(file: string, field: string): number {
  try {
    const index = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith(`${field}:`));
    return index >= 0 ? index + 1 : 1;
  } catch {
    return 1;
  }
}

/** As the loader tells a language: a folder named en/ or es/ between the file and the folder searched. */
function inLanguageFolder(file: string, root: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if ((LANGUAGES as readonly string[]).includes(path.basename(dir).toLowerCase())) return true;
    if (dir === root || path.dirname(dir) === dir) return false;
  }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

// ---------------------------------------------------------------- check files

/** A check file's text and syntax tree: a field's path gives its line. */
class JsonSource {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
    readonly tree: Node | undefined,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  columnAt(offset: number, line: number): number {
    return offset - this.lineStarts[line - 1]! + 1;
  }

  /** The line of the field (its key's line), or of the nearest enclosing field that exists (a missing key: its object). */
  lineOf(fieldPath: ReadonlyArray<string | number>): number {
    if (!this.tree) return 1;
    for (let length = fieldPath.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.tree, fieldPath.slice(0, length));
      if (node) return this.lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return 1;
  }
}

/** JSON syntax: strict JSON, as JSON.parse reads it when the bot loads the checks (no comments, no trailing commas). */
function parseJson(file: string): { source?: JsonSource; json?: unknown; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problems: [{ severity: 'error', file, line: 0, field: '(file)', message: `cannot read: ${messageOf(error)}` }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const source = new JsonSource(file, text, tree);
  if (errors.length) {
    // The first one: the parser's later errors follow from it.
    const problems = errors.slice(0, 1).map((error): Problem => {
      const where = getLocation(text, error.offset).path.map(String).join('.');
      const line = source.lineAt(error.offset);
      const column = source.columnAt(error.offset, line);
      return { severity: 'error', file, line, field: where || '(file)', message: `invalid JSON: ${syntaxMessage(error)} at column ${column}` };
    });
    return { source, problems };
  }
  try {
    return { source, json: JSON.parse(text) as unknown, problems: [] };
  } catch (error) {
    return { source, problems: [{ severity: 'error', file, line: 1, field: '(file)', message: `invalid JSON: ${messageOf(error)}` }] };
  }
}

/** "CommaExpected" → "comma expected". */
function syntaxMessage(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The schema (zod), with each issue's path made a line. */
function schemaProblems(source: JsonSource, json: unknown): { file?: CheckFile; problems: Problem[] } {
  const parsed = CheckFileSchema.safeParse(json);
  if (parsed.success) return { file: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue): Problem => {
    const fieldPath = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    // A key the schema does not know: point at it, not at its object.
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const at = unknownKey === undefined ? fieldPath : [...fieldPath, unknownKey];
    const field = at.join('.') || '(file)';
    const hint = field === 'schemaVersion' ? ` (this bot reads check files of schema version ${CHECK_SCHEMA_VERSION})` : '';
    return { severity: 'error', file: source.file, line: source.lineOf(at), field, message: `${issue.message}${hint}` };
  });
  return { problems };
}

/**
 * The rule's own checks (checkProblems: the rule exists, its settings, every text key in both
 * languages with known placeholders), whose messages are "source: field: what", given a line.
 */
function ruleProblems(source: JsonSource, file: CheckFile): { loaded?: LoadedCheck; problems: Problem[] } {
  const { problems, loaded } = checkProblems(file, source.file);
  const prefix = `${source.file}: `;
  const located = problems.flatMap((problem) => {
    const rest = problem.startsWith(prefix) ? problem.slice(prefix.length) : problem;
    const cut = rest.indexOf(': ');
    const field = cut < 0 ? '(file)' : rest.slice(0, cut).replace(/\.$/, '');
    const message = cut < 0 ? rest : rest.slice(cut + 2);
    return splitSettingsMessage(field, message).map(({ field: name, message: text }): Problem => ({
      severity: 'error',
      file: source.file,
      line: source.lineOf(fieldPathOf(name)),
      field: name,
      message: text,
    }));
  });
  return { ...(loaded ? { loaded } : {}), problems: located };
}

/**
 * Rules that validate their settings with their own message ("<rule> settings: a.b: what", one
 * line per issue) rather than zod's issues: one problem per line, each with its field.
 */
function splitSettingsMessage(field: string, message: string): Array<{ field: string; message: string }> {
  if (field !== 'settings') return [{ field, message }];
  return message.split('\n').map((line) => {
    const inner = /^\w+ settings: ([^:]+): (.*)$/.exec(line);
    if (!inner || inner[1] === '(settings)') return { field, message: inner ? inner[2]! : line };
    return { field: `settings.${inner[1]!}`, message: inner[2]! };
  });
}

/** A problem's field as a path in the file: text keys hold dots ("texts.en.verdict.fixRow" is texts → en → "verdict.fixRow"). */
function fieldPathOf(field: string): Array<string | number> {
  const parts = field.split('.');
  if (parts[0] === 'texts' && parts.length > 2) return ['texts', parts[1]!, parts.slice(2).join('.')];
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// ---------------------------------------------------------------- examples

interface ExampleRun {
  played: number;
  problems: Problem[];
}

/** Each example of each check, played through the bot as a user would, in a conversation of its own. */
async function playExamples(kb: KnowledgeBase, checks: ReadonlyArray<{ loaded: LoadedCheck; source: JsonSource }>): Promise<ExampleRun> {
  const registry = new CheckRegistry(checks.map(({ loaded }) => loaded));
  const { bot } = createBot({ knowledgeBase: kb, checks: registry, defaultLanguage: 'en', record: () => undefined });
  const problems: Problem[] = [];
  let played = 0;
  for (const { loaded, source } of checks) {
    for (const [index, example] of loaded.file.examples.entries()) {
      played++;
      const problem = await playExample(bot, example, `${loaded.file.id}-${index}`, (fieldPath) => source.lineOf(['examples', index, ...fieldPath]));
      if (problem) problems.push({ severity: 'error', file: source.file, ...problem, field: ['examples', index, problem.field].filter((part) => part !== '').join('.') });
    }
  }
  return { played, problems };
}

async function playExample(
  bot: ReturnType<typeof createBot>['bot'],
  example: CheckExample,
  conversation: string,
  lineOf: (fieldPath: Array<string | number>) => number,
): Promise<Omit<Problem, 'severity' | 'file'> | undefined> {
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'kb-check',
    serviceUrl: 'https://kb-check.invalid',
    conversation: { id: `kb-check-${conversation}`, isGroup: false, conversationType: 'personal', name: example.name },
    from: { id: 'author', name: 'KB author' },
    recipient: { id: 'bot', name: 'KB Bot' },
  });
  const locale = example.locale ?? (example.language === 'es' ? 'es-ES' : 'en-US');
  for (const [turnIndex, turn] of example.turns.entries()) {
    const activity: Partial<Activity> =
      typeof turn.user === 'string' ? { type: 'message', text: turn.user, locale } : { type: 'message', text: '', value: turn.user.value, locale };
    const where = `example "${example.name}", turn ${turnIndex + 1}`;
    try {
      await adapter.receiveActivity(activity);
    } catch (error) {
      return { line: lineOf(['turns', turnIndex, 'user']), field: `turns.${turnIndex}.user`, message: `${where}: the bot failed: ${messageOf(error)}` };
    }
    const reply = adapter.activeQueue
      .splice(0)
      .map((sent) => renderActivityAsText(sent))
      .join('\n---\n');
    const shows = (piece: string): boolean => reply.toLowerCase().includes(piece.toLowerCase());
    const missing = (turn.expect ?? []).findIndex((piece) => !shows(piece));
    if (missing >= 0) {
      return {
        line: lineOf(['turns', turnIndex, 'expect', missing]),
        field: `turns.${turnIndex}.expect.${missing}`,
        message: `${where}: the bot's reply does not show "${turn.expect![missing]}"; it showed: ${excerpt(reply)}${reply.length > REPLY_EXCERPT ? ' (--verbose shows all of it)' : ''}`,
        detail: reply,
      };
    }
    const unwanted = (turn.reject ?? []).findIndex(shows);
    if (unwanted >= 0) {
      return {
        line: lineOf(['turns', turnIndex, 'reject', unwanted]),
        field: `turns.${turnIndex}.reject.${unwanted}`,
        message: `${where}: the bot's reply shows "${turn.reject![unwanted]}", which it must not: ${excerpt(reply)}${reply.length > REPLY_EXCERPT ? ' (--verbose shows all of it)' : ''}`,
        detail: reply,
      };
    }
  }
  return undefined;
}

function excerpt(reply: string): string {
  const oneLine = reply.replace(/\s+/g, ' ').trim();
  if (!oneLine) return '(nothing)';
  return JSON.stringify(oneLine.length > REPLY_EXCERPT ? `${oneLine.slice(0, REPLY_EXCERPT)}…` : oneLine);
}

// ---------------------------------------------------------------- the run

async function checkChecks(options: Options, kb: KnowledgeBase): Promise<{ checks: number; examples: number; problems: Problem[] }> {
  const dir = options.checksDir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { checks: 0, examples: 0, problems: [{ severity: 'error', file: dir, line: 0, field: '(folder)', message: 'checks folder not found' }] };
  }
  // The files loadChecks reads, in its order.
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
  const numbers = new Set(kb.articles.map((article) => article.number));
  const problems: Problem[] = [];
  const playable: Array<{ loaded: LoadedCheck; source: JsonSource }> = [];
  const ids = new Map<string, string>();
  const owners = new Map<string, string>();

  for (const file of files) {
    const { source, json, problems: syntax } = parseJson(file);
    problems.push(...syntax);
    if (!source || syntax.length) continue;
    const schema = schemaProblems(source, json);
    problems.push(...schema.problems);
    if (!schema.file) continue;
    const check = schema.file;
    const rule = ruleProblems(source, check);
    problems.push(...rule.problems);

    const here = (fieldPath: Array<string | number>, message: string): void => {
      problems.push({ severity: 'error', file, line: source.lineOf(fieldPath), field: fieldPath.join('.'), message });
    };
    let articlesFound = true;
    check.articles.forEach((number, i) => {
      if (!numbers.has(number)) {
        articlesFound = false;
        here(
          ['articles', i],
          `${number} is not in the knowledge base (kb/articles${options.articleFolders.map((folder) => `, ${shortPath(folder)}`).join('')}): the bot never offers this check; give the folder that holds it as an argument or in KB_PATH`,
        );
      }
    });
    for (const language of LANGUAGES) {
      if (!check.examples.some((example) => example.language === language)) {
        problems.push({ severity: 'warning', file, line: source.lineOf(['examples']), field: 'examples', message: `no example conversation in ${language}` });
      }
    }
    if (!rule.loaded) continue;
    // The registry keeps the first check of an id or an article: a second one would never run.
    const sameId = ids.get(check.id);
    if (sameId) here(['id'], `"${check.id}" is already the id of ${shortPath(sameId)}`);
    check.articles.forEach((number, i) => {
      const owner = owners.get(number);
      if (owner) here(['articles', i], `${number} already has a check, ${shortPath(owner)}, which the bot offers instead`);
    });
    if (sameId || check.articles.some((number) => owners.has(number))) continue;
    ids.set(check.id, file);
    for (const number of check.articles) owners.set(number, file);
    if (articlesFound) playable.push({ loaded: rule.loaded, source });
  }

  const run = await playExamples(kb, playable);
  problems.push(...run.problems);
  return { checks: files.length, examples: run.played, problems };
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(options);
    return options === USAGE ? 0 : 2;
  }
  if (options.texts) return printTexts(options.texts);
  const kb = await openKnowledgeBase(options.articleFolders, () => undefined);
  const problems = articleProblems(kb, options.articleFolders);
  const checks = await checkChecks(options, kb);
  problems.push(...checks.problems);

  for (const problem of inFileOrder(problems)) {
    const severity = problem.severity === 'warning' ? 'warning: ' : '';
    const where = problem.line > 0 ? `${shortPath(problem.file)}:${problem.line}` : shortPath(problem.file);
    console.log(`${where}: ${severity}${problem.field}: ${problem.message}`);
    if (options.verbose && problem.detail) console.log(problem.detail.replace(/^/gm, '    '));
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const folders = ['kb/articles', ...options.articleFolders.map(shortPath)].join(', ');
  console.log(
    `kb:check: ${kb.articles.length} articles (${folders}), ${checks.checks} check${checks.checks === 1 ? '' : 's'} (${shortPath(options.checksDir)}), ${checks.examples} examples played: ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return errors ? 1 : 0;
}

/** A rule's questions and text keys, from the rule itself: what a check file of that rule holds in each language. */
function printTexts(name: string): number {
  const rule = RULES[name];
  if (!rule) {
    console.error(`"${name}" is not a rule (known: ${Object.keys(RULES).join(', ')})`);
    return 2;
  }
  console.log(`Rule ${rule.name}: questions, in the order it asks them: ${rule.questions.map((question) => question.id).join(', ')}`);
  console.log(`Text keys (every one in "texts.en" and "texts.es"), with the placeholders each may use:`);
  for (const [key, placeholders] of Object.entries(rule.texts)) console.log(placeholders.length ? `  ${key}: ${placeholders.map((p) => `{${p}}`).join(' ')}` : `  ${key}`);
  return 0;
}

/** Files in the order they were checked (articles, then checks), each file's problems by line. */
function inFileOrder(problems: readonly Problem[]): Problem[] {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile.values()].flatMap((list) => list.sort((a, b) => a.line - b.line));
}

/** A path as the author would type it: relative to where the command runs, unless that climbs more than one folder. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !path.isAbsolute(relative) && !relative.startsWith(`..${path.sep}..`) ? relative : file;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
