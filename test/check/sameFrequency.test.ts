import { RULES } from '../../src/check/rules';
import { sameFrequency } from '../../src/check/rules/sameFrequency';
import { loadShippedCheck, playRule, type UserTurn } from '../support/ruleDriver';

const check = loadShippedCheck('KA-22897');

interface Case {
  name: string;
  language: 'en' | 'es';
  turns: UserTurn[];
  steps: string[];
  /** The table: "workflow | every | start". */
  rows?: string[];
  shows?: string[];
  hides?: string[];
}

const CASES: Case[] = [
  {
    name: "the article's example: MKT every 2 minutes, RT hourly, older logs kept, restart 06:00",
    language: 'en',
    turns: ['every 2 minutes', 'hourly', 'yes', '06:00'],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 60 min | :20'],
    shows: [
      'Noted: mcSynch_… on MKT runs every 2 min',
      'Noted: RT collects tracking every 60 min',
      'MKT only sees the logs from minute 58 of each hour',
      'every 60 min',
      '**Administration > Platform > Options**',
      '**MC_LastTlRtSynch_1**',
      'back to when the loss began',
      '05:58–06:15',
      'on-premises',
    ],
    hides: ["can't be recovered"],
  },
  {
    name: 'el ejemplo del artículo en un mensaje, sin registros antiguos',
    language: 'es',
    turns: ['el flujo de sincronización de MKT corre cada 2 minutos y RT recopila el seguimiento cada hora', 'no', 'a las 6'],
    steps: ['ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 60 min | :20'],
    shows: ['solo ve los registros a partir del minuto 58 de cada hora', 'no se puede recuperar', 'Nueva planificación (hora del servidor)'],
    hides: ['MC_LastTlRtSynch_1'],
  },
  {
    name: 'the same frequency: another cause, next steps, no schedule',
    language: 'en',
    turns: ['every hour', 'every hour'],
    steps: ['ask rtFrequency', 'verdict sameFrequency'],
    shows: ['MKT and RT run at the same frequency', 'Both run every 60 min', 'What to check now', 'KA-05406'],
    hides: ['New schedule', 'MC_LastTlRtSynch_1'],
  },
  {
    name: 'misma frecuencia en español',
    language: 'es',
    turns: ['mcSynch_mcExec1 corre cada hora', 'RT también cada hora'],
    steps: ['ask rtFrequency', 'verdict sameFrequency'],
    shows: ['MKT y RT se ejecutan con la misma frecuencia', 'Los dos se ejecutan cada 60 min'],
  },
  {
    name: 'the RT default button, a named workflow at :00 which the restart window moves, a UTC server',
    language: 'en',
    turns: ['mcSynch_mcExec1 runs every 5 minutes at :00', { value: { defaultFrequency: true } }, { value: { olderLogs: true } }, 'the server restarts at 06:00 UTC'],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_mcExec1 | 60 min | :20 | UTC'],
    shows: [
      'Noted: mcSynch_mcExec1 on MKT runs every 5 min',
      'only picks up the tracking logs of the last 5 min',
      'minute 55 of each hour',
      'open mcSynch_mcExec1',
      'New schedule (UTC time)',
    ],
  },
  {
    name: 'RT collects every 10 minutes: raised to the 15-minute minimum on both sides, said',
    language: 'en',
    turns: ['the MKT sync runs every 2 minutes and RT collects tracking every 10 minutes', 'no', { value: { useDefault: true } }],
    steps: ['ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 15 min | :00, :15, :30, :45'],
    shows: ['RT updates its tracking logs every 10 min', "set RT's Tracking workflow to every 15 min too", 'one of its runs falls in the window whatever its start time'],
  },
  {
    name: 'MKT slower than RT: the article still says to match',
    language: 'es',
    turns: ['la sincronización en MKT corre cada 2 horas', 'cada hora', 'sí', '06:00'],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 60 min | :20'],
    shows: ['El ejemplo de KA-22897 es al revés', 'MC_LastTlRtSynch_1', '**Administration > Platform > Options** (Administración > Plataforma > Opciones)'],
  },
  {
    name: 'a daily restart at 23:55 that lasts 30 minutes: the window crosses midnight',
    language: 'en',
    turns: ['every 2 minutes', 'hourly', 'no', 'the restart is at 23:55 and takes 30 minutes'],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 60 min | :45'],
    shows: ['23:53–00:40'],
  },
  {
    name: 'a correction after the verdict: MKT runs hourly after all, so the frequencies match',
    language: 'en',
    turns: ['every 2 minutes', 'hourly', 'yes', '06:00', 'actually the MKT sync runs every hour'],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs', 'verdict sameFrequency'],
    shows: ['Noted: mcSynch_… on MKT runs every 60 min', 'MKT and RT run at the same frequency'],
  },
  {
    name: 'sí, con palabras, y el reinicio con el botón por defecto',
    language: 'es',
    turns: ['cada 2 minutos', { value: { defaultFrequency: true } }, 'sí, siguen ahí', { value: { useDefault: true } }],
    steps: ['ask rtFrequency', 'ask olderLogs', 'ask restartTime', 'verdict differs'],
    rows: ['mcSynch_… | 60 min | :20'],
    shows: ['los registros de seguimiento antiguos siguen en RT', 'reinicio del servidor a las 06:00 (el de Campaign por defecto)', 'MC_LastTlRtSynch_1'],
  },
  {
    name: "unreadable answers ask again; a question gets the question's help",
    language: 'en',
    turns: ['banana', 'where do I see that?'],
    steps: ['ask mktFrequency (retry)', 'ask mktFrequency (retry)'],
    shows: ["I couldn't read a frequency there", 'double-click its **Scheduler** activity'],
  },
];

describe('sameFrequency (KA-22897): start → read → next', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const played = playRule(check, c.language, c.turns);
    expect(played.steps).toEqual(c.steps);
    if (c.rows) expect(played.rows.map((row) => row.join(' | '))).toEqual(c.rows);
    for (const piece of c.shows ?? []) expect(played.text).toContain(piece);
    for (const piece of c.hides ?? []) expect(played.text).not.toContain(piece);
  });

  test('the case summary, in both languages', () => {
    expect(playRule(check, 'en', ['every 2 minutes', 'hourly', 'yes', '06:00']).summary.split('\n')).toEqual([
      'Symptom: tracking is right on RT but not synced to MKT (KA-22897)',
      'mcSynch_… on MKT: every 2 min',
      'RT tracking collection: every 60 min',
      'Older tracking logs still on RT: yes',
      'Server restart: 06:00',
      'Fix: run mcSynch_… every 60 min, at :20',
    ]);
    expect(playRule(check, 'es', ['cada hora', 'cada hora']).summary).toContain('Los dos se ejecutan con la misma frecuencia');
  });

  test('the verdict event: new start and workflow', () => {
    const played = playRule(check, 'en', ['mcSynch_mcExec1 every 2 minutes', 'hourly', 'yes', '06:00']);
    expect(played.last.kind === 'verdict' && played.last.verdict).toMatchObject({ outcome: 'differs', fixes: true, startTimes: ['00:20'], workflows: ['mcSynch_mcExec1'] });
  });

  test('registered, settings checked', () => {
    expect(RULES.sameFrequency).toBe(sameFrequency);
    expect(() => sameFrequency.parseSettings({ ...check.file.settings, defaultRestartTime: '6' })).toThrow(/defaultRestartTime/);
  });
});
