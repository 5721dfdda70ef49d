import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';
import { ConfigError, type StorageSettings } from '../config';

/**
 * Where conversation and user state live: in the process (STORAGE=memory, one instance, lost on
 * restart) or in an Azure Blob Storage container shared by every instance (STORAGE=blob).
 *
 * Both go through {@link OptimisticStorage}, which makes every state write conditional on the
 * version the turn read: botbuilder's BotState writes with eTag "*" (last writer wins), so two
 * turns of one conversation on two instances would otherwise silently overwrite each other.
 * A write that lost the race throws {@link StateConflictError}; a storage that cannot be reached
 * throws {@link StorageUnavailableError}. src/bot/turnGuard.ts turns both into what the user
 * sees: the turn retried, "please send it again", or "temporarily unavailable".
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

/** What one attempt of a turn read and saved; see {@link runInStateScope}. */
export interface StateScope {
  /** The version each key was read (or last saved or deleted) at in this attempt; null: absent. */
  versions: Map<string, string | null>;
  /** The keys saved in this attempt, in order. */
  saved: string[];
  /** What to do once the attempt's state is saved (see {@link whenStateSaved}). */
  onSaved: Array<() => void>;
}

export function newStateScope(): StateScope {
  return { versions: new Map(), saved: [], onSaved: [] };
}

const scopes = new AsyncLocalStorage<StateScope>();

/**
 * Runs one attempt of a turn: what OptimisticStorage reads and saves while `work` runs (however
 * deep in the dialogs) is recorded in `scope`, and writes are conditional on those reads.
 */
export function runInStateScope<T>(scope: StateScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/**
 * Runs `effect` once the current turn's state is saved, and not at all if the turn is run again
 * or fails; at once outside a turn. For what a turn does besides replying and saving, e.g. the
 * check events counted in the log, so that a turn run twice counts once.
 */
export function whenStateSaved(effect: () => void): void {
  const scope = scopes.getStore();
  if (scope) scope.onSaved.push(effect);
  else effect();
}

/**
 * A botbuilder Storage whose writes are conditional on what the turn read, so that two turns
 * of one conversation cannot both save: the second is refused with StateConflictError.
 * BotState writes with eTag "*" ("overwrite"), so the version to require is found here, in order:
 *
 * 1. an explicit eTag other than "*" on the item: that version;
 * 2. an object this storage handed out: the version it was read at (or last saved as, so that
 *    saving twice in a turn works);
 * 3. a key the current turn read ({@link runInStateScope}): the version it read, or "still
 *    absent" when it found none, so that two first turns cannot both create it (this covers the
 *    new object BotState creates for a missing key, and BotState.clear());
 * 4. otherwise (outside a turn, a key never read): overwrite, as botbuilder's storages do.
 */
export class OptimisticStorage implements Storage {
  /** The version each handed-out object was read at or last saved as. */
  private readonly versions = new WeakMap<object, string>();

  constructor(readonly store: VersionedStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.store.read(keys);
    const scope = scopes.getStore();
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = found.get(key);
      scope?.versions.set(key, stored ? stored.eTag : null);
      if (!stored) continue;
      const item: Record<string, unknown> = { ...stored.value, eTag: stored.eTag };
      this.versions.set(item, stored.eTag);
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const scope = scopes.getStore();
    for (const [key, item] of Object.entries(changes) as Array<[string, Record<string, unknown>]>) {
      const { eTag, ...value } = item;
      const newVersion = await this.store.write(key, value, this.conditionFor(key, item, eTag, scope));
      this.versions.set(item, newVersion);
      scope?.versions.set(key, newVersion);
      scope?.saved.push(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.delete(keys);
    const scope = scopes.getStore();
    for (const key of keys) scope?.versions.set(key, null);
  }

  private conditionFor(key: string, item: object, eTag: unknown, scope: StateScope | undefined): WriteCondition {
    if (typeof eTag === 'string' && eTag !== '' && eTag !== '*') return { ifMatch: eTag };
    const version = this.versions.get(item);
    if (version !== undefined) return { ifMatch: version };
    if (scope?.versions.has(key)) {
      const read = scope.versions.get(key);
      return read === null || read === undefined ? { ifAbsent: true } : { ifMatch: read };
    }
    return 'unconditional';
  }
}

/** State in the process: for trying the bot out; one instance only, lost on restart. */
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

/** The storage the settings ask for. Throws ConfigError for a connection string the SDK rejects. */
export function createStorage(settings: StorageSettings): OptimisticStorage {
  if (settings.kind === 'memory') return new OptimisticStorage(new MemoryVersionedStore());
  // The Azure storage SDK costs ~20 MB and a fifth of a second to load: only when it is used.
  const { BlobVersionedStore } = require('./blobStorage') as typeof import('./blobStorage');
  let store: VersionedStore;
  try {
    store = new BlobVersionedStore(settings.connectionString, settings.container);
  } catch (error) {
    // The SDK's message names the part it could not read; the string itself holds a secret.
    throw new ConfigError(`Invalid configuration: BLOB_CONNECTION_STRING: ${error instanceof Error ? error.message : 'not a connection string'}`);
  }
  return new OptimisticStorage(store);
}

/** One line for the log: HTTP status and storage error code, or the network error's code. */
export function describeStorageError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  const parts = [statusCode && `HTTP ${statusCode}`, code, !statusCode && !code ? error.message : undefined].filter(Boolean);
  return parts.join(' ') || error.name;
}
