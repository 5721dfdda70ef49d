import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder-core';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { StateConflictError, StorageUnavailableError, type StoredItem, type VersionedStore, type WriteCondition } from './versionedStore';

/**
 * How the storage SDK retries. Its defaults (4 tries, 4 s growing to 2 min between them) would
 * keep a user waiting for minutes while the storage is down, and a channel gives a bot about
 * 15 s to answer. Here a read or write gives up after about 6 s at worst (2 tries of 3 s), and
 * after a fraction of a second when the storage refuses connections.
 */
const PIPELINE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 500, tryTimeoutInMs: 3000 },
};

/**
 * State in an Azure Blob Storage container, one JSON blob per key. Reads and deletes go through
 * botbuilder-azure-blobs' BlobsStorage; writes use the same blob names and JSON as BlobsStorage
 * (so either can read what the other wrote) but are conditional (If-Match / If-None-Match: *)
 * and return the new ETag, which BlobsStorage neither does for new blobs nor reports.
 */
export class BlobVersionedStore implements VersionedStore {
  private readonly container: ContainerClient;
  private blobs: BlobsStorage;
  private containerReady: Promise<unknown> | undefined;

  constructor(
    private readonly connectionString: string,
    readonly containerName: string,
  ) {
    this.container = new ContainerClient(connectionString, containerName, PIPELINE_OPTIONS);
    this.blobs = this.newBlobsStorage();
  }

  async read(keys: string[]): Promise<Map<string, StoredItem>> {
    let items: StoreItems;
    try {
      items = await this.blobs.read(keys);
    } catch (error) {
      throw this.unavailable('read', error);
    }
    const found = new Map<string, StoredItem>();
    for (const [key, item] of Object.entries(items) as Array<[string, Record<string, unknown>]>) {
      const { eTag, ...value } = item;
      found.set(key, { value, eTag: String(eTag) });
    }
    return found;
  }

  async write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    const body = JSON.stringify(value);
    try {
      await this.ensureContainer();
      const response = await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
        conditions: condition === 'unconditional' ? {} : 'ifAbsent' in condition ? { ifNoneMatch: '*' } : { ifMatch: condition.ifMatch },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      if (!response.etag) throw new Error('the storage returned no ETag');
      return response.etag;
    } catch (error) {
      // 412 ConditionNotMet: another version; 409 BlobAlreadyExists: created meanwhile (If-None-Match);
      // 404 on a conditional write: deleted meanwhile.
      const status = statusOf(error);
      if (condition !== 'unconditional' && (status === 412 || status === 409 || status === 404)) throw new StateConflictError(key);
      throw this.unavailable('write', error);
    }
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.blobs.delete(keys);
    } catch (error) {
      throw this.unavailable('delete', error);
    }
  }

  private ensureContainer(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists();
    return this.containerReady;
  }

  /**
   * BlobsStorage creates the container on first use and keeps that promise, even a rejected one:
   * after an outage it would fail forever. A fresh one (and a fresh container check) on every
   * failure lets the bot recover by itself when the storage is back.
   */
  private unavailable(operation: StorageUnavailableError['operation'], error: unknown): StorageUnavailableError {
    this.blobs = this.newBlobsStorage();
    this.containerReady = undefined;
    return new StorageUnavailableError(operation, error);
  }

  private newBlobsStorage(): BlobsStorage {
    return new BlobsStorage(this.connectionString, this.containerName, { storagePipelineOptions: PIPELINE_OPTIONS });
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
