import { Scorecard } from '../../src/cli/bench/targets';

/** npm run bench's closing table: each target of the performance issue with a pass/fail mark. */

describe('bench scorecard', () => {
  it('marks each figure against its target, and says what was not measured', () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      const card = new Scorecard();
      card.atLeast('turns x echo', 0.61, 0.55, '');
      card.atLeast('turns x waterfall', 0.8, 0.9, '');
      card.atMost('ready', 0.9, 1, ' s');
      card.atMost('p99 x echo', 0.39 * 9, 0.39 * 9, '');
      card.atMost('RSS', undefined, 140, ' MB', 0);
      card.print();
    } finally {
      log.mockRestore();
    }
    const table = lines.join('\n');
    expect(table).toMatch(/turns x echo\s+0\.61\s+>= 0\.55\s+PASS/);
    expect(table).toMatch(/turns x waterfall\s+0\.80\s+>= 0\.9\s+FAIL/);
    expect(table).toMatch(/ready\s+0\.90 s\s+<= 1 s\s+PASS/);
    // Limits are shown as written, not as floating point leaves them.
    expect(table).toMatch(/p99 x echo\s+3\.51\s+<= 3\.51\s+PASS/);
    expect(table).toMatch(/RSS\s+not measured\s+<= 140 MB\s+-/);
    expect(table).toContain('3 of 4 targets met (1 not measured).');
  });
});
