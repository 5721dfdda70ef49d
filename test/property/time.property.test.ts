import fc from 'fast-check';
import { judgeCase, type CaseCheckData } from '../../src/check/judgeCase';
import { clockTime, formatClock, type ClockTime } from '../../src/time/clock';
import { threadCpuMs } from '../../src/observability/eventLoop';
import { parseTime, type TimeParse } from '../../src/time/parseTime';

/**
 * Property-based tests of the time parser and the verdict: whatever a user types, parseTime
 * gives valid times or one of its refusals and never throws; whatever times come in, judgeCase
 * gives a verdict. Runs are bounded so that the suite stays fast.
 */

const REFUSALS = ['empty', 'unknown', 'ambiguous', 'invalid'];

function expectValidClockTime(time: ClockTime): void {
  expect(Number.isInteger(time.minuteOfDay)).toBe(true);
  expect(time.minuteOfDay).toBeGreaterThanOrEqual(0);
  expect(time.minuteOfDay).toBeLessThan(1440);
  if (time.second !== undefined) {
    expect(Number.isInteger(time.second)).toBe(true);
    expect(time.second).toBeGreaterThanOrEqual(0);
    expect(time.second).toBeLessThan(60);
  }
}

/** A time or a clear refusal: nothing else. */
function expectTimeOrRefusal(result: TimeParse): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(result.times.length).toBeGreaterThan(0);
    result.times.forEach(expectValidClockTime);
    const keys = result.times.map((time) => `${time.minuteOfDay}:${time.second ?? '-'}`);
    expect(new Set(keys).size).toBe(keys.length);
  } else {
    expect(REFUSALS).toContain(result.reason);
  }
}

/** Words and marks that the time grammars, chrono and the recognizers react to, in both languages. */
const TIME_TOKENS = [
  '0',
  '6',
  '06',
  '12',
  '23',
  '24',
  '25',
  '99',
  '2000',
  '6:02',
  '06:02:41',
  '23:59',
  '24:00',
  '25:61',
  '6.02',
  '6h02',
  '6:2',
  ':',
  '.',
  ',',
  '-',
  'h',
  'am',
  'pm',
  'a.m.',
  'p. m.',
  'AM',
  'noon',
  'midnight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'tonight',
  'yesterday',
  'today',
  'at',
  'about',
  'around',
  'half',
  'quarter',
  'past',
  'to',
  'before',
  'after',
  "o'clock",
  'oclock',
  'six',
  'twelve',
  'twenty',
  'fifty-nine',
  'hours',
  'minutes',
  'ago',
  'in',
  'a las',
  'a la',
  'y',
  'media',
  'cuarto',
  'menos',
  'en punto',
  'de la mañana',
  'de la tarde',
  'de la noche',
  'de la madrugada',
  'mediodía',
  'medianoche',
  'seis',
  'doce',
  'veinte',
  'cincuenta',
  'horas',
  'minutos',
  'hace',
  'sobre',
  'las',
  'hoy',
  'ayer',
  'no sé',
  'no lo sé',
  "I don't know",
  '19/08/2022',
  '2022-08-19T06:00:41.874+02:00',
  'Z',
  'UTC',
  '+02:00',
  '\t',
  '\n',
  ' ',
  '  ',
  '¿',
  '?',
  '!',
  '(',
  ')',
  '"',
  "'",
  '\u0000',
  '\u200b',
  '\u202e',
  '\ud800',
  '😀',
  'é',
  'ñ',
  'Ⅵ',
  '٦',
  '６',
  '𝟔',
];

const timeLike = fc.array(fc.constantFrom(...TIME_TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(' '));
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  timeLike,
  fc.tuple(timeLike, fc.string({ maxLength: 30 }), timeLike).map((parts) => parts.join('')),
);
const language = fc.constantFrom('en' as const, 'es' as const);

describe('parseTime on any input', () => {
  it('gives valid times or a refusal, never an exception', () => {
    fc.assert(
      fc.property(anyText, language, (text, lang) => {
        expectTimeOrRefusal(parseTime(text, lang));
      }),
      { numRuns: 400 },
    );
  });

  it('takes what is not a string, or not a language, without throwing', () => {
    const odd = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.object(), fc.array(fc.string()));
    fc.assert(
      fc.property(odd, fc.constantFrom<unknown>('en', 'es', 'fr', '', undefined, 42), (text, lang) => {
        expectTimeOrRefusal(parseTime(text as unknown as string, lang as 'en'));
      }),
      { numRuns: 100 },
    );
  });

  it('stays bounded on long input (only the first 4,000 characters are read)', () => {
    fc.assert(
      fc.property(timeLike, fc.integer({ min: 4000, max: 20_000 }), (seed, length) => {
        const text = seed.padEnd(length, ' la la 6 y ').slice(0, length);
        // CPU time, not wall-clock: other processes on the machine do not stretch it.
        const started = threadCpuMs();
        expectTimeOrRefusal(parseTime(text, 'es'));
        expect(threadCpuMs() - started).toBeLessThan(2000);
      }),
      { numRuns: 15 },
    );
  });

  it('reads back every HH:MM it could be given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), language, (hour, minute, lang) => {
        const time = clockTime(hour, minute)!;
        expect(parseTime(formatClock(time), lang)).toEqual({ ok: true, times: [time] });
      }),
      { numRuns: 200 },
    );
  });
});

const SHIPPED: CaseCheckData = { coincidence: { minutesBefore: 2, minutesAfter: 15 }, fix: { offsetsMinutes: [5, 10] } };

describe('judgeCase on any times', () => {
  it('finds an error at the restart itself coincident, and starts the fix after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (restart) => {
        const judgement = judgeCase({ errors: [{ minuteOfDay: restart }], restarts: [restart], workflows: [], zonesKnown: true, zoneAsked: false }, SHIPPED);
        expect(judgement.kind).toBe('coincides');
        if (judgement.kind === 'coincides') expect(judgement.schedule[0]?.startMinuteOfDay).not.toBe(restart);
      }),
      { numRuns: 200 },
    );
  });

  it('judges whatever two typed answers parse to, without throwing', () => {
    fc.assert(
      fc.property(timeLike, timeLike, language, (errorText, restartText, lang) => {
        const errors = parseTime(errorText, lang);
        const restart = parseTime(restartText, lang);
        if (!errors.ok || !restart.ok) return;
        const judgement = judgeCase({ errors: errors.times, restarts: [restart.times[0]!.minuteOfDay], workflows: [], zonesKnown: true, zoneAsked: false }, SHIPPED);
        expect(['coincides', 'differs']).toContain(judgement.kind);
        if (judgement.kind === 'coincides') judgement.schedule.forEach((row) => expect(Number.isInteger(row.startMinuteOfDay)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});
