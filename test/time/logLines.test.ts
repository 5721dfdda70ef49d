import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatClockWithSeconds } from '../../src/time/clock';
import { checkPatterns } from '../../src/kb/checkData';
import { loadGuidedCheck } from '../../src/kb/loader';
import { hasTimestampedLogLine, MAX_LOG_INPUT_LENGTH, parseLogLines, type LogEvidence } from '../../src/time/logLines';

const checkData = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../kb/checks/KA-05406.json'), 'utf8')) as {
    settings: { errorSignatures: string[]; workflow: { nameRegex: string } };
  }
).settings;

/** What the guided check gives the log reader: KA-05406's patterns from kb/checks. */
const KA05406 = checkPatterns(loadGuidedCheck('KA-05406'));

const LOGON = "Empty return for method 'Logon' of service 'xtk:session'";

/** The evidence as the tables write it. */
function summary(evidence: LogEvidence) {
  return {
    entries: evidence.entries.map((entry) => [formatClockWithSeconds(entry.time), entry.date ?? null, entry.workflow ?? null, entry.isError]),
    workflows: evidence.workflows,
    errorTimes: evidence.errorTimes.map(formatClockWithSeconds),
  };
}

describe('parseLogLines: one line in each format', () => {
  test.each<[string, string, string, string | null, string]>([
    ['journal D/M/YYYY 24h, tabs', `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`, '06:00:41', '2022-08-19', LOGON],
    ['journal D/M/YYYY 24h, spaces', `19/08/2022 06:00:41 mcSynch_mcExec1 ${LOGON}`, '06:00:41', '2022-08-19', LOGON],
    ['journal M/D/YYYY 12h AM', `8/19/2022 6:00:41 AM\tmcSynch_mcExec1\t${LOGON}`, '06:00:41', '2022-08-19', LOGON],
    ['journal M/D/YYYY 12h PM', `8/19/2022 2:37:05 PM\tmcSynch_mcExec1\t${LOGON}`, '14:37:05', '2022-08-19', LOGON],
    ['journal M/D/YYYY 12 AM is midnight', `8/19/2022 12:01:00 AM mcSynch_mcExec1 ${LOGON}`, '00:01:00', '2022-08-19', LOGON],
    ['journal M/D/YYYY 12 PM is noon', `8/19/2022 12:01:00 PM mcSynch_mcExec1 ${LOGON}`, '12:01:00', '2022-08-19', LOGON],
    ['server log ISO with milliseconds and offset', `2022-08-19 06:00:41.874+02:00 ${LOGON}`, '06:00:41', '2022-08-19', LOGON],
    ['server log ISO with negative offset', `2019-07-05 16:01:59.874-05:30 ${LOGON}`, '16:01:59', '2019-07-05', LOGON],
    ['server log ISO plain', `2020-03-04 06:01:13 ${LOGON}`, '06:01:13', '2020-03-04', LOGON],
    ['ISO with T and Z', `2020-03-04T06:01:13.120Z ${LOGON}`, '06:01:13', '2020-03-04', LOGON],
    ['dotted European date', `19.08.2022 06:00:41 ${LOGON}`, '06:00:41', '2022-08-19', LOGON],
    ['no seconds', `19/08/2022 06:00 ${LOGON}`, '06:00', '2022-08-19', LOGON],
    ['two-digit year', `19/08/22 06:00:41 ${LOGON}`, '06:00:41', '2022-08-19', LOGON],
  ])('%s', (_name, line, time, date, message) => {
    const { entries } = parseLogLines(line, KA05406);
    expect(entries).toHaveLength(1);
    expect(formatClockWithSeconds(entries[0]!.time)).toBe(time);
    expect(entries[0]!.date ?? null).toBe(date);
    expect(entries[0]!.message).toBe(message);
    expect(entries[0]!.isError).toBe(true);
    expect(entries[0]!.matchesSignature).toBe(true);
  });
});

describe('parseLogLines: day and month order', () => {
  test.each<[string, string | null]>([
    // 24-hour: the European console, D/M/YYYY ...
    ['05/08/2022 06:00:41', '2022-08-05'],
    ['19/08/2022 06:00:41', '2022-08-19'],
    // ... unless that reading is impossible.
    ['8/19/2022 06:00:41', '2022-08-19'],
    // 12-hour: the US console, M/D/YYYY ...
    ['05/08/2022 6:00:41 AM', '2022-05-08'],
    // ... unless that reading is impossible.
    ['19/08/2022 6:00:41 AM', '2022-08-19'],
    // Neither reading is a date: the time still counts.
    ['31/31/2022 06:00:41', null],
    ['30/02/2022 06:00:41', null],
    ['29/02/2024 06:00:41', '2024-02-29'],
  ])('%s → %s', (line, date) => {
    const { entries } = parseLogLines(`${line} ${LOGON}`, KA05406);
    expect(entries).toHaveLength(1);
    expect(formatClockWithSeconds(entries[0]!.time)).toBe(line.includes('AM') ? '06:00:41' : '06:00:41');
    expect(entries[0]!.date ?? null).toBe(date);
  });
});

