import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';
import { describeWithCorpus } from '../support/corpus';

/**
 * KA-23471 (simultaneous mcSynch runs) and KA-22897 (MKT and RT at different frequencies)
 * through the real bot, as operators answer them: typed and pasted schedules, the cards'
 * buttons, both languages, the combined case (three mcSynch hourly at :00 with a 06:00
 * restart: one staggered table, nothing in 05:58–06:15), a case where nothing collides,
 * corrections after the verdict and the questions' help. The articles are in the shared corpus.
 */

const DEADLOCK_EN = 'Our mcSync workflows fail with PGS-220000 PostgreSQL error: ERROR: deadlock detected';
const DEADLOCK_ES = 'los flujos mcSync fallan con PGS-220000 PostgreSQL error: ERROR: deadlock detected';
const TRACKING_EN = 'Tracking data is correct on RT but not synced to MKT';
const TRACKING_ES = 'los datos de seguimiento están bien en RT pero no se sincronizan con MKT';

/** Hourly runs at :00 of three workflows, as the console's journal shows them (newest first). */
const JOURNAL = ['19/08/2022 10:00:03', '19/08/2022 09:00:02', '19/08/2022 08:00:04']
  .flatMap((stamp) => ['mcSynch_mcExec3', 'mcSynch_mcExec2', 'mcSynch_mcExec1'].map((workflow) => `${stamp}\t${workflow}\tWorkflow finished`))
  .join('\n');

/** No run of an hourly workflow at these minutes: they fall in 05:58–06:15 (as 05:58, 05:59, 06:00 … 06:15). */
const IN_WINDOW = ['| :58', '| :59', ...Array.from({ length: 16 }, (_, m) => `| :${String(m).padStart(2, '0')}`)];

