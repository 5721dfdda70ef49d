import { readFileSync } from 'node:fs';
import path from 'node:path';
import { judge, type VerdictCheckData } from '../../src/check/verdict';
import { clockTime, formatClock, formatClockWithSeconds, type ClockTime } from '../../src/time/clock';
import { checkPatterns } from '../../src/kb/checkData';
import { loadGuidedCheck } from '../../src/kb/loader';
import { parseLogLines } from '../../src/time/logLines';
import { parseTime } from '../../src/time/parseTime';

/** The guided-check data as shipped, so that a change to the JSON is judged by these tests too. */
const shipped = JSON.parse(readFileSync(path.resolve(__dirname, '../../kb/checks/KA-05406.json'), 'utf8')) as VerdictCheckData;

/** The values the article and the domain notes give, written out, in case the JSON drifts. */
const article: VerdictCheckData = {
  coincidence: { minutesBefore: 2, minutesAfter: 15 },
  fix: { offsetsMinutes: [5, 10] },
  workflow: { namePattern: 'mcSynch_<instance>' },
};

function at(text: string): ClockTime {
  const [h, m, s] = text.split(':').map(Number);
  const time = clockTime(h!, m!, s);
  if (!time) throw new Error(`bad test time ${text}`);
  return time;
}

const times = (list: readonly ClockTime[]) => list.map(formatClockWithSeconds);

describe.each([
  ['kb/checks/KA-05406.json', shipped],
  ['the article', article],
])('judge with %s', (_source, data) => {
  test('hard fact: restart 06:00, errors 06:00:41 and 06:02:10 → coincide; start at 06:05 or 06:10', () => {
    const verdict = judge({ errorTimes: [at('06:00:41'), at('06:02:10')], restartTime: at('06:00') }, data);
    expect(verdict.coincides).toBe(true);
    expect(times(verdict.matching)).toEqual(['06:00:41', '06:02:10']);
    expect(verdict.others).toEqual([]);
    expect(verdict.newStartTimes.map(formatClock)).toEqual(['06:05', '06:10']);
  });

  test('hard fact: restart 23:58, error 00:01 the next day → coincide across midnight', () => {
    const verdict = judge({ errorTimes: [at('00:01')], restartTime: at('23:58') }, data);
    expect(verdict.coincides).toBe(true);
    expect(verdict.newStartTimes.map(formatClock)).toEqual(['00:03', '00:08']);
  });

  test('hard fact: error 14:37, restart 06:00 → not this cause, no schedule change', () => {
    const verdict = judge({ errorTimes: [at('14:37')], restartTime: at('06:00') }, data);
    expect(verdict.coincides).toBe(false);
    expect(verdict.matching).toEqual([]);
    expect(times(verdict.others)).toEqual(['14:37']);
    expect(verdict.newStartTimes).toEqual([]);
  });

  test.each<[string, string, boolean]>([
    ['06:00', '05:57', false],
    ['06:00', '05:58', true],
    ['06:00', '05:58:00', true],
    ['06:00', '05:59', true],
    ['06:00', '06:00', true],
    ['06:00', '06:15', true],
    ['06:00', '06:15:59', true],
    ['06:00', '06:16', false],
    ['06:00', '18:00', false],
    ['06:00', '06:00:41', true],
    // Round the clock, both ways.
    ['23:58', '23:55', false],
    ['23:58', '23:56', true],
    ['23:58', '00:13', true],
    ['23:58', '00:14', false],
    ['00:01', '23:59', true],
    ['00:01', '23:58', false],
    ['00:00', '23:58', true],
    ['00:00', '23:57', false],
    ['23:50', '00:05', true],
    ['23:50', '00:06', false],
  ])('restart %s, error %s → coincides: %s', (restart, error, coincides) => {
    const verdict = judge({ errorTimes: [at(error)], restartTime: at(restart) }, data);
    expect(verdict.coincides).toBe(coincides);
    expect(verdict.newStartTimes.length > 0).toBe(coincides);
    expect(times(coincides ? verdict.matching : verdict.others)).toEqual([formatClockWithSeconds(at(error))]);
  });

  test('some errors in the window and some not: coincides, and the rest are listed apart, in input order', () => {
    const verdict = judge({ errorTimes: [at('14:37'), at('06:02:10'), at('09:00'), at('06:00:41')], restartTime: at('06:00') }, data);
    expect(verdict.coincides).toBe(true);
    expect(times(verdict.matching)).toEqual(['06:02:10', '06:00:41']);
    expect(times(verdict.others)).toEqual(['14:37', '09:00']);
  });

  test('the new start times ignore the seconds of the restart time', () => {
    const verdict = judge({ errorTimes: [at('06:00:41')], restartTime: at('06:00:30') }, data);
    expect(verdict.newStartTimes).toEqual([{ minuteOfDay: 6 * 60 + 5 }, { minuteOfDay: 6 * 60 + 10 }]);
  });

  test('a restart other than the default moves the fix with it', () => {
    const verdict = judge({ errorTimes: [at('04:31')], restartTime: at('04:30') }, data);
    expect(verdict.newStartTimes.map(formatClock)).toEqual(['04:35', '04:40']);
  });

  test('no error times: nothing coincides and no fix is offered', () => {
    const verdict = judge({ errorTimes: [], restartTime: at('06:00') }, data);
    expect(verdict).toEqual({ coincides: false, matching: [], others: [], workflow: 'mcSynch_<instance>', newStartTimes: [] });
  });

  test.each<[string | undefined, string]>([
    ['mcSynch_mcExec1', 'mcSynch_mcExec1'],
    ['  mcSync_rt2 ', 'mcSync_rt2'],
    ['', 'mcSynch_<instance>'],
    [undefined, 'mcSynch_<instance>'],
  ])('workflow %j → %j', (workflow, expected) => {
    const input = workflow === undefined ? { errorTimes: [at('06:01')], restartTime: at('06:00') } : { errorTimes: [at('06:01')], restartTime: at('06:00'), workflow };
    expect(judge(input, data).workflow).toBe(expected);
  });
});

