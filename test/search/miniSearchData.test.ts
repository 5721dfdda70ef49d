import MiniSearch from 'minisearch';
import { addTerms, packTerm, restoreTerms, serialiseInParts, unpackTerms } from '../../src/search/miniSearchData';

/**
 * The index cache keeps MiniSearch's terms packed (src/search/miniSearchData.ts) and puts them
 * back itself: the index must come back as MiniSearch's own loadJS makes it, and with any
 * other MiniSearch (not the shape it knows) the cache falls back to MiniSearch's loadJSAsync.
 */

const DOCUMENTS = [
  { id: 'a', title: 'logon empty return', body: 'mcsynch fails at restart restart' },
  { id: 'b', title: 'deadlock', body: 'mcsynch workflows run at the same time' },
  { id: 'c', title: 'tracking', body: 'sync frequency' },
];

function built(): MiniSearch {
  const miniSearch = new MiniSearch({ fields: ['title', 'body'] });
  miniSearch.addAll(DOCUMENTS);
  return miniSearch;
}

const searches = (miniSearch: MiniSearch): string => JSON.stringify(['mcsynch', 'restart', 'deadlock', 'logon', 'none'].map((term) => miniSearch.search(term)));

it('packs terms and unpacks them to what toJSON wrote', () => {
  const { index } = built().toJSON();
  expect(unpackTerms(index.map(packTerm))).toEqual(index);
});

it('serialises the index in parts as toJSON does, terms included', () => {
  const miniSearch = built();
  const { index, ...withoutTerms } = miniSearch.toJSON();
  const parts = serialiseInParts(miniSearch);
  expect(parts.withoutTerms).toEqual(withoutTerms);
  expect(parts.termCount).toBe(index.length);
  expect(unpackTerms([...parts.terms])).toEqual(index);
});

it('puts packed terms back into an index that then searches as the original', async () => {
  const original = built();
  const { index, ...rest } = original.toJSON();
  const restored = MiniSearch.loadJS({ ...rest, index: [] }, { fields: ['title', 'body'] });
  expect(restored.search('mcsynch')).toEqual([]);
  await expect(restoreTerms(restored, index.map(packTerm), () => Promise.resolve())).resolves.toBe(true);
  expect(searches(restored)).toBe(searches(original));
  // The same terms, frequencies and field lengths (the radix tree lists its terms in another order).
  const sorted = (miniSearch: MiniSearch): unknown => {
    const { index, ...rest } = miniSearch.toJSON();
    return { ...rest, index: index.sort(([a], [b]) => (a < b ? -1 : 1)) };
  };
  expect(sorted(restored)).toEqual(sorted(original));
});

it('changes nothing and says so when the index is not of the shape it knows', async () => {
  const other = { search: () => [] } as unknown as MiniSearch;
  await expect(restoreTerms(other, built().toJSON().index.map(packTerm), () => Promise.resolve())).resolves.toBe(false);
});

describe('addTerms', () => {
  /** Each term with how often it occurs, in the order they first occur (as the search's index counts them). */
  const counts = (terms: readonly string[]): Map<string, number> => {
    const found = new Map<string, number>();
    for (const term of terms) found.set(term, (found.get(term) ?? 0) + 1);
    return found;
  };
  // As the search's index takes them: terms already made, separated by spaces (src/search/searchIndex.ts).
  const options = { fields: ['title', 'body'], tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term || null };
  const TERMS: Array<[id: string, title: string[], body: string[]]> = [
    ['a', ['logon', 'empty', 'return'], ['mcsynch', 'restart', 'fail', 'restart', 'logon']],
    ['b', ['deadlock'], ['mcsynch', 'workflow', 'run', 'same', 'time', 'time', 'time']],
    ['c', [], ['sync', 'frequenc']],
    ['d', ['restart'], []],
  ];

  it('makes the index add() makes of the same terms, to the last bit and in the same order', () => {
    const added = new MiniSearch(options);
    for (const [id, title, body] of TERMS) added.add({ id, title: title.join(' '), body: body.join(' ') });
    const counted = new MiniSearch(options);
    for (const [id, title, body] of TERMS) expect(addTerms(counted, id, [counts(title), counts(body)])).toBe(true);
    expect(JSON.stringify(counted.toJSON())).toBe(JSON.stringify(added.toJSON()));
    expect(counted.search('restart')).toEqual(added.search('restart'));
    expect(() => addTerms(counted, 'a', [counts(['again']), counts([])])).toThrow(/duplicate ID a/);
  });

  it('changes nothing and says so for an index that stores fields, or is not of the shape it knows', () => {
    const storing = new MiniSearch({ ...options, storeFields: ['title'] });
    expect(addTerms(storing, 'a', [counts(['logon']), counts([])])).toBe(false);
    expect(storing.documentCount).toBe(0);
    expect(addTerms({ search: () => [] } as unknown as MiniSearch, 'a', [counts(['logon']), counts([])])).toBe(false);
  });
});
