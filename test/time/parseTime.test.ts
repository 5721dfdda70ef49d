import { formatClockWithSeconds } from '../../src/time/clock';
import { MAX_TIME_INPUT_LENGTH, parseTime, type TimeParse } from '../../src/time/parseTime';

type Language = 'en' | 'es';

/** A parse as the tables write it: the times ("06:02", "06:00:41") or the failure reason. */
function show(result: TimeParse): string[] | string {
  return result.ok ? result.times.map(formatClockWithSeconds) : result.reason;
}

describe('parseTime: numeric forms (both languages)', () => {
  test.each<[string, string[]]>([
    ['06:02', ['06:02']],
    ['6:02', ['06:02']],
    [' 6:02 ', ['06:02']],
    ['6.02', ['06:02']],
    ['6h02', ['06:02']],
    ['18h30', ['18:30']],
    ['05h45', ['05:45']],
    ['3:00', ['03:00']],
    ['0:00', ['00:00']],
    ['00:01', ['00:01']],
    ['23:58', ['23:58']],
    ['24:00', ['00:00']],
    ['18:30:15', ['18:30:15']],
    ['06:00:41', ['06:00:41']],
    ['6:02 AM', ['06:02']],
    ['6:02am', ['06:02']],
    ['6:02 a.m', ['06:02']],
    ['6:02 A.M.', ['06:02']],
    ['6:02 PM', ['18:02']],
    ['6:02 p.m.', ['18:02']],
    ['6:02 p. m.', ['18:02']],
    ['6.02 pm', ['18:02']],
    ['12:30 am', ['00:30']],
    ['12:30 pm', ['12:30']],
    ['13:00 pm', ['13:00']],
    ['6pm', ['18:00']],
    ['6 pm', ['18:00']],
    ['9 a.m.', ['09:00']],
    ['12am', ['00:00']],
    ['6h', ['06:00']],
    ['18h', ['18:00']],
    ['6', ['06:00']],
    ['0602', ['06:02']],
    ['1830', ['18:30']],
    ['1830h', ['18:30']],
    ['06:02hs', ['06:02']],
    ['6:00 and 6:02', ['06:00', '06:02']],
    ['06:00/06:02', ['06:00', '06:02']],
    ['between 6:00-6:02', ['06:00', '06:02']],
    ['6:02, 6:05 y 6:10', ['06:02', '06:05', '06:10']],
    ['06:02 or 06:02 again', ['06:02']],
    ['2022-08-19 06:00:41.874+02:00', ['06:00:41']],
    ['processRestartTime="06:00:00"', ['06:00:00']],
  ])('%j → %j', (input, expected) => {
    expect(show(parseTime(input, 'en'))).toEqual(expected);
    expect(show(parseTime(input, 'es'))).toEqual(expected);
  });
});

