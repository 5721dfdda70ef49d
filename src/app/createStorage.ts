import { ConfigError, type StorageSettings } from './config';
import { MemoryVersionedStore, type VersionedStore } from '../state/versionedStore';
import { OptimisticStorage } from '../state/optimisticStorage';
import type * as BlobStoreModule from '../state/blobStore';

/** The storage the settings ask for. Throws ConfigError for a connection string the SDK rejects. */
export function createStorage(settings: StorageSettings): OptimisticStorage {
  if (settings.kind === 'memory') return new OptimisticStorage(new MemoryVersionedStore());
  // The Azure storage SDK costs ~20 MB and a fifth of a second to load: only when it is used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (start-up time and memory, see above); the type import above is erased
  const { BlobVersionedStore } = require('../state/blobStore') as typeof BlobStoreModule;
  let store: VersionedStore;
  try {
    store = new BlobVersionedStore(settings.connectionString, settings.container);
  } catch (error) {
    // The SDK's message names the part it could not read; the string itself holds a secret.
    throw new ConfigError(`Invalid configuration: BLOB_CONNECTION_STRING: ${error instanceof Error ? error.message : 'not a connection string'}`);
  }
  return new OptimisticStorage(store);
}
