import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/cli/bench.ts', ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run bench', () => {
  it('refuses an unknown section with the list of sections and exit 2, before running anything', async () => {
    const { code, stdout, stderr } = await bench(['state', 'foo']);
    expect(code).toBe(2);
    // Nothing ran: not even the header every run prints first.
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown section "foo"');
    expect(stderr).toContain('search, state, turns, growth');
  });

  it('says at the start that it takes minutes, before any figure', async () => {
    const { code, stdout } = await bench(['state']);
    expect(code).toBe(0);
    const [header, warning] = stdout.split('\n');
    expect(header).toMatch(/^# Benchmark: Node v/);
    expect(warning).toMatch(/^This takes minutes \(sections: state; .*\)\. Targets and pass\/fail marks come at the end\.$/);
  });
});
