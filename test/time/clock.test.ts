import { addMinutes, clockTime, formatClock, formatClockWithSeconds, minutesBetween, sameClockTime, sameMinute, truncateToMinute, type ClockTime } from '../../src/time/clock';

/** "06:00" or "06:00:41" as a ClockTime; fails the test on a typo in the table. */
function at(text: string): ClockTime {
  const [h, m, s] = text.split(':').map(Number);
  const time = clockTime(h!, m!, s);
  if (!time) throw new Error(`bad test time ${text}`);
  return time;
}

describe('clockTime', () => {
  test.each([
    [0, 0, undefined, { minuteOfDay: 0 }],
    [6, 5, undefined, { minuteOfDay: 365 }],
    [23, 59, 59, { minuteOfDay: 1439, second: 59 }],
    [6, 0, 41, { minuteOfDay: 360, second: 41 }],
    [24, 0, undefined, { minuteOfDay: 0 }],
    [24, 0, 0, { minuteOfDay: 0, second: 0 }],
  ])('%i:%i:%s is %o', (h, m, s, expected) => {
    expect(clockTime(h, m, s)).toEqual(expected);
  });

  test.each([
    [25, 0, undefined],
    [24, 1, undefined],
    [24, 0, 1],
    [6, 60, undefined],
    [6, 0, 60],
    [-1, 0, undefined],
    [6.5, 0, undefined],
    [Number.NaN, 0, undefined],
  ])('%s:%s:%s is not a time', (h, m, s) => {
    expect(clockTime(h, m, s)).toBeUndefined();
  });
});

describe('formatClock', () => {
  test.each([
    ['00:00', '00:00', '00:00'],
    ['06:05', '06:05', '06:05'],
    ['06:00:41', '06:00', '06:00:41'],
    ['23:59:05', '23:59', '23:59:05'],
    ['12:30', '12:30', '12:30'],
  ])('%s → %s (with seconds: %s)', (input, withoutSeconds, withSeconds) => {
    expect(formatClock(at(input))).toBe(withoutSeconds);
    expect(formatClockWithSeconds(at(input))).toBe(withSeconds);
  });
});

describe('addMinutes', () => {
  test.each([
    ['06:00', 5, '06:05'],
    ['06:00', 10, '06:10'],
    ['06:00', -2, '05:58'],
    ['23:58', 3, '00:01'],
    ['00:01', -3, '23:58'],
    ['06:00', 1440, '06:00'],
    ['06:00', -1441, '05:59'],
    ['06:00', 2 * 1440 + 15, '06:15'],
    ['06:00:41', 2, '06:02:41'],
  ])('%s %+d min → %s', (start, n, expected) => {
    expect(formatClockWithSeconds(addMinutes(at(start), n))).toBe(expected);
  });

  test('refuses a fraction of a minute rather than rounding silently', () => {
    expect(() => addMinutes(at('06:00'), 1.5)).toThrow(RangeError);
    expect(() => addMinutes(at('06:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('minutesBetween', () => {
  test.each([
    ['06:00', '06:02', 2],
    ['06:02', '06:00', -2],
    ['06:00', '06:00', 0],
    ['23:58', '00:01', 3],
    ['00:01', '23:58', -3],
    ['00:00', '11:59', 719],
    ['00:00', '12:00', -720],
    ['12:00', '00:00', -720],
    ['00:00', '12:01', -719],
    ['06:00', '14:37', 517],
    ['14:37', '06:00', -517],
    ['06:00:59', '06:01:00', 1],
    ['06:00:00', '06:00:59', 0],
  ])('from %s to %s is %i', (a, b, expected) => {
    expect(minutesBetween(at(a), at(b))).toBe(expected);
  });

  test('stays in [-720, 720) for every pair of minutes from one start', () => {
    const start = at('06:00');
    for (let m = 0; m < 1440; m += 1) {
      const d = minutesBetween(start, { minuteOfDay: m });
      expect(d).toBeGreaterThanOrEqual(-720);
      expect(d).toBeLessThan(720);
      expect(addMinutes(start, d).minuteOfDay).toBe(m);
    }
  });
});

describe('comparisons', () => {
  test('sameMinute ignores seconds, sameClockTime does not', () => {
    expect(sameMinute(at('06:00:41'), at('06:00'))).toBe(true);
    expect(sameClockTime(at('06:00:41'), at('06:00'))).toBe(false);
    expect(sameClockTime(at('06:00:41'), at('06:00:41'))).toBe(true);
    expect(sameMinute(at('06:00'), at('06:01'))).toBe(false);
  });

  test('truncateToMinute drops the seconds only', () => {
    expect(truncateToMinute(at('06:00:41'))).toEqual({ minuteOfDay: 360 });
  });
});
