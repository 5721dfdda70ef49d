import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../kb/paths';
import { words } from './normalize';
import { indexTerms, STOP_WORDS, termsOf } from './terms';

/**
 * Words that stand for each other, as index terms: a question's "bbdd" also looks for
 * "database" and "base de datos", its "testigos" for "seeds".
 *
 * - kb/search/vocabulary.json: a small hand-checked Campaign vocabulary, English and Spanish.
 * - kb/search/lexicon.json: Spanish and English words that translate each other, learned from
 *   the corpus's paired articles by `npm run kb:lexicon` (src/cli/kbLexicon.ts).
 */

const DATA_DIR = path.join(REPOSITORY_ROOT, 'kb', 'search');
/** A related word counts this much of the word itself (times the learned pair's Dice). */
const HAND_WEIGHT = 0.9;
const LEARNED_WEIGHT = 0.8;

interface RelatedTerm {
  term: string;
  weight: number;
}

const readLexicons = new Map<string, Lexicon>();

export class Lexicon {
  private readonly related = new Map<string, RelatedTerm[]>();

  /** The lexicon of the files in `dir`, read once per process (they ship with the code; a lexicon is never changed once made). */
  static fromFiles(dir: string = DATA_DIR): Lexicon {
    let lexicon = readLexicons.get(dir);
    if (!lexicon) readLexicons.set(dir, (lexicon = Lexicon.read(dir)));
    return lexicon;
  }

  private static read(dir: string): Lexicon {
    const lexicon = new Lexicon();
    const hand = readJson<{ groups: string[][] }>(path.join(dir, 'vocabulary.json'));
    for (const group of hand?.groups ?? []) lexicon.addGroup(group);
    const learned = readJson<{ pairs: Array<[string, string, number]> }>(path.join(dir, 'lexicon.json'));
    for (const [spanish, english, dice] of learned?.pairs ?? []) {
      lexicon.add(spanish, english, dice * LEARNED_WEIGHT);
      lexicon.add(english, spanish, dice * LEARNED_WEIGHT);
    }
    return lexicon;
  }

  /** The terms related to any of a question word's forms, strongest first, the forms themselves left out. */
  expand(forms: readonly string[]): RelatedTerm[] {
    const found = new Map<string, number>();
    for (const form of forms) for (const { term, weight } of this.related.get(form) ?? []) if (!forms.includes(term)) found.set(term, Math.max(weight, found.get(term) ?? 0));
    return [...found].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
  }

  private addGroup(entries: readonly string[]): void {
    // An entry of several words ("se cierra", "base de datos") stands for its one word that is
    // not a stop word, and for nothing when it has several: this search matches words, not phrases.
    const single = entries.filter((entry) => words(entry).length === 1 || termsOf(words(entry), 'en').length === 1);
    const keys = single.filter((entry) => words(entry).length === 1).flatMap(termsOfEntry);
    const targets = single.flatMap(termsOfEntry);
    for (const key of keys) for (const target of targets) if (key !== target) this.add(key, target, HAND_WEIGHT);
  }

  private add(from: string, to: string, weight: number): void {
    const list = this.related.get(from) ?? [];
    const existing = list.find((item) => item.term === to);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else list.push({ term: to, weight });
    this.related.set(from, list);
  }
}

/** An entry's index terms as either language stems it, and its folded words that are not stop words. */
function termsOfEntry(entry: string): string[] {
  return [...new Set([...indexTerms(entry, 'en'), ...indexTerms(entry, 'es'), ...words(entry).filter((word) => !STOP_WORDS.has(word))])];
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
