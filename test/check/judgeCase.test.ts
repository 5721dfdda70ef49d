import fc from 'fast-check';
import { judgeCase, minutesAfter, type CaseCheckData, type CaseError, type CaseInput, type CaseJudgement, type RestartFix } from '../../src/check/judgeCase';
import { loadGuidedCheck } from '../../src/kb/loader';

/** The guided-check data as shipped, so that a change to the JSON is judged by these tests too. */
const shipped: CaseCheckData = loadGuidedCheck('KA-05406');

/** The values the article and the domain notes give, written out, in case the JSON drifts. */
const BEFORE = 2;
const AFTER = 15;
const MARGIN = 5;

function hm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

function fmt(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "06:00:41", "06:00:41 mcSynch_mcExec1", "~06:00" (vague). */
function err(text: string): CaseError {
  const [time = '', workflow] = text.split(' ');
  const vague = time.startsWith('~');
  const [h, m, s] = time.replace('~', '').split(':').map(Number);
  return { minuteOfDay: h! * 60 + m!, ...(s === undefined ? {} : { second: s }), ...(workflow ? { workflow } : {}), ...(vague ? { vague } : {}) };
}

function input(errors: string[], restarts: string[], more: Partial<CaseInput> = {}): CaseInput {
  return { errors: errors.map(err), restarts: restarts.map(hm), workflows: [], zonesKnown: true, zoneAsked: false, ...more };
}

/** The judgement as the table writes it. */
function summary(judgement: CaseJudgement): unknown {
  switch (judgement.kind) {
    case 'needs':
      return { kind: 'needs', what: judgement.what };
    case 'askConsoleZone':
      return { kind: 'askConsoleZone', offsetMinutes: judgement.offsetMinutes };
    case 'coincides':
      return {
        kind: 'coincides',
        restart: fmt(judgement.restart),
        starts: starts(judgement),
        alternatives: judgement.alternatives.map(fmt),
        // Fixes at other restarts, only when there are some: "18:00: ? 18:05 (18:10)".
        ...(judgement.alsoAfter.length
          ? { also: judgement.alsoAfter.map((fix) => `${fmt(fix.restart)}: ${starts(fix).join(', ')} (${fix.alternatives.map(fmt).join(', ')})`) }
          : {}),
      };
    case 'differs':
      return { kind: 'differs', nearestRestart: fmt(judgement.nearestRestart) };
  }
}

function starts(fix: RestartFix): string[] {
  return fix.schedule.map((row) => `${row.workflow ?? '?'} ${fmt(row.startMinuteOfDay)}`);
}

const coincide = (restart: string, starts: string[], alternatives: string[]) => ({ kind: 'coincides', restart, starts, alternatives });

describe('judgeCase: the table', () => {
  test.each<[string, CaseInput, unknown]>([
    // What is missing, in the order the check asks.
    ['no error time', input([], ['06:00']), { kind: 'needs', what: 'errorTime' }],
    ['no error time and no restart', input([], []), { kind: 'needs', what: 'errorTime' }],
    ['no restart', input(['06:02'], []), { kind: 'needs', what: 'restartTime' }],
    ['only rough error times', input(['~06:00', '~14:00'], ['06:00']), { kind: 'needs', what: 'exactErrorTime' }],
    ['no restart beats rough times', input(['~06:00'], []), { kind: 'needs', what: 'restartTime' }],

    // The hard facts.
    ['restart 06:00, errors 06:00:41 and 06:02:10', input(['06:00:41', '06:02:10'], ['06:00']), coincide('06:00', ['? 06:05'], ['06:10'])],
    ["restart 23:58, error 00:01 the next day: the article's +5/+10", input(['00:01'], ['23:58']), coincide('23:58', ['? 00:03'], ['00:08'])],
    ['restart 06:00, error 14:37: not the cause', input(['14:37'], ['06:00']), { kind: 'differs', nearestRestart: '06:00' }],

    // The start comes after every failing minute, on the 5-minute grid.
    ['error 06:15 → 06:20, never 06:05 or 06:10', input(['06:15'], ['06:00']), coincide('06:00', ['? 06:20'], ['06:25'])],
    ['error 06:15:59 is still 15 minutes after', input(['06:15:59'], ['06:00']), coincide('06:00', ['? 06:20'], ['06:25'])],
    ['error 06:05 → 06:10: never at a minute that failed', input(['06:05'], ['06:00']), coincide('06:00', ['? 06:10'], ['06:15'])],
    ["error 06:04:59 → the article's 06:05 is after it", input(['06:04:59'], ['06:00']), coincide('06:00', ['? 06:05'], ['06:10'])],
    ['errors 06:02 and 06:14 → after the last', input(['06:02', '06:14'], ['06:00']), coincide('06:00', ['? 06:15'], ['06:20'])],
    ['restart 23:58, error 00:03 → 00:05, never 00:03', input(['00:03'], ['23:58']), coincide('23:58', ['? 00:05'], ['00:10'])],
    ['restart 23:58, error 23:59', input(['23:59'], ['23:58']), coincide('23:58', ['? 00:03'], ['00:08'])],
    ['restart 04:30 moves the fix with it', input(['04:31'], ['04:30']), coincide('04:30', ['? 04:35'], ['04:40'])],
    ["restart 06:02: the article's R+5 even off the grid", input(['06:03'], ['06:02']), coincide('06:02', ['? 06:07'], ['06:12'])],

    // The window's edges.
    ['2 minutes before', input(['05:58'], ['06:00']), coincide('06:00', ['? 06:05'], ['06:10'])],
    ['3 minutes before', input(['05:57'], ['06:00']), { kind: 'differs', nearestRestart: '06:00' }],
    ['16 minutes after', input(['06:16'], ['06:00']), { kind: 'differs', nearestRestart: '06:00' }],
    ['2 minutes before, across midnight', input(['23:58'], ['00:00']), coincide('00:00', ['? 00:05'], ['00:10'])],

    // A restart that lasts: the window and the first start move with its end.
    ['30-minute restart, error 06:35', input(['06:35'], ['06:00'], { restartDurationMinutes: 30 }), coincide('06:00', ['? 06:40'], ['06:45'])],
    ['30-minute restart, error 06:02 → 5 minutes after its end', input(['06:02'], ['06:00'], { restartDurationMinutes: 30 }), coincide('06:00', ['? 06:35'], ['06:40'])],
    ["30-minute restart, error 06:45 is the window's end", input(['06:45'], ['06:00'], { restartDurationMinutes: 30 }), coincide('06:00', ['? 06:50'], ['06:55'])],
    ['30-minute restart, error 06:46 is outside', input(['06:46'], ['06:00'], { restartDurationMinutes: 30 }), { kind: 'differs', nearestRestart: '06:00' }],
    ['30-minute restart, error 06:31 → 06:35', input(['06:31'], ['06:00'], { restartDurationMinutes: 30 }), coincide('06:00', ['? 06:35'], ['06:40'])],
    ['15-minute restart, error 06:22 → 06:25', input(['06:22'], ['06:00'], { restartDurationMinutes: 15 }), coincide('06:00', ['? 06:25'], ['06:30'])],
    ['20-minute restart, error 06:40 is outside', input(['06:40'], ['06:00'], { restartDurationMinutes: 20 }), { kind: 'differs', nearestRestart: '06:00' }],
    ['10-minute restart, error 06:27 is outside', input(['06:27'], ['06:00'], { restartDurationMinutes: 10 }), { kind: 'differs', nearestRestart: '06:00' }],
    ['3-minute restart at 06:02: 06:10, on the grid', input(['06:03'], ['06:02'], { restartDurationMinutes: 3 }), coincide('06:02', ['? 06:10'], ['06:15'])],

    // Several restarts a day.
    ['restarts 6 and 18, error 18:02', input(['18:02'], ['06:00', '18:00']), coincide('18:00', ['? 18:05'], ['18:10'])],
    ['restarts 6 and 18, error 12:00', input(['12:00'], ['06:00', '18:00']), { kind: 'differs', nearestRestart: '06:00' }],
    [
      'restarts 6 and 18, failures at both: a fix for each, the earliest first',
      input(['18:02', '06:01', '18:03'], ['18:00', '06:00']),
      { ...coincide('06:00', ['? 06:05'], ['06:10']), also: ['18:00: ? 18:05 (18:10)'] },
    ],
    [
      'restarts 6 and 18, 06:12 and 18:03: each fix after its own failures',
      input(['06:12', '18:03'], ['06:00', '18:00']),
      { ...coincide('06:00', ['? 06:15'], ['06:20']), also: ['18:00: ? 18:05 (18:10)'] },
    ],
    [
      'restarts 23:58 and 12:00: the fix after midnight comes first in the day',
      input(['12:01', '00:01'], ['12:00', '23:58']),
      { ...coincide('23:58', ['? 00:03'], ['00:08']), also: ['12:00: ? 12:05 (12:10)'] },
    ],
    [
      'two workflows at two restarts',
      input(['06:01 mcSynch_mcExec1', '18:02 mcSynch_mcExec2'], ['06:00', '18:00']),
      { ...coincide('06:00', ['mcSynch_mcExec1 06:05', 'mcSynch_mcExec2 06:10'], ['06:10']), also: ['18:00: mcSynch_mcExec1 18:05, mcSynch_mcExec2 18:10 (18:10)'] },
    ],
    [
      // Both windows hold both errors; 06:05 is in the 06:03 restart's way, 06:08 is not.
      'restarts 3 minutes apart: each fix clear of both, no two workflows in one minute',
      input(['06:01', '06:04'], ['06:00', '06:03'], { workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2'] }),
      { ...coincide('06:03', ['mcSynch_mcExec1 06:08', 'mcSynch_mcExec2 06:13'], ['06:13']), also: ['06:00: mcSynch_mcExec1 06:10, mcSynch_mcExec2 06:15 (06:15)'] },
    ],
    ['restarts 06:00 and 06:10: starts avoid the second', input(['06:01'], ['06:00', '06:10']), coincide('06:00', ['? 06:05'], ['06:15'])],
    ['overlapping windows: judged against the restart whose window holds it', input(['06:12'], ['06:00', '06:20']), coincide('06:00', ['? 06:15'], ['06:25'])],

    // Several workflows: staggered, every one scheduled.
    [
      'two workflows named: 5 minutes apart',
      input(['06:01'], ['06:00'], { workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2'] }),
      coincide('06:00', ['mcSynch_mcExec1 06:05', 'mcSynch_mcExec2 06:10'], ['06:10']),
    ],
    [
      'a workflow named only on an error is scheduled too, once whatever its case',
      input(['06:01 mcSynch_mcExec2', '06:02 MCSYNCH_MCEXEC1'], ['06:00'], { workflows: ['mcSynch_mcExec1'] }),
      coincide('06:00', ['mcSynch_mcExec1 06:05', 'mcSynch_mcExec2 06:10'], ['06:10']),
    ],
    [
      'two workflows, the later one failing at 06:07: both after it',
      input(['06:02 mcSynch_mcExec1', '06:07 mcSynch_mcExec2'], ['06:00']),
      coincide('06:00', ['mcSynch_mcExec1 06:10', 'mcSynch_mcExec2 06:15'], ['06:15']),
    ],
    [
      'two workflows failing in the same minute',
      input(['06:01 mcSynch_mcExec1', '06:01 mcSynch_mcExec2'], ['06:00']),
      coincide('06:00', ['mcSynch_mcExec1 06:05', 'mcSynch_mcExec2 06:10'], ['06:10']),
    ],
    [
      'three workflows after a late error',
      input(['06:15'], ['06:00'], { workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2', 'mcSynch_mcExec3'] }),
      coincide('06:00', ['mcSynch_mcExec1 06:20', 'mcSynch_mcExec2 06:25', 'mcSynch_mcExec3 06:30'], ['06:25']),
    ],
    [
      'staggered starts skip another restart',
      input(['06:01'], ['06:00', '06:12'], { workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2'] }),
      coincide('06:00', ['mcSynch_mcExec1 06:05', 'mcSynch_mcExec2 06:20'], ['06:20']),
    ],

    // Rough times.
    ['a rough time in a window, the exact ones not: ask for the exact time', input(['14:37', '~06:00'], ['06:00']), { kind: 'needs', what: 'exactErrorTime' }],
    ['a rough time in a window after an exact match: the start comes after it too', input(['06:01', '~06:10'], ['06:00']), coincide('06:00', ['? 06:15'], ['06:20'])],
    ['a rough time far from any restart is not the cause either', input(['14:37', '~15:00'], ['06:00']), { kind: 'differs', nearestRestart: '06:00' }],

    // Zones: ask once when a whole or half hour would explain a miss.
    // Half hours only when a zone in play has a half-hour offset: otherwise most times would be "a zone away".
    ['zones unknown: 14:37 is 8h30 from 06:07, whole hours only: not the cause', input(['14:37'], ['06:00'], { zonesKnown: false }), { kind: 'differs', nearestRestart: '06:00' }],
    [
      'zones unknown, half hours in play: 14:37 is 8h30 from 06:07',
      input(['14:37'], ['06:00'], { zonesKnown: false, zoneStepMinutes: 30 }),
      { kind: 'askConsoleZone', offsetMinutes: -510 },
    ],
    ['zones unknown: 08:02 is 2 hours after', input(['08:02'], ['06:00'], { zonesKnown: false }), { kind: 'askConsoleZone', offsetMinutes: -120 }],
    ['zones unknown: 05:01 is an hour before', input(['05:01'], ['06:00'], { zonesKnown: false }), { kind: 'askConsoleZone', offsetMinutes: 60 }],
    [
      'zones unknown, half hours in play: 11:32 is 5h30 after',
      input(['11:32'], ['06:00'], { zonesKnown: false, zoneStepMinutes: 30 }),
      { kind: 'askConsoleZone', offsetMinutes: -330 },
    ],
    ['zones unknown: 11:32 is 5h30 after, whole hours only: not the cause', input(['11:32'], ['06:00'], { zonesKnown: false }), { kind: 'differs', nearestRestart: '06:00' }],
    ['zones unknown, already asked: not the cause', input(['14:37'], ['06:00'], { zonesKnown: false, zoneAsked: true }), { kind: 'differs', nearestRestart: '06:00' }],
    ['zones unknown, no whole or half hour fits: not the cause', input(['06:16'], ['06:00'], { zonesKnown: false }), { kind: 'differs', nearestRestart: '06:00' }],
    ['zones unknown but the errors coincide: no question', input(['06:02'], ['06:00'], { zonesKnown: false }), coincide('06:00', ['? 06:05'], ['06:10'])],
    ['zones unknown: the shift that explains most errors', input(['08:02', '14:01', '14:05'], ['06:00'], { zonesKnown: false }), { kind: 'askConsoleZone', offsetMinutes: -480 }],
  ])('%s', (_name, caseInput, expected) => {
    expect(summary(judgeCase(caseInput, shipped))).toEqual(expected);
  });
});

describe('judgeCase: what a verdict carries', () => {
  test('coincides: the window, and the errors in and out of it in input order', () => {
    const judgement = judgeCase(input(['14:37', '06:02:10', '09:00', '06:00:41'], ['06:00']), shipped);
    if (judgement.kind !== 'coincides') throw new Error(judgement.kind);
    expect([fmt(judgement.window.from), fmt(judgement.window.to)]).toEqual(['05:58', '06:15']);
    expect(judgement.matching.map((error) => error.minuteOfDay).map(fmt)).toEqual(['06:02', '06:00']);
    expect(judgement.others.map((error) => error.minuteOfDay).map(fmt)).toEqual(['14:37', '09:00']);
  });

  test('the window across midnight, and with a duration', () => {
    const midnight = judgeCase(input(['00:03'], ['23:58']), shipped);
    const long = judgeCase(input(['06:35'], ['06:00'], { restartDurationMinutes: 30 }), shipped);
    if (midnight.kind !== 'coincides' || long.kind !== 'coincides') throw new Error('expected coincides');
    expect([fmt(midnight.window.from), fmt(midnight.window.to)]).toEqual(['23:56', '00:13']);
    expect([fmt(long.window.from), fmt(long.window.to)]).toEqual(['05:58', '06:45']);
  });

  test('differs: every error, no schedule', () => {
    const judgement = judgeCase(input(['14:37', '~15:00'], ['06:00', '18:00']), shipped);
    expect(judgement).toEqual({ kind: 'differs', nearestRestart: hm('18:00'), errors: [err('14:37'), err('~15:00')] });
  });

  test('the input errors come back as given (the dialog quotes their seconds)', () => {
    const error = err('06:00:41 mcSynch_mcExec1');
    const judgement = judgeCase({ ...input([], ['06:00']), errors: [error] }, shipped);
    expect(judgement.kind === 'coincides' && judgement.matching[0]).toBe(error);
  });

  test('the offsets and the window come from the data', () => {
    const data: CaseCheckData = { coincidence: { minutesBefore: 0, minutesAfter: 30 }, fix: { offsetsMinutes: [10, 20] } };
    expect(summary(judgeCase(input(['06:25'], ['06:00']), data))).toEqual(coincide('06:00', ['? 06:30'], ['06:40']));
    expect(summary(judgeCase(input(['06:02'], ['06:00']), data))).toEqual(coincide('06:00', ['? 06:10'], ['06:20']));
    expect(summary(judgeCase(input(['05:59'], ['06:00']), data))).toEqual({ kind: 'differs', nearestRestart: '06:00' });
  });

  test('nonsense numbers do not throw', () => {
    expect(judgeCase({ ...input([], ['06:00']), errors: [{ minuteOfDay: NaN }] }, shipped)).toEqual({ kind: 'needs', what: 'errorTime' });
    expect(judgeCase({ ...input(['06:00'], []), restarts: [Infinity] }, shipped)).toEqual({ kind: 'needs', what: 'restartTime' });
    expect(judgeCase(input(['06:02'], ['06:00'], { restartDurationMinutes: -5 }), shipped).kind).toBe('coincides');
  });

  test('restarts covering the whole day: coincides, with no clear minute to offer', () => {
    const judgement = judgeCase(input(['06:02'], ['06:00', '18:00'], { restartDurationMinutes: 720 }), shipped);
    expect(judgement).toMatchObject({ kind: 'coincides', schedule: [], alternatives: [] });
  });

  test('minutesAfter goes forward round the clock', () => {
    expect(minutesAfter(hm('23:58'), hm('00:03'))).toBe(5);
    expect(minutesAfter(hm('00:03'), hm('23:58'))).toBe(1435);
    expect(minutesAfter(hm('06:00'), hm('06:00'))).toBe(0);
  });
});

describe('judgeCase: properties', () => {
  const WORKFLOWS = ['mcSynch_mcExec1', 'mcSynch_mcExec2', 'mcSynch_mcExec3', 'MCSYNCH_MCEXEC1'];
  const minute = fc.integer({ min: 0, max: 1439 });

  /** A case whose errors are often near a restart, so that most runs coincide. */
  const caseInput = fc
    .record({
      restarts: fc.uniqueArray(minute, { minLength: 1, maxLength: 4 }),
      duration: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      near: fc.array(fc.record({ restart: fc.nat(), offset: fc.integer({ min: -5, max: 80 }) }), { maxLength: 4 }),
      far: fc.array(minute, { maxLength: 3 }),
      seconds: fc.array(fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }), { minLength: 7, maxLength: 7 }),
      vague: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      names: fc.array(fc.option(fc.constantFrom(...WORKFLOWS), { nil: undefined }), { minLength: 7, maxLength: 7 }),
      workflows: fc.subarray(WORKFLOWS),
      zonesKnown: fc.boolean(),
      zoneAsked: fc.boolean(),
      zoneStep: fc.constantFrom(undefined, 30, 60),
    })
    .map(({ restarts, duration, near, far, seconds, vague, names, workflows, zonesKnown, zoneAsked, zoneStep }): CaseInput => {
      const minutes = [...near.map(({ restart, offset }) => restarts[restart % restarts.length]! + offset), ...far].map((m) => ((m % 1440) + 1440) % 1440);
      const errors = minutes.map((minuteOfDay, k): CaseError => ({
        minuteOfDay,
        ...(seconds[k] === undefined ? {} : { second: seconds[k] }),
        ...(names[k] === undefined ? {} : { workflow: names[k] }),
        // Mostly exact: a rough time now and then.
        ...(vague[k] && k % 3 === 0 ? { vague: true } : {}),
      }));
      return {
        errors,
        restarts,
        ...(duration === undefined ? {} : { restartDurationMinutes: duration }),
        workflows,
        zonesKnown,
        zoneAsked,
        ...(zoneStep === undefined ? {} : { zoneStepMinutes: zoneStep }),
      };
    });

  const durationOf = (c: CaseInput) => c.restartDurationMinutes ?? 0;
  /** Signed minutes of `m` in restart r's window, or undefined: written again here, apart from the module. */
  const inWindow = (c: CaseInput, r: number, m: number): number | undefined => {
    const forward = minutesAfter(r, m);
    if (forward <= durationOf(c) + AFTER) return forward;
    return forward >= 1440 - BEFORE ? forward - 1440 : undefined;
  };
  const inAnyWindow = (c: CaseInput, m: number) => c.restarts.some((r) => inWindow(c, r, m) !== undefined);
  /** A restart would hit a run started at m: from R − 2 to before R + duration + 5. */
  const hitByRestart = (c: CaseInput, m: number) => c.restarts.some((r) => minutesAfter(r - BEFORE + 1440, m) < BEFORE + durationOf(c) + MARGIN);
  const exact = (c: CaseInput) => c.errors.filter((error) => !error.vague);
  const RUNS = { seed: 42, numRuns: 300 };

  test('coinciding: every start is a whole minute after every failure of the window, clear of every restart, one workflow a minute', () => {
    let coinciding = 0;
    fc.assert(
      fc.property(caseInput, (c) => {
        const judgement = judgeCase(c, shipped);
        if (judgement.kind !== 'coincides') return;
        coinciding += 1;
        expect(exact(c).some((error) => inAnyWindow(c, error.minuteOfDay))).toBe(true);
        expect(inWindow(c, judgement.restart, judgement.restart)).toBe(0);
        expect(judgement.matching.length + judgement.others.length).toBe(c.errors.length);

        const names = new Set([...c.workflows, ...c.errors.flatMap((error) => error.workflow ?? [])].map((name) => name.toLowerCase()));
        const fixes = [judgement, ...judgement.alsoAfter];
        // Every failure is in the window of a fix's restart; the earliest first start comes first.
        for (const error of judgement.matching) expect(fixes.some((fix) => inWindow(c, fix.restart, error.minuteOfDay) !== undefined)).toBe(true);
        expect(new Set(fixes.map((fix) => fix.restart)).size).toBe(fixes.length);
        for (const fix of judgement.alsoAfter) expect(fix.schedule[0]!.startMinuteOfDay).toBeGreaterThanOrEqual(judgement.schedule[0]!.startMinuteOfDay);

        const workflowAt = new Map<number, string | undefined>();
        for (const fix of fixes) {
          expect(fix.schedule).toHaveLength(Math.max(1, names.size));
          expect(new Set(fix.schedule.map((row) => row.workflow?.toLowerCase())).size).toBe(fix.schedule.length);
          // No two workflows start in the same minute, across the fixes too.
          for (const row of fix.schedule) {
            if (workflowAt.has(row.startMinuteOfDay)) expect(workflowAt.get(row.startMinuteOfDay)).toBe(row.workflow);
            workflowAt.set(row.startMinuteOfDay, row.workflow);
          }

          const failing = c.errors.flatMap((error) => inWindow(c, fix.restart, error.minuteOfDay) ?? []);
          expect(failing.length).toBeGreaterThan(0);
          const first = fix.schedule[0]!.startMinuteOfDay;
          for (const shifted of [first, ...fix.alternatives]) {
            const starts = fix.schedule.map((row) => (row.startMinuteOfDay + minutesAfter(first, shifted)) % 1440);
            expect(new Set(starts).size).toBe(starts.length);
            for (const start of starts) {
              expect(Number.isInteger(start) && start >= 0 && start < 1440).toBe(true);
              expect(hitByRestart(c, start)).toBe(false);
              const sinceRestart = minutesAfter(fix.restart, start);
              expect(sinceRestart).toBeGreaterThanOrEqual(durationOf(c) + MARGIN);
              for (const failed of failing) expect(sinceRestart).toBeGreaterThan(failed);
            }
          }
          expect(fix.alternatives).toHaveLength(1);
        }
      }),
      RUNS,
    );
    expect(coinciding).toBeGreaterThan(100);
  });

  test('not coinciding: no exact error in any window, and a question about the zone only when it could explain one', () => {
    fc.assert(
      fc.property(caseInput, (c) => {
        const judgement = judgeCase(c, shipped);
        if (judgement.kind === 'coincides' || (judgement.kind === 'needs' && judgement.what !== 'exactErrorTime')) return;
        expect(exact(c).some((error) => inAnyWindow(c, error.minuteOfDay))).toBe(false);
        if (judgement.kind === 'needs') {
          expect(exact(c).length === 0 || c.errors.some((error) => error.vague && inAnyWindow(c, error.minuteOfDay))).toBe(true);
        } else if (judgement.kind === 'askConsoleZone') {
          expect(c.zonesKnown || c.zoneAsked).toBe(false);
          const { offsetMinutes } = judgement;
          // Whole hours unless half hours are in play.
          expect(offsetMinutes % (c.zoneStepMinutes ?? 60) === 0 && Math.abs(offsetMinutes) >= 30 && Math.abs(offsetMinutes) <= 14 * 60).toBe(true);
          expect(exact(c).some((error) => inAnyWindow(c, (error.minuteOfDay + offsetMinutes + 1440) % 1440))).toBe(true);
        } else {
          expect(c.restarts).toContain(judgement.nearestRestart);
          expect(judgement.errors).toEqual(c.errors);
        }
      }),
      RUNS,
    );
  });

  test('moving every time by a multiple of 5 minutes moves the verdict with it', () => {
    fc.assert(
      fc.property(caseInput, fc.integer({ min: 1, max: 287 }), (c, k) => {
        const by = (m: number) => (m + 5 * k) % 1440;
        const moved: CaseInput = { ...c, errors: c.errors.map((error) => ({ ...error, minuteOfDay: by(error.minuteOfDay) })), restarts: c.restarts.map(by) };
        const before = judgeCase(c, shipped);
        const after = judgeCase(moved, shipped);
        expect(after.kind).toBe(before.kind);
        if (before.kind === 'coincides' && after.kind === 'coincides') {
          // Which fix comes first in the day may change; the fixes themselves move with the times.
          const fixes = (j: typeof before, move: (m: number) => number) =>
            [j, ...j.alsoAfter]
              .map((fix) => ({ restart: move(fix.restart), starts: fix.schedule.map((row) => move(row.startMinuteOfDay)), alternatives: fix.alternatives.map(move) }))
              .sort((a, b) => a.restart - b.restart);
          expect(fixes(after, (m) => m)).toEqual(fixes(before, by));
        }
      }),
      RUNS,
    );
  });
});
