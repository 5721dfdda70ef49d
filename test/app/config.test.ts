import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { ConfigError, connectionStringProblem, loadConfig } from '../../src/app/config';
import { createStorage } from '../../src/app/createStorage';
import { DEFAULT_KB_DIR } from '../../src/kb/paths';
import { AZURITE_KEY } from '../support/azurite';
import { botEnvironment, spawnBot } from '../support/botProcess';

/** STORAGE, BLOB_CONNECTION_STRING and BLOB_CONTAINER: validated at start, one clear line, before the port opens. */

const AZURITE = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
const AZURE = `DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`;
const SAS = 'BlobEndpoint=https://contosobot.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2030-01-01T00:00:00Z&sig=abc%3D';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('messages for invalid settings', () => {
  it.each([
    [{ MicrosoftAppType: 'Foo' }, 'Invalid configuration: MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI, got "Foo"'],
    [{ PORT: 'abc' }, 'Invalid configuration: PORT: expected a port number 1-65535, got "abc"'],
    [{ PORT: '0' }, 'Invalid configuration: PORT: expected a port number 1-65535, got "0"'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT: expected a port number 1-65535, got "70000"'],
    [{ PORT: '3978.5' }, 'Invalid configuration: PORT: expected a port number 1-65535, got "3978.5"'],
    [{ PORT: '0x10' }, 'Invalid configuration: PORT: expected a port number 1-65535, got "0x10"'],
    [{ DEFAULT_LANGUAGE: 'fr' }, 'Invalid configuration: DEFAULT_LANGUAGE: expected one of en, es, got "fr"'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid configuration: LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [
      { ALLOWED_TENANTS: '00000000-0000-0000-0000-000000000000, contoso' },
      'Invalid configuration: ALLOWED_TENANTS: expected comma-separated tenant ids (GUIDs, e.g. 00000000-0000-0000-0000-000000000000), got "contoso"',
    ],
    [{ STORAGE: 'disk' }, 'Invalid configuration: STORAGE: expected memory or blob, got "disk"'],
  ])('%j: names the variable, the problem, what is allowed and the value', (env, message) => {
    expect(configError(env)).toBe(message);
  });

  it('never quotes a secret', () => {
    const connectionString = `DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=${AZURITE_KEY}`;
    const message = configError({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: 'bot-state' });
    expect(message).toBe(
      'Invalid configuration: BLOB_CONNECTION_STRING: EndpointSuffix (or BlobEndpoint) is missing (expected e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net)',
    );
    expect(configError({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 's3cr3t-value' })).not.toContain('s3cr3t-value');
  });

  it('refuses a KB_PATH folder that does not exist, naming it', () => {
    const missing = path.join(tmpdir(), 'no-such-kb-folder');
    expect(configError({ KB_PATH: `${DEFAULT_KB_DIR}${path.delimiter}${missing}` })).toBe(
      `Invalid configuration: KB_PATH: folder not found: ${JSON.stringify(missing)}; expected existing article folders separated by "${path.delimiter}"`,
    );
    expect(configError({ KB_PATH: 'no-such-kb-folder' })).toContain(`folder not found: "no-such-kb-folder" (${path.resolve('no-such-kb-folder')})`);
    expect(loadConfig({ KB_PATH: DEFAULT_KB_DIR }).kbPaths).toEqual([DEFAULT_KB_DIR]);
  });

  it('takes an empty PORT as unset, like every other setting', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3978);
    expect(loadConfig({ PORT: ' 8080 ' }).port).toBe(8080);
    expect(loadConfig({ DEFAULT_LANGUAGE: '' }).defaultLanguage).toBe('en');
    expect(loadConfig({ MicrosoftAppType: ' ' }).microsoftApp.type).toBeUndefined();
  });
});

