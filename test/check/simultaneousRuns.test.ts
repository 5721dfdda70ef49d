import fc from 'fast-check';
import { simultaneousRuns } from '../../src/check/rules/simultaneousRuns';
import { RULES } from '../../src/check/rules';
import { loadShippedCheck, playRule, type UserTurn } from '../support/ruleDriver';

const check = loadShippedCheck('KA-23471');

interface Case {
  name: string;
  language: 'en' | 'es';
  turns: UserTurn[];
  /** What the rule asks after each turn, then its verdict. */
  steps: string[];
  /** The table: "workflow | every | start". */
  rows?: string[];
  /** Pieces the user reads (questions, notes, verdict). */
  shows?: string[];
  hides?: string[];
}

const JOURNAL_SAME_MINUTE = [
  '19/08/2022 10:00:14\tmcSynch_mcExec2\tPGS-220000 PostgreSQL error: ERROR: deadlock detected',
  '19/08/2022 10:00:12\tmcSynch_mcExec1\tPGS-220000 PostgreSQL error: ERROR: deadlock detected',
  '19/08/2022 10:00:02\tmcSynch_mcExec2\tStarting workflow',
  '19/08/2022 10:00:01\tmcSynch_mcExec1\tStarting workflow',
  '19/08/2022 09:00:05\tmcSynch_mcExec2\tWorkflow finished',
  '19/08/2022 09:00:04\tmcSynch_mcExec1\tWorkflow finished',
].join('\n');

