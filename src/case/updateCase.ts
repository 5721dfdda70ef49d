/**
 * Puts what a message said into the case (applyReading), and reads the case's times in one
 * zone, the server's, for the verdict (toServerTime).
 *
 * Zone rules (Adobe Campaign Classic docs; see /work/shared/domain-notes.md):
 * - the console shows journal times in the operator's zone, by default the server's;
 * - processRestartTime is server time;
 * - a log line with an offset or Z names its instant.
 */
import { sameFact } from './logFacts';
import type { ReadTime, Reading } from './readFacts';
import { roleOfQuestion, type AnsweredQuestion, type Case, type Expecting, type Role, type TimeFact } from './types';
import { isConcreteZone, isServerZone, offsetMinutesOn, sameZone, toZone, zoneFromName, type ZoneRef } from './zones';

export type CaseChange =
  /** A time the case did not have. */
  | { kind: 'added'; role: Role | 'success'; value: TimeFact }
  /** A role's times replaced: a correction, a stated restart instead of the default, an exact minute instead of a vague one. */
  | { kind: 'replaced'; role: Role; value: TimeFact[]; previous: TimeFact[] }
  | { kind: 'zone'; which: 'serverZone' | 'consoleZone'; value: ZoneRef; previous?: ZoneRef }
  | { kind: 'duration'; value: number; previous?: number }
  | { kind: 'workflow'; value: string };

export interface ApplyOptions {
  /** The open question: the role of a time the reading left unplaced (when readFacts was not told). */
  expecting?: Expecting;
  /** The question answered before: the role of an unplaced time in a correction. */
  lastAnswered?: AnsweredQuestion;
  /** The check's default restart (minute of the day), for "use the default". */
  defaultRestartMinute?: number;
}

export interface Applied {
  case: Case;
  changes: CaseChange[];
  /** Times whose role neither the words nor the open question told: for the dialog to ask about. */
  unplaced: ReadTime[];
}

/** The case with the reading's facts in it; `current` is left as it was. */
export function applyReading(current: Case, reading: Reading, options: ApplyOptions = {}): Applied {
  const next: Case = JSON.parse(JSON.stringify(current)) as Case;
  const changes: CaseChange[] = [];
  // readFacts already placed times by the questions it was told of; these place what it could not.
  const fallback = roleOfQuestion(reading.correction ? (options.lastAnswered ?? options.expecting) : options.expecting);
  const placed = reading.times.map((time) => (time.role === 'unknown' && fallback ? { ...time, role: fallback } : time));
  const unplaced = placed.filter((time) => time.role === 'unknown');

  for (const role of ['error', 'restart'] as const) {
    let incoming = distinctFacts(placed.filter((time) => time.role === role).map(withoutRole));
    // "The restart is at 06:00 server time and the 06:04 was server time too": with another
    // restart in the same message, a "restart" at the odd minute of an error typed before is that
    // error said again (restarts are set on round minutes: 06:00 and 18:00 stay restarts).
    if (role === 'restart' && incoming.length > 1 && !reading.correction) {
      const restated = incoming.filter(
        (fact) => fact.minuteOfDay % 15 !== 0 && next.errors.some((error) => error.source === 'typed' && error.minuteOfDay === fact.minuteOfDay && !error.vague),
      );
      if (restated.length < incoming.length) incoming = incoming.filter((fact) => !restated.includes(fact));
    }
    if (role === 'restart' && incoming.length === 0 && reading.useDefault && options.defaultRestartMinute !== undefined && next.restarts.length === 0) {
      incoming.push({ minuteOfDay: options.defaultRestartMinute, source: 'default' });
    }
    if (incoming.length === 0) continue;
    const list = role === 'error' ? next.errors : next.restarts;
    if (reading.correction || replacesAll(list, incoming)) {
      if (!sameList(list, incoming)) changes.push({ kind: 'replaced', role, value: incoming, previous: list.slice() });
      list.splice(0, list.length, ...incoming);
      continue;
    }
    // An exact minute replaces the vague ones it answers ("sobre las 6" then "6:02").
    const answered = incoming.some((fact) => !fact.vague) ? list.filter((fact) => fact.vague && !incoming.some((other) => other.vague && sameFact(other, fact))) : [];
    if (answered.length > 0) {
      const value = distinctFacts([...list.filter((fact) => !answered.includes(fact)), ...incoming]);
      changes.push({ kind: 'replaced', role, value, previous: list.slice() });
      list.splice(0, list.length, ...value);
      continue;
    }
    for (const fact of incoming) {
      if (list.some((seen) => sameFact(seen, fact))) continue;
      list.push(fact);
      changes.push({ kind: 'added', role, value: fact });
    }
  }

  for (const fact of reading.successes) {
    if (next.successes.some((seen) => sameFact(seen, fact))) continue;
    next.successes.push(fact);
    changes.push({ kind: 'added', role: 'success', value: fact });
  }
  for (const name of reading.workflows) {
    if (next.workflows.some((seen) => seen.toLowerCase() === name.toLowerCase())) continue;
    next.workflows.push(name);
    changes.push({ kind: 'workflow', value: name });
  }
  for (const which of ['serverZone', 'consoleZone'] as const) {
    const value = reading[which];
    if (!value || sameZone(next[which], value)) continue;
    // The server's zone is a real zone or nothing: "server time" tells nothing about it.
    if (which === 'serverZone' && isServerZone(value)) continue;
    const previous = next[which];
    next[which] = value;
    changes.push(previous ? { kind: 'zone', which, value, previous } : { kind: 'zone', which, value });
  }
  if (reading.restartDurationMinutes !== undefined && reading.restartDurationMinutes !== next.restartDurationMinutes) {
    const previous = next.restartDurationMinutes;
    next.restartDurationMinutes = reading.restartDurationMinutes;
    changes.push(previous === undefined ? { kind: 'duration', value: reading.restartDurationMinutes } : { kind: 'duration', value: reading.restartDurationMinutes, previous });
  }
  return { case: next, changes, unplaced };
}

