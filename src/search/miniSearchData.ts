import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';

/**
 * MiniSearch 7's index as it keeps it for subclasses (protected fields, see its index.d.ts): the
 * term frequencies per field and document, and the field lengths its BM25 reads. The scorer
 * (scoring.ts) reads them directly; the index cache (indexCache.ts) writes the terms out and puts
 * them back one at a time, between turns of the event loop. Everything else goes through
 * MiniSearch's public API, and so does every caller when the index is of another shape (a
 * MiniSearch other than 7's): what the code knows of MiniSearch's inside is in this file.
 */
export interface IndexData {
  _index: Iterable<[string, Map<number, Map<number, number>>]> & {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, data: Map<number, Map<number, number>>): unknown;
    fetch(term: string, initial: () => Map<number, Map<number, number>>): Map<number, Map<number, number>>;
  };
  _options: { storeFields?: unknown[] };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  addDocumentId(id: unknown): number;
  addFieldLength(documentId: number, fieldId: number, count: number, length: number): void;
}

/** The index's data, or undefined when it is not of the shape above. */
export function indexData(miniSearch: MiniSearch): IndexData | undefined {
  const data = miniSearch as unknown as Partial<IndexData>;
  const known =
    typeof data._index?.get === 'function' &&
    typeof data._index.set === 'function' &&
    typeof data._index.fetch === 'function' &&
    typeof data._options === 'object' &&
    data._idToShortId instanceof Map &&
    typeof data.addDocumentId === 'function' &&
    typeof data.addFieldLength === 'function' &&
    typeof (data._index as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' &&
    typeof data._nextId === 'number' &&
    data._storedFields instanceof Map &&
    typeof data._dirtCount === 'number' &&
    typeof data._documentCount === 'number' &&
    data._documentIds instanceof Map &&
    typeof data._fieldIds === 'object' &&
    data._fieldLength instanceof Map &&
    Array.isArray(data._avgFieldLength);
  return known ? (data as IndexData) : undefined;
}

/**
 * Adds a document given as its fields' terms with their counts (by field id, in the index's order
 * of fields; each field's terms in the order they first occur), as `add()` adds the same terms
 * written out, when the tokenizer splits each field on spaces and keeps every term: the same
 * frequencies, field lengths (MiniSearch's: the distinct terms, an empty field counting one) and
 * averages to the last bit, and the terms first met in the same order. It looks each distinct
 * term up once, where add() walks the terms' tree once per occurrence: a 10,000-article KB has
 * millions. False, having changed nothing, when the index is not of the shape above or stores
 * fields (add() does that).
 */
export function addTerms(miniSearch: MiniSearch, id: string, fieldTerms: ReadonlyArray<ReadonlyMap<string, number>>): boolean {
  const data = indexData(miniSearch);
  if (!data || (data._options.storeFields?.length ?? 0) > 0) return false;
  if (data._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
  const shortId = data.addDocumentId(id);
  for (const fieldId of Object.values(data._fieldIds)) {
    const counts = fieldTerms[fieldId] ?? new Map<string, number>();
    data.addFieldLength(shortId, fieldId, data._documentCount - 1, counts.size || 1);
    for (const [term, count] of counts) {
      const byField = data._index.fetch(term, () => new Map<number, Map<number, number>>());
      let byDocument = byField.get(fieldId);
      if (!byDocument) byField.set(fieldId, (byDocument = new Map<number, number>()));
      byDocument.set(shortId, count);
    }
  }
  return true;
}

/** MiniSearch's serialised terms (toJSON's `index`, serialisation version 2). */
type SerialisedTerms = AsPlainObject['index'];

/**
 * A term's frequencies as the index cache keeps them: per field, its id and then the document
 * ids and frequencies in turn. Arrays of numbers read back several times faster than
 * toJSON's objects keyed by id, which are then converted key by key.
 */
export type PackedTerm = [term: string, fields: Array<[fieldId: number, documentsAndFrequencies: number[]]>];

export function packTerm([term, fields]: SerialisedTerms[number]): PackedTerm {
  return [
    term,
    Object.keys(fields).map((fieldId) => {
      const frequencies = fields[fieldId]!;
      const pairs: number[] = [];
      for (const documentId of Object.keys(frequencies)) pairs.push(parseInt(documentId, 10), frequencies[documentId]!);
      return [parseInt(fieldId, 10), pairs];
    }),
  ];
}

/** What toJSON gives, with the terms packed and made one at a time, as they are written. */
export interface SerialisedInParts {
  withoutTerms: Omit<AsPlainObject, 'index'>;
  termCount: number;
  terms: Iterable<PackedTerm>;
}

/**
 * The index serialised as toJSON does, without making every term at once: toJSON held the
 * event loop 0.76 s at 10,000 articles, when the cache is written, just after the bot is ready.
 * With an index of another shape, toJSON it is.
 */
export function serialiseInParts(miniSearch: MiniSearch): SerialisedInParts {
  const data = indexData(miniSearch);
  if (!data) {
    const { index, ...withoutTerms } = miniSearch.toJSON();
    return { withoutTerms, termCount: index.length, terms: index.map(packTerm) };
  }
  return {
    withoutTerms: {
      documentCount: data._documentCount,
      nextId: data._nextId,
      documentIds: Object.fromEntries<unknown>(data._documentIds),
      fieldIds: data._fieldIds,
      fieldLength: Object.fromEntries(data._fieldLength),
      averageFieldLength: data._avgFieldLength,
      storedFields: Object.fromEntries<unknown>(data._storedFields),
      dirtCount: data._dirtCount,
      serializationVersion: 2,
    },
    termCount: miniSearch.termCount,
    terms: (function* (): Generator<PackedTerm> {
      for (const [term, byField] of data._index) yield [term, Array.from(byField, ([fieldId, byDocument]) => [fieldId, Array.from(byDocument).flat()])];
    })(),
  };
}

/** Back to MiniSearch's own serialised form, for its loadJSAsync. */
export function unpackTerms(terms: readonly PackedTerm[]): SerialisedTerms {
  return terms.map(([term, fields]) => {
    const byField: SerialisedTerms[number][1] = {};
    for (const [fieldId, pairs] of fields) {
      const frequencies: Record<string, number> = {};
      for (let i = 0; i < pairs.length; i += 2) frequencies[pairs[i]!] = pairs[i + 1]!;
      byField[fieldId] = frequencies;
    }
    return [term, byField];
  });
}

/**
 * Puts packed terms into the index, as loadJSAsync puts serialised ones, awaiting `pause`
 * between terms. loadJSAsync pauses with setTimeout(0) every 1,000 entries, at least a
 * millisecond each: 280 pauses, about 0.4 s of a 10k KB's cached start spent idle. Returns
 * false, having changed nothing, when the index is not of the shape above.
 */
export async function restoreTerms(miniSearch: MiniSearch, terms: readonly PackedTerm[], pause: () => Promise<void>): Promise<boolean> {
  const data = indexData(miniSearch);
  if (!data) return false;
  for (const [term, fields] of terms) {
    const byField = new Map<number, Map<number, number>>();
    for (const [fieldId, pairs] of fields) {
      const byDocument = new Map<number, number>();
      for (let i = 0; i < pairs.length; i += 2) byDocument.set(pairs[i]!, pairs[i + 1]!);
      byField.set(fieldId, byDocument);
    }
    data._index.set(term, byField);
    await pause();
  }
  return true;
}
