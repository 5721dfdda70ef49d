/**
 * Every guided check the knowledge base has: the files of kb/checks/ (and of any folder given),
 * each validated against its schema and against its rule, and found by the article whose
 * answer offers it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CheckFileError, parseCheckFile, placeholdersOf, type CheckFile, type CheckTexts } from '../kb/checkFile';
import { REPOSITORY_ROOT } from '../kb/paths';
import { LANGUAGES } from '../kb/types';
import type { CheckRule, TextRef, TextValue } from './rule';
import { RULES } from './rules';

export const DEFAULT_CHECKS_DIR = path.join(REPOSITORY_ROOT, 'kb', 'checks');

/** A check ready to run: its file, its rule and the rule's parsed settings. */
export interface LoadedCheck {
  file: CheckFile;
  // The rule and its settings belong together; their types are the rule's own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rule: CheckRule<any, any>;
  settings: unknown;
  source: string;
}

export class CheckRegistry {
  private readonly byArticle = new Map<string, LoadedCheck>();

  constructor(readonly checks: readonly LoadedCheck[]) {
    for (const check of checks) for (const article of check.file.articles) if (!this.byArticle.has(article)) this.byArticle.set(article, check);
  }

  /** The check offered with this article's answer, if it has one. */
  forArticle(number: string): LoadedCheck | undefined {
    return this.byArticle.get(number);
  }

  byId(id: string): LoadedCheck | undefined {
    return this.checks.find((check) => check.file.id === id);
  }
}

/** The file's problems beyond its schema: its rule, the rule's settings, and its texts in every language. */
export function checkProblems(file: CheckFile, source: string): { problems: string[]; loaded?: LoadedCheck } {
  const rule = RULES[file.rule];
  if (!rule) return { problems: [`${source}: rule: "${file.rule}" is not a rule (known: ${Object.keys(RULES).join(', ')})`] };
  const problems: string[] = [];
  let settings: unknown;
  try {
    settings = rule.parseSettings(file.settings);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (issues) for (const issue of issues) problems.push(`${source}: settings.${issue.path.map(String).join('.')}: ${issue.message}`);
    else problems.push(`${source}: settings: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const language of LANGUAGES) {
    const texts = file.texts[language];
    for (const [key, allowed] of Object.entries(rule.texts)) {
      const text = texts[key];
      if (text === undefined) {
        problems.push(`${source}: texts.${language}.${key}: missing`);
        continue;
      }
      for (const template of Array.isArray(text) ? text : [text]) {
        for (const name of placeholdersOf(template))
          if (!allowed.includes(name))
            problems.push(`${source}: texts.${language}.${key}: unknown placeholder {${name}} (known: ${allowed.map((p) => `{${p}}`).join(', ') || 'none'})`);
      }
    }
    for (const key of Object.keys(texts)) if (!(key in rule.texts)) problems.push(`${source}: texts.${language}.${key}: not a text of rule "${file.rule}"`);
  }
  return problems.length ? { problems } : { problems, loaded: { file, rule, settings, source } };
}

/** Reads one check file; throws CheckFileError naming the file, the field and what is wrong. */
export function loadCheckFile(file: string): LoadedCheck {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CheckFileError([`${file}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const { problems, loaded } = checkProblems(parseCheckFile(json, file), file);
  if (!loaded) throw new CheckFileError(problems);
  return loaded;
}

/** Every *.json check of the folders, in name order. A bad file, or two checks for one article, stops the start: checks are the KB author's code. */
export function loadChecks(dirs: readonly string[] = [DEFAULT_CHECKS_DIR]): CheckRegistry {
  const checks: LoadedCheck[] = [];
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    for (const name of files) checks.push(loadCheckFile(path.join(dir, name)));
  }
  // One check per article (and per id): which of two would run must not depend on file names.
  const problems: string[] = [];
  checks.forEach((check, k) => {
    for (const earlier of checks.slice(0, k)) {
      const shared = check.file.articles.filter((article) => earlier.file.articles.includes(article));
      if (shared.length || earlier.file.id === check.file.id)
        problems.push(`${check.source}: articles: ${shared.join(', ') || check.file.id} already has a check in ${earlier.source}`);
    }
  });
  if (problems.length) throw new CheckFileError(problems);
  return new CheckRegistry(checks);
}

/**
 * A text of the check, its placeholders filled: lists joined with ", ", TextRefs rendered in
 * place; a list text (steps, bullets) gives one string per item.
 */
export function renderText(texts: CheckTexts, ref: TextRef): string[] {
  const text = texts[ref.key];
  if (text === undefined) return [`[${ref.key}]`];
  const templates = Array.isArray(text) ? text : [text];
  return templates.map((template) => template.replace(/\{(\w+)\}/g, (whole, name: string) => valueText(texts, ref.vars?.[name], whole)));
}

function valueText(texts: CheckTexts, value: TextValue | undefined, placeholder: string): string {
  if (value === undefined) return placeholder;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isTextRef(value)) return renderText(texts, value).join(' ');
  return value.map((item) => (typeof item === 'string' ? item : renderText(texts, item).join(' '))).join(', ');
}

function isTextRef(value: TextValue): value is TextRef {
  return typeof value === 'object' && !Array.isArray(value) && 'key' in value;
}