/** A stated restart replaces the default one the case held. */
function replacesAll(list: readonly TimeFact[], incoming: readonly TimeFact[]): boolean {
  return list.length > 0 && list.every((fact) => fact.source === 'default') && incoming.some((fact) => fact.source !== 'default');
}

function withoutRole(time: ReadTime): TimeFact {
  const { role: _role, ...fact } = time;
  return fact;
}

function distinctFacts(facts: readonly TimeFact[]): TimeFact[] {
  const kept: TimeFact[] = [];
  for (const fact of facts) if (!kept.some((seen) => sameFact(seen, fact))) kept.push(fact);
  return kept;
}

function sameList(a: readonly TimeFact[], b: readonly TimeFact[]): boolean {
  return a.length === b.length && a.every((fact, k) => sameFact(fact, b[k]!));
}

interface ServerTime {
  minuteOfDay: number;
  second?: number;
  /** The date there, when the time had one (a conversion may move it a day). */
  date?: string;
  workflow?: string;
  vague?: boolean;
}

export interface ServerTimes {
  errors: ServerTime[];
  /** Distinct, in order. */
  restarts: number[];
  successes: ServerTime[];
  /** The zone these times are in: the server's, else the zone the restart was given in; undefined: "server time", unnamed. */
  zone?: ZoneRef;
  /** Every time was placed by known zones; false when one was assumed to be in the same zone as the restart. */
  zonesKnown: boolean;
  /**
   * For judgeCase's zone question: zone differences come in steps of this many minutes, 60
   * unless a zone in play has a half-hour offset on the day (India: 30) or a quarter-hour
   * one (Nepal: 15).
   */
  zoneStepMinutes: number;
  /**
   * The Teams client's zone, when the console's zone is unknown and mattered: only a hint
   * for the bot to ask ("Is your console on Europe/Madrid time?"), never used to convert.
   */
  clientZoneHint?: ZoneRef;
}

/** Where a time was written: a named zone, the server's (unnamed), or the console's taken to be the server's. */
type Side = ZoneRef | 'server' | 'assumedServer';

/**
 * The case's times in the server's zone. Errors typed or read off the console are in the
 * console's zone (the server's unless the user said otherwise); restarts are server time
 * unless the user named another zone; log lines with an offset convert exactly. With no
 * server zone, times go to the zone the restart was given in, if any; a conversion that
 * needs a zone nobody named keeps the time as written and clears zonesKnown.
 */
