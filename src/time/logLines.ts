/**
 * Reads pasted workflow journals and server logs. A journal line is a timestamp, the
 * activity or workflow, and the message, newest first; the timestamp's format follows
 * the console's locale, and a paste may mix several:
 *
 *   19/08/2022 06:00:41<TAB>mcSynch_mcExec1<TAB>Empty return for method 'Logon' ...   (D/M/YYYY, 24-hour)
 *   8/19/2022 6:00:41 AM  mcSynch_mcExec1  ...                                          (M/D/YYYY, 12-hour)
 *   2022-08-19 06:00:41.874+02:00 ...                                                   (server logs)
 *   2020-03-04 06:01:13 ...
 *
 * The time of day is what matters (it is compared with the restart time, also server
 * time); the date is kept when it can be told. `time` is always the line's own wall-clock
 * time; a zone written on the line (+05:30, Z, UTC) is kept beside it as offsetMinutes, for
 * the caller to convert: this reader does not know the server's zone.
 */
import { clockTime, sameClockTime, type ClockTime } from './clock';

export interface LogEntry {
  time: ClockTime;
  /** ISO yyyy-mm-dd, when the line's date is a real date. */
  date?: string;
  /** Minutes east of UTC written on the line: +330 for +05:30, 0 for Z, UTC or GMT; absent when the line has none. */
  offsetMinutes?: number;
  /** The first workflow name in the entry (LogPatterns.workflowName, e.g. "mcSynch_mcExec1"). */
  workflow?: string;
  /** Every distinct workflow name in the entry (ignoring case), in order: a line may name mcSynch_mcExec1 and mcSynch_mcExec2. */
  workflows: string[];
  /** The rest of the entry: the message, without the timestamp and the leading activity column. */
  message: string;
  /** An error signature or a generic failure word (see isErrorText). */
  isError: boolean;
  /** The entry is the check's error itself (one of LogPatterns.errorSignatures). */
  matchesSignature: boolean;
  /** The entry reports a run that went well ("Workflow finished", "terminado"); never true for an error (see isSuccessText). */
  isSuccess: boolean;
}

export interface LogEvidence {
  entries: LogEntry[];
  /** Distinct workflow names anywhere in the text (compared ignoring case), in order of appearance. */
  workflows: string[];
  /**
   * Distinct times to judge, in order of appearance: those of the entries that carry the
   * error signature; if none does, those of the entries marked as errors; if none is,
   * those of the entries that are not success lines either ("stopped", "paused": the user
   * pasted the lines they thought mattered). A run that went well is never an error time,
   * so a paste of success lines only gives none.
   */
  errorTimes: ClockTime[];
  /** The entries that report a run that went well, in order of appearance. */
  successes: LogEntry[];
}

/** What the log reader looks for; a guided check's data provides them (kb/checks/*.json). */
export interface LogPatterns {
  /** The error as users paste it: entries matching one of them are the errors that count. */
  errorSignatures: readonly RegExp[];
  /** Workflow names to pick out of the entries, e.g. mcSynch_<instance>. */
  workflowName: RegExp;
}

/**
 * Failure words in either language. Whole words only, so "errors: 0" and "errorCount"
 * do not count; "error" alone does, as do a failed step and Spanish "falló".
 */
const FAILURE_WORDS = /(?<![\p{L}\p{N}_])(?:error|erreur|failed|failure|fallo|falló|fallido|fallida|ha fallado)(?![\p{L}\p{N}_])/iu;

/**
 * Words of a run that went well, in English, Spanish and French (consoles print all three).
 * Whole words only, so "unsuccessful" and "endless" do not count. No bare "end" or "fin":
 * an End activity's name and Spanish "a fin de" (in order to) are not outcomes; "Fin" only
 * as written on its own, capitalised.
 */
const SUCCESS_WORDS =
  /(?<![\p{L}\p{N}_])(?:finished|completed|ended|done|success|successful|successfully|succeeded|terminé|terminée|terminado|terminada|finalizado|finalizada|completado|completada)(?![\p{L}\p{N}_])/giu;
