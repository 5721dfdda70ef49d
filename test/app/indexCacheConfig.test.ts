import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_INDEX_CACHE_DIR, loadConfig } from '../../src/app/config';

/** INDEX_CACHE_DIR: where the built search index is cached; a folder (created when missing) or off. */

describe('INDEX_CACHE_DIR', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'index-cache-config-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('defaults to .cache/kb-index in the repository (git-ignored); empty counts as unset', () => {
    expect(loadConfig({}).indexCacheDir).toBe(DEFAULT_INDEX_CACHE_DIR);
    expect(loadConfig({ INDEX_CACHE_DIR: ' ' }).indexCacheDir).toBe(DEFAULT_INDEX_CACHE_DIR);
    expect(DEFAULT_INDEX_CACHE_DIR.endsWith(path.join('.cache', 'kb-index'))).toBe(true);
  });

  it('is off with "off"', () => {
    expect(loadConfig({ INDEX_CACHE_DIR: 'off' }).indexCacheDir).toBeUndefined();
    expect(loadConfig({ INDEX_CACHE_DIR: 'OFF' }).indexCacheDir).toBeUndefined();
  });

  it('takes an existing folder or one to create, as an absolute path', () => {
    expect(loadConfig({ INDEX_CACHE_DIR: scratch }).indexCacheDir).toBe(scratch);
    expect(loadConfig({ INDEX_CACHE_DIR: path.join(scratch, 'a', 'b') }).indexCacheDir).toBe(path.join(scratch, 'a', 'b'));
    expect(loadConfig({ INDEX_CACHE_DIR: 'relative-cache' }).indexCacheDir).toBe(path.resolve('relative-cache'));
  });

  it('refuses a file where the folder would be, in one line', () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, 'x');
    for (const value of [file, path.join(file, 'below')]) {
      expect(() => loadConfig({ INDEX_CACHE_DIR: value })).toThrow(ConfigError);
      expect(() => loadConfig({ INDEX_CACHE_DIR: value })).toThrow(
        `Invalid configuration: INDEX_CACHE_DIR: expected a folder (created if missing) or off, but ${JSON.stringify(file)} is a file`,
      );
    }
  });
});
