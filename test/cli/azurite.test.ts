import { spawn } from 'node:child_process';
import path from 'node:path';
import { azuriteArguments } from '../../src/cli/azurite';
import { freePort } from '../../src/cli/localPort';
import { stopChild, waitForOutput } from '../support/azurite';
import { track } from '../support/children';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const FIXED = ['--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry'];

describe('npm run azurite', () => {
  it('runs on 127.0.0.1:10000 by default, as documented', () => {
    expect(azuriteArguments([], {})).toEqual(['--blobHost', '127.0.0.1', '--blobPort', '10000', ...FIXED]);
  });

  it('takes the port from --blobPort (either form), else AZURITE_PORT, and passes other options on', () => {
    expect(azuriteArguments(['--blobPort', '10010'], {})).toEqual(['--blobHost', '127.0.0.1', '--blobPort', '10010', ...FIXED]);
    expect(azuriteArguments(['--blobPort=10011', '--silent'], { AZURITE_PORT: '10020' })).toEqual(['--blobHost', '127.0.0.1', '--blobPort', '10011', ...FIXED, '--silent']);
    expect(azuriteArguments([], { AZURITE_PORT: '10020' })).toEqual(['--blobHost', '127.0.0.1', '--blobPort', '10020', ...FIXED]);
    expect(azuriteArguments(['--blobHost', '0.0.0.0', '--inMemoryPersistence'], {})).toEqual(['--blobHost', '0.0.0.0', '--blobPort', '10000', ...FIXED]);
  });

  it('refuses a port that is no port, naming where it came from', () => {
    expect(() => azuriteArguments([], { AZURITE_PORT: 'abc' })).toThrow('AZURITE_PORT: expected a port number 1-65535, got "abc"');
    expect(() => azuriteArguments(['--blobPort', '70000'], {})).toThrow('--blobPort: expected a port number 1-65535, got "70000"');
    expect(() => azuriteArguments(['--blobPort'], {})).toThrow('--blobPort needs a value');
  });

  it('listens on the port given with -- --blobPort', async () => {
    const port = await freePort();
    const child = track(spawn(tsx, ['src/cli/azurite.ts', '--blobPort', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }));
    try {
      await waitForOutput(child, new RegExp(`successfully listens on http://127\\.0\\.0\\.1:${port}\\b`), 20_000, 'npm run azurite');
      const response = await fetch(`http://127.0.0.1:${port}/devstoreaccount1?comp=list`);
      // Azurite answers (an unauthenticated listing is refused, but by Azurite on that port).
      expect(response.headers.get('server') ?? '').toMatch(/Azurite/);
    } finally {
      await stopChild(child, 'SIGTERM', 5_000);
    }
  });
});
