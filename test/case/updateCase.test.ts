import { readFacts, type ReadContext } from '../../src/case/readFacts';
import { emptyCase, type AnsweredQuestion, type Case, type Expecting, type TimeFact } from '../../src/case/types';
import { applyReading, toServerTime, type ApplyOptions, type CaseChange } from '../../src/case/updateCase';
import { SERVER_ZONE } from '../../src/case/zones';
import { checkPatterns } from '../../src/kb/checkData';
import { loadGuidedCheck } from '../../src/kb/loader';

const patterns = checkPatterns(loadGuidedCheck('KA-05406'));
const LOGON = "Empty return for method 'Logon' of service 'xtk:session'";
const DEFAULT_RESTART = 6 * 60;
const TODAY = '2026-11-29';

const clock = (minuteOfDay: number): string => `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

interface Turn {
  text: string;
  expecting?: Expecting;
  lastAnswered?: AnsweredQuestion;
}

/** Messages read and applied one after the other, as the dialog will. */
function converse(language: 'en' | 'es', turns: Turn[], start: Case = emptyCase()): { case: Case; changes: CaseChange[][] } {
  let current = start;
  const changes: CaseChange[][] = [];
  for (const turn of turns) {
    const context: ReadContext = { language, patterns };
    if (turn.expecting) context.expecting = turn.expecting;
    if (turn.lastAnswered) context.lastAnswered = turn.lastAnswered;
    const options: ApplyOptions = { defaultRestartMinute: DEFAULT_RESTART };
    if (turn.expecting) options.expecting = turn.expecting;
    if (turn.lastAnswered) options.lastAnswered = turn.lastAnswered;
    const applied = applyReading(current, readFacts(turn.text, context), options);
    current = applied.case;
    changes.push(applied.changes);
  }
  return { case: current, changes };
}

const clocks = (facts: TimeFact[]): string[] => facts.map((fact) => clock(fact.minuteOfDay));

describe('applyReading', () => {
  test('adds, and says what it added', () => {
    const { case: result, changes } = converse('es', [{ text: 'A las 6:02, y el servidor se reinicia a las 6', expecting: 'errorTime' }]);
    expect(clocks(result.errors)).toEqual(['06:02']);
    expect(clocks(result.restarts)).toEqual(['06:00']);
    expect(changes[0]).toEqual([
      { kind: 'added', role: 'error', value: { minuteOfDay: 362, source: 'typed' } },
      { kind: 'added', role: 'restart', value: { minuteOfDay: 360, source: 'typed' } },
    ]);
  });

  test('several restarts a day are all kept; the same time twice is kept once', () => {
    const { case: result, changes } = converse('en', [
      { text: 'restarts at 6 and at 18:00', expecting: 'restartTime' },
      { text: 'yes, at 6', expecting: 'restartTime' },
    ]);
    expect(clocks(result.restarts)).toEqual(['06:00', '18:00']);
    expect(changes[1]).toEqual([]);
  });

  test.each<['en' | 'es', Turn[], string[], string[]]>([
    [
      'es',
      [
        { text: '6:02', expecting: 'errorTime' },
        { text: 'no, perdón, fue a las 7:02', expecting: 'restartTime', lastAnswered: 'errorTime' },
      ],
      ['07:02'],
      [],
    ],
    [
      'en',
      [
        { text: '6:02', expecting: 'errorTime' },
        { text: 'sorry, I meant 7:02', expecting: 'restartTime', lastAnswered: 'errorTime' },
      ],
      ['07:02'],
      [],
    ],
    [
      'en',
      [
        { text: '6:02', expecting: 'errorTime' },
        { text: 'actually it was 06:12', expecting: 'restartTime', lastAnswered: 'errorTime' },
      ],
      ['06:12'],
      [],
    ],
    [
      'es',
      [
        { text: '6:02', expecting: 'errorTime' },
        { text: '6', expecting: 'restartTime' },
        { text: 'me equivoqué, el reinicio es a las 5', expecting: 'feedback', lastAnswered: 'restartTime' },
      ],
      ['06:02'],
      ['05:00'],
    ],
    [
      'en',
      [
        { text: '6:02', expecting: 'errorTime' },
        { text: '6', expecting: 'restartTime' },
        { text: 'wait, the restart is at 5', expecting: 'feedback', lastAnswered: 'restartTime' },
      ],
      ['06:02'],
      ['05:00'],
    ],
  ])('a correction replaces its role (%s): %j', (language, turns, errors, restarts) => {
    const { case: result } = converse(language, turns);
    expect(clocks(result.errors)).toEqual(errors);
    expect(clocks(result.restarts)).toEqual(restarts.length > 0 ? restarts : []);
  });

  test.each<['en' | 'es', string]>([
    ['en', 'sorry, it also failed at 7:02'],
    ['es', 'perdón, también falló a las 7:02'],
  ])('"also" adds rather than corrects (%s): %s', (language, text) => {
    const { case: result } = converse(language, [
      { text: '6:02', expecting: 'errorTime' },
      { text, expecting: 'restartTime', lastAnswered: 'errorTime' },
    ]);
    expect(clocks(result.errors)).toEqual(['06:02', '07:02']);
  });

  test('the correction says what was there before', () => {
    const { changes } = converse('es', [
      { text: '6:02', expecting: 'errorTime' },
      { text: 'no, perdón, fue a las 7:02', expecting: 'restartTime', lastAnswered: 'errorTime' },
    ]);
    expect(changes[1]).toEqual([{ kind: 'replaced', role: 'error', value: [{ minuteOfDay: 422, source: 'typed' }], previous: [{ minuteOfDay: 362, source: 'typed' }] }]);
  });

  test('"use the default" puts the default restart in; a restart stated later replaces it', () => {
    const first = converse('en', [{ text: 'use the default', expecting: 'restartTime' }]);
    expect(first.case.restarts).toEqual([{ minuteOfDay: DEFAULT_RESTART, source: 'default' }]);
    const second = converse('en', [{ text: 'oh, it restarts at 5:30', expecting: 'feedback' }], first.case);
    expect(clocks(second.case.restarts)).toEqual(['05:30']);
    expect(second.changes[0]![0]).toMatchObject({ kind: 'replaced', role: 'restart' });
  });

  test('"vale, entonces las 6 por defecto" is the default restart, once', () => {
    const { case: result } = converse('es', [{ text: 'vale, entonces las 6 por defecto', expecting: 'restartTime' }]);
    expect(result.restarts).toEqual([{ minuteOfDay: 360, source: 'default' }]);
  });

  test('an exact minute replaces the vague time it answers', () => {
    const { case: result } = converse('es', [
      { text: 'sobre las seis', expecting: 'errorTime' },
      { text: 'a las 6:02', expecting: 'errorTime' },
    ]);
    expect(result.errors).toEqual([{ minuteOfDay: 362, source: 'typed' }]);
  });

  test('"sobre las 6" then "a las 6 en punto": the same minute, now exact', () => {
    const { case: result } = converse('es', [
      { text: 'sobre las seis', expecting: 'errorTime' },
      { text: 'a las 6 en punto', expecting: 'errorTime' },
    ]);
    expect(result.errors).toEqual([{ minuteOfDay: 360, source: 'typed' }]);
  });

  test('zones, duration, workflows and successes; the case given is not changed', () => {
    const start = emptyCase();
    const { case: result, changes } = converse(
      'en',
      [
        { text: 'my console shows Bogotá time and the server is in UTC', expecting: 'errorTime' },
        { text: `19/08/2022 07:00:12 mcSynch_mcExec1 Workflow finished\n19/08/2022 06:02:10 mcSynch_mcExec2 ${LOGON}`, expecting: 'errorTime' },
        { text: 'our restart takes about 30 minutes', expecting: 'restartTime' },
        { text: 'the server is in Madrid time', expecting: 'restartTime' },
      ],
      start,
    );
    expect(start).toEqual(emptyCase());
    expect(result).toEqual({
      errors: [{ minuteOfDay: 362, second: 10, date: '2022-08-19', source: 'log', workflow: 'mcSynch_mcExec2' }],
      restarts: [],
      successes: [{ minuteOfDay: 420, second: 12, date: '2022-08-19', source: 'log', workflow: 'mcSynch_mcExec1' }],
      workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2'],
      consoleZone: { name: 'America/Bogota', label: 'America/Bogota' },
      serverZone: { name: 'Europe/Madrid', label: 'Europe/Madrid' },
      restartDurationMinutes: 30,
    });
    expect(changes[3]).toEqual([{ kind: 'zone', which: 'serverZone', value: { name: 'Europe/Madrid', label: 'Europe/Madrid' }, previous: { name: 'UTC', label: 'UTC' } }]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  test('a time the reader could not place takes the role of the question given to applyReading', () => {
    const reading = readFacts('6:02', { language: 'en', patterns });
    expect(applyReading(emptyCase(), reading, { expecting: 'errorTime' }).case.errors).toEqual([{ minuteOfDay: 362, source: 'typed' }]);
    const correction = readFacts('sorry, 5:30', { language: 'en', patterns });
    expect(
      applyReading({ ...emptyCase(), restarts: [{ minuteOfDay: 360, source: 'typed' }] }, correction, { expecting: 'feedback', lastAnswered: 'restartTime' }).case.restarts,
    ).toEqual([{ minuteOfDay: 330, source: 'typed' }]);
  });

  test('a full case stays small in the dialog state', () => {
    const { case: result } = converse('es', [
      { text: 'la consola muestra hora de Bogotá y el servidor está en UTC', expecting: 'errorTime' },
      {
        text: `19/08/2022 06:02:10\tmcSynch_mcExec1\t${LOGON}\n19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}\n19/08/2022 07:00:12\tmcSynch_mcExec1\tWorkflow finished`,
        expecting: 'errorTime',
      },
      { text: 'se reinicia dos veces al día, a las 6 y a las 18, y tarda media hora', expecting: 'restartTime' },
    ]);
    expect(result.errors).toHaveLength(2);
    expect(result.restarts).toHaveLength(2);
    expect(JSON.stringify(result).length).toBeLessThan(800);
  });

  test('a time nobody placed is handed back, not guessed', () => {
    const applied = applyReading(emptyCase(), readFacts('a las 6:02', { language: 'es', patterns, expecting: 'offer' }), { expecting: 'offer' });
    expect(applied.case.errors).toEqual([]);
    expect(applied.unplaced).toEqual([{ minuteOfDay: 362, source: 'typed', role: 'unknown' }]);
  });
});

describe('toServerTime', () => {
  const serverTimes = (language: 'en' | 'es', turns: Turn[], clientZone?: string) => {
    const { case: result } = converse(language, turns);
    return toServerTime(result, clientZone === undefined ? { today: TODAY } : { clientZone, today: TODAY });
  };

  test('half-hour offset: a +05:30 log line with the server in UTC is 06:01', () => {
    const result = serverTimes('en', [
      { text: 'the server is in UTC' },
      { text: `2019-07-05 11:31:59.874+05:30 mcSynch_mcExec1 ${LOGON}`, expecting: 'errorTime' },
      { text: 'use the default', expecting: 'restartTime' },
    ]);
    expect(result.errors).toEqual([{ minuteOfDay: 361, second: 59, date: '2019-07-05', workflow: 'mcSynch_mcExec1' }]);
    expect(result.restarts).toEqual([360]);
    expect(result.zonesKnown).toBe(true);
    expect(result.zone).toEqual({ name: 'UTC', label: 'UTC' });
    expect(result.zoneStepMinutes).toBe(30);
  });

  test.each<[string, number]>([
    ['my console shows IST', 30],
    ['my console shows Asia/Kathmandu time', 15],
    ['my console shows Bogotá time', 60],
  ])('zone step for the judge: %s → %i', (text, step) => {
    expect(serverTimes('en', [{ text }, { text: 'the server is in UTC' }, { text: '01:02', expecting: 'errorTime' }]).zoneStepMinutes).toBe(step);
  });

  test('a Z log line with the restart given in Madrid time: the same instant as 07:01 Madrid', () => {
    const result = serverTimes('es', [
      { text: `2020-03-04T06:01:13Z mcSynch_mcExec1 ${LOGON}`, expecting: 'errorTime' },
      { text: '07:00 hora de Madrid', expecting: 'restartTime', lastAnswered: 'errorTime' },
    ]);
    expect(result.errors.map((time) => clock(time.minuteOfDay))).toEqual(['07:01']);
    expect(result.restarts.map(clock)).toEqual(['07:00']);
    expect(result.zone?.name).toBe('Europe/Madrid');
    expect(result.zonesKnown).toBe(true);
  });

  test.each<['en' | 'es', string]>([
    ['en', 'my console shows Bogotá time and the server is in UTC'],
    ['es', 'la consola muestra hora de Bogotá y el servidor está en UTC'],
  ])('console in Bogotá, server in UTC, error 01:02 → 06:02 server time (%s)', (language, zones) => {
    const result = serverTimes(language, [{ text: zones }, { text: '01:02', expecting: 'errorTime' }, { text: '6:00', expecting: 'restartTime' }]);
    expect(result.errors.map((time) => clock(time.minuteOfDay))).toEqual(['06:02']);
    expect(result.restarts.map(clock)).toEqual(['06:00']);
    expect(result.zonesKnown).toBe(true);
  });

  test('no zone anywhere: the same zone is assumed, and said to be', () => {
    const result = serverTimes('es', [{ text: 'A las 6:02, y el servidor se reinicia a las 6', expecting: 'errorTime' }]);
    expect(result.errors).toEqual([{ minuteOfDay: 362 }]);
    expect(result.restarts).toEqual([360]);
    expect(result.zonesKnown).toBe(false);
    expect(result.zone).toBeUndefined();
  });

  test('the Teams zone is only a hint: nothing converts with it', () => {
    const result = serverTimes('en', [{ text: 'the server is in UTC' }, { text: '07:02', expecting: 'errorTime' }], 'Europe/Madrid');
    expect(result.errors).toEqual([{ minuteOfDay: 422 }]);
    expect(result.zonesKnown).toBe(false);
    expect(result.clientZoneHint).toEqual({ name: 'Europe/Madrid', label: 'Europe/Madrid' });
  });

  test('no hint once the console zone is known, or when no time depends on it', () => {
    expect(
      serverTimes(
        'en',
        [
          { text: 'same as the server', expecting: 'consoleZone' },
          { text: '07:02', expecting: 'errorTime' },
        ],
        'Europe/Madrid',
      ),
    ).toEqual({ errors: [{ minuteOfDay: 422 }], restarts: [], successes: [], zonesKnown: true, zoneStepMinutes: 60 });
    expect(
      serverTimes('en', [{ text: `2020-03-04T06:01:13Z ${LOGON}`, expecting: 'errorTime' }, { text: 'the server is in UTC' }], 'Europe/Madrid').clientZoneHint,
    ).toBeUndefined();
  });

  test.each<[string, string, string]>([
    // Europe/Madrid changes to summer time on 2026-03-29.
    ['28/03/2026', '05:01', '06:01'],
    ['30/03/2026', '05:01', '07:01'],
  ])("DST on the error's date: console in UTC, server in Madrid, %s %s UTC → %s", (date, time, expected) => {
    const result = serverTimes('es', [
      { text: 'el servidor está en hora de Madrid' },
      { text: 'la consola muestra UTC' },
      { text: `el ${date} a las ${time} falló`, expecting: 'errorTime' },
    ]);
    expect(result.errors.map((t) => clock(t.minuteOfDay))).toEqual([expected]);
    expect(result.zonesKnown).toBe(true);
  });

  test.each<[string, string]>([
    // America/New_York goes back to standard time on 2026-11-01.
    ['2026-10-31', '05:02'],
    ['2026-11-02', '06:02'],
  ])('DST in New York: console in Eastern time, server in UTC, error 01:02 on %s → %s', (date, expected) => {
    const result = serverTimes('en', [{ text: 'my console shows Eastern time, the server is in UTC' }, { text: `it failed on ${date} at 01:02`, expecting: 'errorTime' }]);
    expect(result.errors).toEqual([{ minuteOfDay: Number(expected.slice(0, 2)) * 60 + Number(expected.slice(3)), date }]);
  });

  test('no server zone: a UTC error is read in the zone the restart was given in (EST on that date)', () => {
    const result = serverTimes('en', [{ text: 'the restart is at 6am EST and the error at 11:02 UTC' }]);
    expect(result.zone?.name).toBe('America/New_York');
    expect(result.restarts.map(clock)).toEqual(['06:00']);
    expect(result.errors.map((t) => clock(t.minuteOfDay))).toEqual(['06:02']);
    expect(result.zonesKnown).toBe(true);
  });

  test("a restart given in another zone is converted on the errors' day", () => {
    const result = serverTimes('en', [
      { text: 'the server is in UTC' },
      { text: `2026-03-30 05:02:00Z ${LOGON}`, expecting: 'errorTime' },
      { text: 'it restarts at 7:00 Madrid time', expecting: 'restartTime' },
    ]);
    expect(result.restarts.map(clock)).toEqual(['05:00']);
    expect(result.errors.map((t) => clock(t.minuteOfDay))).toEqual(['05:02']);
    expect(result.zonesKnown).toBe(true);
  });

  test('the date moves with a conversion across midnight', () => {
    const result = serverTimes('es', [{ text: 'el servidor está en UTC y la consola en hora de Bogotá' }, { text: 'falló el 15/06/2026 a las 23:58', expecting: 'errorTime' }]);
    expect(result.errors).toEqual([{ minuteOfDay: 4 * 60 + 58, date: '2026-06-16' }]);
  });

  test('a log line with an offset and no server zone keeps its own clock, unsure', () => {
    const result = serverTimes('en', [
      { text: `2019-07-05 11:31:59.874+05:30 ${LOGON}`, expecting: 'errorTime' },
      { text: 'the default', expecting: 'restartTime' },
    ]);
    expect(result.errors.map((t) => clock(t.minuteOfDay))).toEqual(['11:31']);
    expect(result.zonesKnown).toBe(false);
  });

  test('"hora del servidor" on both sides is known to be one zone, unnamed', () => {
    const result = serverTimes('es', [
      { text: 'falló a las 6:02 hora del servidor', expecting: 'errorTime' },
      { text: 'por defecto', expecting: 'restartTime' },
    ]);
    expect(result).toEqual({ errors: [{ minuteOfDay: 362 }], restarts: [360], successes: [], zonesKnown: true, zoneStepMinutes: 60 });
  });

  test('the console "same as the server" with the server named converts nothing and is known', () => {
    const start: Case = { ...emptyCase(), serverZone: { name: 'UTC', label: 'UTC' }, consoleZone: SERVER_ZONE, errors: [{ minuteOfDay: 362, source: 'typed' }] };
    expect(toServerTime(start, { today: TODAY })).toMatchObject({ errors: [{ minuteOfDay: 362 }], zonesKnown: true });
  });
});

describe('what operators say beside the question', () => {
  const read = (text: string, language: 'en' | 'es' = 'en', expecting?: Expecting) => readFacts(text, expecting ? { language, patterns, expecting } : { language, patterns });

  test('"UK time" is London, with its summer time', () => {
    expect(read('Our console shows UK time, the server is on UTC')).toMatchObject({ consoleZone: { name: 'Europe/London' }, serverZone: { name: 'UTC' } });
  });

  test('"el log del servidor, que está en UTC": the clause before says whose zone it is', () => {
    const reading = read('en el log del servidor, que esta en UTC, el error es de las 06:03', 'es', 'errorTime');
    expect(reading.serverZone).toMatchObject({ name: 'UTC' });
    expect(reading.times).toMatchObject([{ minuteOfDay: 363, role: 'error' }]);
  });

  test('"right after midnight" is a rough time, to be asked again', () => {
    expect(read(`mcSynch_mcExec1 failing right after midnight with ${LOGON}`).times).toMatchObject([{ minuteOfDay: 0, role: 'error', vague: true }]);
  });

  test('the error said again beside the restart stays the error', () => {
    const start: Case = { ...emptyCase(), errors: [{ minuteOfDay: 364, source: 'typed' }] };
    const reading = read('is that server time or my local time? anyway the restart is at 06:00 server time and the 06:04 was server time too', 'en', 'restartTime');
    const { case: result } = applyReading(start, reading, { expecting: 'restartTime' });
    expect(result.restarts.map((fact) => fact.minuteOfDay)).toEqual([360]);
    expect(result.errors.map((fact) => fact.minuteOfDay)).toEqual([364]);
  });
});
