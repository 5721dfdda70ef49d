import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../kb/types';
import type { KbIndex } from '../search/searchIndex';
import type { LabelledQuestion } from './evaluation';

/**
 * Search figures for `npm run eval`: top-1, top-3 and rejection, by group, by language and by
 * half of the set (see HALVES: develop on one, keep the other to check it holds), for
 * this search and for MiniSearch's and fuse.js's defaults over the same articles.
 *
 * - top-1: the right article is the first one the user is given (for this search, the first hit;
 *   a choice of two or three counts by its first).
 * - top-3: the right article is among the first three ranked, threshold or not (what a choice
 *   could show).
 * - offered: the right article is among what the user is actually shown (this search only).
 * - rejected: an unanswerable question gets no article. MiniSearch and fuse.js have no
 *   confidence, so they answer every question that shares a word with an article.
 */

/** What one engine gives for a question: what the user is shown, and its best three, ranked. */
interface EngineAnswer {
  shown: string[];
  top3: string[];
}

export interface Engine {
  name: string;
  answer(item: LabelledQuestion): EngineAnswer;
}

interface Tally {
  answerable: number;
  top1: number;
  top3: number;
  offered: number;
  unanswerable: number;
  rejected: number;
}

export interface SetReport {
  engines: string[];
  /** Row label, then one tally per engine. */
  rows: Array<{ label: string; tallies: Tally[] }>;
  misses: Array<{ id: string; expected: string | null; got: string; top3: string }>;
}

export function thisSearch(index: KbIndex): Engine {
  return {
    name: 'this search',
    answer: (item) => {
      const answer = index.search(item.question, { fallbackLanguage: item.language });
      const ranked = index.rank(item.question, { language: answer.language });
      return { shown: answer.hits.map((hit) => hit.number), top3: ranked.slice(0, 3).map((hit) => hit.number) };
    },
  };
}

/** MiniSearch with the options its README starts with: BM25, prefix and fuzzy 0.2. */
export function miniSearchDefaults(articles: readonly Article[]): Engine {
  const mini = new MiniSearch<{ id: string; number: string; title: string; keywords: string; body: string }>({
    fields: ['title', 'keywords', 'body'],
    storeFields: ['number'],
  });
  mini.addAll(
    articles.map((article) => ({
      id: `${article.number}:${article.language}`,
      number: article.number,
      title: article.title,
      keywords: article.keywords.join(', '),
      body: article.body,
    })),
  );
  return {
    name: 'MiniSearch',
    answer: (item) => {
      const numbers = distinct(mini.search(item.question, { fuzzy: 0.2, prefix: true }).map((result) => result.number as string));
      return { shown: numbers.slice(0, 1), top3: numbers.slice(0, 3) };
    },
  };
}

/** fuse.js with its default options over the articles' title, keywords and body. */
export function fuseDefaults(articles: readonly Article[]): Engine {
  const fuse = new Fuse(articles, { keys: ['title', 'keywords', 'body'] });
  return {
    name: 'fuse.js',
    answer: (item) => {
      const numbers = distinct(fuse.search(item.question, { limit: 6 }).map((result) => result.item.number));
      return { shown: numbers.slice(0, 1), top3: numbers.slice(0, 3) };
    },
  };
}

// Halves by article, not by item: the sets hold each question in both languages, one after the
// other, so odd and even items would share their articles. Answerable items fall in the half of
// their article number's parity; unanswerable ones alternate.
const HALVES = ['half A (odd KA-, odd n/a)', 'half B (even KA-, even n/a)'] as const;

function half(item: LabelledQuestion, position: number): (typeof HALVES)[number] {
  const digit = item.expected === null ? position : Number(item.expected.at(-1));
  return HALVES[digit % 2 === 1 ? 0 : 1];
}

export function evaluateSet(questions: readonly LabelledQuestion[], engines: readonly Engine[]): SetReport {
  const rows = new Map<string, Tally[]>();
  const misses: SetReport['misses'] = [];
  const tallies = (label: string): Tally[] => {
    let found = rows.get(label);
    if (!found) rows.set(label, (found = engines.map(() => ({ answerable: 0, top1: 0, top3: 0, offered: 0, unanswerable: 0, rejected: 0 }))));
    return found;
  };
  const groups = [...new Set(questions.map((item) => item.group))];
  for (const label of [...groups.map((group) => `group ${group}`), 'language en', 'language es', HALVES[0], HALVES[1], 'all']) tallies(label);
  questions.forEach((item, position) => {
    const labels = [`group ${item.group}`, `language ${item.language}`, half(item, position), 'all'];
    engines.forEach((engine, e) => {
      const { shown, top3 } = engine.answer(item);
      const accepted = new Set(item.expected === null ? [] : [item.expected, ...(item.alsoAccept ?? [])]);
      const right = item.expected === null ? shown.length === 0 : accepted.has(shown[0] ?? '');
      if (e === 0 && !right) misses.push({ id: item.id, expected: item.expected, got: shown.join(',') || 'none', top3: top3.join(',') });
      for (const label of labels) {
        const tally = tallies(label)[e]!;
        if (item.expected === null) {
          tally.unanswerable++;
          if (shown.length === 0) tally.rejected++;
          continue;
        }
        tally.answerable++;
        if (right) tally.top1++;
        if (top3.some((number) => accepted.has(number))) tally.top3++;
        if (shown.some((number) => accepted.has(number))) tally.offered++;
      }
    });
  });
  return { engines: engines.map((engine) => engine.name), rows: [...rows].map(([label, t]) => ({ label, tallies: t })), misses };
}

/** The report as a text table, one line per row; the first engine also gets "offered". */
export function formatSetReport(report: SetReport): string[] {
  const head = report.engines.map((name, e) => (e === 0 ? `${name}: top-1  top-3  offered  rejected` : `${name}: top-1  top-3  rejected`).padStart(e === 0 ? 44 : 34));
  const lines = [`${'row'.padEnd(28)} ${'n'.padStart(4)} ${'n/a'.padStart(4)} ${head.join(' |')}`];
  for (const { label, tallies } of report.rows) {
    const first = tallies[0]!;
    const cells = tallies.map((t, e) => {
      const columns = [rate(t.top1, t.answerable), rate(t.top3, t.answerable)];
      if (e === 0) columns.push(rate(t.offered, t.answerable));
      columns.push(rate(t.rejected, t.unanswerable));
      return columns
        .map((cell) => cell.padStart(7))
        .join(' ')
        .padStart(e === 0 ? 44 : 34);
    });
    lines.push(`${label.padEnd(28)} ${String(first.answerable).padStart(4)} ${String(first.unanswerable).padStart(4)} ${cells.join(' |')}`);
  }
  return lines;
}

function rate(part: number, total: number): string {
  return total === 0 ? '-' : `${((100 * part) / total).toFixed(1)}%`;
}

function distinct(numbers: string[]): string[] {
  return [...new Set(numbers)];
}
