import { printTable } from './support';

/**
 * The targets of the performance issue (14) and issue 10's promise about the guided check, each
 * figure as the sections measured it, with a pass/fail mark. Ratios compare servers measured in
 * the same run; absolute figures are this machine's, as busy as it was.
 */

export interface Mark {
  figure: string;
  value: string;
  target: string;
  /** undefined: not measured in this run (a section skipped, a process that failed). */
  pass: boolean | undefined;
}

export class Scorecard {
  private readonly marks: Mark[] = [];

  /** At most `limit`. */
  atMost(figure: string, value: number | undefined, limit: number, unit: string, digits = 2): void {
    this.add(figure, value, `<= ${shown(limit)}${unit}`, (v) => v <= limit, unit, digits);
  }

  /** At least `limit`. */
  atLeast(figure: string, value: number | undefined, limit: number, unit: string, digits = 2): void {
    this.add(figure, value, `>= ${shown(limit)}${unit}`, (v) => v >= limit, unit, digits);
  }

  private add(figure: string, value: number | undefined, target: string, holds: (value: number) => boolean, unit: string, digits: number): void {
    const measured = value !== undefined && Number.isFinite(value);
    this.marks.push({ figure, value: measured ? `${value.toFixed(digits)}${unit}` : 'not measured', target, pass: measured ? holds(value) : undefined });
  }

  get size(): number {
    return this.marks.length;
  }

  print(): void {
    console.log('\n## Targets\n');
    printTable(
      ['figure', 'measured', 'target', ''],
      this.marks.map((mark) => [mark.figure, mark.value, mark.target, mark.pass === undefined ? '-' : mark.pass ? 'PASS' : 'FAIL']),
    );
    const measured = this.marks.filter((mark) => mark.pass !== undefined);
    console.log(
      `\n${measured.filter((mark) => mark.pass).length} of ${measured.length} targets met${measured.length < this.marks.length ? ` (${this.marks.length - measured.length} not measured)` : ''}.`,
    );
  }
}

/** A limit as written in the issue: 0.351 rather than 0.35100000000000003. */
function shown(limit: number): string {
  return String(Number(limit.toPrecision(4)));
}