export function toServerTime(current: Case, options: { clientZone?: string; today: string }): ServerTimes {
  const server: Side = isConcreteZone(current.serverZone) ? current.serverZone : 'server';
  const console = consoleSide(current.consoleZone, server);
  const restartZone = current.restarts.find((fact) => isConcreteZone(fact.zone))?.zone;
  const target: Side = server !== 'server' ? server : (restartZone ?? 'server');
  let zonesKnown = true;
  let consoleNeeded = false;

  const place = (fact: TimeFact, side: Side, date: string | undefined): ServerTime => {
    const moved = convert(fact.minuteOfDay, date, side, target, options.today);
    if (!moved.known) zonesKnown = false;
    const time: ServerTime = { minuteOfDay: moved.minuteOfDay };
    if (fact.second !== undefined) time.second = fact.second;
    if (moved.date ?? fact.date) time.date = (moved.date ?? fact.date)!;
    if (fact.workflow) time.workflow = fact.workflow;
    if (fact.vague) time.vague = true;
    return time;
  };
  const sideOfSeen = (fact: TimeFact): Side => {
    if (fact.zone) return isServerZone(fact.zone) ? server : fact.zone;
    if (fact.source === 'default') return server;
    if (console === 'assumedServer') consoleNeeded = true;
    return console;
  };

  const errors = current.errors.map((fact) => place(fact, sideOfSeen(fact), fact.date));
  const successes = current.successes.map((fact) => place(fact, sideOfSeen(fact), fact.date));
  // A restart happens every day: it is converted on the errors' day, for that day's DST.
  const day = current.errors.find((fact) => fact.date)?.date;
  const restarts: number[] = [];
  for (const fact of current.restarts) {
    const side: Side = fact.zone && !isServerZone(fact.zone) ? fact.zone : server;
    const { minuteOfDay } = place(fact, side, fact.date ?? day);
    if (!restarts.includes(minuteOfDay)) restarts.push(minuteOfDay);
  }

  const zonesInPlay = [current.serverZone, current.consoleZone, ...[...current.errors, ...current.restarts, ...current.successes].map((fact) => fact.zone)];
  const result: ServerTimes = { errors, restarts, successes, zonesKnown, zoneStepMinutes: zoneStep(zonesInPlay, day ?? options.today) };
  if (typeof target !== 'string') result.zone = target;
  const hint = zoneFromName(options.clientZone);
  if (hint && consoleNeeded) result.clientZoneHint = hint;
  return result;
}

function zoneStep(zones: ReadonlyArray<ZoneRef | undefined>, date: string): number {
  let step = 60;
  for (const zone of zones) {
    const offset = zone ? offsetMinutesOn(zone, date) : undefined;
    if (offset === undefined || offset % 60 === 0) continue;
    step = Math.min(step, offset % 30 === 0 ? 30 : 15);
  }
  return step;
}

function consoleSide(consoleZone: ZoneRef | undefined, server: Side): Side {
  if (!consoleZone) return 'assumedServer';
  if (isServerZone(consoleZone)) return server;
  return isConcreteZone(consoleZone) ? consoleZone : 'assumedServer';
}

function convert(minuteOfDay: number, date: string | undefined, from: Side, to: Side, today: string): { minuteOfDay: number; date?: string; known: boolean } {
  if (typeof from !== 'string' && typeof to !== 'string') {
    if (sameZone(from, to)) return { minuteOfDay, known: true };
    const moved = toZone(minuteOfDay, date, from, to, today);
    if (!moved) return { minuteOfDay, known: false };
    // The date moves with the time only when there was one to move.
    return date === undefined ? { minuteOfDay: moved.minuteOfDay, known: true } : { ...moved, known: true };
  }
  // Both "the server's zone", unnamed: the same zone, known to be.
  if (from === 'server' && to === 'server') return { minuteOfDay, known: true };
  // Anything else needs a zone nobody named: keep the time as written (the usual case: one zone for all).
  return { minuteOfDay, known: false };
}