describe('parseTime: English', () => {
  test.each<[string, string[]]>([
    ['at 6', ['06:00']],
    ['at 6:02', ['06:02']],
    ['at six', ['06:00']],
    ['six', ['06:00']],
    ['six oh two', ['06:02']],
    ['six-oh-two', ['06:02']],
    ['six thirty', ['06:30']],
    ['at six-thirty', ['06:30']],
    ['it was around six thirty', ['06:30']],
    ['six fifteen am', ['06:15']],
    ['at seven fifteen pm', ['19:15']],
    ['half past six', ['06:30']],
    ['at half past 6 pm', ['18:30']],
    ['half six', ['06:30']],
    ['quarter past six', ['06:15']],
    ['a quarter past six', ['06:15']],
    ['quarter after six in the morning', ['06:15']],
    ['quarter to seven', ['06:45']],
    ['a quarter to 7 pm', ['18:45']],
    ['ten to seven', ['06:50']],
    ['twenty to seven in the evening', ['18:40']],
    ['twenty-five past six', ['06:25']],
    ['5 minutes past 6', ['06:05']],
    ['5 minutes after six', ['06:05']],
    ['8 minutes to 7', ['06:52']],
    ["at 6 o'clock", ['06:00']],
    ['six o’clock', ['06:00']],
    ['noon', ['12:00']],
    ['midday', ['12:00']],
    ['midnight', ['00:00']],
    ['12 noon', ['12:00']],
    ['12 midnight', ['00:00']],
    ['half past noon', ['12:30']],
    ['quarter to midnight', ['23:45']],
    ['6 in the evening', ['18:00']],
    ['at 7 in the evening', ['19:00']],
    ['at 3 in the morning', ['03:00']],
    ['11 at night', ['23:00']],
    ['tonight at 8', ['20:00']],
    ['this evening at 6', ['18:00']],
    ['the error was at 6:02 this morning', ['06:02']],
    ['this morning at 6:02', ['06:02']],
    ['the 6am restart', ['06:00']],
    ['around 6 am', ['06:00']],
    ['at 6 hours 2 minutes', ['06:02']],
    ['restart at 6, error at 6:02', ['06:00', '06:02']],
    ['the restart is at 06:00 and errors at 06:02', ['06:00', '06:02']],
    ['at 6:02 am on 19/08/2022', ['06:02']],
  ])('%j → %j', (input, expected) => {
    expect(show(parseTime(input, 'en'))).toEqual(expected);
  });
});

describe('parseTime: Spanish', () => {
  test.each<[string, string[]]>([
    ['a las 6', ['06:00']],
    ['sobre las 6', ['06:00']],
    ['a las 6 y 2', ['06:02']],
    ['a las 6 y 2 minutos', ['06:02']],
    ['las 18 y 30', ['18:30']],
    ['a las 18 30', ['18:30']],
    ['a las seis y cuarto', ['06:15']],
    ['las seis y un cuarto', ['06:15']],
    ['las 6 menos cuarto', ['05:45']],
    ['las siete menos un cuarto', ['06:45']],
    ['las siete menos diez', ['06:50']],
    ['6 menos 10', ['05:50']],
    ['tres menos veinte', ['02:40']],
    ['a las tres y cinco', ['03:05']],
    ['tres y cinco', ['03:05']],
    ['a las tres cinco', ['03:05']],
    ['el error fue a las seis y dos', ['06:02']],
    ['a las seis y treinta y cinco', ['06:35']],
    ['las seis con cinco', ['06:05']],
    ['seis y media', ['06:30']],
    ['seis y media de la mañana', ['06:30']],
    ['seis y media de la manana', ['06:30']],
    ['sobre las seis y media', ['06:30']],
    ['a las seis en punto', ['06:00']],
    ['dieciocho treinta', ['18:30']],
    ['a las dieciocho horas', ['18:00']],
    ['a las 18 horas', ['18:00']],
    ['a las seis horas y dos minutos', ['06:02']],
    ['veinte para las siete', ['06:40']],
    ['cuarto para las siete', ['06:45']],
    ['diez pasadas las seis', ['06:10']],
    ['cinco minutos después de las seis', ['06:05']],
    ['la una y media', ['01:30']],
    ['a la una menos cuarto', ['00:45']],
    ['once', ['11:00']],
    ['10 de la noche', ['22:00']],
    ['las doce de la noche', ['00:00']],
    ['doce y media de la noche', ['00:30']],
    ['las 3 de la madrugada', ['03:00']],
    ['6 de la mañana', ['06:00']],
    ['a las 6 de la tarde', ['18:00']],
    ['la una y cinco de la tarde', ['13:05']],
    ['las seis y cinco de la tarde', ['18:05']],
    ['a las 12 del mediodía', ['12:00']],
    ['a la 1 de la tarde', ['13:00']],
    ['6 y media pm', ['18:30']],
    ['6 p. m.', ['18:00']],
    ['esta tarde a las 6', ['18:00']],
    ['mediodía', ['12:00']],
    ['mediodia y cuarto', ['12:15']],
    ['medianoche', ['00:00']],
    ['el error salió a las 06:02', ['06:02']],
    ['las 6:02 de la tarde', ['18:02']],
    ['a las 6:02 hrs', ['06:02']],
    ['las 06.02 hs', ['06:02']],
    ['a las 1830', ['18:30']],
    ['del 19/08/2022 a las 06:00', ['06:00']],
    ['06:00:41 y 06:02:10', ['06:00:41', '06:02:10']],
    ['entre las 6 y las 6:15', ['06:00', '06:15']],
    ['de 6:00 a 6:15', ['06:00', '06:15']],
    ['las 5 y las 7', ['05:00', '07:00']],
    ['error a las 06:02, reinicio a las 06:00', ['06:02', '06:00']],
    ['Se reinicia a las 6 de la mañana', ['06:00']],
    ['A LAS SEIS Y CUARTO', ['06:15']],
    ['son las 6', ['06:00']],
    ['las 6', ['06:00']],
    ['las seis, creo', ['06:00']],
    ['a las 6 falla el workflow', ['06:00']],
    ['a las seis un error de Logon', ['06:00']],
    ['a las seis dos errores', ['06:00']],
    ['las 2 instancias fallan a las 6:02', ['06:02']],
  ])('%j → %j', (input, expected) => {
    expect(show(parseTime(input, 'es'))).toEqual(expected);
  });
});

