import type { Article } from '../kb/types';
import { foldText, words } from './normalize';

/**
 * What a question names that an article must name too to be its answer: an error code
 * (XSV-350008, PGS-220000, ORA-00904, SQL0911N), a service (xtk:session), a method
 * (method 'Logon'), an identifier (mcSynch_mcExec1, operationMgt), the client console. A
 * question about XSV-350024 in mcSynch_mcExec1 shares most of its words with KA-05406
 * (Logon, session, mcSynch) and is not about it: the code it names counts against any article
 * that does not have it.
 *
 * Each named thing is kept as its folded words ("xsv 350008", "mcsynch mcexec1") and found in an
 * article's folded words, either language, so that spelling variants meet as they do in search.
 */

interface Named {
  kind: 'code' | 'service' | 'method' | 'identifier' | 'context' | 'workflow' | 'product';
  /** Alternatives: the article names the thing when it holds any of them. */
  forms: string[];
}

/** How much an article that does not name it loses, per kind. */
// A workflow of another kind ("our import workflow") is another workflow's problem.
const MISSING_FACTOR: Record<Named['kind'], number> = { code: 0.55, service: 0.7, method: 0.7, identifier: 0.8, context: 0.8, workflow: 0.7, product: 0.7 };
const MIN_FACTOR = 0.3;
const MAX_FOUND_FORMS = 100;