/** Case matters here (no `i` flag): "Fin" or "FIN", the Spanish and French console's end of run. */
const FIN_WORD = /(?<![\p{L}\p{N}_])(?:Fin|FIN)(?![\p{L}\p{N}_])/gu;
/** "not finished", "no se ha completado", "n'est pas terminé", "hasn't finished": a negation up to two words before. */
const NEGATED_BEFORE = /(?:^|[^\p{L}\p{N}_])(?:not|no|never|cannot|without|nunca|jamás|sin|pas|jamais|\p{L}+n['’]t)(?:\s+[\p{L}\p{N}_'’]+){0,2}\s+$/iu;
/** "ended abnormally", "completed with 3 errors": a success word followed by a failure is no success ("with 0 errors" is). */
const FAILED_AFTER =
  /^\s+(?:abnormally|unexpectedly|prematurely|anormalmente|inesperadamente|anormalement|with\s+(?:[1-9]\d*\s+)?(?:errors|failures)|con\s+(?:[1-9]\d*\s+)?(?:errores|fallos)|avec\s+(?:[1-9]\d*\s+)?erreurs)(?![\p{L}\p{N}_])/iu;
/** How much text around a success word is read for a negation or a failure. */
const SUCCESS_CONTEXT = 40;

/** Pasted logs longer than this are read only this far (a Teams message is far shorter). */
export const MAX_LOG_INPUT_LENGTH = 200_000;

// A date then a time: ISO (2022-08-19), Y/M/D, or D/M/Y and M/D/Y with /, . or -; then
// H:MM[:SS[.fff]], an optional AM/PM and an optional zone (+05:30, +0530, UTC+02:00, Z, UTC, GMT).
const TIMESTAMP_SOURCE = String.raw`(?<![\d/.:-])(?:(\d{4})[-/](\d{1,2})[-/](\d{1,2})|(\d{1,2})([/.-])(\d{1,2})\5(\d{4}|\d{2}))(?:[ \t]+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:[ \t]?([ap])\.?[ \t]?m\.?(?![\p{L}\p{N}_]))?(?:[ \t]?(?:z|utc|gmt)?([+-])(\d{2}):?(\d{2})(?!\d)|(z|[ \t]?(?:utc|gmt))(?![\p{L}\p{N}_]|[+-]\d))?(?![\d:])`;
const TIMESTAMP = new RegExp(TIMESTAMP_SOURCE, 'giu');
const ANY_TIMESTAMP = new RegExp(TIMESTAMP_SOURCE, 'iu');

/** Leading characters a chat client may put before a pasted line (quotes, bullets). */
const LINE_PREFIX = /^[ \t>*•·-]*$/;
const MAX_LINE_PREFIX = 16;

/** Cheap: does the text hold at least one "date time" log timestamp? (For skipping the "what time?" question.) */
export function hasTimestampedLogLine(text: string): boolean {
  if (typeof text !== 'string') return false;
  return ANY_TIMESTAMP.test(text.slice(0, MAX_LOG_INPUT_LENGTH));
}

export function parseLogLines(text: string, patterns: LogPatterns): LogEvidence {
  const bounded = typeof text === 'string' ? text.slice(0, MAX_LOG_INPUT_LENGTH).replace(/\r\n?/g, '\n') : '';
  const workflowPattern = globalCaseless(patterns.workflowName);
  // A global or sticky pattern would remember where it stopped between lines.
  const signatures = patterns.errorSignatures.map((s) => new RegExp(s.source, s.flags.replace(/[gy]/g, '')));

  const entries: LogEntry[] = [];
  const stamps = findEntryStamps(bounded);
  stamps.forEach((stamp, k) => {
    const segment = entrySegment(bounded, stamp.end, stamps[k + 1]?.start ?? bounded.length);
    const workflows = distinctMatches(segment, workflowPattern);
    const matchesSignature = signatures.some((signature) => signature.test(segment));
    const isError = matchesSignature || FAILURE_WORDS.test(segment);
    const entry: LogEntry = {
      time: stamp.time,
      workflows,
      message: messageOf(segment, workflowPattern),
      isError,
      matchesSignature,
      // A line that mentions a failure stays an error whatever else it says ("finished with error").
      isSuccess: !isError && isSuccessText(segment),
    };
    if (stamp.date) entry.date = stamp.date;
    if (stamp.offsetMinutes !== undefined) entry.offsetMinutes = stamp.offsetMinutes;
    if (workflows[0]) entry.workflow = workflows[0];
    entries.push(entry);
  });

  return {
    entries,
    workflows: distinctMatches(bounded, workflowPattern),
    errorTimes: timesToJudge(entries),
    successes: entries.filter((entry) => entry.isSuccess),
  };
}