describe('parseTime: the other language than the one detected', () => {
  test.each<[string, Language, string[] | string]>([
    ['a las seis y cuarto', 'en', ['06:15']],
    ['seis y media', 'en', ['06:30']],
    ['tres y cinco', 'en', ['03:05']],
    ['half past six', 'es', ['06:30']],
    ['six thirty', 'es', ['06:30']],
    // A lone word of the other language is too weak: English "once" is not 11:00.
    ['once', 'en', 'unknown'],
    ['at once', 'en', 'unknown'],
    ['seis', 'en', 'unknown'],
  ])('%j (%s) → %j', (input, language, expected) => {
    expect(show(parseTime(input, language))).toEqual(expected);
  });
});

describe('parseTime: fallback readers', () => {
  test('chrono reads what the grammar does not ("T06:02")', () => {
    expect(show(parseTime('T06:02', 'en'))).toEqual(['06:02']);
  });

  test('the recognizers read a Spanish time in words inside a sentence', () => {
    expect(show(parseTime('la hora del error es seis y cinco', 'es'))).toEqual(['06:05']);
  });
});

describe('parseTime: refusals', () => {
  test.each<[string, Language, string]>([
    ['', 'en', 'empty'],
    ['   ', 'es', 'empty'],
    ['...', 'en', 'empty'],
    ['?!', 'es', 'empty'],
    ['\u0000\u0001\u0007\u001b\t\n', 'en', 'empty'],
    ['no sé', 'es', 'unknown'],
    ['no lo sé, quizás por la mañana', 'es', 'unknown'],
    ['banana', 'en', 'unknown'],
    ["I don't know", 'en', 'unknown'],
    ['👍', 'en', 'unknown'],
    ['🕕🕕🕕', 'es', 'unknown'],
    ['this morning', 'en', 'unknown'],
    ['esta mañana', 'es', 'unknown'],
    ['yesterday', 'en', 'unknown'],
    ['an hour ago', 'en', 'unknown'],
    ['hace 2 horas', 'es', 'unknown'],
    ['hace 6h', 'es', 'unknown'],
    ['every 6 hours', 'en', 'unknown'],
    ['cada 6 horas', 'es', 'unknown'],
    ['now', 'en', 'unknown'],
    ['ahora', 'es', 'unknown'],
    ['in 5 minutes', 'en', 'unknown'],
    ['hay 2 y 3 errores', 'es', 'unknown'],
    ['tengo 2 workflows y 3 errores', 'es', 'unknown'],
    // "las" is also the article: "tengo las 3 instancias" is a count, not 03:00.
    ['tengo las 3 instancias reiniciadas', 'es', 'unknown'],
    ['I have 2 workflows', 'en', 'unknown'],
    ['from six to seven', 'en', 'unknown'],
    ['version 7.02', 'en', 'unknown'],
    ['costs 25.99', 'en', 'unknown'],
    ['10.5', 'en', 'unknown'],
    ['19.08.2022', 'es', 'unknown'],
    ['ip 10.0.0.1', 'en', 'unknown'],
    ['25:99', 'en', 'invalid'],
    ['25:99', 'es', 'invalid'],
    ['24:30', 'en', 'invalid'],
    ['son las 6:60', 'es', 'invalid'],
    ['6:02:61', 'en', 'invalid'],
    ['a las 25', 'es', 'invalid'],
    ['a las 6 y 75', 'es', 'invalid'],
    ['13:00 am', 'en', 'invalid'],
    ['at 0 pm', 'en', 'invalid'],
    ['6:2', 'en', 'ambiguous'],
    ['2022', 'en', 'ambiguous'],
    ['12 in the morning', 'en', 'ambiguous'],
    ['at 5 to 7', 'en', 'ambiguous'],
  ])('%j (%s) → %s', (input, language, reason) => {
    expect(show(parseTime(input, language))).toBe(reason);
  });
});

