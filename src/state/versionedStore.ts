/**
 * A key-value store with versions, the part of the state storage that differs between the
 * process's memory and Azure Blob Storage (blobStore.ts), and the two ways a state write fails.
 */

/** Another turn saved this state after the current turn read it: the write was refused. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`state "${key}" was changed by another turn since this turn read it`);
    this.name = 'StateConflictError';
  }
}

/** The state storage did not answer, or answered with an error other than a conflict. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: 'read' | 'write' | 'delete',
    cause: unknown,
  ) {
    super(`state storage unavailable (${operation}): ${describeStorageError(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** What a conditional write requires of the stored item. */
export type WriteCondition =
  /** Only if the item still has this version. */
  | { ifMatch: string }
  /** Only if there is no item yet. */
  | { ifAbsent: true }
  /** Whatever is there. */
  | 'unconditional';

export interface StoredItem {
  value: Record<string, unknown>;
  eTag: string;
}

/** A key-value store with versions: the part of a storage that differs between memory and Blob. */
export interface VersionedStore {
  /** The items found; missing keys are left out. */
  read(keys: string[]): Promise<Map<string, StoredItem>>;
  /** Writes one item if the condition holds, else throws StateConflictError; returns the new version. */
  write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string>;
  delete(keys: string[]): Promise<void>;
}

/** State in the process: for trying the bot out; one instance only, lost on restart. */
// The methods are async with nothing to await on purpose: a throw (StateConflictError) must reach
// the caller as a rejection, as it does from the Blob store.
/* eslint-disable @typescript-eslint/require-await */
export class MemoryVersionedStore implements VersionedStore {
  private readonly items = new Map<string, { json: string; eTag: string }>();
  private version = 0;

  async read(keys: string[]): Promise<Map<string, StoredItem>> {
    const found = new Map<string, StoredItem>();
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) found.set(key, { value: JSON.parse(item.json) as Record<string, unknown>, eTag: item.eTag });
    }
    return found;
  }

  async write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    const current = this.items.get(key);
    if (condition !== 'unconditional') {
      const holds = 'ifAbsent' in condition ? current === undefined : current?.eTag === condition.ifMatch;
      if (!holds) throw new StateConflictError(key);
    }
    const eTag = `"${++this.version}"`;
    this.items.set(key, { json: JSON.stringify(value), eTag });
    return eTag;
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }
}
/* eslint-enable @typescript-eslint/require-await */

/** One line for the log: HTTP status and storage error code, or the network error's code. */
function describeStorageError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  const parts = [statusCode && `HTTP ${statusCode}`, code, !statusCode && !code ? error.message : undefined].filter(Boolean);
  return parts.join(' ') || error.name;
}