describe('parseLogLines: pasted journals', () => {
  test('the hard-facts journal: newest first, Windows line endings, two Logon errors', () => {
    const journal = [
      `19/08/2022 06:02:10\tmcSynch_mcExec1\t${LOGON}`,
      `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`,
      '19/08/2022 05:00:12\tmcSynch_mcExec1\tWorkflow finished',
      '19/08/2022 05:00:02\tmcSynch_mcExec1\tWorkflow started',
    ].join('\r\n');
    expect(summary(parseLogLines(journal, KA05406))).toEqual({
      entries: [
        ['06:02:10', '2022-08-19', 'mcSynch_mcExec1', true],
        ['06:00:41', '2022-08-19', 'mcSynch_mcExec1', true],
        ['05:00:12', '2022-08-19', 'mcSynch_mcExec1', false],
        ['05:00:02', '2022-08-19', 'mcSynch_mcExec1', false],
      ],
      workflows: ['mcSynch_mcExec1'],
      errorTimes: ['06:02:10', '06:00:41'],
    });
  });

  test('mixed formats, blank lines, leading spaces and quote marks, several workflows', () => {
    const text = [
      'Here is what I see:',
      '',
      `  > 8/20/2022 6:01:05 AM  mcSync_mcExec2  ${LOGON}`,
      `> 19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`,
      '- 2022-08-18 06:03:00.100+02:00 mcSynch_mcExec1 Empty return for method "Logon" of service "xtk: session"',
      '',
      'thanks!',
    ].join('\n');
    expect(summary(parseLogLines(text, KA05406))).toEqual({
      entries: [
        ['06:01:05', '2022-08-20', 'mcSync_mcExec2', true],
        ['06:00:41', '2022-08-19', 'mcSynch_mcExec1', true],
        ['06:03:00', '2022-08-18', 'mcSynch_mcExec1', true],
      ],
      workflows: ['mcSync_mcExec2', 'mcSynch_mcExec1'],
      errorTimes: ['06:01:05', '06:00:41', '06:03:00'],
    });
  });

  test('a paste that lost its line breaks still splits at each timestamp', () => {
    const text = `19/08/2022 06:02:10 mcSynch_mcExec1 ${LOGON} 19/08/2022 06:00:41 mcSynch_mcExec1 ${LOGON}`;
    const evidence = parseLogLines(text, KA05406);
    expect(summary(evidence).errorTimes).toEqual(['06:02:10', '06:00:41']);
    expect(evidence.entries.map((entry) => entry.message)).toEqual([LOGON, LOGON]);
  });

  test('a timestamp quoted inside a message does not start an entry when lines start with timestamps', () => {
    const text = `19/08/2022 06:00:41\tmcSynch_mcExec1\tRetry planned after 2022-08-19 06:15:00 (${LOGON})`;
    const evidence = parseLogLines(text, KA05406);
    expect(evidence.entries).toHaveLength(1);
    expect(summary(evidence).errorTimes).toEqual(['06:00:41']);
  });

  test('across several lines, only timestamps at a line start begin entries', () => {
    const text = [`19/08/2022 06:02:10\tmcSynch_mcExec1\t${LOGON}`, '19/08/2022 06:00:41\tmcSynch_mcExec1\tNext try at 19/08/2022 07:00:00'].join('\n');
    const evidence = parseLogLines(text, KA05406);
    expect(evidence.entries.map((entry) => formatClockWithSeconds(entry.time))).toEqual(['06:02:10', '06:00:41']);
    expect(evidence.entries[1]!.message).toBe('Next try at 19/08/2022 07:00:00');
  });

  test('a multi-line message stays with its timestamp; the user talking after a blank line does not', () => {
    const text = `19/08/2022 06:00:41\tmcSynch_mcExec1\tSOAP call failed\nEmpty return for method 'Logon'\n\nIs this the restart?`;
    const [entry] = parseLogLines(text, KA05406).entries;
    expect(entry!.matchesSignature).toBe(true);
    expect(entry!.message).toBe("SOAP call failed\nEmpty return for method 'Logon'");
  });

  test('Spanish console messages match the signatures', () => {
    const text = [
      '19/08/2022 06:00:41\tmcSynch_mcExec1\tError de devolución vacía para el método «Logon» del servicio xtk:session',
      '19/08/2022 06:05:00\tmcSynch_mcExec1\tValor devuelto vacío para xtk:session',
    ].join('\n');
    expect(parseLogLines(text, KA05406).entries.map((entry) => entry.matchesSignature)).toEqual([true, true]);
  });
});

