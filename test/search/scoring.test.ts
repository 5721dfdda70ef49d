import MiniSearch from 'minisearch';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { indexTerms } from '../../src/search/terms';
import { TermScorer } from '../../src/search/scoring';
import { describeWithCorpus } from '../support/corpus';

/**
 * The BM25 sums (src/search/scoring.ts) read each term's postings from MiniSearch's own index
 * instead of asking its search(): the ranking must not move by a bit. Checked on every term of
 * the real corpus, against MiniSearch's search() itself.
 */

const FIELDS = ['title', 'summary', 'body'] as const;
// Not in the fields' order: MiniSearch adds a document's fields up in its own order of fields.
const BOOST = { body: 1, summary: 1.5, title: 3 };

describeWithCorpus('term postings', (corpus) => {
  let miniSearch: MiniSearch;
  let ordinalOf: Map<string, number>;
  let numbers: string[];
  let terms: string[];

  beforeAll(async () => {
    const { articles } = await loadKnowledgeBase({ paths: [corpus], log: () => undefined });
    miniSearch = new MiniSearch({ fields: [...FIELDS], tokenize: (text) => text.split(' '), processTerm: (term) => term || null });
    ordinalOf = new Map();
    numbers = [];
    const vocabulary = new Set<string>();
    for (const article of articles) {
      const id = `${article.number}:${article.language}`;
      ordinalOf.set(id, numbers.length);
      numbers.push(article.number);
      const doc: Record<string, string> = { id };
      for (const [field, text] of Object.entries({ title: article.title, summary: `${article.description}\n${article.issue}`, body: article.body })) {
        const fieldTerms = indexTerms(text, article.language);
        doc[field] = fieldTerms.join(' ');
        for (const term of fieldTerms) vocabulary.add(term);
      }
      miniSearch.add(doc);
    }
    terms = [...vocabulary];
  });

  it('scores every term of the corpus as MiniSearch does, in the same documents and fields', () => {
    const scorer = new TermScorer(miniSearch, ordinalOf, numbers, BOOST, 'body');
    const one = new Float64Array([1]);
    const differences: string[] = [];
    expect(terms.length).toBeGreaterThan(3000);
    for (const term of terms) {
      const { docs, count, score, short, width, slot } = scorer.match([term], one);
      const found = new Map(Array.from(docs.subarray(0, count), (doc) => [doc, { score: score[doc]!, short: short[slot[doc]! * width]! !== 0 }]));
      const expected = miniSearch.search(term, { boost: BOOST });
      if (found.size !== expected.length) differences.push(`${term}: ${found.size} documents, MiniSearch ${expected.length}`);
      for (const result of expected) {
        const doc = found.get(ordinalOf.get(result.id as string)!);
        const inShortField = (result.match[term] ?? []).some((field) => field !== 'body');
        if (doc?.score !== result.score || doc.short !== inShortField)
          differences.push(`${term} in ${String(result.id)}: ${JSON.stringify(doc)}, MiniSearch ${result.score} ${inShortField}`);
      }
      if (differences.length > 5) break;
    }
    expect(differences).toEqual([]);
  });

  it('lists a term in document order, and each document once however many fields hold it', () => {
    const scorer = new TermScorer(miniSearch, ordinalOf, numbers, BOOST, 'body');
    const common = terms.find((term) => miniSearch.search(term).length > 100)!;
    const { docs, count } = scorer.match([common], new Float64Array([1]));
    const listed = Array.from(docs.subarray(0, count));
    expect(listed).toEqual([...new Set(listed)].sort((a, b) => a - b));
    expect(count).toBe(miniSearch.search(common).length);
  });

  it('gives the same figures through search() when the index is not the shape it knows (another MiniSearch version)', () => {
    const direct = new TermScorer(miniSearch, ordinalOf, numbers, BOOST, 'body');
    const searchOnly = new TermScorer({ search: miniSearch.search.bind(miniSearch) } as unknown as MiniSearch, ordinalOf, numbers, BOOST, 'body');
    const sample = terms.filter((_, i) => i % 50 === 0);
    const weights = new Float64Array(sample.length).fill(1);
    const figures = (scorer: TermScorer): string => {
      const { docs, count, score, any, short, width, slot } = scorer.match(sample, weights);
      return JSON.stringify(Array.from(docs.subarray(0, count), (doc) => [doc, score[doc], any[slot[doc]! * width], short[slot[doc]! * width]]));
    };
    expect(figures(searchOnly)).toBe(figures(direct));
  });
});
