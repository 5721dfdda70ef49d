/**
 * Workflow schedules as operators give them: typed ("mcSynch_mcExec1 runs every hour at :00",
 * "los tres mcSynch corren cada hora en punto", "mcSynch_mcExec2 a las y 15", "every 2
 * minutes", "cada hora", "once a day at 06:00") or read off pasted journal lines of each
 * workflow (several runs give the period and the minute).
 *
 * A schedule is a period and a minute of the day it runs at; for an hourly workflow that is
 * its minute of the hour. The words that tell which instance a frequency is about (the
 * marketing side's sync workflow or the execution side's tracking) are read too. This module
 * only reads: the rules decide what the schedules mean, and say nothing to the user here.
 */
import type { Language } from '../kb/types';
import { parseLogLines, type LogEntry } from '../time/logLines';
import { ENGLISH, SPANISH } from '../time/timeWords';
import { roleCue } from './cues';
import { blank, fold } from './fold';
import { logStartIn } from './logFacts';
import { offsetZone, recognizeZones, type ZoneRef } from './zones';

/** Which instance a schedule is said of: marketing (control: the mcSynch sync workflow) or execution (RT: its tracking). */
export type InstanceSide = 'marketing' | 'execution';

export interface ScheduleMention {
  /** The workflows it is about, as first written; empty when none is named. */
  workflows: string[];
  /** Said of all of them: "los tres mcSynch", "all of them", "both" (count when said). */
  all?: { count?: number };
  /** Minutes between runs: 2, 60 (hourly), 1440 (daily). */
  periodMinutes?: number;
  /**
   * A minute of the day it runs at: for an hourly workflow at :15, 15; daily at 06:00, 360;
   * from a journal, the minute of one of its runs (the caller reduces it by the period).
   */
  startMinute?: number;
  /** Only a minute of the hour was said (":15", "a las y cuarto", "en punto"), no hour. */
  minuteOfHour?: true;
  /** The zone of a time of day said with it, or written on its journal lines. */
  zone?: ZoneRef;
  source: 'typed' | 'log';
  /** From a journal: how many runs it was read from. */
  runs?: number;
  /** The instance the words around it name, if any. */
  instance?: InstanceSide;
}

export interface ScheduleReading {
  mentions: ScheduleMention[];
  /** Workflow names anywhere in the message, in order, once each (ignoring case and the mcSync/mcSynch spelling). */
  workflows: string[];
  /**
   * The message with the typed schedule phrases blanked (same length), for readFacts: "cada
   * hora en punto" and "los tres mcSynch" are no error or restart times.
   */
  rest: string;
}

export interface ScheduleReadContext {
  language: Language;
  /** A workflow name, e.g. /\bmcSynch?_[A-Za-z0-9]+\b/i. */
  workflowName: RegExp;
}

/** Two workflow names are the same workflow: case and the mcSync/mcSynch spelling ignored. */
export function sameWorkflow(a: string, b: string): boolean {
  return workflowKey(a) === workflowKey(b);
}

function workflowKey(name: string): string {
  return name.toLowerCase().replace(/^mc_?synch?_?/, 'mcsynch_');
}

const MINUTES_PER_DAY = 1440;