describe('judge follows the data', () => {
  test('window and offsets come from the data, not from constants', () => {
    const data: VerdictCheckData = {
      coincidence: { minutesBefore: 0, minutesAfter: 5 },
      fix: { offsetsMinutes: [20] },
      workflow: { namePattern: 'custom_<x>' },
    };
    expect(judge({ errorTimes: [at('05:59')], restartTime: at('06:00') }, data).coincides).toBe(false);
    expect(judge({ errorTimes: [at('06:06')], restartTime: at('06:00') }, data).coincides).toBe(false);
    const verdict = judge({ errorTimes: [at('06:05')], restartTime: at('06:00') }, data);
    expect(verdict.newStartTimes.map(formatClock)).toEqual(['06:20']);
    expect(verdict.workflow).toBe('custom_<x>');
  });

  test('the input is not changed', () => {
    const errorTimes = Object.freeze([at('06:00:41')]);
    const restartTime = Object.freeze(at('06:00:30'));
    expect(() => judge({ errorTimes, restartTime }, article)).not.toThrow();
    expect(errorTimes).toEqual([{ minuteOfDay: 360, second: 41 }]);
    expect(restartTime).toEqual({ minuteOfDay: 360, second: 30 });
  });
});

describe('from the user\'s words to the verdict', () => {
  test('a pasted journal and the default restart time', () => {
    const journal = [
      "19/08/2022 06:02:10\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'",
      "19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'",
    ].join('\r\n');
    const evidence = parseLogLines(journal, checkPatterns(loadGuidedCheck('KA-05406')));
    const restart = parseTime('06:00', 'en');
    if (!restart.ok) throw new Error('restart time not read');
    const verdict = judge({ errorTimes: evidence.errorTimes, restartTime: restart.times[0]!, workflow: evidence.workflows[0] }, shipped);
    expect(verdict.coincides).toBe(true);
    expect(verdict.workflow).toBe('mcSynch_mcExec1');
    expect(verdict.newStartTimes.map(formatClock)).toEqual(['06:05', '06:10']);
  });

  test('answers typed in Spanish: error "a las dos y treinta y siete de la tarde", restart "a las 6"', () => {
    const error = parseTime('a las dos y treinta y siete de la tarde', 'es');
    const restart = parseTime('se reinicia a las 6', 'es');
    if (!error.ok || !restart.ok) throw new Error('times not read');
    const verdict = judge({ errorTimes: error.times, restartTime: restart.times[0]! }, shipped);
    expect(times(error.times)).toEqual(['14:37']);
    expect(verdict.coincides).toBe(false);
    expect(verdict.newStartTimes).toEqual([]);
  });

  test('answers typed in English across midnight: restart "11:58 pm", error "12:01 am"', () => {
    const error = parseTime('12:01 am', 'en');
    const restart = parseTime('11:58 pm', 'en');
    if (!error.ok || !restart.ok) throw new Error('times not read');
    expect(judge({ errorTimes: error.times, restartTime: restart.times[0]! }, shipped).coincides).toBe(true);
  });
});

describe('judge with untidy data', () => {
  test('offsets that are not whole minutes are rounded, not refused', () => {
    const data: VerdictCheckData = { ...article, fix: { offsetsMinutes: [5.4, 9.6] } };
    expect(judge({ errorTimes: [at('06:01')], restartTime: at('06:00') }, data).newStartTimes.map(formatClock)).toEqual(['06:05', '06:10']);
  });
});
