import fc from 'fast-check';
import { effectivePeriod, inWindow, planSchedule, restartWindow, runsOfDay, simultaneous, type PlanWorkflow } from '../../src/check/schedulePlan';

function hm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

function fmt(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const wf = (name: string, periodMinutes: number, start: string): PlanWorkflow => ({ name, periodMinutes, startMinute: hm(start) });
/** KA-05406's window: restart −2 to +15 minutes. */
const window = (restart: string, duration = 0) => restartWindow(hm(restart), 2, 15, duration);

describe('schedulePlan: examples', () => {
  test('the combined case: three hourly mcSynch at :00, restart 06:00 → staggered minutes, none in 05:58–06:15', () => {
    const plan = planSchedule([wf('mcSynch_mcExec1', 60, '00:00'), wf('mcSynch_mcExec2', 60, '00:00'), wf('mcSynch_mcExec3', 60, '00:00')], [window('06:00')]);
    expect(plan.rows.map((row) => `${row.name} :${String(row.minuteOfHour).padStart(2, '0')}`)).toEqual(['mcSynch_mcExec1 :20', 'mcSynch_mcExec2 :25', 'mcSynch_mcExec3 :30']);
    expect(plan.feasible).toBe(true);
    expect(plan.gapMinutes).toBe(5);
    for (const row of plan.rows) for (const run of runsOfDay(row.periodMinutes, row.startMinute)) expect(run >= hm('05:58') && run <= hm('06:15')).toBe(false);
  });

  test.each<[string, PlanWorkflow[], string[], string[]]>([
    ['one clear and apart stays', [wf('a', 60, '00:30')], ['06:00'], ['a 00:30']],
    ['a clear one stays, the one beside it moves by the step', [wf('a', 60, '00:30'), wf('b', 60, '00:30')], ['06:00'], ['a 00:30', 'b 00:35']],
    ['daily at the restart moves past the window', [wf('a', 1440, '06:00')], ['06:00'], ['a 06:20']],
    ['daily across midnight', [wf('a', 1440, '23:59')], ['23:58'], ['a 00:15']],
    ['every 2 minutes is raised to 15 and cannot avoid an 18-minute window', [wf('a', 2, '00:00')], ['06:00'], ['a 00:00 every 15 !clear']],
    ['two restarts a day', [wf('a', 60, '00:00'), wf('b', 60, '00:00')], ['06:00', '18:30'], ['a 00:20', 'b 00:25']],
    ['two restarts a day, the second on the minutes the first would take', [wf('a', 60, '00:00'), wf('b', 60, '00:00')], ['06:00', '18:20'], ['a 00:40', 'b 00:45']],
    ['a restart that lasts 30 minutes', [wf('a', 1440, '06:10')], ['06:00 30'], ['a 06:50']],
  ])('%s', (_name, workflows, restarts, expected) => {
    const windows = restarts.map((text) => {
      const [time, duration] = text.split(' ');
      return window(time!, Number(duration ?? 0));
    });
    const plan = planSchedule(workflows, windows);
    expect(
      plan.rows.map((row) =>
        [row.name, fmt(row.startMinute), row.periodMinutes !== row.previousPeriodMinutes ? `every ${row.periodMinutes}` : '', row.clear ? '' : '!clear'].filter(Boolean).join(' '),
      ),
    ).toEqual(expected);
  });

  test('simultaneous: groups of workflows that run at the same minute', () => {
    expect(simultaneous([wf('a', 60, '00:00'), wf('b', 60, '00:30'), wf('c', 30, '00:00'), wf('d', 1440, '07:15')])).toEqual([{ names: ['a', 'b', 'c'], minute: 0 }]);
    expect(simultaneous([wf('a', 60, '00:00'), wf('b', 60, '00:02')], 5)).toEqual([{ names: ['a', 'b'], minute: 0 }]);
    expect(simultaneous([wf('a', 60, '00:00'), wf('b', 60, '00:30')])).toEqual([]);
  });
});

describe('schedulePlan: properties', () => {
  const PERIODS = [2, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440];
  const workflows = fc.array(fc.record({ period: fc.constantFrom(...PERIODS), start: fc.integer({ min: 0, max: 1439 }) }), { minLength: 1, maxLength: 6 });
  const windows = fc.array(
    fc.record({
      restart: fc.integer({ min: 0, max: 1439 }),
      before: fc.integer({ min: 0, max: 5 }),
      after: fc.integer({ min: 0, max: 30 }),
      duration: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 3 },
  );
  const asInput = (list: Array<{ period: number; start: number }>) => list.map((w, k) => ({ name: `mcSynch_mcExec${k + 1}`, periodMinutes: w.period, startMinute: w.start }));

  test('every period is kept, raised to the 15-minute minimum; hourly workflows get a minute of the hour', () => {
    fc.assert(
      fc.property(workflows, windows, (list, wins) => {
        const plan = planSchedule(
          asInput(list),
          wins.map((w) => restartWindow(w.restart, w.before, w.after, w.duration)),
        );
        plan.rows.forEach((row, k) => {
          expect(row.periodMinutes).toBe(Math.max(15, list[k]!.period));
          expect(row.startMinute).toBeGreaterThanOrEqual(0);
          expect(row.startMinute).toBeLessThan(row.periodMinutes);
          if (row.periodMinutes === 60) expect(row.minuteOfHour).toBe(row.startMinute);
        });
      }),
    );
  });

  test('a feasible plan: no two workflows run within the gap of each other, no run in a window', () => {
    fc.assert(
      fc.property(workflows, windows, (list, wins) => {
        const ws = wins.map((w) => restartWindow(w.restart, w.before, w.after, w.duration));
        const plan = planSchedule(asInput(list), ws);
        if (!plan.feasible) return;
        const runs = plan.rows.map((row) => runsOfDay(row.periodMinutes, row.startMinute));
        let closest = Infinity;
        for (let a = 0; a < runs.length; a++) {
          const mine = new Uint8Array(1440);
          for (const x of runs[a]!) mine[x] = 1;
          for (let b = a + 1; b < runs.length; b++) {
            for (const y of runs[b]!) for (let d = 0; d < 1440 && d < closest; d++) if (mine[(y + d) % 1440] || mine[(y - d + 1440) % 1440]) closest = Math.min(closest, d);
          }
        }
        expect(closest).toBeGreaterThanOrEqual(plan.gapMinutes);
        const clearStart = (period: number, start: number) => runsOfDay(period, start).every((run) => !ws.some((w) => inWindow(run, w)));
        plan.rows.forEach((row) => {
          // Clear, or no start at that period could be.
          expect(
            row.clear ? clearStart(row.periodMinutes, row.startMinute) : Array.from({ length: row.periodMinutes }, (_, s) => s).some((s) => clearStart(row.periodMinutes, s)),
          ).toBe(row.clear);
        });
      }),
    );
  });

  test('hourly and daily workflows, up to four, with one restart window of up to 25 minutes: always feasible, 5 minutes apart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ period: fc.constantFrom(60, 1440), start: fc.integer({ min: 0, max: 1439 }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 20 }),
        (list, restart, after) => {
          const plan = planSchedule(asInput(list), [restartWindow(restart, 2, after)]);
          expect(plan.feasible).toBe(true);
          expect(plan.gapMinutes).toBe(5);
          expect(plan.rows.every((row) => row.clear)).toBe(true);
        },
      ),
    );
  });

  test('a workflow already clear of the windows and apart from the others keeps its start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 1439 }), (minute, restart) => {
        const ws = [restartWindow(restart, 2, 15)];
        const plan = planSchedule([{ name: 'a', periodMinutes: 60, startMinute: minute }], ws);
        const clearNow = runsOfDay(60, minute).every((run) => !ws.some((w) => inWindow(run, w)));
        expect(plan.rows[0]!.changed).toBe(!clearNow);
      }),
    );
  });

  test('the same input gives the same plan', () => {
    fc.assert(
      fc.property(workflows, windows, (list, wins) => {
        const ws = wins.map((w) => restartWindow(w.restart, w.before, w.after, w.duration));
        expect(planSchedule(asInput(list), ws)).toEqual(planSchedule(asInput(list), ws));
      }),
    );
  });

  test('effectivePeriod', () => {
    expect([2, 15, 60, 3000, 0].map((p) => effectivePeriod(p))).toEqual([15, 15, 60, 1440, 1440]);
    expect(effectivePeriod(2, 0)).toBe(2);
  });
});
