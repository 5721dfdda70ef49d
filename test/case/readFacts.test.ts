import { readFacts, type ReadContext, type Reading } from '../../src/case/readFacts';
import type { TimeFact } from '../../src/case/types';
import { checkPatterns } from '../../src/kb/checkData';
import { loadGuidedCheck } from '../../src/kb/loader';

const patterns = checkPatterns(loadGuidedCheck('KA-05406'));
const LOGON = "Empty return for method 'Logon' of service 'xtk:session'";

type Context = Omit<ReadContext, 'patterns' | 'language'>;

function read(text: string, language: 'en' | 'es', context: Context = {}): Reading {
  return readFacts(text, { language, patterns, ...context });
}

/** "error 06:02", "restart 07:00 @Europe/Madrid ~", "error 11:31:59 2019-07-05 @UTC+5:30 [log] mcSynch_mcExec1". */
function describeTime(time: TimeFact & { role?: string }): string {
  const clock = `${String(Math.floor(time.minuteOfDay / 60)).padStart(2, '0')}:${String(time.minuteOfDay % 60).padStart(2, '0')}`;
  return [
    time.role,
    time.second === undefined ? clock : `${clock}:${String(time.second).padStart(2, '0')}`,
    time.date,
    time.zone && `@${time.zone.name}`,
    time.source === 'typed' ? undefined : `[${time.source}]`,
    time.workflow,
    time.vague ? '~' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

const times = (reading: Reading): string[] => reading.times.map(describeTime);

const ERROR_Q: Context = { expecting: 'errorTime' };
const RESTART_Q: Context = { expecting: 'restartTime', lastAnswered: 'errorTime' };
const FEEDBACK_Q: Context = { expecting: 'feedback', lastAnswered: 'restartTime' };

describe('readFacts: the role of each time comes from the words around it', () => {
  test.each<[string, 'en' | 'es', Context, string[]]>([
    ['A las 6:02, y el servidor se reinicia a las 6', 'es', ERROR_Q, ['error 06:02', 'restart 06:00']],
    ['At 6:02, and the server restarts at 6', 'en', ERROR_Q, ['error 06:02', 'restart 06:00']],
    ['El servidor se reinicia a las 6:00', 'es', ERROR_Q, ['restart 06:00']],
    ['The server restarts at 6:00', 'en', ERROR_Q, ['restart 06:00']],
    ['06:02', 'es', ERROR_Q, ['error 06:02']],
    ['06:00', 'en', RESTART_Q, ['restart 06:00']],
    ['falló a las 6:02', 'es', RESTART_Q, ['error 06:02']],
    ['it failed at 6:02', 'en', RESTART_Q, ['error 06:02']],
    ['el error saltó a las 6:02 y el reinicio es a las 6', 'es', {}, ['error 06:02', 'restart 06:00']],
    ['petó a las 6 y 2', 'es', RESTART_Q, ['error 06:02']],
    ['fue a las 6:02', 'es', RESTART_Q, ['error 06:02']],
    ['the error was at 6:02 but the reboot is at 5:45', 'en', {}, ['error 06:02', 'restart 05:45']],
    ['el servidor a las 6', 'es', ERROR_Q, ['restart 06:00']],
    ['the watchdog restarts everything at 6', 'en', ERROR_Q, ['restart 06:00']],
    ['the server bounces at 6', 'en', ERROR_Q, ['restart 06:00']],
    ['el mantenimiento es a las 6', 'es', ERROR_Q, ['restart 06:00']],
    ['suele fallar a las 6:02', 'es', RESTART_Q, ['error 06:02']],
    ['processRestartTime="06:00:00"', 'en', ERROR_Q, ['restart 06:00:00']],
    ['se reinicia dos veces al día, a las 6 y a las 18', 'es', ERROR_Q, ['restart 06:00', 'restart 18:00']],
    ['restarts at 6 and at 18:00', 'en', ERROR_Q, ['restart 06:00', 'restart 18:00']],
    ['the server restarts twice a day, at 6 and at 18', 'en', {}, ['restart 06:00', 'restart 18:00']],
    ['a las 18:04 hs', 'es', ERROR_Q, ['error 18:04']],
    ['a las 6 de la tarde', 'es', ERROR_Q, ['error 18:00']],
    ['at 6:02 pm', 'en', ERROR_Q, ['error 18:02']],
    ['a las 6:02 p. m.', 'es', ERROR_Q, ['error 18:02']],
    ['a las 6:02', 'es', { expecting: 'offer' }, ['unknown 06:02']],
    ['the journal shows 06:02', 'en', { expecting: 'offer' }, ['error 06:02']],
    ['en el registro sale a las 6:02', 'es', { expecting: 'offer' }, ['error 06:02']],
    ['El error fue a las 6:02 y 6:05', 'es', {}, ['error 06:02', 'error 06:05']],
    ['falló a las 6:02, 6:05 y 6:07', 'es', {}, ['error 06:02', 'error 06:05', 'error 06:07']],
    ['se reinició a las 6 y falló a las 6:02', 'es', {}, ['restart 06:00', 'error 06:02']],
    ['a las 6 y media', 'es', ERROR_Q, ['error 06:30']],
    ['at half past six, and the restart is at 6', 'en', ERROR_Q, ['error 06:30', 'restart 06:00']],
    ['tengo 2 workflows fallando desde hace 3 días', 'es', ERROR_Q, []],
  ])('%s (%s)', (text, language, context, expected) => {
    expect(times(read(text, language, context))).toEqual(expected);
  });
});

describe('readFacts: corrections replace the role they are about', () => {
  test.each<[string, 'en' | 'es', Context, string[], string]>([
    ['no, perdón, fue a las 7:02', 'es', RESTART_Q, ['error 07:02'], 'error'],
    ['sorry, I meant 7:02', 'en', RESTART_Q, ['error 07:02'], 'error'],
    ['actually it was 06:12', 'en', RESTART_Q, ['error 06:12'], 'error'],
    ['me equivoqué, el reinicio es a las 5', 'es', FEEDBACK_Q, ['restart 05:00'], 'restart'],
    ['wait, the restart is at 5', 'en', FEEDBACK_Q, ['restart 05:00'], 'restart'],
    // No cue: the question answered before, not the open one.
    ['perdón, quise decir 5:30', 'es', FEEDBACK_Q, ['restart 05:30'], 'restart'],
    ['sorry, I meant 7:02', 'en', { expecting: 'consoleZone', lastAnswered: 'errorTime' }, ['error 07:02'], 'error'],
  ])('%s (%s)', (text, language, context, expected, role) => {
    const reading = read(text, language, context);
    expect(times(reading)).toEqual(expected);
    expect(reading.correction).toBe(true);
    expect(reading.correctionRole).toBe(role);
  });

  test('"No, the error was at 7:02. The restart is at 7.": both roles, a correction', () => {
    const reading = read('No, the error was at 7:02. The restart is at 7.', 'en', FEEDBACK_Q);
    expect(times(reading)).toEqual(['error 07:02', 'restart 07:00']);
    expect(reading.correction).toBe(true);
  });

  test('"no, gracias" is a no, not a correction', () => {
    expect(read('no, gracias', 'es', FEEDBACK_Q)).toEqual({ times: [], successes: [], workflows: [], yesNo: false });
  });

  test('a correction without a time still says what it is about', () => {
    const reading = read('wait, the restart time is wrong', 'en', FEEDBACK_Q);
    expect(reading).toMatchObject({ correction: true, correctionRole: 'restart', times: [] });
  });

  test('a plain answer is no correction, and "error mío" is no error time', () => {
    expect(read('06:02', 'es', ERROR_Q).correction).toBeUndefined();
    expect(times(read('error mío, el reinicio es a las 5', 'es', FEEDBACK_Q))).toEqual(['restart 05:00']);
  });
});

describe('readFacts: vague times', () => {
  test.each<[string, 'en' | 'es']>([
    ['sobre las seis', 'es'],
    ['around 6', 'en'],
    ['6 y pico', 'es'],
    ['a eso de las 6', 'es'],
    ['more or less 6', 'en'],
    ['6ish', 'en'],
    ['about 6 in the morning', 'en'],
    ['falló tipo 6 y algo', 'es'],
  ])('%s (%s) is 06:00, vague', (text, language) => {
    expect(times(read(text, language, ERROR_Q))).toEqual(['error 06:00 ~']);
  });

  test.each<[string, 'en' | 'es', string]>([
    ['early morning', 'en', 'earlyMorning'],
    ['de madrugada', 'es', 'earlyMorning'],
    ['this afternoon', 'en', 'afternoon'],
    ['por la noche', 'es', 'night'],
  ])('%s (%s): a part of the day with no hour', (text, language, part) => {
    const reading = read(text, language, ERROR_Q);
    expect(reading.times).toEqual([]);
    expect(reading.partOfDay).toEqual({ role: 'error', part });
  });

  test('a precise minute is not vague even after "around"', () => {
    expect(times(read('around 6:02', 'en', ERROR_Q))).toEqual(['error 06:02']);
  });
});

describe('readFacts: durations, zones, workflows', () => {
  test.each<[string, 'en' | 'es', number]>([
    ['our restart takes about 30 minutes', 'en', 30],
    ['el reinicio tarda media hora', 'es', 30],
    ['el reinicio dura unos 20 min', 'es', 20],
    ['it takes 10-15 minutes to restart', 'en', 15],
    ['the reboot lasts an hour', 'en', 60],
  ])('%s (%s) → %i minutes', (text, language, minutes) => {
    const reading = read(text, language, RESTART_Q);
    expect(reading.restartDurationMinutes).toBe(minutes);
    expect(reading.times).toEqual([]);
  });

  test('a restart time and its duration in one message', () => {
    const reading = read('se reinicia a las 6 y tarda unos 20 minutos', 'es', ERROR_Q);
    expect(times(reading)).toEqual(['restart 06:00']);
    expect(reading.restartDurationMinutes).toBe(20);
  });

  test('"a las 6 y 15 minutos" is a time, not a duration', () => {
    const reading = read('se reinicia a las 6 y 15 minutos', 'es', ERROR_Q);
    expect(times(reading)).toEqual(['restart 06:15']);
    expect(reading.restartDurationMinutes).toBeUndefined();
  });

  test.each<[string, 'en' | 'es', Context, Partial<Record<'serverZone' | 'consoleZone' | 'zone', string>>]>([
    ['the server is in UTC', 'en', {}, { serverZone: 'UTC' }],
    ['el servidor está en hora de Madrid', 'es', {}, { serverZone: 'Europe/Madrid' }],
    ['el servidor está en UTC', 'es', ERROR_Q, { serverZone: 'UTC' }],
    ['my console shows Bogotá time', 'en', {}, { consoleZone: 'America/Bogota' }],
    ['la consola muestra hora de México', 'es', {}, { consoleZone: 'America/Mexico_City' }],
    ['my console shows Bogotá time and the server is in UTC', 'en', {}, { consoleZone: 'America/Bogota', serverZone: 'UTC' }],
    ['la consola está en hora de Bogotá y el servidor en UTC', 'es', {}, { consoleZone: 'America/Bogota', serverZone: 'UTC' }],
    ['la misma que el servidor', 'es', { expecting: 'consoleZone' }, { consoleZone: 'server' }],
    ['same as the server', 'en', { expecting: 'consoleZone' }, { consoleZone: 'server' }],
    ['the same', 'en', { expecting: 'consoleZone' }, { consoleZone: 'server' }],
    ['my console shows server time', 'en', {}, { consoleZone: 'server' }],
    ['Bogotá', 'es', { expecting: 'consoleZone' }, { consoleZone: 'America/Bogota' }],
    ['el servidor está en México', 'es', {}, { serverZone: 'America/Mexico_City' }],
    ['our servers are in Spain', 'en', {}, { serverZone: 'Europe/Madrid' }],
    ['somos de Colombia', 'es', {}, {}],
    ['CET', 'en', { expecting: 'consoleZone' }, { consoleZone: 'Europe/Paris' }],
    ['UTC', 'en', ERROR_Q, { zone: 'UTC' }],
  ])('%s (%s)', (text, language, context, expected) => {
    const reading = read(text, language, context);
    const zones = Object.fromEntries((['serverZone', 'consoleZone', 'zone'] as const).flatMap((key) => (reading[key] ? [[key, reading[key].name]] : [])));
    expect(zones).toEqual(expected);
    expect(reading.times).toEqual([]);
  });

  test.each<[string, 'en' | 'es', Context, string[]]>([
    ['07:00 hora de Madrid', 'es', RESTART_Q, ['restart 07:00 @Europe/Madrid']],
    ['it failed at 01:02 Bogotá time', 'en', {}, ['error 01:02 @America/Bogota']],
    ['the error was at 6:02 GMT-5', 'en', {}, ['error 06:02 @UTC-5']],
    ['falló a las 6:02 hora del servidor', 'es', {}, ['error 06:02 @server']],
    ['a las 6 y a las 18 hora de Madrid', 'es', RESTART_Q, ['restart 06:00 @Europe/Madrid', 'restart 18:00 @Europe/Madrid']],
    ['a las 6:02. Hora de Madrid', 'es', ERROR_Q, ['error 06:02 @Europe/Madrid']],
    ['restart at 7 CEST, error at 5:01 UTC', 'en', {}, ['restart 07:00 @Europe/Paris', 'error 05:01 @UTC']],
    ['el 28/03/2026 a las 02:30 falló', 'es', {}, ['error 02:30 2026-03-28']],
    ['it failed on 2026-11-01 at 01:30 EST', 'en', {}, ['error 01:30 2026-11-01 @America/New_York']],
    ['a las 7 UTC+1 (Madrid)', 'es', RESTART_Q, ['restart 07:00 @Europe/Madrid']],
    ['the Madrid team says it failed at 6:02', 'en', {}, ['error 06:02']],
    ['somos de México, el mcSynch falla a las 6:02', 'es', {}, ['error 06:02']],
    ['the Central server restarts at 6', 'en', {}, ['restart 06:00']],
    ['restarts at 6 Central', 'en', {}, ['restart 06:00 @America/Chicago']],
  ])('times with their zone: %s (%s)', (text, language, context, expected) => {
    expect(times(read(text, language, context))).toEqual(expected);
  });

  test('workflow names, all of them, and the error message typed inside a Spanish sentence', () => {
    const reading = read(`Che, el mcSynch_mcExec1 falla con ${LOGON} a las 6:02, y también el mcSynch_mcExec2`, 'es', { expecting: 'offer' });
    expect(reading.workflows).toEqual(['mcSynch_mcExec1', 'mcSynch_mcExec2']);
    expect(reading.errorMessage).toBe(true);
    expect(times(reading)).toEqual(['error 06:02 mcSynch_mcExec1']);
  });

  test('the English error pasted in a Spanish sentence, no time: the error, no facts', () => {
    const reading = read(`Che, el mcSynch falla con ${LOGON}...`, 'es', { expecting: 'offer' });
    expect(reading).toMatchObject({ errorMessage: true, times: [], workflows: [] });
  });
});

describe('readFacts: pasted log lines', () => {
  test('errors, a success, dates and the workflow from a journal', () => {
    const journal = [
      `19/08/2022 07:00:12\tmcSynch_mcExec1\tWorkflow finished`,
      `19/08/2022 06:02:10\tmcSynch_mcExec1\t${LOGON}`,
      `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`,
    ].join('\n');
    const reading = read(journal, 'en', ERROR_Q);
    expect(times(reading)).toEqual(['error 06:02:10 2022-08-19 [log] mcSynch_mcExec1', 'error 06:00:41 2022-08-19 [log] mcSynch_mcExec1']);
    expect(reading.successes.map(describeTime)).toEqual(['07:00:12 2022-08-19 [log] mcSynch_mcExec1']);
    expect(reading.workflows).toEqual(['mcSynch_mcExec1']);
    expect(reading.errorMessage).toBe(true);
  });

  test.each<[string, string]>([
    [`2019-07-05 11:31:59.874+05:30 mcSynch_mcExec1 ${LOGON}`, 'error 11:31:59 2019-07-05 @UTC+5:30 [log] mcSynch_mcExec1'],
    [`2020-03-04T06:01:13Z ${LOGON}`, 'error 06:01:13 2020-03-04 @UTC [log]'],
    [`2020-03-04 06:01:13 ${LOGON}`, 'error 06:01:13 2020-03-04 [log]'],
  ])('a server log line keeps its offset: %s', (line, expected) => {
    expect(times(read(line, 'en'))).toEqual([expected]);
  });

  test("a log line pasted after the user's words, and a restart said on the next line", () => {
    const text = `mira lo que sale:\n19/08/2022 06:02:10 mcSynch_mcExec1 ${LOGON}\nel servidor se reinicia a las 6`;
    const reading = read(text, 'es', { expecting: 'offer' });
    expect(times(reading)).toEqual(['error 06:02:10 2022-08-19 [log] mcSynch_mcExec1', 'restart 06:00']);
  });

  test("the log line and the restart in one Spanish sentence with the log's English inside", () => {
    const text = `Che, el mcSynch falla con esto: 2020-03-04 06:01:13 ${LOGON}`;
    const reading = read(text, 'es', { expecting: 'offer' });
    expect(times(reading)).toEqual(['error 06:01:13 2020-03-04 [log]']);
    expect(reading.errorMessage).toBe(true);
  });

  test.each<[string, 'en' | 'es', string[]]>([
    [`Che, el mcSynch falla con esto: 2020-03-04 06:01:13 ${LOGON}, y el servidor se reinicia a las 6`, 'es', ['error 06:01:13 2020-03-04 [log]', 'restart 06:00']],
    [`look: 2020-03-04 06:01:13 ${LOGON}. The server restarts at 6.`, 'en', ['error 06:01:13 2020-03-04 [log]', 'restart 06:00']],
    ['el reinicio fue el 19/08/2022 06:00', 'es', ['restart 06:00 2022-08-19 [log]']],
    ['falló el 2022-08-19 06:02', 'es', ['error 06:02 2022-08-19 [log]']],
  ])('a stamp inside a sentence: %s', (text, language, expected) => {
    expect(times(read(text, language, { expecting: 'offer' }))).toEqual(expected);
  });

  test('a pasted watchdog line is a restart, not an error', () => {
    const text = [`2026-03-30 06:00:02.120+02:00 watchdog: restarting process 'mta@default'`, `2026-03-30 06:01:13.000+02:00 mcSynch_mcExec1 ${LOGON}`].join('\n');
    expect(times(read(text, 'en'))).toEqual(['error 06:01:13 2026-03-30 @UTC+2 [log] mcSynch_mcExec1', 'restart 06:00:02 2026-03-30 @UTC+2 [log]']);
  });
});

describe('readFacts: answers that are not times', () => {
  test.each<[string, 'en' | 'es', Context, Reading['dontKnow']]>([
    ['no lo sé', 'es', RESTART_Q, 'restart'],
    ['ni idea', 'es', RESTART_Q, 'restart'],
    ["I don't know", 'en', ERROR_Q, 'error'],
    ['no sé cuándo se reinicia', 'es', ERROR_Q, 'restart'],
    ['no se', 'es', RESTART_Q, 'restart'],
    ["I don't know the time zone", 'en', RESTART_Q, 'zone'],
    ['no idea', 'en', { expecting: 'consoleZone' }, 'zone'],
  ])('dontKnow: %s (%s)', (text, language, context, role) => {
    const reading = read(text, language, context);
    expect(reading.dontKnow).toBe(role);
    expect(reading.yesNo).toBeUndefined();
  });

  test('"no se reinicia" is not "I don\'t know"', () => {
    expect(read('no se reinicia nunca', 'es', RESTART_Q).dontKnow).toBeUndefined();
  });

  test.each<[string, 'en' | 'es', string[]]>([
    ['use the default', 'en', []],
    ['the default one', 'en', []],
    ['el de por defecto', 'es', []],
    ['vale, entonces las 6 por defecto', 'es', ['restart 06:00 [default]']],
  ])('useDefault: %s (%s)', (text, language, expected) => {
    const reading = read(text, language, RESTART_Q);
    expect(reading.useDefault).toBe(true);
    expect(times(reading)).toEqual(expected);
  });

  test.each<[string, 'en' | 'es', Context, Reading['question']]>([
    ['¿y cómo sé a qué hora se reinicia?', 'es', ERROR_Q, 'whereRestartTime'],
    ['where do I find the restart time?', 'en', ERROR_Q, 'whereRestartTime'],
    ['where do I see the error time?', 'en', RESTART_Q, 'whereErrorTime'],
    ['¿dónde veo la hora del error?', 'es', RESTART_Q, 'whereErrorTime'],
    ['¿dónde está el log?', 'es', ERROR_Q, 'whereErrorTime'],
    ['¿dónde lo veo?', 'es', RESTART_Q, 'whereRestartTime'],
    ['what time zone do you mean?', 'en', { expecting: 'consoleZone' }, 'whatZone'],
    ['¿qué zona horaria?', 'es', ERROR_Q, 'whatZone'],
    ['what is this bot?', 'en', { expecting: 'offer' }, 'general'],
  ])('question: %s (%s)', (text, language, context, kind) => {
    expect(read(text, language, context).question).toBe(kind);
  });

  test.each<[string, 'en' | 'es', boolean | undefined]>([
    ['sí', 'es', true],
    ['yes please', 'en', true],
    ['no', 'es', false],
    ['nope', 'en', false],
    ['a las 6:02', 'es', undefined],
  ])('yes/no: %s (%s)', (text, language, expected) => {
    expect(read(text, language, { expecting: 'offer' }).yesNo).toBe(expected);
  });

  test.each<[string, 'ambiguous' | 'invalid']>([
    ['a las 6:2', 'ambiguous'],
    ['a las 25:99', 'invalid'],
  ])('a time that cannot be read: %s', (text, reason) => {
    expect(read(text, 'es', ERROR_Q).unreadTimes).toEqual([{ role: 'error', reason }]);
  });

  test('card input is marked as such', () => {
    expect(times(read('06:02', 'en', { ...ERROR_Q, input: 'card' }))).toEqual(['error 06:02 [card]']);
  });

  test('a very long message is read only so far: the first clauses count', () => {
    const chatter = Array.from({ length: 100 }, () => 'y luego dijo que no').join(', ');
    expect(times(read(`falló a las 6:02, ${chatter}, y el servidor se reinicia a las 6`, 'es', ERROR_Q))).toEqual(['error 06:02']);
  });

  test('nothing at all, or not a string, reads as nothing', () => {
    expect(read('', 'en')).toEqual({ times: [], successes: [], workflows: [] });
    expect(readFacts(undefined as unknown as string, { language: 'es', patterns })).toEqual({ times: [], successes: [], workflows: [] });
  });
});
