/**
 * npm run azurite                          Azure's storage emulator (blob service) on 127.0.0.1:10000, in memory
 * npm run azurite -- --blobPort 10010      another port (or AZURITE_PORT=10010 npm run azurite)
 * npm run azurite -- --blobHost 0.0.0.0    any other Azurite option goes through as given
 *
 * For STORAGE=blob locally with BLOB_CONNECTION_STRING=UseDevelopmentStorage=true (port 10000;
 * on another port, a connection string with BlobEndpoint=http://127.0.0.1:<port>/devstoreaccount1).
 * --skipApiVersionCheck: the storage SDK sends a newer API version than Azurite knows.
 */
import { spawn } from 'node:child_process';

const AZURITE_BLOB = require.resolve('azurite/dist/src/blob/main.js');
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 10000;
const FIXED_OPTIONS = ['--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry'];

/**
 * Azurite's arguments: host and port (from the command line, else AZURITE_PORT, else 10000),
 * the fixed options, then the rest as given. Azurite's parser turns a repeated option into a
 * list, so host and port are given once. Throws on a port that is no port.
 */
export function azuriteArguments(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const given = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(blobHost|blobPort)(?:=(.*))?$/.exec(arg);
    if (!match) {
      if (!FIXED_OPTIONS.includes(arg)) rest.push(arg);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`--${match[1]} needs a value`);
    given.set(match[1]!, value);
  }
  const portText = given.get('blobPort') ?? (env.AZURITE_PORT?.trim() || String(DEFAULT_PORT));
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`${given.has('blobPort') ? '--blobPort' : 'AZURITE_PORT'}: expected a port number 1-65535, got "${portText}"`);
  return ['--blobHost', given.get('blobHost') ?? DEFAULT_HOST, '--blobPort', String(port), ...FIXED_OPTIONS, ...rest];
}

function main(): void {
  let args: string[];
  try {
    args = azuriteArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error('Usage: npm run azurite [-- --blobPort 10000 [other Azurite options]]   (or AZURITE_PORT=10000)');
    process.exitCode = 2;
    return;
  }
  const child = spawn(process.execPath, [AZURITE_BLOB, ...args], { stdio: 'inherit' });
  // Ctrl-C reaches both through the terminal; a SIGTERM sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1);
  });
}

if (require.main === module) main();