interface Stamp {
  start: number;
  end: number;
  time: ClockTime;
  date?: string;
  offsetMinutes?: number;
  /** Where the stamp's line starts: stamps with the same value share a line. */
  line: number;
  atLineStart: boolean;
  /** How the stamp is written ("ymd", "dmy/ 12h"...): a quoted timestamp is often written differently. */
  style: string;
}

/**
 * The timestamps that start entries. Normally those at the start of a line: a message
 * may quote another timestamp. When all of them share one line, the paste has lost its
 * line breaks, and each timestamp written like the first one starts an entry.
 */
function findEntryStamps(text: string): Stamp[] {
  const stamps: Stamp[] = [];
  // Line starts are tracked forward, not searched backward, to stay linear on a huge one-line paste.
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  TIMESTAMP.lastIndex = 0;
  for (let match = TIMESTAMP.exec(text); match; match = TIMESTAMP.exec(text)) {
    while (nextNewline !== -1 && nextNewline < match.index) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const stamp = readStamp(match, text, lineStart);
    if (stamp) stamps.push(stamp);
  }
  const first = stamps[0];
  if (!first) return stamps;
  if (stamps.every((stamp) => stamp.line === first.line)) return stamps.filter((stamp) => stamp === first || stamp.style === first.style);
  const atLineStart = stamps.filter((stamp) => stamp.atLineStart);
  return atLineStart.length > 0 ? atLineStart : stamps;
}

function readStamp(match: RegExpExecArray, text: string, line: number): Stamp | undefined {
  const [, isoYear, isoMonth, isoDay, first, separator, second, shortYear, hourText, minuteText, secondText, meridiem, sign, offsetHours, offsetMinutes, namedZone] = match;
  const time = readTime(Number(hourText), Number(minuteText), secondText === undefined ? undefined : Number(secondText), meridiem);
  if (!time) return undefined;
  const date =
    isoYear !== undefined
      ? isoDate(Number(isoYear), Number(isoMonth), Number(isoDay))
      : dayMonthDate(Number(first), Number(second), Number(shortYear), shortYear!.length, meridiem !== undefined);
  const stamp: Stamp = {
    start: match.index,
    end: match.index + match[0].length,
    time,
    line,
    atLineStart: match.index - line <= MAX_LINE_PREFIX && LINE_PREFIX.test(text.slice(line, match.index)),
    style: `${isoYear !== undefined ? 'ymd' : `dmy${separator}`}${meridiem === undefined ? '' : ' 12h'}`,
  };
  if (date) stamp.date = date;
  const offset = namedZone !== undefined ? 0 : sign !== undefined ? zoneOffset(sign, Number(offsetHours), Number(offsetMinutes)) : undefined;
  if (offset !== undefined) stamp.offsetMinutes = offset;
  return stamp;
}

/** Minutes east of UTC; undefined for an offset no zone has (real ones run from -12:00 to +14:00). */
function zoneOffset(sign: string, hours: number, minutes: number): number | undefined {
  if (hours > 14 || minutes > 59) return undefined;
  const magnitude = hours * 60 + minutes;
  // -00:00 is UTC too, and 0 rather than -0 (which deep equality tells apart).
  return sign === '-' && magnitude > 0 ? -magnitude : magnitude;
}

