import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';

/**
 * MiniSearch 7's index as it keeps it for subclasses (protected fields, see its index.d.ts): the
 * term frequencies per field and document, and the field lengths its BM25 reads. The scorer
 * (scoring.ts) reads them directly, and the index cache (indexCache.ts) fills the terms back in
 * slices of its own; everything else goes through MiniSearch's public API. Any other shape (a
 * MiniSearch other than 7's) is not used: both callers fall back to the public API.
 */
export interface IndexData {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, data: Map<number, Map<number, number>>): unknown;
  };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** The index's data, or undefined when it is not of the shape above. */
export function indexData(miniSearch: MiniSearch): IndexData | undefined {
  const data = miniSearch as unknown as Partial<IndexData>;
  const known =
    typeof data._index?.get === 'function' &&
    typeof data._index.set === 'function' &&
    typeof data._documentCount === 'number' &&
    data._documentIds instanceof Map &&
    typeof data._fieldIds === 'object' &&
    data._fieldLength instanceof Map &&
    Array.isArray(data._avgFieldLength);
  return known ? (data as IndexData) : undefined;
}

/**
 * Puts serialised terms (toJSON's `index`, serialisation version 2) into the index, as
 * loadJSAsync does, awaiting `pause` between terms. loadJSAsync pauses with setTimeout(0) every
 * 1,000 entries, at least a millisecond each: 280 pauses, about 0.4 s of a 10k KB's cached start
 * spent idle. Returns false, having changed nothing, when the index is not of the shape above.
 */
export async function restoreTerms(miniSearch: MiniSearch, terms: AsPlainObject['index'], pause: () => Promise<void>): Promise<boolean> {
  const data = indexData(miniSearch);
  if (!data) return false;
  for (const [term, fields] of terms) {
    const byField = new Map<number, Map<number, number>>();
    for (const fieldId of Object.keys(fields)) {
      const frequencies = fields[fieldId]!;
      const byDocument = new Map<number, number>();
      for (const documentId of Object.keys(frequencies)) byDocument.set(parseInt(documentId, 10), frequencies[documentId]!);
      byField.set(parseInt(fieldId, 10), byDocument);
    }
    data._index.set(term, byField);
    await pause();
  }
  return true;
}
