/**
 * Last-resort readers for phrasings the hand grammar does not know. Both libraries are
 * loaded on first use, so that the common path (a typed "06:02") never pays for them:
 * measured on first use, chrono-node ~150 ms (load and first parse), the Microsoft
 * recognizers ~400 ms (and ~15 ms a call after that). Of chrono, only the two languages' locale
 * modules are loaded (its documented `chrono-node/en` entry points): 33 ms where the whole
 * package, with its fourteen other languages, takes 130.
 */
import type { ClockTime } from './clock';
import { clockTime } from './clock';
import type { TimeLanguage } from './timeWords';
// Types only (erased): the libraries themselves are required on first use, below.
import type * as ChronoEnglish from 'chrono-node/en';
import type * as Recognizers from '@microsoft/recognizers-text-date-time';

/** What the English and the Spanish locale modules both export (the parser this file uses). */
type ChronoLocale = Pick<typeof ChronoEnglish, 'parse'>;
type ChronoModule = Record<TimeLanguage, ChronoLocale>;
type RecognizersModule = typeof Recognizers;

/** The libraries read at most this much: a time answer is short, and both slow down on long text. */
const CHRONO_MAX_INPUT = 1000;
const RECOGNIZERS_MAX_INPUT = 300;

// Any fixed day will do: relative answers ("an hour ago", "now") are refused, so the date never leaks in.
const REFERENCE_DATE = new Date(2000, 0, 3, 12, 0, 0);

const CUT_SHORT = /^\s*(?:(?:y|con|menos|and|past|to|h|del|tonight)\b|de\s+la\b|in\s+the\b|at\s+night\b|[:.]\s*\d)/i;
const BARE_ANCHORED_HOUR = /^\s*(?:(?:a\s+)?las?|at)?\s*\d{1,2}\s*$/i;

// undefined: not tried yet; null: could not be loaded. Nothing else loads the recognizers at start-up
// (dialogs/dialogKit.ts keeps botbuilder-dialogs' prompts, which require them, out).
let chrono: ChronoModule | null | undefined;
let recognizers: RecognizersModule | null | undefined;

function load<T>(name: string): T | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: loaded on first use only (start-up time, see above)
    return require(name) as T;
  } catch {
    return null;
  }
}

/** Loads chrono-node now (see src/app/warmUp.ts); the recognizers, far slower to load and rarely needed, stay on first use. */
export function preloadChrono(): void {
  chrono ??= loadChrono();
}

function loadChrono(): ChronoModule | null {
  const en = load<ChronoLocale>('chrono-node/en');
  const es = load<ChronoLocale>('chrono-node/es');
  return en && es && { en, es };
}

/**
 * Times chrono finds with an hour the user actually said. Relative readings ("in 5
 * minutes", "ahora") are dropped: they depend on the bot's clock, not the server's.
 */
export function chronoTimes(text: string, language: TimeLanguage): ClockTime[] {
  chrono ??= loadChrono();
  if (!chrono) return [];
  const input = text.slice(0, CHRONO_MAX_INPUT);
  const times: ClockTime[] = [];
  for (const result of chrono[language].parse(input, REFERENCE_DATE)) {
    if (!result.start.isCertain('hour')) continue;
    // A bare "las 3" / "at 3" is a phrase the grammar has already weighed and turned down ("tengo las 3 instancias").
    if (BARE_ANCHORED_HOUR.test(result.text)) continue;
    if ([...result.tags()].some((tag) => tag.includes('relative') || tag.endsWith('/now'))) continue;
    // chrono reads "las 6 y 2" as "las 6" and "at 7 in the evening" as 07:00: a reading cut
    // short before a minute or a half-of-day is wrong, not vague.
    if (CUT_SHORT.test(input.slice(result.index + result.text.length))) continue;
    const second = result.start.isCertain('second') ? (result.start.get('second') ?? undefined) : undefined;
    const time = clockTime(result.start.get('hour') ?? -1, result.start.get('minute') ?? 0, second);
    if (time) times.push(time);
  }
  return times;
}

/**
 * Times the Microsoft recognizers find (they know more Spanish phrasings than chrono). When they offer both
 * halves of the day (T03:05 and T15:05) the first, the literal 24-hour reading, is kept.
 */
export function recognizerTimes(text: string, language: TimeLanguage): ClockTime[] {
  recognizers ??= load<RecognizersModule>('@microsoft/recognizers-text-date-time');
  if (!recognizers) return [];
  const culture = language === 'es' ? 'es-es' : 'en-us';
  const times: ClockTime[] = [];
  for (const result of recognizers.recognizeDateTime(text.slice(0, RECOGNIZERS_MAX_INPUT), culture, undefined, REFERENCE_DATE)) {
    // Only plain times: a date-time may be relative ("in 5 minutes") and is computed from the bot's clock.
    if (result.typeName !== 'datetimeV2.time') continue;
    const values: unknown = result.resolution?.['values'];
    if (!Array.isArray(values) || values.length === 0) continue;
    const first: unknown = values[0];
    const value = typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['value'] : undefined;
    const match = typeof value === 'string' ? /(\d{2}):(\d{2}):\d{2}$/.exec(value) : null;
    const time = match ? clockTime(Number(match[1]), Number(match[2])) : undefined;
    if (time) times.push(time);
  }
  return times;
}