describe('parseLogLines: which times are judged', () => {
  test.each<[string, string[], string[]]>([
    [
      'the Logon error wins over other errors',
      [`19/08/2022 14:37:00\tmcSynch_mcExec1\tXSV-350122 An error occurred`, `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`],
      ['06:00:41'],
    ],
    [
      'without a Logon error, the lines with failure words',
      ['19/08/2022 14:37:00\tmcSynch_mcExec1\tWorkflow failed', '19/08/2022 14:30:00\tmcSynch_mcExec1\tWorkflow started', '19/08/2022 06:00:00\tx\tError: fallo'],
      ['14:37:00', '06:00:00'],
    ],
    ['without any error word, every timestamped line', ['19/08/2022 06:02:10\tmcSynch_mcExec1\tstopped', '19/08/2022 06:00:41\tmcSynch_mcExec1\tpaused'], ['06:02:10', '06:00:41']],
    ['the same second twice is one time', [`19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`, `20/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`], ['06:00:41']],
    ['no timestamp at all', ['The workflow mcSynch_mcExec1 fails at 6:02'], []],
  ])('%s', (_name, lines, errorTimes) => {
    expect(summary(parseLogLines(lines.join('\n'), KA05406)).errorTimes).toEqual(errorTimes);
  });

  test.each<[string, boolean]>([
    ['Error while running the workflow', true],
    ['ERROR: SOAP', true],
    ['Workflow failed', true],
    ['El flujo de trabajo falló', true],
    ['fallo de conexión', true],
    ['La tarea ha fallado', true],
    ['Errors: 0', false],
    ['errorCount=0', false],
    ['Workflow finished', false],
    [LOGON, true],
  ])('isError(%j) is %s', (message, isError) => {
    const [entry] = parseLogLines(`19/08/2022 06:00:41\tmcSynch_mcExec1\t${message}`, KA05406).entries;
    expect(entry!.isError).toBe(isError);
  });
});

describe('parseLogLines: workflow names', () => {
  test.each<[string, string[]]>([
    ['mcSynch_mcExec1 failed', ['mcSynch_mcExec1']],
    ['mcSync_mcExec2 failed', ['mcSync_mcExec2']],
    ['MCSync_RT failed, then mcsync_rt again', ['MCSync_RT']],
    ['mcSynch_mcExec1 and mcSynch_mcExec2', ['mcSynch_mcExec1', 'mcSynch_mcExec2']],
    ['the Message Center workflow', []],
    ['xmcSynch_mcExec1', []],
  ])('%j → %j', (text, workflows) => {
    expect(parseLogLines(text, KA05406).workflows).toEqual(workflows);
  });

  test('a caller-given pattern is used, with or without flags', () => {
    expect(parseLogLines('19/08/2022 06:00:41 wkfSync_A error', { ...KA05406, workflowName: /wkfSync_\w+/ }).workflows).toEqual(['wkfSync_A']);
    expect(parseLogLines('19/08/2022 06:00:41 WKFSYNC_A error', { ...KA05406, workflowName: /wkfsync_\w+/g }).entries[0]!.workflow).toBe('WKFSYNC_A');
  });

  test('caller-given signatures replace the default ones, even when global', () => {
    const lines = '19/08/2022 06:00:41 a Timeout\n19/08/2022 06:01:41 b Timeout';
    const evidence = parseLogLines(lines, { ...KA05406, errorSignatures: [/timeout/gi] });
    expect(evidence.entries.map((entry) => entry.matchesSignature)).toEqual([true, true]);
  });
});