describe('parseTime: never throws', () => {
  /** Deterministic pseudo-random generator, so that a failure can be reproduced. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  test('10,000 random characters outside ASCII letters and digits are refused', () => {
    const next = random(42);
    const ranges: [number, number][] = [
      [0x00, 0x2f],
      [0x3a, 0x40],
      [0x7f, 0x2fff],
      [0x4e00, 0x9fff],
      [0x1f300, 0x1faff],
    ];
    const text = Array.from({ length: 10_000 }, () => {
      const [from, to] = ranges[Math.floor(next() * ranges.length)]!;
      return String.fromCodePoint(from + Math.floor(next() * (to - from)));
    }).join('');
    const result = parseTime(text, 'es');
    expect(result.ok).toBe(false);
  });

  test.each<Language>(['en', 'es'])('random printable ASCII and unpaired surrogates give a well-formed answer (%s)', (language) => {
    const next = random(7);
    for (let round = 0; round < 200; round += 1) {
      const length = Math.floor(next() * 80);
      const text = Array.from({ length }, () => (next() < 0.05 ? '\ud800' : String.fromCharCode(32 + Math.floor(next() * 95)))).join('');
      const result = parseTime(text, language);
      if (result.ok) {
        expect(result.times.length).toBeGreaterThan(0);
        for (const time of result.times) {
          expect(Number.isInteger(time.minuteOfDay)).toBe(true);
          expect(time.minuteOfDay).toBeGreaterThanOrEqual(0);
          expect(time.minuteOfDay).toBeLessThan(1440);
        }
      } else {
        expect(['empty', 'unknown', 'ambiguous', 'invalid']).toContain(result.reason);
      }
    }
  });

  test('a huge input is cut before parsing: a time past the limit is not seen', () => {
    const padding = 'x '.repeat(MAX_TIME_INPUT_LENGTH);
    expect(show(parseTime(`${padding} 06:02`, 'en'))).toBe('unknown');
    expect(show(parseTime(`06:02 ${padding}`, 'en'))).toEqual(['06:02']);
    expect(show(parseTime('6'.repeat(1_000_000), 'en'))).toBe('unknown');
  });

  test('control characters around a time are ignored', () => {
    expect(show(parseTime('\u0000\u0007 a las\u0000 6:02\u001b', 'es'))).toEqual(['06:02']);
  });

  test('non-string input from an untyped caller is "empty", not an exception', () => {
    expect(show(parseTime(undefined as unknown as string, 'en'))).toBe('empty');
    expect(show(parseTime(42 as unknown as string, 'en'))).toBe('empty');
  });
});