describe('storage settings', () => {
  it('keeps state in memory by default, and when STORAGE is empty', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'memory' });
    expect(loadConfig({ STORAGE: '' }).storage).toEqual({ kind: 'memory' });
    expect(loadConfig({ STORAGE: ' Memory ' }).storage).toEqual({ kind: 'memory' });
  });

  it('takes Blob storage with a connection string and a container', () => {
    for (const connectionString of [AZURITE, AZURE, SAS, 'UseDevelopmentStorage=true']) {
      expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: 'bot-state' }).storage).toEqual({
        kind: 'blob',
        connectionString,
        container: 'bot-state',
      });
    }
  });

  it.each([
    ['an unknown STORAGE', { STORAGE: 'disk' }, 'Invalid configuration: STORAGE: expected memory or blob'],
    ['blob without a connection string', { STORAGE: 'blob' }, 'Invalid configuration: BLOB_CONNECTION_STRING is required when STORAGE=blob'],
    ['blob without a container', { STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE }, 'Invalid configuration: BLOB_CONTAINER is required when STORAGE=blob'],
    [
      'a container name Azure refuses',
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE, BLOB_CONTAINER: 'Bot_State' },
      'Invalid configuration: BLOB_CONTAINER: expected 3 to 63 lower-case',
    ],
    ['a connection string with STORAGE left at memory', { BLOB_CONNECTION_STRING: AZURE }, 'Invalid configuration: STORAGE is memory but BLOB_CONNECTION_STRING is set'],
    [
      'an account name for a connection string',
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'my-storage-account', BLOB_CONTAINER: 'bot-state' },
      'Invalid configuration: BLOB_CONNECTION_STRING: expected Name=value pairs',
    ],
  ])('refuses %s with one line naming the setting', (_name, env, message) => {
    const error = configError(env);
    expect(error.startsWith(message)).toBe(true);
    expect(error).not.toContain('\n');
  });

  it("applies Azure's rule for container names", () => {
    const valid = ['bot', 'bot-state', 'a1-b2-c3', 'x'.repeat(63), '123'];
    const invalid = ['ab', 'x'.repeat(64), 'Bot', 'bot_state', 'bot--state', '-bot', 'bot-', 'bot.state', 'bot state'];
    for (const container of valid) expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE, BLOB_CONTAINER: container }).storage).toMatchObject({ container });
    for (const container of invalid)
      expect(configError({ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE, BLOB_CONTAINER: container })).toMatch(/^Invalid configuration: BLOB_CONTAINER: /);
  });

  it('judges connection strings as the storage SDK does, and never quotes them (they hold the key)', () => {
    const strings = [
      AZURITE,
      AZURE,
      SAS,
      'UseDevelopmentStorage=true',
      `AccountName=contosobot;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=${AZURITE_KEY}`,
      `DefaultEndpointsProtocol=ftp;AccountName=contosobot;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`,
      'DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=;EndpointSuffix=core.windows.net',
      'BlobEndpoint=https://contosobot.blob.core.windows.net/',
      'SharedAccessSignature=sv=2022&sig=x',
      'just-a-name',
    ];
    for (const connectionString of strings) {
      const problem = connectionStringProblem(connectionString);
      let sdk: string | undefined;
      try {
        new ContainerClient(connectionString, 'bot-state');
      } catch (error) {
        sdk = (error as Error).message;
      }
      expect({ connectionString, accepted: problem === undefined }).toEqual({ connectionString, accepted: sdk === undefined });
      if (problem) {
        const message = configError({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: 'bot-state' });
        expect(message).toMatch(/^Invalid configuration: BLOB_CONNECTION_STRING: /);
        expect(message).not.toContain(AZURITE_KEY);
      }
    }
  });

  it('creates the storage the settings name', () => {
    expect(createStorage({ kind: 'memory' }).store.constructor.name).toBe('MemoryVersionedStore');
    expect(createStorage({ kind: 'blob', connectionString: AZURE, container: 'bot-state' }).store.constructor.name).toBe('BlobVersionedStore');
  });
});

describe('the service started with a bad setting', () => {
  let occupied: Server;
  let port: number;
  beforeAll(async () => {
    // The bot's port, already taken: had the bot tried to listen, it would say EADDRINUSE.
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    port = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

  function run(settings: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawnBot(botEnvironment({ PORT: String(port), ...settings }));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Only for a hang: four bots starting at once on a busy machine took over 20 s to get there.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    return new Promise((resolve) =>
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      }),
    );
  }

  it('exits 1 with one line naming the setting, before opening the port', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ STORAGE: 'blob' }, 'Invalid configuration: BLOB_CONNECTION_STRING is required when STORAGE=blob'],
      [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE, BLOB_CONTAINER: 'Bot_State' }, 'Invalid configuration: BLOB_CONTAINER: expected 3 to 63'],
      [{ STORAGE: 'cloud' }, 'Invalid configuration: STORAGE: expected memory or blob'],
      [
        { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'AccountName=contosobot;AccountKey=not base64!', BLOB_CONTAINER: 'bot-state' },
        'Invalid configuration: BLOB_CONNECTION_STRING: AccountKey is not base64',
      ],
    ];
    const results = await Promise.all(cases.map(([settings]) => run(settings)));
    results.forEach(({ code, stdout, stderr }, i) => {
      const expected = cases[i]![1];
      expect({ expected, code, stdout, lines: stderr.trim().split('\n').length }).toEqual({ expected, code: 1, stdout: '', lines: 1 });
      expect(stderr.startsWith(expected)).toBe(true);
      expect(stderr).not.toContain('EADDRINUSE');
    });
  });

  it('exits 1 naming a KB_PATH folder that does not exist, before opening the port', async () => {
    const missing = path.join(tmpdir(), 'no-such-kb-folder');
    const { code, stdout, stderr } = await run({ KB_PATH: missing });
    expect({ code, stdout, lines: stderr.trim().split('\n') }).toEqual({
      code: 1,
      stdout: '',
      lines: [`Invalid configuration: KB_PATH: folder not found: ${JSON.stringify(missing)}; expected existing article folders separated by "${path.delimiter}"`],
    });
  });

  it('(the check above would see a listen: with good settings the taken port is the error)', async () => {
    const { code, stderr } = await run({ STORAGE: 'memory' });
    expect(code).toBe(1);
    expect(stderr).toContain('EADDRINUSE');
  });
});
