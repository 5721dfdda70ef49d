import type { Article } from '../../src/kb/types';
import { KbIndex } from '../../src/search/searchIndex';

/** A short English article made of the given words. */
function article(ordinal: number, words: string): Article {
  const number = numberOf(ordinal);
  return {
    number,
    language: 'en',
    title: `Campaign note ${nameOf(ordinal)}`,
    description: '',
    keywords: [],
    environment: '',
    issue: words,
    cause: '',
    resolution: [],
    body: words,
    version: 1,
    url: `https://example.test/${number}`,
    source: `${number}.md`,
  };
}

function numberOf(ordinal: number): string {
  return `KA-${String(100000 + ordinal)}`;
}

/** A made-up word of its own per article (letters only, as article words are). */
function nameOf(ordinal: number): string {
  let name = '';
  for (let n = ordinal + 26 * 27; n > 0; n = Math.floor(n / 26)) name += String.fromCharCode(97 + (n % 26));
  return `zq${name}`;
}

// Past a thousand articles, a word that more than a fifth of them hold is "common": it is left
// out of the query and read from which articles hold it (searchIndex.ts, commonTermPresence).
describe('KbIndex past a thousand articles, with a word a quarter of them hold', () => {
  const ARTICLES = 5000;
  // Both about a deadlock; only the first names the "frobnicator", as a quarter of the articles do.
  const WITH_WORD = 700;
  const WITHOUT_WORD = 709;
  const holdsWord = (i: number): boolean => i % 4 === 0;
  let index: KbIndex;
  beforeAll(() => {
    index = KbIndex.build(
      Array.from({ length: ARTICLES }, (_, i) =>
        article(i, `The ${nameOf(i)} ${holdsWord(i) ? 'frobnicator' : 'delivery'} stopped ${i === WITH_WORD || i === WITHOUT_WORD ? 'after a deadlock' : 'with an error'}.`),
      ),
    );
  });

  it('ranks first the article that also holds the common word the question gives', () => {
    expect(holdsWord(WITH_WORD) && !holdsWord(WITHOUT_WORD)).toBe(true);
    const ranked = index.rank('frobnicator deadlock');
    const scoreOf = (ordinal: number): number | undefined => ranked.find((hit) => hit.number === numberOf(ordinal))?.score;
    expect(ranked[0]?.number).toBe(numberOf(WITH_WORD));
    expect(scoreOf(WITH_WORD)!).toBeGreaterThan(scoreOf(WITHOUT_WORD) ?? 0);
    // Asked without it, the two are alike.
    const alone = index.rank('deadlock');
    expect(alone.find((hit) => hit.number === numberOf(WITH_WORD))?.score).toBe(alone.find((hit) => hit.number === numberOf(WITHOUT_WORD))?.score);
  });
});