const NUMBER_WORDS = new Map<string, number>([...ENGLISH.numbers, ...ENGLISH.tens, ...SPANISH.numbers, ...SPANISH.tens, ['un', 1], ['una', 1], ['a', 1], ['an', 1]]);
const NUMBER = String.raw`(\d{1,4}|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = String.raw`(minutos?|mins?|minutes?|m|horas?|hours?|hrs?|h|dias?|days?)`;

/** "every 2 minutes", "cada dos horas", "every 2h". */
const EVERY_N = new RegExp(String.raw`\b(?:every|each|cada)\s+${NUMBER}\s*-?\s*${UNIT}(?![\p{L}\p{N}_])`, 'gu');
/** "every 2 minutes" said backwards: "2-minute schedule", "each 15 min" are above; "runs 2 min" is not a frequency. */
const EVERY_UNIT: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:every|each|cada)\s+(?:media hora|half(?: an)? hour|30 min)\b/g, 30],
  [/\b(?:every|each|cada)\s+(?:cuarto de hora|quarter(?: of an)? hour)\b/g, 15],
  [/\b(?:every|each|cada)\s+(?:minuto|minute)\b/g, 1],
  [/\b(?:hourly|every hour|each hour|cada hora|(?:una vez|1 vez) (?:por|a la|cada) hora|once (?:an|a|per|every) hour|(?:todas|a todas) las horas)\b/g, 60],
  [/\b(?:twice (?:an|a|per) hour|dos veces (?:por|a la) hora)\b/g, 30],
  [/\b(?:daily|every day|each day|once (?:a|per) day|once daily|(?:una vez|1 vez) (?:al|por|cada) dia|diari[oa]|diariamente|a diario|todos los dias|cada dia)\b/g, 1440],
  [/\b(?:twice (?:a|per) day|twice daily|dos veces (?:al|por) dia)\b/g, 720],
];

/** A minute of the hour said without an hour. */
const MINUTE_OF_HOUR: ReadonlyArray<readonly [RegExp, (match: RegExpMatchArray) => number | undefined]> = [
  // ":00", "at :15", "xx:15", "hh:15", "*:30"
  [/(?:\b(?:xx|hh)|\*)?(?<![\d:])(?<!\d\s)[:](\d{2})\b/g, (m) => Number(m[1])],
  // "on the hour", "at the top of the hour", "en punto" (not after an hour: "a las 6 en punto" is a time of day)
  [/\b(?:on the hour|at the top of (?:the|every|each) hour|top of the hour|(?<!\d\s)(?:a la hora )?en punto|a las en punto)\b/g, () => 0],
  // "a las y 15", "a las y cuarto", "a y media", "a las menos cuarto"
  [new RegExp(String.raw`\b(?:a las|a la|a)\s+y\s+(cuarto|media|${NUMBER.slice(1, -1)})\b`, 'g'), (m) => minuteWord(m[1]!)],
  [/\b(?:a las|a la|a)\s+menos\s+cuarto\b/g, () => 45],
  // "15 minutes past the hour", "at quarter past", "at half past (each hour)"
  [new RegExp(String.raw`\b(?:at\s+)?(quarter|half|${NUMBER.slice(1, -1)})(?:\s+minutes?)?\s+past(?:\s+(?:the|each|every)\s+hour)?\b`, 'g'), (m) => minuteWord(m[1]!)],
  [/\b(?:at\s+)?(?:a\s+)?quarter to(?:\s+(?:the|each|every)\s+hour)?\b/g, () => 45],
  // "en el minuto 15", "al minuto 15", "at minute 15", "a los 15 minutos (de cada hora)", "15 minutos después de cada hora"
  [/\b(?:en el|al|at|in|on)\s+minut[oe]\s+(\d{1,2})\b/g, (m) => Number(m[1])],
  [/\b(?:a los|at)\s+(\d{1,2})\s+(?:minutos|minutes)(?:\s+(?:de cada hora|de la hora|past the hour|after the hour|after each hour))?\b/g, (m) => Number(m[1])],
  [/\b(\d{1,2})\s+(?:minutos|minutes)\s+(?:pasada la hora|despues de (?:cada|la) hora|past the hour|after the hour|after each hour)\b/g, (m) => Number(m[1])],
];

/** A time of day with a schedule: "at 06:00", "a las 6:30", "starting 00:15", "at 6 am". */
const CLOCK =
  /\b(?:(?:at|a las|a la|from|desde|starting(?: at)?|start(?:s|ing)? at|empezando a las|a partir de las)\s+)?(\d{1,2})[:h.](\d{2})(?:\s*([ap])\.?\s?m\b\.?)?|\b(?:at|a las|a la)\s+(\d{1,2})(?:\s*([ap])\.?\s?m\b\.?)?(?![\d:.])/g;

/** "los tres mcSynch", "the three mcSynch workflows", "all three", "both", "todos". */
const ALL_COUNTED = new RegExp(
  String.raw`\b(?:(?:all|todos|todas)\s+)?(?:(?:los|las|the|all the|all of the|todos los)\s+)?${NUMBER}\s+(?:mc_?synch?s?|mc\s+synch?s?|workflows?|flujos?(?:\s+de\s+trabajo)?|sync\s+workflows?|procesos)\b|\b(?:all|todos(?: los)?)\s+${NUMBER}\b`,
  'g',
);
/** "three execution instances", "3 instancias de ejecución": one mcSynch workflow each (domain-notes.md). */
const ALL_INSTANCES = new RegExp(String.raw`\b${NUMBER}\s+(?:execution instances|rt instances|instancias(?: de ejecucion| rt)|instancias rt)\b`, 'g');
const ALL_PLAIN =
  /\b(?:all of them|all of the (?:mcsynch?s?|workflows)|all (?:the )?(?:mcsynch?s?|workflows|mcsync workflows|mcsynch workflows)|both(?: of them)?|ambos|todos(?: ellos)?|todos los (?:mcsynch?s?|flujos(?: de trabajo)?)|los (?:mcsynch?s|flujos mcsynch?)|the (?:mcsynch? workflows|mcsynch?s))\b/g;

/** Words of each instance (folded): the nearest to a schedule says which it is about; naming the instance or its workflow beats naming tracking. */
const INSTANCE_WORDS: ReadonlyArray<readonly [RegExp, InstanceSide, 'strong' | 'weak']> = [
  [/\b(?:mkt|marketing|control|sync|synch|sincroniz\w*|sincro|mc_?synch?\w*|mc synch?)\b/g, 'marketing', 'strong'],
  [/\b(?:rt|execution|ejecucion|real[- ]time|tiempo real)\b/g, 'execution', 'strong'],
  [/\b(?:tracking|seguimiento|tracking ?logs?|collect\w*|recopil\w*|recog\w*|recolect\w*|consolid\w*)\b/g, 'execution', 'weak'],
];

/** Words that make a time of day a schedule's. */
const SCHEDULE_WORDS =
  /\b(?:runs?|running|starts?|started|scheduled?|programad[oa]s?|planificad[oa]s?|corre|corren|se ejecuta|se ejecutan|ejecuta|ejecutan|arranca|arrancan|empieza|empiezan|se lanza|se lanzan|launch(?:es|ed)?|triggers?|triggered)\b/;

/** Where a sentence ends (not inside "6.30" or "a.m."). */
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/g;
/** Joints inside a sentence that end a list of names: a schedule's names do not cross them. */
const SEGMENT_JOINT = /;|:(?!\d)|\s[-–—]\s|\b(?:but|pero|while|whereas|mientras que|mientras|aunque|though|except|salvo|excepto|menos)\b/g;
/** Joints of clauses, for telling a restart's clause from a schedule's. */
const CLAUSE_JOINT = /[,;]|\b(?:and|y|e|but|pero|while|mientras)\b(?!\s+(?:\d|cuarto|media|quarter|half))/g;

export function readSchedules(text: string, context: ScheduleReadContext): ScheduleReading {
  const message = (typeof text === 'string' ? text : '').slice(0, 20_000).normalize('NFC').replace(/\r\n?/g, '\n');
  const names = namePattern(context.workflowName);
  const workflows = distinctNames([...message.matchAll(names)].map((match) => match[0]));
  const { prose, log } = splitLog(message);
  const mentions = [...readLog(log, context), ...readProse(prose, context)];
  let rest = message;
  for (const span of spansToBlank(prose, context)) rest = blank(rest, span.start, span.end);
  return { mentions, workflows, rest };
}

/** Lines that start with a "date time" stamp are a pasted journal; their positions are kept blank in the prose. */
function splitLog(message: string): { prose: string; log: string } {
  const prose: string[] = [];
  const log: string[] = [];
  for (const line of message.split('\n')) {
    const start = logStartIn(line);
    if (start >= 0 && /^[\s>*•·-]*$/.test(line.slice(0, start))) {
      log.push(line);
      prose.push(' '.repeat(line.length));
    } else prose.push(line);
  }
  return { prose: prose.join('\n'), log: log.join('\n') };
}

// ---------------------------------------------------------------- journal lines

/**
 * Journal lines of each workflow: the lines of one run come within a minute of each other
 * (an mcSynch run takes seconds), runs further apart. Several runs give the period (the most
 * common gap between run starts, the shortest on a tie) and the minute of the first run; one
 * run gives its minute only.
 */
function readLog(log: string, context: ScheduleReadContext): ScheduleMention[] {
  if (!log.trim()) return [];
  const { entries, workflows } = parseLogLines(log, { errorSignatures: [], workflowName: context.workflowName });
  const byWorkflow = new Map<string, { name: string; entries: LogEntry[] }>();
  for (const entry of entries) {
    // A line with no workflow name belongs to the only workflow of the paste, if there is one.
    const name = entry.workflow ?? (workflows.length === 1 ? workflows[0] : undefined);
    if (!name) continue;
    const key = workflowKey(name);
    const group = byWorkflow.get(key) ?? { name, entries: [] };
    group.entries.push(entry);
    byWorkflow.set(key, group);
  }
  const mentions: ScheduleMention[] = [];
  for (const { name, entries: lines } of byWorkflow.values()) {
    const starts = runStarts(lines);
    if (starts.length === 0) continue;
    const mention: ScheduleMention = { workflows: [name], source: 'log', runs: starts.length, instance: 'marketing' };
    const period = periodOf(starts);
    if (period !== undefined) mention.periodMinutes = period;
    mention.startMinute = startOf(starts, period);
    const offsets = new Set(lines.map((line) => line.offsetMinutes));
    const [offset] = [...offsets];
    if (offsets.size === 1 && offset !== undefined) mention.zone = offsetZone(offset);
    mentions.push(mention);
  }
  return mentions;
}

/** Minutes since the first date in the paste (or minutes of the day when there are no dates), in order. */
function runStarts(lines: readonly LogEntry[]): number[] {
  const days = lines.flatMap((line) => (line.date ? [Date.parse(`${line.date}T00:00:00Z`) / 86_400_000] : []));
  const firstDay = days.length > 0 ? Math.min(...days) : 0;
  const seconds = lines
    .map((line) => {
      const day = line.date ? Date.parse(`${line.date}T00:00:00Z`) / 86_400_000 - firstDay : 0;
      return { at: (day * MINUTES_PER_DAY + line.time.minuteOfDay) * 60 + (line.time.second ?? 0), exact: line.time.second !== undefined };
    })
    .sort((a, b) => a.at - b.at);
  const starts: number[] = [];
  let last: { at: number; exact: boolean } | undefined;
  for (const line of seconds) {
    // Within a minute of the line before (seconds known), or the same or next minute (not known): the same run.
    const sameRun = last !== undefined && (line.exact && last.exact ? line.at - last.at <= 60 : Math.floor(line.at / 60) - Math.floor(last.at / 60) <= 1);
    if (!sameRun) starts.push(Math.floor(line.at / 60));
    last = line;
  }
  return starts;
}

function periodOf(starts: readonly number[]): number | undefined {
  if (starts.length < 2) return undefined;
  const counts = new Map<number, number>();
  for (let k = 1; k < starts.length; k++) {
    const gap = starts[k]! - starts[k - 1]!;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best: { gap: number; count: number } | undefined;
  for (const [gap, count] of counts) if (!best || count > best.count || (count === best.count && gap < best.gap)) best = { gap, count };
  return best ? Math.min(best.gap, MINUTES_PER_DAY) : undefined;
}

/** The most common minute of the runs within the period (the first run's on a tie), as a minute of the day. */
function startOf(starts: readonly number[], period: number | undefined): number {
  const first = starts[0]! % MINUTES_PER_DAY;
  if (period === undefined) return first;
  const counts = new Map<number, number>();
  for (const start of starts) counts.set(start % period, (counts.get(start % period) ?? 0) + 1);
  let best = { offset: first % period, count: 0 };
  for (const [offset, count] of counts) if (count > best.count) best = { offset, count };
  return best.offset;
}

// ---------------------------------------------------------------- typed schedules

type TokenKind = 'name' | 'all' | 'every' | 'minute' | 'clock';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  name?: string;
  count?: number;
  period?: number;
  minute?: number;
}

function readProse(prose: string, context: ScheduleReadContext): ScheduleMention[] {
  const mentions: ScheduleMention[] = [];
  for (const sentence of sentences(prose)) {
    const tokens = tokensOf(sentence.text, context);
    const groups = groupsOf(tokens);
    const folded = fold(sentence.text);
    const joints = [...folded.matchAll(SEGMENT_JOINT)].map((match) => ({ at: match.index, colon: match[0] === ':' }));
    const segmentOf = (at: number) => joints.filter((joint) => joint.at < at).length;
    // A colon introduces the names of what comes before it ("every hour: mcSynch_mcExec1 and mcSynch_mcExec2").
    const segmentAfter = (at: number) => joints.filter((joint) => joint.at < at && !joint.colon).length;
    const claimed = new Set<Token>();
    // Each group takes the names before it (since the group before, in its segment); a group with none, those after it.
    const owners = groups.map((group, k) => {
      const from = groups[k - 1]?.at(-1)?.end ?? 0;
      const before = tokens.filter(
        (t) => (t.kind === 'name' || t.kind === 'all') && t.start >= from && t.end <= group[0]!.start && segmentOf(t.start) === segmentOf(group[0]!.start),
      );
      before.forEach((t) => claimed.add(t));
      return before;
    });
    groups.forEach((group, k) => {
      if (owners[k]!.length > 0) return;
      const to = groups[k + 1]?.[0]?.start ?? sentence.text.length;
      const after = tokens.filter(
        (t) =>
          (t.kind === 'name' || t.kind === 'all') && !claimed.has(t) && t.start >= group.at(-1)!.end && t.end <= to && segmentAfter(t.start) === segmentAfter(group.at(-1)!.end),
      );
      after.forEach((t) => claimed.add(t));
      owners[k] = after;
    });
    groups.forEach((group, k) => {
      const mention: ScheduleMention = { workflows: distinctNames(owners[k]!.flatMap((t) => (t.name ? [t.name] : []))), source: 'typed' };
      const all = owners[k]!.find((t) => t.kind === 'all');
      if (all) mention.all = all.count === undefined ? {} : { count: all.count };
      const every = group.find((t) => t.kind === 'every');
      const clock = group.find((t) => t.kind === 'clock');
      const minute = group.find((t) => t.kind === 'minute');
      if (every) mention.periodMinutes = every.period!;
      if (clock) mention.startMinute = clock.minute!;
      else if (minute) {
        mention.startMinute = minute.minute!;
        mention.minuteOfHour = true;
      }
      if (clock) {
        const zone = recognizeZones(sentence.text, context.language).find((z) => !z.bare)?.zone;
        if (zone) mention.zone = zone;
      }
      const segmentStart = joints.filter((joint) => joint.at < group[0]!.start && !joint.colon).at(-1)?.at ?? 0;
      const instance = instanceOf(folded, tokens, group, groups[k - 1]?.at(-1)?.end ?? 0, groups[k + 1]?.[0]?.start ?? folded.length, segmentStart);
      if (instance) mention.instance = instance;
      mentions.push(mention);
    });
  }
  return mentions;
}

/** The spans of the prose that are schedule talk: blanked for readFacts. */
function spansToBlank(prose: string, context: ScheduleReadContext): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const sentence of sentences(prose)) {
    const tokens = tokensOf(sentence.text, context);
    const inGroups = new Set(groupsOf(tokens).flat());
    for (const token of tokens) {
      if (inGroups.has(token) || token.kind === 'all') spans.push({ start: sentence.start + token.start, end: sentence.start + token.end });
    }
  }
  return spans;
}

function sentences(prose: string): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const match of prose.matchAll(SENTENCE_END)) {
    parts.push({ text: prose.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  parts.push({ text: prose.slice(start), start });
  return parts.filter((part) => /[\p{L}\p{N}]/u.test(part.text));
}

/** The tokens of a sentence, in order; schedule tokens in a clause about the restart are left out (that is a restart time). */
function tokensOf(text: string, context: ScheduleReadContext): Token[] {
  let folded = fold(text);
  const tokens: Token[] = [];
  const take = (kind: TokenKind, start: number, end: number, more: Partial<Token> = {}) => {
    tokens.push({ kind, start, end, ...more });
    folded = blank(folded, start, end);
  };
  for (const match of text.matchAll(namePattern(context.workflowName))) take('name', match.index, match.index + match[0].length, { name: match[0] });
  for (const match of folded.matchAll(ALL_COUNTED)) {
    const count = numberOf(match[1] ?? match[2] ?? '');
    // "a workflow", "un flujo": one is not all of them.
    if (count === 1) continue;
    take('all', match.index, match.index + match[0].length, count !== undefined && count > 1 ? { count } : {});
  }
  for (const match of folded.matchAll(ALL_INSTANCES)) {
    const count = numberOf(match[1]!);
    if (count !== undefined && count > 1) take('all', match.index, match.index + match[0].length, { count });
  }
  for (const match of folded.matchAll(ALL_PLAIN)) take('all', match.index, match.index + match[0].length);
  for (const match of folded.matchAll(EVERY_N)) {
    const count = numberOf(match[1]!);
    const unit = match[2]!;
    if (count === undefined || count <= 0) continue;
    const period = /^(?:h|hora|hour|hr)/.test(unit) ? count * 60 : /^(?:d|dia|day)/.test(unit) ? count * MINUTES_PER_DAY : count;
    take('every', match.index, match.index + match[0].length, { period });
  }
  for (const [pattern, period] of EVERY_UNIT) for (const match of folded.matchAll(pattern)) take('every', match.index, match.index + match[0].length, { period });
  for (const [pattern, read] of MINUTE_OF_HOUR) {
    for (const match of folded.matchAll(pattern)) {
      const minute = read(match);
      if (minute !== undefined && minute >= 0 && minute < 60) take('minute', match.index, match.index + match[0].length, { minute });
    }
  }
  for (const match of folded.matchAll(CLOCK)) {
    const hour = Number(match[1] ?? match[4]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    const meridiem = match[3] ?? match[5];
    if (hour > 23 || minute > 59 || (meridiem && (hour === 0 || hour > 12))) continue;
    const h = meridiem ? (hour % 12) + (meridiem === 'p' ? 12 : 0) : hour;
    take('clock', match.index, match.index + match[0].length, { minute: h * 60 + minute });
  }
  // A schedule token in a clause about the restart ("the server restarts every day at 06:00") is the restart's; a time
  // of day alone is a schedule only with a word that says so ("corre a las 6:30"), not "the deadlock at 10:00".
  const whole = fold(text);
  const clauses = clauseBounds(whole);
  const clauseOf = (token: Token) => clauses.find((bounds) => token.start >= bounds.start && token.start < bounds.end) ?? { start: 0, end: whole.length };
  return tokens
    .filter((token) => {
      if (token.kind === 'name' || token.kind === 'all') return true;
      const clause = clauseOf(token);
      const words = whole.slice(clause.start, clause.end);
      if (roleCue(words)?.role === 'restart') return false;
      if (token.kind !== 'clock') return true;
      return SCHEDULE_WORDS.test(words) || tokens.some((other) => other.kind !== 'clock' && other.kind !== 'name' && other.kind !== 'all' && clauseOf(other) === clause);
    })
    .sort((a, b) => a.start - b.start);
}

function clauseBounds(folded: string): Array<{ start: number; end: number }> {
  const bounds: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of folded.matchAll(CLAUSE_JOINT)) {
    bounds.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  bounds.push({ start, end: folded.length });
  return bounds;
}

/** Schedule tokens next to each other (no name between, one of each kind) are one schedule. */
function groupsOf(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'name' || token.kind === 'all') {
      if (current.length > 0) groups.push(current);
      current = [];
      continue;
    }
    const clash = current.some((t) => t.kind === token.kind || (t.kind !== 'every' && token.kind !== 'every'));
    if (clash) {
      groups.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The instance a schedule is about: the nearest word naming an instance (or its workflow)
 * before it in its segment, else the nearest tracking word before it, else the first word
 * after it (before the next schedule).
 */
function instanceOf(folded: string, tokens: readonly Token[], group: readonly Token[], from: number, to: number, segmentStart: number): InstanceSide | undefined {
  let text = folded;
  // Workflow names are the marketing side's (mcSynch runs on the control instance), whatever "mcExec" says.
  for (const token of tokens)
    if (token.kind === 'name') text = text.slice(0, token.start) + 'mcsynch'.padEnd(token.end - token.start).slice(0, token.end - token.start) + text.slice(token.end);
  const found: Array<{ at: number; side: InstanceSide; strength: 'strong' | 'weak' }> = [];
  for (const [pattern, side, strength] of INSTANCE_WORDS) for (const match of text.matchAll(pattern)) found.push({ at: match.index, side, strength });
  const start = group[0]!.start;
  const end = group.at(-1)!.end;
  const before = found.filter((f) => f.at >= Math.max(from, segmentStart) && f.at < start).sort((a, b) => b.at - a.at);
  const chosen = before.find((f) => f.strength === 'strong') ?? before[0];
  if (chosen) return chosen.side;
  return found.filter((f) => f.at >= end && f.at < to).sort((a, b) => a.at - b.at)[0]?.side;
}

function numberOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

function minuteWord(word: string): number | undefined {
  if (word === 'cuarto' || word === 'quarter') return 15;
  if (word === 'media' || word === 'half') return 30;
  return numberOf(word);
}

function namePattern(pattern: RegExp): RegExp {
  const flags = new Set(pattern.flags.replace('y', ''));
  flags.add('g');
  flags.add('i');
  return new RegExp(pattern.source, [...flags].join(''));
}

function distinctNames(names: readonly string[]): string[] {
  const kept: string[] = [];
  for (const name of names) if (!kept.some((seen) => sameWorkflow(seen, name))) kept.push(name);
  return kept;
}