const CODE = /\b([a-z]{2,5})-(\d{3,6})\b|\b(sql\d{4,5}[a-z]?)\b/gi;
const SERVICE = /\b(xtk|nms|nl|ncm|crm|nms)\s*:\s*([a-z][a-z0-9]+)\b/gi;
const METHOD = /\b(?:method|m[eé]todo)\s+['"‘’«]?([a-z][a-z0-9]+)/gi;
// Identifiers as code names them: with an underscore, or lower camelCase with a capital inside.
const IDENTIFIER_ANY_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/gi;
const IDENTIFIER = /\b[a-z]+[a-z0-9]*[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*\b/g;
// Places in Campaign that an error or question may be about, in both languages.
const CONTEXTS: ReadonlyArray<{ pattern: RegExp; forms: string[] }> = [
  { pattern: /\b(?:client\s+console|console|consola(?:\s+(?:de\s+)?cliente)?)\b/i, forms: ['console', 'consola'] },
];
// Products a question may name, by the names users type; an article about Oracle does not
// answer a question about Teradata. Forms as in CONTEXTS.
const PRODUCTS: ReadonlyArray<{ pattern: RegExp; forms: string[] }> = [
  ['oracle', 'oracle'],
  ['teradata', 'teradata'],
  ['postgres(?:ql)?', 'postgres*'],
  ['sql\\s?server|mssql', 'sql server', 'sqlserver', 'mssql'],
  ['mysql', 'mysql'],
  ['snowflake', 'snowflake'],
  ['big\\s?query', 'bigquery', 'big query'],
  ['redshift', 'redshift'],
  ['netezza', 'netezza'],
  ['sybase', 'sybase'],
  ['db2', 'db2'],
  ['hadoop|hive', 'hadoop', 'hive'],
  ['vertica', 'vertica'],
  // "target" alone is Campaign's own word (target mapping, targeting workflows): Adobe Target is named in full.
  ['adobe\\s+target', 'adobe target'],
  ['adobe\\s+analytics', 'analytics'],
  ['aem|adobe\\s+experience\\s+manager', 'aem', 'experience manager'],
  ['audience\\s+manager', 'audience manager'],
  ['journey\\s+optimizer|ajo', 'journey optimizer', 'ajo'],
  ['marketo', 'marketo'],
  ['campaign\\s+standard|acs', 'campaign standard', 'acs'],
  ['gmail', 'gmail'],
  ['outlook', 'outlook'],
  ['hotmail', 'hotmail'],
  ['yahoo', 'yahoo'],
  ['salesforce', 'salesforce'],
  ['(?:microsoft|ms)\\s+teams', 'teams'],
  ['photoshop', 'photoshop'],
  ['acrobat', 'acrobat'],
  ['netflix', 'netflix'],
  ['iphone|ipad', 'iphone', 'ipad', 'ios'],
  ['android', 'android'],
  ['dynamics', 'dynamics'],
  ['red\\s?hat|rhel', 'redhat', 'red hat', 'rhel'],
  ['centos', 'centos'],
  ['debian', 'debian'],
  ['ubuntu', 'ubuntu'],
  ['chrome', 'chrome'],
  ['firefox', 'firefox'],
  ['safari', 'safari'],
].map(([pattern, ...forms]) => ({ pattern: new RegExp(`\\b(?:${pattern!})\\b`, 'i'), forms }));
// One test for all of them first: most questions name none.
const ANY_PRODUCT = new RegExp(PRODUCTS.map(({ pattern }) => pattern.source).join('|'), 'i');
// Workflows named by their kind, next to "workflow" / "flujo": forms ending in * are prefixes.
const WORKFLOW = String.raw`(?:workflows?|flujos?(?:\s+de\s+trabajo)?|wf)`;
const WORKFLOW_KINDS: ReadonlyArray<{ pattern: RegExp; forms: string[] }> = [
  { kind: String.raw`import\w*|importaci[oó]n`, forms: ['import*', 'importacion*'] },
  { kind: String.raw`export\w*|exportaci[oó]n`, forms: ['export*', 'exportacion*'] },
  { kind: String.raw`clean\s?up|limpieza`, forms: ['cleanup', 'clean up', 'limpieza'] },
  { kind: String.raw`billing|facturaci[oó]n`, forms: ['billing', 'facturacion'] },
].map(({ kind, forms }) => ({ pattern: new RegExp(String.raw`\b(?:${kind})\b(?:\s+\w+)?\s+${WORKFLOW}\b|\b${WORKFLOW}\s+(?:\w+\s+)?(?:de\s+)?(?:${kind})\b`, 'i'), forms }));

export function namedThings(question: string): Named[] {
  const named: Named[] = [];
  const add = (kind: Named['kind'], ...texts: string[]): void => {
    const forms = texts.map((text) => words(text).join(' ')).filter(Boolean);
    if (forms.length && !named.some((thing) => thing.forms[0] === forms[0])) named.push({ kind, forms });
  };
  for (const match of question.matchAll(CODE)) add('code', match[0]);
  for (const match of question.matchAll(SERVICE)) add('service', `${match[1]}:${match[2]}`);
  for (const match of question.matchAll(METHOD)) add('method', match[1]!);
  for (const match of question.matchAll(IDENTIFIER_ANY_CASE)) add('identifier', match[0]);
  for (const match of question.matchAll(IDENTIFIER)) add('identifier', match[0]);
  for (const { pattern, forms } of CONTEXTS) if (pattern.test(question)) add('context', ...forms);
  if (ANY_PRODUCT.test(question)) for (const { pattern, forms } of PRODUCTS) if (pattern.test(question)) named.push({ kind: 'product', forms });
  for (const { pattern, forms } of WORKFLOW_KINDS) if (pattern.test(question)) named.push({ kind: 'workflow', forms });
  return named;
}

// A capitalised word inside a sentence: after a letter, digit or comma and a space.
const INSIDE_CAPITALISED = /(?<=[\p{L}\p{N},)]\s+)\p{Lu}[\p{L}\p{N}]*/gu;
// Chat mentions ("@KB Bot"): the name's second word is no name the question gives.
const MENTION = /@[\p{L}\p{N}_.-]+\s+\p{Lu}[\p{L}\p{N}]*/gu;

/**
 * The question's words written with a capital inside a sentence ("WhatsApp", "Kafka", "AMP"):
 * names of products, services or places, folded as `words` folds them.
 */
export function capitalisedWords(question: string): Set<string> {
  const text = question.replace(MENTION, ' ');
  const found = new Set<string>();
  for (const match of text.matchAll(INSIDE_CAPITALISED)) for (const word of words(match[0])) found.add(word);
  return found;
}

/** An article's words, both languages: as one string for phrases and prefixes, as a set for single words. */
interface ArticleText {
  text: string;
  words: ReadonlySet<string>;
  /** Forms looked for before, and whether the article has them: a search asks for the same few often. */
  found: Map<string, boolean>;
}

/** The question's named things that the article does not name. */
export function missingNamed(named: readonly Named[], article: ArticleText): Named[] {
  return named.filter((thing) => !thing.forms.some((form) => hasForm(article, form)));
}

/** The factor, at most 1, by which an article's confidence is lowered for the named things it does not have (see missingNamed). */
export function missingNamedFactor(missing: readonly Named[]): number {
  let factor = 1;
  for (const thing of missing) factor *= MISSING_FACTOR[thing.kind];
  return Math.max(MIN_FACTOR, factor);
}

/**
 * The words of the named things that the article has each of, but not together: it has "adobe"
 * and "target" and not "Adobe Target", so its "target" (of a target mapping) is not the question's.
 * A named thing the article lacks a word of (a typo, another code) leaves its words alone.
 */
export function namedWordsElsewhere(missing: readonly Named[], article: ArticleText): Set<string> {
  const found = new Set<string>();
  for (const thing of missing)
    for (const form of thing.forms) {
      const words = form.replace(/\*$/, '').split(' ');
      if (words.length > 1 && words.every((word) => article.words.has(word))) for (const word of words) found.add(word);
    }
  return found;
}

function hasForm(article: ArticleText, form: string): boolean {
  if (!form.includes(' ') && !form.endsWith('*')) return article.words.has(form);
  let found = article.found.get(form);
  if (found === undefined) {
    found = form.endsWith('*') ? article.text.includes(` ${form.slice(0, -1)}`) : article.text.includes(` ${form} `);
    if (article.found.size >= MAX_FOUND_FORMS) article.found.clear();
    article.found.set(form, found);
  }
  return found;
}

/** Each article number's folded words, both languages, made when first needed and kept. */
// The folded text of an article and its word set take tens of KB: a 10,000-article KB would keep
// hundreds of MB of them as questions touch more articles. The most recently used are kept.
const MAX_KEPT_ARTICLES = 500;

export class ArticleWords {
  private readonly cache = new Map<string, ArticleText>();

  of(number: string, versions: ReadonlyArray<Article | undefined>): ArticleText {
    let found = this.cache.get(number);
    if (found === undefined) {
      const parts = versions.filter((article): article is Article => !!article).flatMap((article) => [article.title, article.keywords.join(' , '), article.body]);
      const folded = words(foldText(parts.join('\n')));
      found = { text: ` ${folded.join(' ')} `, words: new Set(folded), found: new Map() };
      if (this.cache.size >= MAX_KEPT_ARTICLES) this.cache.delete(this.cache.keys().next().value!);
    } else {
      this.cache.delete(number);
    }
    this.cache.set(number, found);
    return found;
  }
}
