/**
 * A time of day with no date and no time zone: what an operator reads off a workflow
 * log or a server setting. Comparisons work on whole minutes, because the guided check
 * only cares whether two events fall within minutes of each other; the seconds are kept
 * so that the dialog can quote the log back exactly.
 */
export interface ClockTime {
  /** Minutes since midnight, an integer in 0..1439. */
  readonly minuteOfDay: number;
  /** Seconds within the minute (0..59), when the source gave them. */
  readonly second?: number;
}

export const MINUTES_PER_DAY = 24 * 60;
const HALF_DAY = MINUTES_PER_DAY / 2;

/**
 * A validated clock time from its parts, or undefined when a part is out of range.
 * 24:00 is accepted as midnight (ISO 8601 writes the end of a day that way).
 */
export function clockTime(hour: number, minute: number, second?: number): ClockTime | undefined {
  if (!isIntegerIn(hour, 0, 24) || !isIntegerIn(minute, 0, 59)) return undefined;
  if (second !== undefined && !isIntegerIn(second, 0, 59)) return undefined;
  if (hour === 24) {
    if (minute !== 0 || (second ?? 0) !== 0) return undefined;
    hour = 0;
  }
  const minuteOfDay = hour * 60 + minute;
  return second === undefined ? { minuteOfDay } : { minuteOfDay, second };
}

function hourOf(t: ClockTime): number {
  return Math.floor(t.minuteOfDay / 60);
}

function minuteOf(t: ClockTime): number {
  return t.minuteOfDay % 60;
}

/** "06:05": 24-hour, zero-padded, seconds left out (the schedule and the verdict work in minutes). */
export function formatClock(t: ClockTime): string {
  return `${pad2(hourOf(t))}:${pad2(minuteOf(t))}`;
}

/** "06:05" for a minute of the day, any whole number of minutes wrapped round the clock. */
export function formatMinuteOfDay(minutes: number): string {
  return formatClock({ minuteOfDay: wrapMinuteOfDay(Math.floor(minutes)) });
}

/** "06:00:41" when the seconds are known, else the same as formatClock. */
export function formatClockWithSeconds(t: ClockTime): string {
  return t.second === undefined ? formatClock(t) : `${formatClock(t)}:${pad2(t.second)}`;
}

/** The same time without its seconds. */
export function truncateToMinute(t: ClockTime): ClockTime {
  return { minuteOfDay: t.minuteOfDay };
}

/** `t` moved by `n` whole minutes (negative goes back), wrapping across midnight; seconds are kept. */
export function addMinutes(t: ClockTime, n: number): ClockTime {
  if (!Number.isInteger(n)) throw new RangeError(`addMinutes needs a whole number of minutes, got ${n}`);
  const minuteOfDay = wrapMinuteOfDay(t.minuteOfDay + n);
  return t.second === undefined ? { minuteOfDay } : { minuteOfDay, second: t.second };
}

/**
 * Signed minutes from `a` to `b` the short way round the clock, in [-720, 720):
 * minutesBetween(23:58, 00:01) is 3 and minutesBetween(00:01, 23:58) is -3.
 * Seconds are ignored, so 06:00:59 and 06:00:00 are 0 minutes apart.
 */
export function minutesBetween(a: ClockTime, b: ClockTime): number {
  const forward = wrapMinuteOfDay(b.minuteOfDay - a.minuteOfDay);
  return forward >= HALF_DAY ? forward - MINUTES_PER_DAY : forward;
}

/** True when both name the same minute (seconds ignored). */
export function sameMinute(a: ClockTime, b: ClockTime): boolean {
  return a.minuteOfDay === b.minuteOfDay;
}

/** True when both name the same minute and the same second (an unknown second only equals an unknown one). */
export function sameClockTime(a: ClockTime, b: ClockTime): boolean {
  return a.minuteOfDay === b.minuteOfDay && a.second === b.second;
}

/** Any number of minutes as a minute of the day, 0..1439, round the clock. */
export function wrapMinuteOfDay(minutes: number): number {
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