function readTime(hour: number, minute: number, second: number | undefined, meridiem: string | undefined): ClockTime | undefined {
  // Some consoles print "18:00:41 PM" or "00:30:00 AM": the hour is already 24-hour.
  if (meridiem === undefined || hour === 0 || hour > 12) return clockTime(hour, minute, second);
  const isPm = meridiem.toLowerCase() === 'p';
  return clockTime((hour % 12) + (isPm ? 12 : 0), minute, second);
}

/**
 * D/M/Y or M/D/Y. A 12-hour time means the US console (M/D/YYYY); a 24-hour one the
 * European console (D/M/YYYY). Either gives way when its reading is impossible
 * (8/19/2022 with a 24-hour time is still 19 August).
 */
function dayMonthDate(first: number, second: number, year: number, yearDigits: number, twelveHour: boolean): string | undefined {
  const fullYear = yearDigits === 2 ? 2000 + year : year;
  const monthFirst = isoDate(fullYear, first, second);
  const dayFirst = isoDate(fullYear, second, first);
  return twelveHour ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The text of one entry: up to the next entry, or to a blank line (after which the user is talking again). */
function entrySegment(text: string, from: number, to: number): string {
  const segment = text.slice(from, to);
  const blankLine = /\n[ \t]*\n/.exec(segment);
  return (blankLine ? segment.slice(0, blankLine.index) : segment).trim();
}

/**
 * The message without the activity column: journal columns are tab-separated
 * ("mcSynch_mcExec1<TAB>message"); with spaces only, a leading workflow name is dropped.
 */
function messageOf(segment: string, workflowPattern: RegExp): string {
  const columns = segment
    .split('\t')
    .map((column) => column.trim())
    .filter((column) => column.length > 0);
  if (columns.length >= 2) return columns.slice(1).join('\t');
  const [firstWord = '', ...rest] = segment.split(/\s+/);
  workflowPattern.lastIndex = 0;
  const leading = workflowPattern.exec(firstWord);
  return leading && leading[0] === firstWord && rest.length > 0 ? rest.join(' ') : segment;
}

/**
 * A success word that is neither negated just before ("not finished") nor followed by a
 * failure ("ended abnormally"). Errors are ruled out by the caller.
 */
function isSuccessText(text: string): boolean {
  for (const words of [SUCCESS_WORDS, FIN_WORD]) {
    for (const match of text.matchAll(words)) {
      const end = match.index + match[0].length;
      const before = text.slice(Math.max(0, match.index - SUCCESS_CONTEXT), match.index);
      if (!NEGATED_BEFORE.test(before) && !FAILED_AFTER.test(text.slice(end, end + SUCCESS_CONTEXT))) return true;
    }
  }
  return false;
}

function timesToJudge(entries: readonly LogEntry[]): ClockTime[] {
  const withSignature = entries.filter((entry) => entry.matchesSignature);
  const errors = withSignature.length > 0 ? withSignature : entries.filter((entry) => entry.isError);
  // Without any error, the lines the user pasted are what they point at, but a run that
  // went well never is: only success lines give no time at all.
  const chosen = errors.length > 0 ? errors : entries.filter((entry) => !entry.isSuccess);
  const times: ClockTime[] = [];
  for (const { time } of chosen) if (!times.some((seen) => sameClockTime(seen, time))) times.push(time);
  return times;
}

function globalCaseless(pattern: RegExp): RegExp {
  const flags = new Set(pattern.flags.replace('y', ''));
  flags.add('g');
  flags.add('i');
  return new RegExp(pattern.source, [...flags].join(''));
}

function distinctMatches(text: string, globalPattern: RegExp): string[] {
  const names: string[] = [];
  // matchAll starts where the pattern's last exec stopped.
  globalPattern.lastIndex = 0;
  for (const match of text.matchAll(globalPattern)) {
    const name = match[0];
    if (name.length > 0 && !names.some((seen) => seen.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}