const scripts: Script[] = [
  {
    name: 'en: KA-23471, the combined case typed, the restart by its button: one staggered table clear of 05:58–06:15',
    turns: [
      { user: DEADLOCK_EN, expect: ['KA-23471', 'mcSync schedules'] },
      { user: 'yes', expect: ['When do your mcSynch workflows run?'] },
      { user: 'mcSynch_mcExec1, mcSynch_mcExec2 and mcSynch_mcExec3 run every hour at :00', expect: ['When does the server restart?', 'Use 06:00 (default)'] },
      {
        user: { value: { useDefault: true } },
        expect: [
          'Your mcSynch workflows run at the same time',
          'mcSynch_mcExec1 | 60 min | :20',
          'mcSynch_mcExec2 | 60 min | :25',
          'mcSynch_mcExec3 | 60 min | :30',
          '05:58–06:15',
          'Change...',
        ],
        reject: IN_WINDOW,
      },
    ],
  },
  {
    name: 'es: KA-23471, el registro pegado de los tres y el reinicio escrito: tabla escalonada',
    locale: 'es-ES',
    turns: [
      { user: DEADLOCK_ES, expect: ['KA-23471'] },
      { user: 'sí', expect: ['¿Cuándo se ejecutan tus flujos mcSynch?'] },
      { user: JOURNAL, expect: ['¿A qué hora se reinicia el servidor?'] },
      {
        user: 'el servidor se reinicia a las 6',
        expect: ['Tus flujos mcSynch se ejecutan a la vez', 'Nueva planificación (hora del servidor)', '| 60 min | :20', '| 60 min | :25', '| 60 min | :30', '05:58–06:15'],
        reject: IN_WINDOW,
      },
    ],
  },
  {
    name: 'es: KA-23471, nada coincide (en punto y a las y media): otra causa, sin tabla ni reinicio',
    locale: 'es-ES',
    turns: [
      { user: DEADLOCK_ES, expect: ['KA-23471'] },
      { user: 'vale' },
      {
        user: 'mcSynch_mcExec1 corre cada hora en punto y mcSynch_mcExec2 cada hora a las y media',
        expect: ['Tus flujos mcSynch no se ejecutan a la vez', 'tiene otra causa', 'Qué revisar ahora'],
        reject: ['Nueva planificación', '¿A qué hora se reinicia el servidor?'],
      },
    ],
  },
  {
    name: 'en: KA-23471, nothing collides: another cause',
    turns: [
      { user: DEADLOCK_EN, expect: ['KA-23471'] },
      { user: 'yes' },
      {
        user: 'mcSynch_mcExec1 runs every hour at :10 and mcSynch_mcExec2 every hour at :40',
        expect: ["Your mcSynch workflows don't run at the same time", 'another cause'],
        reject: ['New schedule'],
      },
    ],
  },
  {
    name: "en: KA-23471, one workflow and the 'There is only one' button",
    turns: [
      { user: DEADLOCK_EN, expect: ['KA-23471'] },
      { user: 'yes' },
      { user: 'mcSynch_mcExec1 runs every hour at :00', expect: ['When do your mcSynch workflows run?', 'There is only one'] },
      { user: { value: { onlyOne: true } }, expect: ['With one mcSynch workflow (mcSynch_mcExec1)'] },
    ],
  },
  {
    name: "en: KA-23471, the names asked after 'the three mcSynch', help for 'I don't know' at the restart, then a restart corrected after the verdict",
    turns: [
      { user: DEADLOCK_EN, expect: ['KA-23471'] },
      { user: 'yes' },
      { user: 'the three mcSynch run once a day at 06:00', expect: ['Which are the 3 mcSynch workflows?'] },
      { user: 'mcSynch_mcExec1, mcSynch_mcExec2, mcSynch_mcExec3', expect: ['When does the server restart?'] },
      { user: "I don't know", expect: ['processRestartTime'] },
      { user: '06:00', expect: ['mcSynch_mcExec1 | 24 h | 06:20', 'mcSynch_mcExec2 | 24 h | 06:25', 'mcSynch_mcExec3 | 24 h | 06:30'] },
      {
        user: 'sorry, the restart is at 05:00',
        expect: ['05:00', 'mcSynch_mcExec1 | 24 h | 06:00', 'mcSynch_mcExec2 | 24 h | 06:05', 'mcSynch_mcExec3 | 24 h | 06:10', '04:58–05:15'],
      },
    ],
  },
  {
    name: "en: KA-22897, the article's example with the cards' buttons: minute 58, MC_LastTlRtSynch_1, hourly at :20",
    turns: [
      { user: TRACKING_EN, expect: ['KA-22897', 'compare the two frequencies'] },
      { user: 'yes', expect: ['How often does the sync workflow run on MKT?'] },
      { user: 'every 2 minutes', expect: ['How often does RT collect tracking?', 'Every hour (the default)'] },
      { user: { value: { defaultFrequency: true } }, expect: ['Are the older tracking logs still on RT?'] },
      { user: { value: { olderLogs: true } }, expect: ['When does the server restart?'] },
      {
        user: { value: { useDefault: true } },
        expect: ['minute 58 of each hour', 'mcSynch_… | 60 min | :20', '**Administration > Platform > Options**', '**MC_LastTlRtSynch_1**', '05:58–06:15'],
        reject: ['<instance>'],
      },
    ],
  },
  {
    name: 'es: KA-22897, misma frecuencia con el botón por defecto: otra causa',
    locale: 'es-ES',
    turns: [
      { user: TRACKING_ES, expect: ['KA-22897'] },
      { user: 'sí', expect: ['¿Cada cuánto se ejecuta el flujo de sincronización en MKT?'] },
      { user: 'mcSynch_mcExec1 corre cada hora', expect: ['¿Cada cuánto recopila RT el seguimiento?'] },
      {
        user: { value: { defaultFrequency: true } },
        expect: ['MKT y RT se ejecutan con la misma frecuencia', 'Qué revisar ahora'],
        reject: ['MC_LastTlRtSynch_1', 'Nueva planificación'],
      },
    ],
  },
  {
    name: 'en: KA-22897, RT collects every 10 minutes: the 15-minute minimum on both sides',
    turns: [
      { user: TRACKING_EN, expect: ['KA-22897'] },
      { user: 'yes' },
      { user: 'the MKT sync runs every 2 minutes and RT collects tracking every 10 minutes', expect: ['Are the older tracking logs still on RT?'] },
      { user: 'no' },
      { user: '06:00', expect: ['| 15 min |', "set RT's Tracking workflow to every 15 min too", "can't be recovered"], reject: ['MC_LastTlRtSynch_1'] },
    ],
  },
  {
    name: 'es: KA-22897, MKT más lenta que RT y un servidor en UTC: la misma solución, la zona en la tabla',
    locale: 'es-ES',
    turns: [
      { user: TRACKING_ES, expect: ['KA-22897'] },
      { user: 'sí' },
      { user: 'la sincronización en MKT corre cada 2 horas', expect: ['¿Cada cuánto recopila RT el seguimiento?'] },
      { user: 'cada hora' },
      { user: 'sí' },
      {
        user: 'el servidor está en UTC y se reinicia a las 6',
        expect: ['El ejemplo de KA-22897 es al revés', 'Nueva planificación (hora de UTC)', '| 60 min | :20 | UTC', 'MC_LastTlRtSynch_1'],
      },
    ],
  },
];

let corpusKb: KnowledgeBase;

describeWithCorpus('the sibling checks (KA-23471, KA-22897), through the bot', (corpus) => {
  beforeAll(async () => {
    corpusKb = await openKnowledgeBase([corpus]);
  });

  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await conversationRunner(corpusKb).play(script);
  });
});