describe('parseLogLines: time zone offsets are kept beside the wall-clock time', () => {
  test.each<[string, string, string, number | undefined]>([
    ['+05:30', `2019-07-05 11:31:59.874+05:30 ${LOGON}`, '11:31:59', 330],
    ['-05:30', `2019-07-05 16:01:59.874-05:30 ${LOGON}`, '16:01:59', -330],
    ['+0200 without a colon', `2022-08-19 06:00:41+0200 ${LOGON}`, '06:00:41', 120],
    ['a space before the offset', `2022-08-19 06:00:41 +02:00 ${LOGON}`, '06:00:41', 120],
    ['UTC+02:00', `2022-08-19 06:00:41 UTC+02:00 ${LOGON}`, '06:00:41', 120],
    ['Z', `2020-03-04T06:01:13Z ${LOGON}`, '06:01:13', 0],
    ['Z after milliseconds', `2020-03-04T06:01:13.120Z ${LOGON}`, '06:01:13', 0],
    ['UTC on its own', `2020-03-04 06:01:13 UTC ${LOGON}`, '06:01:13', 0],
    ['GMT on its own', `2020-03-04 06:01:13 GMT ${LOGON}`, '06:01:13', 0],
    ['-00:00 is UTC', `2020-03-04 06:01:13-00:00 ${LOGON}`, '06:01:13', 0],
    ['an offset no zone has is dropped, the time is kept', `2020-03-04 06:01:13+15:00 ${LOGON}`, '06:01:13', undefined],
    ['a journal line has none', `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`, '06:00:41', undefined],
    ['a 12-hour journal line has none', `8/19/2022 6:00:41 AM\tmcSynch_mcExec1\t${LOGON}`, '06:00:41', undefined],
  ])('%s', (_name, line, time, offsetMinutes) => {
    const { entries } = parseLogLines(line, KA05406);
    expect(entries).toHaveLength(1);
    expect(formatClockWithSeconds(entries[0]!.time)).toBe(time);
    expect(entries[0]!.message).toBe(LOGON);
    if (offsetMinutes === undefined) expect(entries[0]).not.toHaveProperty('offsetMinutes');
    else expect(Object.is(entries[0]!.offsetMinutes, offsetMinutes)).toBe(true);
  });

  test('GMT+1 is not read as GMT: no offset rather than a wrong one', () => {
    const [entry] = parseLogLines(`2020-03-04 06:01:13 GMT+1 ${LOGON}`, KA05406).entries;
    expect(formatClockWithSeconds(entry!.time)).toBe('06:01:13');
    expect(entry).not.toHaveProperty('offsetMinutes');
    expect(entry!.matchesSignature).toBe(true);
  });

  test('each line keeps its own offset', () => {
    const text = [`2019-07-05 11:31:59.874+05:30 ${LOGON}`, `2019-07-05 06:01:59Z ${LOGON}`, `19/08/2022 06:00:41 ${LOGON}`].join('\n');
    expect(parseLogLines(text, KA05406).entries.map((entry) => entry.offsetMinutes)).toEqual([330, 0, undefined]);
  });
});

describe('parseLogLines: success lines', () => {
  test.each<[string, boolean]>([
    ['Workflow finished', true],
    ['Task completed', true],
    ['Completed successfully', true],
    ['Process ended', true],
    ['Done', true],
    ['success', true],
    ['Run succeeded', true],
    ['Workflow terminé', true],
    ['Tâche terminée', true],
    ['Flujo de trabajo terminado', true],
    ['Tarea finalizada', true],
    ['Proceso completado', true],
    ['Fin', true],
    ['FIN del flujo', true],
    ['Completed with 0 errors', true],
    ['Finished with no errors', true],
    ['Workflow started', false],
    ['a fin de sincronizar', false],
    ['endless loop', false],
    ['unsuccessful', false],
    ['Workflow not finished', false],
    ['El flujo no ha terminado', false],
    ["La tâche n'est pas terminée", false],
    ["The task hasn't finished", false],
    ['Workflow ended abnormally', false],
    ['Completed with 3 errors', false],
    ['Proceso terminado con errores', false],
    ['Task finished with error', false],
    ['Error: task finished', false],
    [LOGON, false],
  ])('isSuccess(%j) is %s', (message, isSuccess) => {
    const [entry] = parseLogLines(`19/08/2022 06:00:41\tmcSynch_mcExec1\t${message}`, KA05406).entries;
    expect(entry!.isSuccess).toBe(isSuccess);
    if (isSuccess) expect(entry!.isError).toBe(false);
  });

  test('a success line is not an error and gives no time to judge', () => {
    const evidence = parseLogLines('2022-08-19 10:00:12 mcSynch_mcExec1 Workflow finished', KA05406);
    expect(evidence.entries[0]!.isError).toBe(false);
    expect(evidence.errorTimes).toEqual([]);
    expect(evidence.successes.map((entry) => formatClockWithSeconds(entry.time))).toEqual(['10:00:12']);
  });

  test('only success lines: no time to judge', () => {
    const text = ['19/08/2022 10:00:12\tmcSynch_mcExec1\tWorkflow finished', '19/08/2022 09:00:12\tmcSynch_mcExec1\tFlujo de trabajo terminado'].join('\n');
    const evidence = parseLogLines(text, KA05406);
    expect(evidence.errorTimes).toEqual([]);
    expect(evidence.successes).toHaveLength(2);
  });

  test('no error: the lines that are neither errors nor successes are the ones pointed at', () => {
    const text = ['19/08/2022 06:02:10\tmcSynch_mcExec1\tstopped', '19/08/2022 05:00:12\tmcSynch_mcExec1\tWorkflow finished'].join('\n');
    expect(summary(parseLogLines(text, KA05406)).errorTimes).toEqual(['06:02:10']);
  });

  test('errors and successes in one journal: the errors are judged, the successes listed apart', () => {
    const journal = [
      `19/08/2022 06:02:10\tmcSynch_mcExec1\t${LOGON}`,
      '19/08/2022 05:00:12\tmcSynch_mcExec1\tWorkflow finished',
      '19/08/2022 05:00:02\tmcSynch_mcExec1\tWorkflow started',
    ].join('\n');
    const evidence = parseLogLines(journal, KA05406);
    expect(summary(evidence).errorTimes).toEqual(['06:02:10']);
    expect(evidence.successes.map((entry) => formatClockWithSeconds(entry.time))).toEqual(['05:00:12']);
    expect(evidence.entries.map((entry) => entry.isSuccess)).toEqual([false, true, false]);
  });
});