const CASES: Case[] = [
  {
    name: 'the combined case: three hourly at :00 and a 06:00 restart → staggered :20 :25 :30, none in 05:58–06:15',
    language: 'en',
    turns: ['the three mcSynch run every hour at :00', 'mcSynch_mcExec1, mcSynch_mcExec2, mcSynch_mcExec3', '06:00'],
    steps: ['ask workflowNames', 'ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 60 min | :20', 'mcSynch_mcExec2 | 60 min | :25', 'mcSynch_mcExec3 | 60 min | :30'],
    shows: [
      'Which are the 3 mcSynch workflows?',
      'Noted: 3 mcSynch workflows; all of them run every 60 min, at :00',
      'Noted: server restart at 06:00',
      'mcSynch_mcExec1, mcSynch_mcExec2, mcSynch_mcExec3 start together (:00)',
      'New schedule (server time)',
      '05:58–06:15',
    ],
  },
  {
    name: 'el caso combinado en español, todo en un mensaje',
    language: 'es',
    turns: ['mcSynch_mcExec1, mcSynch_mcExec2 y mcSynch_mcExec3 corren cada hora en punto, y el servidor se reinicia a las 6'],
    steps: ['verdict staggered'],
    rows: ['mcSynch_mcExec1 | 60 min | :20', 'mcSynch_mcExec2 | 60 min | :25', 'mcSynch_mcExec3 | 60 min | :30'],
    shows: ['Tus flujos mcSynch se ejecutan a la vez', 'Nueva planificación (hora del servidor)', 'reinicio del servidor a las 06:00', '05:58–06:15'],
  },
  {
    name: 'los tres mcSynch, luego los nombres, y el reinicio por defecto con el botón',
    language: 'es',
    turns: ['los tres mcSynch corren cada hora en punto', 'mcSynch_mcExec1, mcSynch_mcExec2, mcSynch_mcExec3', { value: { useDefault: true } }],
    steps: ['ask workflowNames', 'ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 60 min | :20', 'mcSynch_mcExec2 | 60 min | :25', 'mcSynch_mcExec3 | 60 min | :30'],
    shows: ['¿Cuáles son los 3 flujos mcSynch?', 'el de Campaign por defecto'],
  },
  {
    name: 'nothing collides: :00 and :30 → another cause, no table',
    language: 'en',
    turns: ['mcSynch_mcExec1 runs every hour at :00, mcSynch_mcExec2 at :30'],
    steps: ['verdict noCollision'],
    shows: ["Your mcSynch workflows don't run at the same time", 'mcSynch_mcExec1 :00 (60 min), mcSynch_mcExec2 :30 (60 min)', 'it has another cause', 'PostgreSQL server log'],
    hides: ['New schedule', 'When does the server restart?'],
  },
  {
    name: 'nada coincide: en punto y a las y media',
    language: 'es',
    turns: ['mcSynch_mcExec1 corre cada hora en punto y mcSynch_mcExec2 cada hora a las y media'],
    steps: ['verdict noCollision'],
    shows: ['Tus flujos mcSynch no se ejecutan a la vez', 'tiene otra causa'],
    hides: ['Nueva planificación'],
  },
  {
    name: 'one workflow at a time: the second one at :15 is apart, the third at :00 with the first collides',
    language: 'en',
    turns: ['mcSynch_mcExec1 runs hourly at :00 and mcSynch_mcExec2 hourly at :15, mcSynch_mcExec3 hourly at :00', 'restart at 06:00'],
    steps: ['ask restartTime', 'verdict staggered'],
    // mcExec2 at :15 runs at 06:15, in the window: it moves too; all three stay apart.
    rows: ['mcSynch_mcExec1 | 60 min | :20', 'mcSynch_mcExec2 | 60 min | :25', 'mcSynch_mcExec3 | 60 min | :30'],
    shows: ['mcSynch_mcExec1, mcSynch_mcExec3 start together (:00)'],
  },
  {
    name: 'journal lines: both deadlocked at 10:00, hourly → staggered; restart at 05:00 and a 20-minute restart',
    language: 'en',
    turns: [JOURNAL_SAME_MINUTE, 'the server restarts at 05:00 and the restart takes 20 minutes'],
    steps: ['ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec2 | 60 min | :40', 'mcSynch_mcExec1 | 60 min | :45'],
    shows: ['Noted: mcSynch_mcExec2 runs every 60 min, at :00; mcSynch_mcExec1 runs every 60 min, at :00', 'the restart takes about 20 minutes', '04:58–05:35'],
  },
  {
    name: 'a single run each in the journal: the frequency is asked, the default button answers',
    language: 'en',
    turns: [
      '19/08/2022 10:00:14 mcSynch_mcExec2 PGS-220000 PostgreSQL error: ERROR: deadlock detected\n19/08/2022 10:00:12 mcSynch_mcExec1 PGS-220000 PostgreSQL error: ERROR: deadlock detected',
      { value: { defaultFrequency: true } },
      '6',
    ],
    steps: ['ask frequency', 'ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec2 | 60 min | :20', 'mcSynch_mcExec1 | 60 min | :25'],
    shows: ['I know when mcSynch_mcExec2, mcSynch_mcExec1 ran, but not how often they run', 'Noted: mcSynch_mcExec2 runs at 10:00'],
  },
  {
    name: 'every 2 minutes is raised to 15 and cannot avoid the window: said',
    language: 'en',
    turns: ['mcSynch_mcExec1 and mcSynch_mcExec2 run every 2 minutes', '06:00'],
    steps: ['ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 15 min | :00, :15, :30, :45', 'mcSynch_mcExec2 | 15 min | :05, :20, :35, :50'],
    shows: ['mcSynch_mcExec1 ran every 2 min', 'so here it runs every 15 min', 'one of its runs falls in the window whatever its start time'],
  },
  {
    name: 'only one workflow: nothing to collide with',
    language: 'en',
    turns: ['mcSynch_mcExec1 runs every hour at :00', { value: { onlyOne: true } }],
    steps: ['ask schedules', 'verdict noCollision'],
    shows: ['With one mcSynch workflow (mcSynch_mcExec1)'],
  },
  {
    name: 'solo hay uno, escrito',
    language: 'es',
    turns: ['mcSynch_mcExec1 corre cada hora en punto', 'solo hay uno'],
    steps: ['ask schedules', 'verdict noCollision'],
    shows: ['Con un solo flujo mcSynch (mcSynch_mcExec1)'],
  },
  {
    name: 'names first, then each schedule as asked (hourly, daily at 06:00, which moves out of the window), then the restart',
    language: 'en',
    turns: ['we have mcSynch_mcExec1 and mcSynch_mcExec2', 'every hour at :00', 'once a day at 06:00', '06:00'],
    steps: ['ask schedule', 'ask schedule', 'ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 60 min | :20', 'mcSynch_mcExec2 | 24 h | 06:25'],
    shows: ['When does mcSynch_mcExec1 run?', 'When does mcSynch_mcExec2 run?'],
  },
  {
    name: 'an unreadable answer asks again as a retry; "I don\'t know" gets the help',
    language: 'en',
    turns: ['banana', "I don't know"],
    steps: ['ask schedules (retry)', 'ask schedules (retry)'],
    shows: ["I couldn't read a schedule there", 'double-click its **Scheduler** activity'],
  },
  {
    name: 'no sé: la ayuda de la pregunta',
    language: 'es',
    turns: ['mcSynch_mcExec1 y mcSynch_mcExec2 corren cada hora en punto', 'no lo sé'],
    steps: ['ask restartTime', 'ask restartTime (retry)'],
    shows: ['`processRestartTime`'],
  },
  {
    name: 'a correction after the verdict: the restart is at 05:00, so daily runs at 06:00 only need to be apart',
    language: 'en',
    turns: ['mcSynch_mcExec1 and mcSynch_mcExec2 run once a day at 06:00', '06:00', 'sorry, the restart is at 05:00'],
    steps: ['ask restartTime', 'verdict staggered', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 24 h | 06:00', 'mcSynch_mcExec2 | 24 h | 06:05'],
    shows: ['mcSynch_mcExec1 | 24 h | 06:20', 'Corrected: server restart at 05:00', '04:58–05:15'],
  },
  {
    name: 'un flujo corregido después del veredicto: ya no coinciden',
    language: 'es',
    turns: ['mcSynch_mcExec1 y mcSynch_mcExec2 corren cada hora en punto', '06:00', 'perdón, mcSynch_mcExec2 corre a las y media'],
    steps: ['ask restartTime', 'verdict staggered', 'verdict noCollision'],
    shows: ['Noted: mcSynch_mcExec2 se ejecuta cada 60 min (inicio :30)', 'Tus flujos mcSynch no se ejecutan a la vez'],
  },
  {
    name: 'daily runs read off journal lines written at +02:00, on a UTC server restarting at 05:00: converted, then staggered',
    language: 'en',
    turns: [
      [
        '2023-10-06 07:00:03+02:00 mcSynch_mcExec2 Workflow finished',
        '2023-10-06 07:00:01+02:00 mcSynch_mcExec1 Workflow finished',
        '2023-10-05 07:00:02+02:00 mcSynch_mcExec2 Workflow finished',
        '2023-10-05 07:00:01+02:00 mcSynch_mcExec1 Workflow finished',
        'the server is in UTC and restarts at 05:00',
      ].join('\n'),
    ],
    steps: ['verdict staggered'],
    rows: ['mcSynch_mcExec2 | 24 h | 05:20 | UTC', 'mcSynch_mcExec1 | 24 h | 05:25 | UTC'],
    shows: ['Noted: mcSynch_mcExec2 runs every 24 h, at 05:00', '04:58–05:15'],
  },
  {
    name: 'the same journal, the server zone said in a later message: the starts convert again',
    language: 'en',
    turns: [
      [
        '2023-10-06 07:00:03+02:00 mcSynch_mcExec2 Workflow finished',
        '2023-10-06 07:00:01+02:00 mcSynch_mcExec1 Workflow finished',
        '2023-10-05 07:00:02+02:00 mcSynch_mcExec2 Workflow finished',
        '2023-10-05 07:00:01+02:00 mcSynch_mcExec1 Workflow finished',
      ].join('\n'),
      'the server is in UTC',
      'it restarts at 05:00',
    ],
    steps: ['ask restartTime', 'ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec2 | 24 h | 05:20 | UTC', 'mcSynch_mcExec1 | 24 h | 05:25 | UTC'],
  },
  {
    name: 'the server zone: the table names it',
    language: 'en',
    turns: ['mcSynch_mcExec1 and mcSynch_mcExec2 run every hour at :00', 'the server restarts at 06:00, the server is in UTC'],
    steps: ['ask restartTime', 'verdict staggered'],
    rows: ['mcSynch_mcExec1 | 60 min | :20 | UTC', 'mcSynch_mcExec2 | 60 min | :25 | UTC'],
    shows: ['New schedule (UTC time)', "the table's times are UTC time"],
  },
];

describe('simultaneousRuns (KA-23471): start → read → next', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const played = playRule(check, c.language, c.turns);
    expect(played.steps).toEqual(c.steps);
    if (c.rows) expect(played.rows.map((row) => row.join(' | '))).toEqual(c.rows);
    for (const piece of c.shows ?? []) expect(played.text).toContain(piece);
    for (const piece of c.hides ?? []) expect(played.text).not.toContain(piece);
  });

  test('the combined case: no run of the proposal falls in 05:58–06:15, and no two share a minute', () => {
    const played = playRule(check, 'en', ['the three mcSynch run every hour at :00', 'mcSynch_mcExec1, mcSynch_mcExec2, mcSynch_mcExec3', '06:00']);
    const minutes = played.rows.map((row) => Number(row[2]!.slice(1)));
    expect(new Set(minutes).size).toBe(3);
    // Hourly at :mm runs at 05:mm and 06:mm: both must be outside 05:58–06:15.
    for (const minute of minutes) expect(minute >= 58 || minute <= 15).toBe(false);
    expect(played.last.kind === 'verdict' && played.last.verdict).toMatchObject({
      fixes: true,
      startTimes: ['00:20', '00:25', '00:30'],
      workflows: ['mcSynch_mcExec1', 'mcSynch_mcExec2', 'mcSynch_mcExec3'],
    });
  });

  test('the case summary, in both languages', () => {
    expect(playRule(check, 'en', ['mcSynch_mcExec1 and mcSynch_mcExec2 run every hour at :00, restart at 06:00']).summary.split('\n')).toEqual([
      'Symptom: mcSync workflows fail with PGS-220000 … deadlock detected (KA-23471)',
      'mcSynch_mcExec1: every 60 min, at :00',
      'mcSynch_mcExec2: every 60 min, at :00',
      'Server restart: 06:00',
      'Run at the same time: mcSynch_mcExec1, mcSynch_mcExec2 (:00)',
      'Proposed: mcSynch_mcExec1 every 60 min, at :20',
      'Proposed: mcSynch_mcExec2 every 60 min, at :25',
    ]);
    expect(playRule(check, 'es', ['mcSynch_mcExec1 corre cada hora en punto y mcSynch_mcExec2 cada hora a las y media']).summary).toContain(
      'No hay dos flujos mcSynch que se ejecuten a la vez',
    );
  });

  test('registered, pastes recognised, settings checked', () => {
    expect(RULES.simultaneousRuns).toBe(simultaneousRuns);
    expect(simultaneousRuns.pasted(check.settings as never).some((pattern) => pattern.test('PGS-220000 PostgreSQL error: ERROR: deadlock detected'))).toBe(true);
    expect(() => simultaneousRuns.parseSettings({ ...check.file.settings, stepMinutes: 0 })).toThrow(/stepMinutes/);
  });

  test('property: typed hourly schedules and a restart → apart by 5 minutes and clear of the window, or nothing collides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('en', 'es'),
        (minutes, hour, language) => {
          const at = (m: number) => `:${String(m).padStart(2, '0')}`;
          const text =
            language === 'en'
              ? minutes.map((m, k) => `mcSynch_mcExec${k + 1} runs every hour at ${at(m)}`).join(', ') + `. The server restarts at ${hour}:00.`
              : minutes.map((m, k) => `mcSynch_mcExec${k + 1} corre cada hora en el minuto ${m}`).join(', ') + `. El servidor se reinicia a las ${hour}:00.`;
          const played = playRule(check, language, [text]);
          const apart = (a: number, b: number) => Math.min((a - b + 60) % 60, (b - a + 60) % 60);
          const together = minutes.some((a, i) => minutes.some((b, j) => i < j && apart(a, b) < 5));
          expect(played.steps).toEqual([together ? 'verdict staggered' : 'verdict noCollision']);
          if (!together) return;
          const planned = played.rows.map((row) => Number(row[2]!.slice(1)));
          expect(planned).toHaveLength(minutes.length);
          for (const [i, a] of planned.entries()) {
            // Hourly at :a runs at (hour-1):a and hour:a: neither in [hour:00 − 2, hour:00 + 15].
            expect(a >= 58 || a <= 15).toBe(false);
            for (const b of planned.slice(i + 1)) expect(apart(a, b)).toBeGreaterThanOrEqual(5);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
