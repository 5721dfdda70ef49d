/**
 * Reads the time(s) of day in a chat answer such as "06:02", "a las seis y cuarto" or
 * "the error was at 6:02 this morning". Hours are 24-hour unless the user says which
 * half of the day ("pm", "de la tarde"): operators copy times from 24-hour logs, so a
 * bare "3:00" is 03:00.
 *
 * Readers, cheapest first: a regular expression for a lone numeric time; the hand
 * grammar (timeGrammar.ts) in the user's language, then in the other one; chrono-node;
 * and, only when the text has time words in it, the Microsoft recognizers.
 */
import { clockTime, sameClockTime, type ClockTime } from './clock';
import { chronoTimes, recognizerTimes } from './fallbackParsers';
import { findTimes, type GrammarFindings } from './timeGrammar';
import { normalizeForTime, tokenizeTime } from './timeTokens';
import { VOCABULARIES, type TimeLanguage } from './timeWords';

type TimeParseFailure =
  /** Nothing but spaces and punctuation. */
  | 'empty'
  /** No time found ("no sé", "banana"). */
  | 'unknown'
  /** A time that could be read two ways ("6:2", "2000", "12 in the morning"). */
  | 'ambiguous'
  /** A time that cannot be ("25:99", "a las 6 y 75"). */
  | 'invalid';

export type TimeParse = { ok: true; times: ClockTime[] } | { ok: false; reason: TimeParseFailure };

/** Longer input is cut here before any parsing: an answer to "what time?" is short, and this bounds the work. */
export const MAX_TIME_INPUT_LENGTH = 4000;

const LONE_NUMERIC_TIME = /^\s*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*$/;
const HAS_CONTENT = /[\p{L}\p{N}\p{S}]/u;

/** Words that make the slow recognizers worth a try once everything else found nothing. */
const TIME_WORDS: Readonly<Record<TimeLanguage, RegExp>> = {
  en: /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|quarter|half|noon|midnight|oclock|morning|afternoon|evening|night|hours?)\b/,
  es: /\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|cuarenta|cincuenta|cuarto|media|mediodia|medianoche|punto|madrugada|tarde|noche|manana|horas?)\b/,
};

/** Never throws: anything unreadable is `{ ok: false }`. */
export function parseTime(text: string, language: TimeLanguage): TimeParse {
  try {
    return parseBoundedTime(typeof text === 'string' ? text.slice(0, MAX_TIME_INPUT_LENGTH) : '', language === 'es' ? 'es' : 'en');
  } catch {
    return { ok: false, reason: 'unknown' };
  }
}

function parseBoundedTime(text: string, language: TimeLanguage): TimeParse {
  const lone = LONE_NUMERIC_TIME.exec(text);
  if (lone) {
    const time = clockTime(Number(lone[1]), Number(lone[2]), lone[3] === undefined ? undefined : Number(lone[3]));
    return time ? { ok: true, times: [time] } : { ok: false, reason: 'invalid' };
  }
  if (!HAS_CONTENT.test(text)) return { ok: false, reason: 'empty' };

  const normalized = normalizeForTime(text);
  const tokens = tokenizeTime(normalized);
  let findings = findTimes(tokens, VOCABULARIES[language]);
  if (isEmpty(findings)) findings = findTimes(tokens, VOCABULARIES[otherLanguage(language)], { otherLanguage: true });
  if (findings.times.length > 0) return found(findings.times);
  if (findings.ambiguous > 0) return { ok: false, reason: 'ambiguous' };
  if (findings.invalid > 0) return { ok: false, reason: 'invalid' };

  // eslint-disable-next-line no-control-regex -- control characters are cleaned out on purpose before chrono reads the text
  const fromChrono = chronoTimes(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '), language);
  if (fromChrono.length > 0) return found(fromChrono);
  if (TIME_WORDS[language].test(normalized)) {
    const fromRecognizers = recognizerTimes(normalized, language);
    if (fromRecognizers.length > 0) return found(fromRecognizers);
  }
  return { ok: false, reason: 'unknown' };
}

function found(times: readonly ClockTime[]): TimeParse {
  const distinct: ClockTime[] = [];
  for (const time of times) if (!distinct.some((seen) => sameClockTime(seen, time))) distinct.push(time);
  return { ok: true, times: distinct };
}

function isEmpty(findings: GrammarFindings): boolean {
  return findings.times.length === 0 && findings.invalid === 0 && findings.ambiguous === 0;
}

function otherLanguage(language: TimeLanguage): TimeLanguage {
  return language === 'es' ? 'en' : 'es';
}