describe('parseLogLines: several workflows in one entry', () => {
  test('every name in an error entry is kept, the first as workflow', () => {
    const [entry] = parseLogLines(`19/08/2022 06:00:41\tmcSynch_mcExec1, mcSynch_mcExec2\t${LOGON}`, KA05406).entries;
    expect(entry!.workflow).toBe('mcSynch_mcExec1');
    expect(entry!.workflows).toEqual(['mcSynch_mcExec1', 'mcSynch_mcExec2']);
    expect(entry!.isError).toBe(true);
  });

  test('each entry has its own names, once each whatever the case; the evidence has them all', () => {
    const text = [
      `19/08/2022 06:02:10\tmcSynch_mcExec2\t${LOGON} (MCSYNCH_MCEXEC2)`,
      `19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`,
      '19/08/2022 06:00:00\tstart\tWorkflow started',
    ].join('\n');
    const evidence = parseLogLines(text, KA05406);
    expect(evidence.entries.map((entry) => entry.workflows)).toEqual([['mcSynch_mcExec2'], ['mcSynch_mcExec1'], []]);
    expect(evidence.workflows).toEqual(['mcSynch_mcExec2', 'mcSynch_mcExec1']);
  });
});

describe('parseLogLines: hostile input', () => {
  test('empty, non-string and control characters give no evidence and do not throw', () => {
    for (const text of ['', '\u0000\u0001\u001b', undefined as unknown as string, 'no log here']) {
      expect(parseLogLines(text, KA05406)).toEqual({ entries: [], workflows: [], errorTimes: [], successes: [] });
    }
  });

  test('impossible times are skipped', () => {
    expect(parseLogLines(`19/08/2022 25:61:00 ${LOGON}`, KA05406).entries).toEqual([]);
  });

  test('input past the limit is not read', () => {
    const text = `${'x'.repeat(MAX_LOG_INPUT_LENGTH)}\n19/08/2022 06:00:41 ${LOGON}`;
    expect(parseLogLines(text, KA05406).entries).toEqual([]);
    expect(hasTimestampedLogLine(text)).toBe(false);
  });
});

describe('hasTimestampedLogLine', () => {
  test.each<[string, boolean]>([
    [`19/08/2022 06:00:41\tmcSynch_mcExec1\t${LOGON}`, true],
    ['8/19/2022 6:00:41 AM mcSynch', true],
    ['2022-08-19 06:00:41.874+02:00 x', true],
    ['see: 2020-03-04 06:01:13', true],
    ['06:02', false],
    ['a las 6:02', false],
    ['19/08/2022', false],
    ['version 1.2.3 06:00', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(hasTimestampedLogLine(text)).toBe(expected);
  });
});

describe('the patterns come from kb/checks/KA-05406.json', () => {
  test('error signatures', () => {
    expect(KA05406.errorSignatures.map((regex) => regex.source)).toEqual(checkData.errorSignatures);
    expect(KA05406.errorSignatures.every((regex) => regex.flags.includes('i'))).toBe(true);
  });

  test('workflow name pattern', () => {
    expect(KA05406.workflowName.source).toBe(checkData.workflow.nameRegex);
  });
});
