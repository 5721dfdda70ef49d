import { openKnowledgeBase } from '../../src/search/knowledgeBase';
import type { KnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';
import { describeWithCorpus } from '../support/corpus';

/**
 * The guided check as operators answer it: facts in any order and in their own words, zones,
 * corrections, several restarts and workflows, questions instead of answers. Each script is a
 * conversation; each turn lists what the bot's replies must (and must not) show.
 */

const LOGON = "Empty return for method 'Logon' of service 'xtk:session'";
const QUESTION_EN = `our mcSynch_mcExec1 workflow fails with ${LOGON}`;
const QUESTION_ES = `el flujo mcSynch_mcExec1 falla con ${LOGON}`;
const VERDICT_EN = 'coincides with the server restart';
const DIFFERS_EN = 'does not coincide';
const VERDICT_ES = 'coincide con el reinicio';
const DIFFERS_ES = 'no coincide con el reinicio';

const scripts: Script[] = [
  // Time zones
  {
    name: 'en: console in Bogotá time, server in UTC: 01:02 on the console is 06:02 on the server',
    turns: [
      { user: QUESTION_EN, expect: ['KA-05406'] },
      { user: 'yes. my console shows Bogotá time and the server is in UTC', expect: ['Noted', 'America/Bogota', 'UTC', 'When did the error happen?'] },
      { user: '01:02', expect: ['When does the server restart?'] },
      { user: '06:00', expect: [VERDICT_EN, '**06:05** server time, UTC', '01:05 in America/Bogota', 'Advanced', 'Time zone'], reject: [DIFFERS_EN] },
    ],
  },
  {
    name: 'en: a pasted line with a +05:30 offset, the server in UTC',
    turns: [
      { user: `mcSynch_mcExec1 failed again, the server is in UTC:\n2019-07-05 11:31:59.874+05:30 mcSynch_mcExec1 ${LOGON}`, expect: ['KA-05406'] },
      { user: 'yes', expect: ['Noted', '11:31 UTC+05:30', 'When does the server restart?'] },
      { user: '6am', expect: [VERDICT_EN, '06:01', '**06:05**'] },
    ],
  },
  {
    name: 'es: una línea en Z contra un reinicio en hora de Madrid (marzo, UTC+1)',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES, expect: ['KA-05406'] },
      { user: 'sí', expect: ['¿A qué hora ocurrió el error?'] },
      { user: `2020-03-04T06:01:13Z mcSynch_mcExec1 ${LOGON}`, expect: ['¿A qué hora se reinicia el servidor?'] },
      { user: 'a las 07:00 hora de Madrid', expect: [VERDICT_ES], reject: [DIFFERS_ES] },
    ],
  },
  {
    name: 'en: an error a whole hour from the restart with unknown zones asks once for the console zone, then judges',
    localTimezone: 'Europe/Madrid',
    turns: [
      { user: QUESTION_EN, expect: ['KA-05406'] },
      { user: 'yes, it failed at 07:02', expect: ['When does the server restart?'] },
      { user: '06:00', expect: ['Which time zone does your console show?', '1 h', 'Europe/Madrid'], reject: [DIFFERS_EN, VERDICT_EN] },
      { user: 'the console is on Madrid time, the server runs on UTC', expect: [VERDICT_EN, '**06:05** server time, UTC'] },
    ],
  },
  {
    name: 'en: same as the server: the hour apart is then not the restart',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '07:02' },
      { user: '06:00', expect: ['Which time zone does your console show?'] },
      { user: { value: { kbAction: 'consoleZone', sameAsServer: true } }, expect: [DIFFERS_EN], reject: ['**07:05**', 'Which time zone'] },
    ],
  },

  // Answers taken by meaning, not by position
  {
    name: 'es: el reinicio dicho cuando se pregunta por el error, y luego el error',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: 'El servidor se reinicia a las 6:00', expect: ['Anotado: reinicio del servidor a las 06:00', '¿A qué hora ocurrió el error?'] },
      { user: '06:03', expect: [VERDICT_ES, '**06:05**'], reject: [DIFFERS_ES] },
    ],
  },
  {
    name: 'es: los dos datos en un mensaje',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      {
        user: 'A las 6:02, y el servidor se reinicia a las 6',
        expect: ['error a las 06:02', 'reinicio del servidor a las 06:00', VERDICT_ES],
        reject: ['¿A qué hora se reinicia'],
      },
    ],
  },
  {
    name: 'es: una corrección del error cuando se pregunta por el reinicio',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: 'a las 6:02', expect: ['¿A qué hora se reinicia el servidor?'] },
      { user: 'no, perdón, fue a las 7:02', expect: ['Corregido: error a las 07:02 (antes 06:02)', '¿A qué hora se reinicia el servidor?'] },
      { user: 'a las 7', expect: [VERDICT_ES, '**07:05**'] },
    ],
  },
  {
    name: 'en: a correction after the verdict judges again',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '06:02' },
      { user: '05:00', expect: ['Which time zone'] },
      { user: 'sorry, the restart is at 6', expect: ['Corrected: server restart at 06:00 (was 05:00)', VERDICT_EN, '**06:05**', 'Was this helpful?'] },
      { user: 'actually the error was at 06:12', expect: ["here's the check again", '**06:15**'], reject: ['**06:05**'] },
      { user: 'yes', expect: ['Case summary', '06:12', 'move the scheduler to 06:15'] },
    ],
  },

  // Fixes consistent with the evidence
  {
    name: 'en: an error at 06:15 moves the start after it, not to 06:05',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '06:15' },
      { user: '06:00', expect: [VERDICT_EN, '**06:20**', '20 minutes after the restart', '**06:25**'], reject: ['**06:05**', '**06:10**'] },
    ],
  },
  {
    name: 'en: restart 23:58 and an error at 00:03: never start at the minute that failed',
    turns: [{ user: QUESTION_EN }, { user: 'yes' }, { user: '00:03' }, { user: '23:58', expect: [VERDICT_EN, '**00:05**'], reject: ['**00:03**'] }],
  },
  {
    name: 'en: a restart that takes 30 minutes makes 06:35 part of it',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '06:35' },
      { user: 'at 6, and our restart takes about 30 minutes', expect: ['the restart takes about 30 minutes', VERDICT_EN, '**06:40**', '06:45'], reject: [DIFFERS_EN] },
    ],
  },
  {
    name: 'en: success lines are not errors',
    turns: [
      { user: QUESTION_EN, expect: ['KA-05406'] },
      { user: 'yes', expect: ['When did the error happen?'] },
      {
        user: `here:\n19/08/2022 10:00:12\tmcSynch_mcExec1\tWorkflow finished\n19/08/2022 09:00:10\tmcSynch_mcExec1\tWorkflow finished`,
        expect: ['None of the lines you pasted is an error', '10:00', 'When did the error happen?'],
        reject: ['Noted: error'],
      },
    ],
  },
  {
    name: 'es: dos reinicios al día; el error de las 18:02 es el de las 18:00',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: 'a las 18:02' },
      { user: 'se reinicia dos veces al día, a las 6 y a las 18', expect: [VERDICT_ES, '**18:05**', '06:00, 18:00'], reject: [DIFFERS_ES] },
    ],
  },
  {
    name: 'en: two workflows fail in the log: both are named, at different minutes',
    turns: [
      {
        user: `both sync workflows fail:\n19/08/2022 06:01:10\tmcSynch_mcExec1\t${LOGON}\n19/08/2022 06:01:12\tmcSynch_mcExec2\t${LOGON}`,
        expect: ['KA-05406'],
      },
      { user: 'yes', expect: ['mcSynch_mcExec1', 'mcSynch_mcExec2', 'When does the server restart?'] },
      { user: '06:00', expect: ['**mcSynch_mcExec1**', '**06:05**', '**mcSynch_mcExec2**', '**06:10**', 'no two sync workflows start at the same minute'] },
    ],
  },

  // No dead ends
  {
    name: 'es: "vale, entonces las 6 por defecto" es el reinicio por defecto',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: '06:03' },
      { user: 'vale, entonces las 6 por defecto', expect: [VERDICT_ES, '**06:05**'], reject: ['No he podido leer'] },
    ],
  },
  {
    name: 'en: the restart card offers the default, and its button works',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '06:02', expect: ['Use 06:00 (default)'] },
      { user: { value: { kbAction: 'restartTime', useDefault: true } }, expect: ["server restart at 06:00 (Campaign's default)", VERDICT_EN] },
    ],
  },
  {
    name: 'es: una pregunta en vez de una respuesta recibe su ayuda, y la pregunta sigue abierta',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: '06:02' },
      { user: '¿y cómo sé a qué hora se reinicia?', expect: ['processRestartTime', 'watchdog.log', '¿A qué hora se reinicia el servidor?'], reject: ['No he podido leer'] },
      { user: 'a las 6', expect: [VERDICT_ES] },
    ],
  },
  {
    name: 'es: "no lo sé" a la hora del error explica dónde verla',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: 'no lo sé', expect: ['Seguimiento', 'Mostrar los logs', '¿A qué hora ocurrió el error?'], reject: ['No he podido leer'] },
    ],
  },
  {
    name: 'en: three unreadable answers to the offer: every message gets a reply',
    turns: [
      { user: QUESTION_EN },
      { user: 'hmm', expect: ['yes** or **no'] },
      { user: 'banana', expect: ['yes** or **no'] },
      { user: 'qwerty', expect: ["couldn't understand that"] },
    ],
  },
  {
    name: 'en: a check that ends on three unreadable answers keeps the workflow in its summary',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: 'banana' },
      { user: 'blah' },
      { user: 'meh', expect: ["let's stop the check here", 'Case summary', 'mcSynch_mcExec1', 'Error time(s): not given'] },
    ],
  },
  {
    name: 'en: "not helpful" with a reason is noted, with next steps and the summary',
    turns: [
      { user: QUESTION_EN },
      { user: 'yes' },
      { user: '06:02' },
      { user: '06:00', expect: ['**06:05**', 'Was this helpful?'] },
      {
        user: 'Not helpful, it still fails at 06:20 after the change',
        expect: ['noted it', 'it still fails at 06:20', '06:20', 'watchdog.log', 'Case summary', 'Not solved'],
        reject: ['Was this helpful?'],
      },
    ],
  },
  {
    name: 'es: horas aproximadas piden el minuto exacto',
    locale: 'es-ES',
    turns: [
      { user: QUESTION_ES },
      { user: 'sí' },
      { user: 'sobre las seis', expect: ['minuto exacto'], reject: [VERDICT_ES, DIFFERS_ES] },
      { user: '6 y pico', expect: ['minuto exacto'] },
      { user: '06:04', expect: ['¿A qué hora se reinicia el servidor?'] },
      { user: 'a las 6', expect: [VERDICT_ES] },
    ],
  },
  {
    name: 'en: "around 6" asks for the exact minute',
    turns: [{ user: QUESTION_EN }, { user: 'yes' }, { user: 'around 6', expect: ['exact minute'], reject: [VERDICT_EN, DIFFERS_EN] }],
  },

  // The person's language
  {
    name: 'es: the pasted English error does not make the check English',
    locale: 'es-AR',
    turns: [
      { user: `Che, el mcSynch falla con ${LOGON}`, expect: ['Síntoma', '¿Quieres que te guíe'] },
      { user: 'dale', expect: ['¿A qué hora ocurrió el error?'] },
      { user: 'a las 18:04 hs', expect: ['¿A qué hora se reinicia el servidor?'] },
      { user: 'a las 18', expect: [VERDICT_ES] },
    ],
  },
  {
    name: 'en then es: asking to continue in Spanish in a sentence switches',
    turns: [
      { user: QUESTION_EN, expect: ['Symptom'] },
      { user: '¿podemos seguir en español?', expect: ['sigo en español', '¿Quieres que te guíe'] },
    ],
  },
];

