import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../../kb/types';
import type { KbIndex } from '../../search/searchIndex';
import type { LabelledQuestion } from '../evaluation';

/**
 * The designs this search replaced, measured on the same questions: fuse.js with its default
 * options over whole articles, and MiniSearch's BM25 with its own fuzzy matching. Neither has a
 * confidence, so both answer every question with their best article.
 */

export interface BaselineRow {
  name: string;
  top1: number;
  answerable: number;
  offTopicRejected: number;
  offTopic: number;
  p50Ms: number;
  p99Ms: number;
}

type Searcher = (question: string) => string | undefined;

export function measureBaselines(articles: readonly Article[], index: KbIndex, questions: readonly LabelledQuestion[]): BaselineRow[] {
  const fuse = new Fuse(articles, { keys: ['title', 'keywords', 'body'] });
  const mini = new MiniSearch<Article & { id: string }>({ fields: ['title', 'keywords', 'body'], storeFields: ['number'] });
  mini.addAll(articles.map((article) => ({ ...article, id: `${article.number}:${article.language}` })));

  const searchers: Array<[string, Searcher]> = [
    ['this search', (q) => index.search(q).hits[0]?.number],
    ['MiniSearch default (fuzzy 0.2)', (q) => mini.search(q, { fuzzy: 0.2, prefix: true })[0]?.number as string | undefined],
    ['fuse.js default options', (q) => fuse.search(q, { limit: 1 })[0]?.item.number],
  ];
  return searchers.map(([name, search]) => measure(name, search, questions));
}

function measure(name: string, search: Searcher, questions: readonly LabelledQuestion[]): BaselineRow {
  const row: BaselineRow = { name, top1: 0, answerable: 0, offTopicRejected: 0, offTopic: 0, p50Ms: 0, p99Ms: 0 };
  const latencies: number[] = [];
  for (const item of questions) {
    const started = performance.now();
    const got = search(item.question);
    latencies.push(performance.now() - started);
    if (item.expected === null) {
      row.offTopic++;
      if (!got) row.offTopicRejected++;
    } else {
      row.answerable++;
      if (got && [item.expected, ...(item.alsoAccept ?? [])].includes(got)) row.top1++;
    }
  }
  latencies.sort((a, b) => a - b);
  row.p50Ms = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
  row.p99Ms = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
  return row;
}
