/**
 * What the two schedule rules (simultaneousRuns for KA-23471, sameFrequency for KA-22897)
 * share: their settings, reading the restart, zones and duration with the case engine
 * (src/case readFacts/applyReading/toServerTime, as KA-05406's check does), the restart
 * windows for schedulePlan, and the language-neutral formats of times and periods that go
 * into the texts' placeholders ("06:20", ":20", "2 min", "1 h").
 */
import { z } from 'zod';
import { readFacts, type Reading } from '../../case/readFacts';
import { sameWorkflow, type ScheduleMention } from '../../case/schedules';
import type { Case, TimeFact } from '../../case/types';
import { applyReading, toServerTime, type CaseChange } from '../../case/updateCase';
import { isServerZone, type ZoneRef } from '../../case/zones';
import type { LogPatterns } from '../../time/logLines';
import type { ReadContext, RuleReading, TextRef } from '../rule';
import { clock, ClockSetting, RegexSetting, settingMinute, timeWithZone } from './ruleKit';
import { firstRunOfDay, restartWindow, type MinuteWindow } from '../schedulePlan';

const Clock = ClockSetting;
const Regex = RegexSetting;

/** Settings both rules read; each check file gives them (see kb/checks/KA-23471.json, KA-22897.json). */
export const ScheduleSettingsSchema = z.strictObject({
  /** A Message Center sync workflow's name: mcSynch_<external account>. */
  workflowNameRegex: Regex,
  /** The error messages users paste for the check (pasted(), and readFacts's error lines); none for a check without an error message (KA-22897). */
  errorSignatures: z.array(Regex),
  /** processRestartTime's default, 06:00 server time (configuring-campaign-server.md). */
  defaultRestartTime: Clock,
  /** KA-05406's window: a run from 2 minutes before to 15 after the restart's end fails. */
  restartWindow: z.strictObject({ minutesBefore: z.number().int().min(0).max(120), minutesAfter: z.number().int().min(0).max(240) }),
  /** Proposed starts are multiples of this, and workflows this far apart when there is room. */
  stepMinutes: z.number().int().min(1).max(60),
  /** scheduler.md: not more often than every 15 minutes. */
  minimumIntervalMinutes: z.number().int().min(0).max(1440),
  /** The frequency a Message Center sync workflow has unless changed: every hour (message-center-control.md). */
  defaultPeriodMinutes: z.number().int().min(1).max(1440),
});

export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

/** zod's problems as one error naming each field. */
/** The settings, or zod's error: its issues carry each field's path, which the registry reports as `settings.<path>`. */
export function parseWith<T>(schema: z.ZodType<T>, settings: unknown): T {
  return schema.parse(settings);
}

const compiled = new WeakMap<ScheduleSettings, LogPatterns>();

/** The settings' error signatures and workflow name, compiled once per check (settings are parsed once and kept). */
export function patternsOf(settings: ScheduleSettings): LogPatterns {
  let patterns = compiled.get(settings);
  if (!patterns) {
    patterns = { errorSignatures: settings.errorSignatures.map((source) => new RegExp(source, 'i')), workflowName: new RegExp(settings.workflowNameRegex, 'i') };
    compiled.set(settings, patterns);
  }
  return patterns;
}

/**
 * A schedule rule's reading, from what it made of the message: the open question's help for "I
 * don't know" or a question about it, the question marked unread when nothing was understood,
 * and whether the case changed.
 */
export function scheduleReading<State extends { unread?: string }>(
  state: State,
  next: State,
  made: { noted: TextRef[]; corrected: TextRef[]; understood: boolean; reading: Reading },
  asking: string | undefined,
): RuleReading<State> {
  const { understood, reading } = made;
  const aside: TextRef | undefined = !understood && asking && (reading.dontKnow || reading.question) ? { key: `${asking}.help` } : undefined;
  if (understood) delete next.unread;
  else if (asking) next.unread = asking;
  const changed = JSON.stringify({ ...next, unread: undefined }) !== JSON.stringify({ ...state, unread: undefined });
  return {
    state: next,
    noted: made.noted,
    corrected: made.corrected,
    understood: understood || aside !== undefined,
    changed,
    ...(aside ? { aside } : {}),
    ...(reading.question && !understood ? { question: true, aboutCheck: aside !== undefined } : {}),
  };
}

/** "2 min", "15 min", "60 min", "2 h", "24 h": the same in English and Spanish ("every 60 min", "cada 60 min"). */
export function every(periodMinutes: number): string {
  return periodMinutes > 60 && periodMinutes % 60 === 0 ? `${periodMinutes / 60} h` : `${periodMinutes} min`;
}

/**
 * When a workflow starts: the minutes of the hour for periods that divide an hour (":20";
 * ":05, :20, :35, :50" every 15 minutes), else its first run of the day ("06:20").
 */
export function startText(periodMinutes: number | undefined, startMinute: number): string {
  if (periodMinutes !== undefined && 60 % periodMinutes === 0 && periodMinutes >= 5) {
    const first = firstRunOfDay(startMinute, periodMinutes);
    const minutes: string[] = [];
    for (let minute = first; minute < 60; minute += periodMinutes) minutes.push(`:${String(minute).padStart(2, '0')}`);
    return minutes.join(', ');
  }
  if (periodMinutes !== undefined && periodMinutes < 5) return `:${String(firstRunOfDay(startMinute, periodMinutes)).padStart(2, '0')}`;
  return periodMinutes === undefined && startMinute < 60 ? `:${String(startMinute).padStart(2, '0')}` : clock(startMinute);
}

