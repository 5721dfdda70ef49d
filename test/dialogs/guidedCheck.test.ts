import { openKnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';

const LOG_LINE = "19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'";

/** Each script is a conversation: what the user says, and what the bot's replies must show. */
const scripts: Script[] = [
  {
    name: 'en: error at the restart gets the schedule fix',
    turns: [
      {
        user: "our Message Center sync fails with Empty return for method 'Logon' of service 'xtk:session'",
        expect: ['Empty return error for "Logon"', 'Symptom', 'Cause', 'KA-05406', 'experienceleague.adobe.com/en/', 'walk you through'],
      },
      { user: 'yes', expect: ['When did the error happen?', 'Tracking', 'Administration > Production > Message Center', '[input errorTime'] },
      { user: '6:02 AM', expect: ['When does the server restart?', '[input restartTime'] },
      {
        user: '06:00',
        expect: [
          'coincides with the server restart',
          '06:05',
          '06:10',
          'Scheduler',
          'Change...',
          'mcSynch_… (the one for your execution instance',
          'restart the workflow',
          'tracking workflow on the execution instance',
          'every 15 minutes',
          'Was this helpful?',
        ],
      },
      { user: 'yes', expect: ['Thanks', 'Case summary', 'Error time(s): 06:02', 'Server restart time: 06:00', 'move the scheduler to 06:05 or 06:10'] },
    ],
  },
  {
    name: 'es: log pegado en la primera pregunta, se salta la hora del error',
    locale: 'es-ES',
    turns: [
      {
        user: `el flujo falla cada mañana, os pego el log:\n${LOG_LINE}\n19/08/2022 06:02:10\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'`,
        expect: ['Síntoma', 'Causa', 'experienceleague.adobe.com/es/', '¿Quieres que te guíe'],
      },
      { user: 'sí', expect: ['Anotado: errores a las', '06:00, 06:02', 'mcSynch_mcExec1', '¿A qué hora se reinicia el servidor?'], reject: ['¿A qué hora ocurrió el error?'] },
      { user: 'a las 6', expect: ['coincide con el reinicio', '06:05', '06:10', '**mcSynch_mcExec1**', 'Planificador', 'cada 15 minutos', '¿Te ha sido útil?'] },
      { user: 'no', expect: ['Siento', 'Resumen del caso', 'Hora(s) del error: 06:00, 06:02', 'mover el planificador a las 06:05 o a las 06:10'] },
    ],
  },
  {
    name: 'en: restart 23:58 and error 00:01 coincide across midnight',
    turns: [
      { user: 'mcSync workflow error: empty return logon xtk session', expect: ['KA-05406'] },
      { user: 'y', expect: ['When did the error happen?'] },
      { user: '00:01', expect: ['When does the server restart?'] },
      { user: '23:58', expect: ['coincides', '00:03', '00:08'] },
    ],
  },
  {
    name: 'es: un error a las 14:37 no es el reinicio: sin cambio de planificación',
    locale: 'es-ES',
    turns: [
      { user: 'devolución vacía para el método Logon del servicio xtk:session en el flujo técnico', expect: ['KA-05406'] },
      { user: 'vale', expect: ['¿A qué hora ocurrió el error?'] },
      { user: 'a las 14:37', expect: ['¿A qué hora se reinicia el servidor?'] },
      { user: '06:00', expect: ['no coincide con el reinicio', 'Qué revisar ahora', 'Servicio de atención al cliente'], reject: ['06:05', '06:10', 'Planificador'] },
      { user: 'sí', expect: ['Gracias', 'el error no coincide con el reinicio'] },
    ],
  },
  {
    name: 'en: an unknown restart time gets how to find it, then the question again',
    turns: [
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406'] },
      { user: 'sure', expect: ['When did the error happen?'] },
      { user: 'the error was at 6:01 this morning', expect: ['When does the server restart?'] },
      { user: "I don't know", expect: ['06:00', 'processRestartTime', 'serverConf.xml', 'watchdog.log', 'Monitoring', 'Adobe Customer Care', 'When does the server restart?'] },
      { user: '6 am', expect: ['coincides', '06:05', '06:10'] },
    ],
  },
  {
    name: 'es: "no lo sé" sobre el reinicio',
    locale: 'es-ES',
    turns: [
      { user: 'el workflow mcSynch_mcExec1 falla con devolucion vacia logon xtk:session', expect: ['KA-05406'] },
      { user: 'si', expect: ['¿A qué hora ocurrió el error?'] },
      { user: 'a las 6 y 2', expect: ['¿A qué hora se reinicia'] },
      { user: 'no lo sé', expect: ['06:00', 'processRestartTime', 'Servicio de atención al cliente de Adobe', '¿A qué hora se reinicia'] },
      { user: '06:00', expect: ['coincide', 'el flujo de trabajo **mcSynch_mcExec1**'], reject: ['<instance>', 'mcSynch_…'] },
    ],
  },
  {
    name: 'en: unreadable answers get an example, and the third ends the check with the summary',
    turns: [
      { user: 'Empty return Logon xtk:session Message Center', expect: ['KA-05406'] },
      { user: 'yes', expect: ['When did the error happen?'] },
      { user: 'banana', expect: ["couldn't read a time", '06:02'] },
      { user: 'no idea really, sorry', expect: ['Tracking', 'Display logs', 'When did the error happen?'], reject: ["couldn't read a time"] },
      { user: 'whatever', expect: ["couldn't read a time"] },
      { user: 'blah', expect: ["couldn't read a time"] },
      { user: 'meh', expect: ["let's stop the check here", 'Case summary', 'Error time(s): not given'] },
    ],
  },
  {
    name: 'es: cancelar a mitad y volver a preguntar',
    locale: 'es-ES',
    turns: [
      { user: 'devolución vacía logon xtk session centro de mensajes', expect: ['KA-05406'] },
      { user: 'sí', expect: ['¿A qué hora ocurrió el error?'] },
      { user: 'cancelar', expect: ['Cancelado'] },
      { user: '06:02', expect: ['No he encontrado'] },
      { user: 'devolución vacía logon xtk session', expect: ['KA-05406', '¿Quieres que te guíe'] },
    ],
  },
  {
    name: 'en: help at a step explains that step and asks again; start over resets',
    turns: [
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406'] },
      { user: 'help', expect: ['Answer **yes** to start the guided check'] },
      { user: 'yes', expect: ['When did the error happen?'] },
      { user: 'help', expect: ["time of the error from the technical workflow's log", 'When did the error happen?'] },
      { user: 'start over', expect: ["Let's start over"] },
      { user: 'help', expect: ['Describe an Adobe Campaign Classic problem'] },
    ],
  },
  {
    name: 'es → en: cambiar de idioma en mitad de la comprobación',
    locale: 'es-ES',
    turns: [
      { user: 'el flujo mcSynch falla con devolución vacía del método Logon', expect: ['KA-05406'] },
      { user: 'sí', expect: ['¿A qué hora ocurrió el error?'] },
      { user: '06:03', expect: ['¿A qué hora se reinicia'] },
      { user: 'in English please', expect: ["I'll continue in English", 'When does the server restart?'] },
      { user: '06:00', expect: ['coincides with the server restart', '06:05'] },
      { user: 'en español', expect: ['sigo en español', '¿Te ha sido útil?'] },
    ],
  },
  {
    name: 'en: the whole check by card buttons and inputs',
    turns: [
      { user: "Empty return for method 'Logon' of service 'xtk:session'", expect: ['KA-05406'] },
      { user: { value: { kbAction: 'offer', answer: 'yes' } }, expect: ['When did the error happen?'] },
      { user: { value: { kbAction: 'errorTime', errorTime: LOG_LINE } }, expect: ['Noted: error at 06:00', 'mcSynch_mcExec1', 'When does the server restart?'] },
      { user: { value: { kbAction: 'restartTime', restartTime: '', dontKnow: true } }, expect: ['processRestartTime'] },
      { user: { value: { kbAction: 'restartTime', restartTime: '06:00' } }, expect: ['coincides', '06:05', '06:10', 'mcSynch_mcExec1'] },
      { user: { value: { kbAction: 'feedback', helpful: true } }, expect: ['Thanks', 'Case summary'] },
    ],
  },
  {
    name: 'en: a chatty yes, and the error time given with it, skip ahead',
    turns: [
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406'] },
      { user: "ok let's do it", expect: ['When did the error happen?'], reject: ["couldn't find"] },
      { user: 'start over', expect: ["Let's start over"] },
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406'] },
      { user: 'yes, it failed at 06:02 this morning', expect: ['Noted: error at 06:02', 'When does the server restart?'], reject: ['When did the error happen?'] },
      { user: '6:00', expect: ['coincides', '06:05', '06:10'] },
    ],
  },
  {
    name: 'es: una respuesta que no es sí, ni no, ni otra pregunta, repite la oferta',
    locale: 'es-ES',
    turns: [
      { user: 'devolución vacía logon xtk session', expect: ['KA-05406'] },
      { user: 'pues la verdad es que no lo tengo muy claro', expect: ['Responde **sí** o **no**'], reject: ['No he encontrado'] },
      { user: 'vale, adelante', expect: ['¿A qué hora ocurrió el error?'] },
    ],
  },
  {
    name: 'greetings and thanks are answered, in their own language, without a search',
    turns: [
      { user: 'hola', expect: ['¡Hola! Describe el problema'], reject: ['No he encontrado'] },
      // Only the pasted error, no words of their own: the conversation stays in Spanish.
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406', 'Síntoma'] },
      { user: 'no', expect: ['Pregúntame lo que necesites'] },
      { user: 'thanks!', expect: ["You're welcome"], reject: ["couldn't find"] },
      { user: 'muchas gracias', expect: ['¡De nada!'] },
    ],
  },
  {
    name: 'en: declining the check, then an off-topic question',
    turns: [
      { user: 'Empty return for method Logon of service xtk:session', expect: ['KA-05406'] },
      { user: 'no thanks', expect: ['Ask me anything else'] },
      { user: 'how do I reset my Outlook password', expect: ["couldn't find"], reject: ['KA-'] },
    ],
  },
];

describe('guided check conversations', () => {
  let runner: ReturnType<typeof conversationRunner>;
  beforeAll(async () => {
    runner = conversationRunner(await openKnowledgeBase([], () => undefined));
  });

  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await runner.play(script);
  });

  it('records verdicts and feedback for counting', async () => {
    const before = runner.events.length;
    await runner.play(scripts[0]!);
    expect(runner.events.slice(before)).toEqual([
      { event: 'verdict', article: 'KA-05406', coincides: true, startTimes: ['06:05', '06:10'], workflows: [] },
      { event: 'feedback', article: 'KA-05406', helpful: true, verdict: 'coincides' },
    ]);
  });
});
