import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder-core';
import type { VersionedStore, WriteCondition } from './versionedStore';

/**
 * Where conversation and user state live: in the process (STORAGE=memory, one instance, lost on
 * restart) or in an Azure Blob Storage container shared by every instance (STORAGE=blob).
 *
 * Both go through {@link OptimisticStorage}, which makes every state write conditional on the
 * version the turn read: botbuilder's BotState writes with eTag "*" (last writer wins), so two
 * turns of one conversation on two instances would otherwise silently overwrite each other.
 * A write that lost the race throws {@link StateConflictError}; a storage that cannot be reached
 * throws {@link StorageUnavailableError}. src/state/consistentTurn.ts turns both into what the user
 * sees: the turn retried, "please send it again", or "temporarily unavailable".
 */

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