/** What a message said about the restart, its duration and the zones, applied to the case (the rest of a message after its schedule talk). */
export interface CaseRead {
  case: Case;
  reading: Reading;
  noted: TextRef[];
  /** A restart said again differently ("no, it restarts at 05:00"). */
  corrected: TextRef[];
  understood: boolean;
}

export function readCase(current: Case, text: string, settings: ScheduleSettings, context: ReadContext, useDefault: boolean): CaseRead {
  const expecting = context.asking === 'restartTime' ? 'restartTime' : undefined;
  const reading = readFacts(text, { language: context.language, patterns: patternsOf(settings), ...(expecting ? { expecting } : {}) });
  if (useDefault) reading.useDefault = true;
  // Only the restart, its duration, and the zones are this case's; errors and success lines are not kept (the schedules come from schedules.ts).
  const applied = applyReading(
    current,
    { ...reading, times: reading.times.filter((time) => time.role === 'restart'), successes: [], workflows: [] },
    {
      ...(expecting ? { expecting } : {}),
      defaultRestartMinute: settingMinute(settings.defaultRestartTime),
    },
  );
  const next: Case = { ...applied.case, errors: [], successes: [], workflows: [] };
  const notes = applied.changes.flatMap((change) => noteOf(change));
  const corrected = notes.filter((note) => note.key === 'noted.restartCorrected');
  const noted = notes.filter((note) => !corrected.includes(note));
  return { case: next, reading, noted, corrected, understood: notes.length > 0 };
}

function noteOf(change: CaseChange): TextRef[] {
  switch (change.kind) {
    case 'added':
      return change.role === 'restart' ? [{ key: change.value.source === 'default' ? 'noted.restartDefault' : 'noted.restart', vars: { time: timeWithZone(change.value) } }] : [];
    case 'replaced':
      return change.role === 'restart' ? [{ key: 'noted.restartCorrected', vars: { time: change.value.map(timeWithZone) } }] : [];
    case 'duration':
      return [{ key: 'noted.duration', vars: { minutes: change.value } }];
    case 'zone':
      return isServerZone(change.value)
        ? [{ key: 'noted.consoleSameAsServer' }]
        : [{ key: change.which === 'serverZone' ? 'noted.serverZone' : 'noted.consoleZone', vars: { zone: change.value.label } }];
    default:
      return [];
  }
}

/** The case's restarts in server time, their windows, and the zone the times are in (undefined: the server's, unnamed). */
export function restartsOf(current: Case, settings: ScheduleSettings, context: ReadContext): { restarts: number[]; windows: MinuteWindow[]; zone?: ZoneRef } {
  const times = toServerTime(current, { today: context.today, ...(context.clientZone ? { clientZone: context.clientZone } : {}) });
  const { minutesBefore, minutesAfter } = settings.restartWindow;
  const windows = times.restarts.map((restart) => restartWindow(restart, minutesBefore, minutesAfter, current.restartDurationMinutes ?? 0));
  return times.zone ? { restarts: times.restarts, windows, zone: times.zone } : { restarts: times.restarts, windows };
}

/** A start as it was written (a journal's minute at its offset, a typed time in a named zone): kept to convert again when a zone is said later. */
export type WrittenStart = Pick<ScheduleMention, 'startMinute' | 'minuteOfHour' | 'zone' | 'source'>;

/** The start as written, when converting it could change with the zones (a minute of the hour never does). */
export function writtenStart(mention: ScheduleMention): WrittenStart | undefined {
  if (mention.startMinute === undefined || mention.minuteOfHour) return undefined;
  return mention.zone ? { startMinute: mention.startMinute, source: mention.source, zone: mention.zone } : { startMinute: mention.startMinute, source: mention.source };
}

/** Whether the case's zones changed (server's or console's): starts written in another zone convert again. */
export function zonesChanged(before: Case, after: Case): boolean {
  return before.serverZone?.name !== after.serverZone?.name || before.consoleZone?.name !== after.consoleZone?.name;
}

/**
 * A schedule's minute of the day in server time. Journal lines are in the console's zone
 * (or the offset written on them); a time typed for a Scheduler is in its Time zone, the
 * server's by default (managing-time-zones.md), unless the user named a zone. A minute of
 * the hour alone is left as it is (whole-hour zones do not move it).
 */
export function toServerMinute(mention: WrittenStart, current: Case, context: ReadContext): number | undefined {
  if (mention.startMinute === undefined) return undefined;
  if (mention.minuteOfHour) return mention.startMinute;
  // toServerTime reads a fact of source 'default' in the server's zone: what a typed Scheduler time is, unless a zone was named.
  const fact: TimeFact = { minuteOfDay: mention.startMinute, source: mention.source === 'log' ? 'log' : 'default' };
  if (mention.zone) fact.zone = mention.zone;
  const times = toServerTime({ ...current, errors: [fact] }, { today: context.today });
  return times.errors[0]?.minuteOfDay ?? mention.startMinute;
}

export function readNumber(value: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const raw = value[key];
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
  return number !== undefined && number > 0 ? number : undefined;
}

export function findWorkflow<T extends { name: string }>(list: readonly T[], name: string): T | undefined {
  return list.find((item) => sameWorkflow(item.name, name));
}
