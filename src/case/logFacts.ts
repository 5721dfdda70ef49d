/**
 * Facts from pasted log lines: which entries are the error, which say the workflow ran
 * fine, which are the server restarting (a pasted watchdog.log), each with its date and the
 * zone its line was written in. The lines are read by src/time/logLines.ts.
 */
import { parseLogLines, type LogEntry, type LogPatterns } from '../time/logLines';
import type { Role, TimeFact } from './types';
import { offsetZone } from './zones';

export interface LogFacts {
  errors: TimeFact[];
  successes: TimeFact[];
  restarts: TimeFact[];
}

/** A date then a time, as log lines start: where the pasted part of a line begins. */
const STAMP_START = /(?<![\d/.:-])(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?:[ \t]+|T)\d{1,2}:\d{2}/;

/** A line that reports the server's processes restarting (watchdog.log, web.log), not a failure. */
const RESTART_LINE = /(?<![\p{L}\p{N}_])(?:restart\w*|reinici\w*|watchdog)(?![\p{L}\p{N}_])/iu;

/**
 * Where the log part of a line begins (its first "date time" stamp), or -1. What is before
 * it is the user talking ("mira: 19/08/2022 06:00:41 ...").
 */
export function logStartIn(line: string): number {
  return line.search(STAMP_START);
}

/**
 * The facts of a pasted log. Errors are the entries with the check's error signature; if
 * none has it, the entries with a failure word; if none has one, every entry that is neither
 * a success nor a restart (the user pasted the lines they thought mattered). Those plain
 * entries are restarts instead when the user's own words before them said so
 * (`plainRole`: "el reinicio fue el 19/08/2022 06:00").
 */
export function readLogFacts(logText: string, patterns: LogPatterns, plainRole: Role = 'error'): LogFacts {
  const { entries } = parseLogLines(logText, patterns);
  const successes = entries.filter((entry) => entry.isSuccess);
  const restarts = entries.filter((entry) => !entry.isError && !entry.isSuccess && RESTART_LINE.test(entry.message));
  const withSignature = entries.filter((entry) => entry.matchesSignature);
  const failing = entries.filter((entry) => entry.isError);
  const plain = entries.filter((entry) => !successes.includes(entry) && !restarts.includes(entry));
  const errors = withSignature.length > 0 ? withSignature : failing.length > 0 ? failing : plainRole === 'error' ? plain : [];
  if (withSignature.length === 0 && failing.length === 0 && plainRole === 'restart') restarts.push(...plain);
  return { errors: distinct(errors.map(factOf)), successes: distinct(successes.map(factOf)), restarts: distinct(restarts.map(factOf)) };
}

function factOf(entry: LogEntry): TimeFact {
  const fact: TimeFact = { minuteOfDay: entry.time.minuteOfDay, source: 'log' };
  if (entry.time.second !== undefined) fact.second = entry.time.second;
  if (entry.date) fact.date = entry.date;
  if (entry.offsetMinutes !== undefined) fact.zone = offsetZone(entry.offsetMinutes);
  if (entry.workflow) fact.workflow = entry.workflow;
  return fact;
}

function distinct(facts: TimeFact[]): TimeFact[] {
  const kept: TimeFact[] = [];
  for (const fact of facts) if (!kept.some((seen) => sameFact(seen, fact))) kept.push(fact);
  return kept;
}

/** The same moment as written: minute, second, date and zone. */
export function sameFact(a: TimeFact, b: TimeFact): boolean {
  return a.minuteOfDay === b.minuteOfDay && a.second === b.second && a.date === b.date && a.zone?.name === b.zone?.name;
}
