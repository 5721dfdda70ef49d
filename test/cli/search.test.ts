import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeWithCorpus } from '../support/corpus';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function search(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run(tsx, ['src/cli/search.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
  return stdout;
}

describe('npm run search', () => {
  it('prints JSON results, best first, from the shipped kb/', async () => {
    const rows = JSON.parse(await search(['--json', 'Empty return for method Logon of service xtk:session'], { KB_PATH: '' }));
    expect(rows[0]).toEqual({ article: 'KA-05406', language: 'en', title: expect.stringContaining('xtk:session'), score: expect.any(Number) });
  });

  it('prints [] when nothing fits', async () => {
    expect(JSON.parse(await search(['--json', 'cuéntame un chiste sobre gatos'], { KB_PATH: '' }))).toEqual([]);
  });

  it('ends quietly with 0 when its reader stops reading (| head -2)', async () => {
    const child = spawn(tsx, ['src/cli/search.ts', 'workflow error'], { cwd: root, env: { ...process.env, KB_PATH: '' } });
    // The reader is gone before the tool writes anything: every write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('prints a readable ranking for KB authors', async () => {
    const out = await search(['devolucion vacia logon'], { KB_PATH: '' });
    expect(out).toMatch(/1\. KA-05406 \[es\] [01]\.\d{3}/);
  });
});

describeWithCorpus('npm run search with KB_PATH', (corpus) => {
  it('reads the folders named in KB_PATH', async () => {
    const rows = JSON.parse(await search(['--json', 'mcSync deadlock'], { KB_PATH: corpus }));
    expect(rows[0].article).toBe('KA-23471');
  });
});