let knowledgeBase: KnowledgeBase;
beforeAll(async () => {
  knowledgeBase = await openKnowledgeBase([]);
});

describe('the guided check as operators answer it', () => {
  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await conversationRunner(knowledgeBase).play(script);
  });

  it('records the verdict with its start times and workflows, in server time', async () => {
    const runner = conversationRunner(knowledgeBase);
    await runner.play({ name: 'event', turns: [{ user: QUESTION_EN }, { user: 'yes' }, { user: '06:15' }, { user: '06:00' }] });
    expect(runner.events).toEqual([{ event: 'verdict', article: 'KA-05406', coincides: true, startTimes: ['06:20', '06:25'], workflows: ['mcSynch_mcExec1'] }]);
  });
});

describeWithCorpus('another article in the middle of the check', (corpus) => {
  it('answers it and keeps the check open', async () => {
    const runner = conversationRunner(await openKnowledgeBase([corpus]));
    await runner.play({
      name: 'es: deadlock mid-check',
      locale: 'es-ES',
      turns: [
        { user: QUESTION_ES, expect: ['KA-05406'] },
        { user: 'sí' },
        { user: '¿y el error deadlock detected de los flujos mcSync qué es?', expect: ['KA-23471', 'comprobación', '¿A qué hora ocurrió el error?'] },
        { user: '06:02', expect: ['¿A qué hora se reinicia el servidor?'] },
      ],
    });
  });
});
