/**
 * Reads everything a message says about the case, by meaning, whatever question is open:
 * error and restart times (each role told by the words around it, clause by clause), the
 * restart's duration, the server's and the console's zones, workflow names, pasted log
 * lines, corrections, vague times, "I don't know", "use the default", questions, yes/no.
 *
 * Times of day are read by src/time/parseTime.ts one clause at a time; log lines by
 * src/time/logLines.ts (through logFacts.ts); zones by zones.ts. This module only decides
 * what each piece is about. It says nothing to the user: the dialog owns the wording.
 */
import type { Language } from '../kb/types';
import { recognizeYesNo } from '../language/intents';
import type { LogPatterns } from '../time/logLines';
import { parseTime } from '../time/parseTime';
import { ENGLISH, SPANISH } from '../time/timeWords';
import {
  ADDITIVE,
  CONSOLE_WORDS,
  CORRECTION,
  CORRECTION_PHRASES,
  FREQUENCY,
  isDontKnowText,
  LOG_WORDS,
  NO_THEN,
  PARTS_OF_DAY,
  QUESTION,
  roleCue,
  SAME_AS_SERVER,
  SERVER_WORDS,
  USE_DEFAULT,
  USE_DEFAULT_ALL,
  VAGUE,
  VAGUE_NOISE,
  ZONE_WORDS,
  type PartOfDay,
  type RoleCue,
} from './cues';
import { findDurations } from './duration';
import { blank, fold } from './fold';
import { logStartIn, readLogFacts, sameFact } from './logFacts';
import { roleOfQuestion, type AnsweredQuestion, type Expecting, type Role, type TimeFact } from './types';
import { isServerZone, recognizeZones, SERVER_ZONE, type ZoneMention, type ZoneRef } from './zones';

/** A time and what it is the time of ('unknown': no word said, and no open question asked for it). */
export interface ReadTime extends TimeFact {
  role: Role | 'unknown';
}

type QuestionKind = 'whereRestartTime' | 'whereErrorTime' | 'whatZone' | 'general';

export interface Reading {
  /** Error and restart times, pasted log lines first, then as written. */
  times: ReadTime[];
  /** Log lines of runs that went well: never error times. */
  successes: TimeFact[];
  /** Workflow names anywhere in the message, in order, without repeats (ignoring case). */
  workflows: string[];
  restartDurationMinutes?: number;
  serverZone?: ZoneRef;
  /** SERVER_ZONE for "la misma que el servidor". */
  consoleZone?: ZoneRef;
  /** A zone said with nothing to tell what it is the zone of, and no time to attach it to. */
  zone?: ZoneRef;
  /** The message corrects an earlier answer: its times replace those of their role. */
  correction?: true;
  /** The role the correction is about (its words, else the question answered before). */
  correctionRole?: Role;
  /** "No lo sé", and what about. */
  dontKnow?: Role | 'zone' | 'unknown';
  /** "El de por defecto": the check's default restart time. */
  useDefault?: true;
  /** A question instead of an answer (only when the message holds no time). */
  question?: QuestionKind;
  /** Yes or no (only when the message holds no time and corrects nothing). */
  yesNo?: boolean;
  /** "Early morning", "por la tarde": a part of the day but no hour. */
  partOfDay?: { role: Role | 'unknown'; part: PartOfDay };
  /** Times written so that they cannot be read ("6:2" could be 06:02 or 06:20; "25:99"). */
  unreadTimes?: Array<{ role: Role | 'unknown'; reason: 'ambiguous' | 'invalid' }>;
  /** The check's error message is in the text (typed or pasted). */
  errorMessage?: true;
}

export interface ReadContext {
  language: Language;
  /** The question the dialog has open. */
  expecting?: Expecting;
  /** The question answered before it: what an uncued correction is about. */
  lastAnswered?: AnsweredQuestion;
  /** The check's patterns (checkPatterns(check) in src/kb/checkData.ts). */
  patterns: LogPatterns;
  /** Where the text came from: a card's input or a typed message. */
  input?: 'typed' | 'card';
}

/** Longer messages are read this far (a pasted log of a few screens is still whole). */
const MAX_FACTS_INPUT_LENGTH = 20_000;

export function readFacts(text: string, context: ReadContext): Reading {
  const message = (typeof text === 'string' ? text : '').slice(0, MAX_FACTS_INPUT_LENGTH).normalize('NFC').replace(/\r\n?/g, '\n');
  const { prose, log } = splitProseAndLog(message, context.patterns);
  const reading: Reading = { times: [], successes: [], workflows: workflowNames(message, context.patterns) };

  for (const part of log) {
    const facts = readLogFacts(part.text, context.patterns, part.plainRole);
    reading.times.push(...facts.errors.map((fact) => ({ ...fact, role: 'error' as const })));
    reading.times.push(...facts.restarts.map((fact) => ({ ...fact, role: 'restart' as const })));
    reading.successes.push(...facts.successes);
  }
  if (context.patterns.errorSignatures.some((signature) => signature.test(message))) reading.errorMessage = true;

  const proseFolded = fold(prose);
  const correction = (CORRECTION.test(proseFolded) || (NO_THEN.test(proseFolded) && /\d/.test(prose))) && !ADDITIVE.test(proseFolded);
  const clauses = readClauses(prose, context, correction, reading);
  placeZones(clauses, context, reading);

  const typed = clauses.flatMap((clause) => clause.times);
  for (const time of typed) if (!reading.times.some((seen) => seen.role === time.role && sameFact(seen, time))) reading.times.push(time);

  const cue = roleCue(blankAll(proseFolded, CORRECTION_PHRASES));
  if (correction) {
    reading.correction = true;
    const role = typed.find((time) => time.role !== 'unknown')?.role ?? cue?.role ?? roleOfQuestion(context.lastAnswered) ?? roleOfQuestion(context.expecting);
    if (role && role !== 'unknown') reading.correctionRole = role;
  }
  if (isDontKnowText(proseFolded, prose)) reading.dontKnow = dontKnowRole(proseFolded, cue, context.expecting);
  if (USE_DEFAULT.test(proseFolded)) reading.useDefault = true;
  if (reading.times.length === 0) {
    if (QUESTION.test(proseFolded)) reading.question = questionKind(proseFolded, cue, context.expecting);
    if (!correction && !reading.dontKnow) {
      const yesNo = recognizeYesNo(prose);
      if (yesNo !== undefined) reading.yesNo = yesNo;
    }
    const vague = clauses.find((clause) => clause.partOfDay);
    if (vague) reading.partOfDay = { role: vague.role, part: vague.partOfDay! };
  }
  const unread = clauses.filter((clause) => clause.problem).map((clause) => ({ role: clause.role, reason: clause.problem! }));
  if (unread.length > 0) reading.unreadTimes = unread;
  return reading;
}

interface LogPart {
  text: string;
  /** What an entry with no failure or success word is: the role the user's words before it gave. */
  plainRole: Role;
}

/**
 * Lines that start with a "date time" stamp are a pasted log, read as one. A stamp in the
 * middle of a line is a log line pasted (or a date typed) inside the user's sentence: the
 * words before it are prose, and so is what follows the error's text after a comma or a
 * full stop ("...: 2020-03-04 06:01:13 Empty return for method 'Logon', y el servidor se
 * reinicia a las 6").
 */
function splitProseAndLog(message: string, patterns: LogPatterns): { prose: string; log: LogPart[] } {
  const prose: string[] = [];
  const block: string[] = [];
  const log: LogPart[] = [];
  for (const line of message.split('\n')) {
    const start = logStartIn(line);
    if (start < 0) prose.push(line);
    else if (/^[\s>*•·-]*$/.test(line.slice(0, start))) block.push(line);
    else {
      const before = line.slice(0, start);
      const { logText, after } = splitTail(line.slice(start), patterns);
      const cue = roleCue(fold(before));
      prose.push(before, after);
      log.push({ text: logText, plainRole: cue?.role ?? 'error' });
    }
  }
  if (block.length > 0) log.unshift({ text: block.join('\n'), plainRole: 'error' });
  return { prose: prose.join('\n'), log };
}

/** After the error's text, a comma, semicolon or full stop and more words: the user talking again. */
function splitTail(text: string, patterns: LogPatterns): { logText: string; after: string } {
  let end = -1;
  for (const signature of patterns.errorSignatures) {
    const match = new RegExp(signature.source, signature.flags.replace(/[gy]/g, '')).exec(text);
    if (match) end = Math.max(end, match.index + match[0].length);
  }
  if (end < 0) return { logText: text, after: '' };
  const joint = /[,;]|\.(?=\s)/.exec(text.slice(end));
  if (!joint) return { logText: text, after: '' };
  const cut = end + joint.index;
  return { logText: text.slice(0, cut), after: text.slice(cut + 1) };
}

const globalPatterns = new WeakMap<RegExp, RegExp>();

/** The pattern, matching anywhere, every match, ignoring case (built once per pattern). */
function globalPattern(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (!global) {
    const flags = new Set(pattern.flags.replace('y', ''));
    flags.add('g');
    flags.add('i');
    global = new RegExp(pattern.source, [...flags].join(''));
    globalPatterns.set(pattern, global);
  }
  return global;
}

function workflowNames(text: string, patterns: LogPatterns): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(globalPattern(patterns.workflowName))) {
    if (match[0] && !names.some((seen) => seen.toLowerCase() === match[0].toLowerCase())) names.push(match[0]);
  }
  return names;
}

interface Clause {
  sentence: number;
  /** The clause's text, zones blanked, folded. */
  folded: string;
  zones: ZoneMention[];
  times: ReadTime[];
  role: Role | 'unknown';
  /** The role came from the clause's own words. */
  cued?: RoleCue;
  partOfDay?: PartOfDay;
  problem?: 'ambiguous' | 'invalid';
}

const NO_TIME = { ok: false, reason: 'unknown' } as const;

/**
 * An answer is a few clauses; past this many the rest of the prose is not read. The time
 * readers' fallbacks cost milliseconds a clause, and continuation lines of a pasted log
 * (stack traces) would otherwise each be read as a sentence.
 */
const MAX_CLAUSES = 40;

/** Worth handing to the time reader: a digit, or a word that can say an hour ("seis", "noon"). */
const TIME_MATTER = new RegExp(
  String.raw`\d|\b(?:${[...new Set([ENGLISH, SPANISH].flatMap((v) => [...v.numbers.keys(), ...v.tens.keys(), ...v.namedTimes.keys()]))].join('|')})\b`,
);

/** Approximation words the time grammar does not take as "at" ("falló tipo 6"): read as "a las" / "at". */
const VAGUE_BEFORE_NUMBER = /\b(?:tipo|sobre|hacia|alrededor de|a eso de|como a|cerca de|roughly|approx\w*|aprox\w*)\s+(?=\d)/giu;

/** Sentence ends, then the joints inside a sentence. */
const SENTENCE_END = /[.!?…]+(?=\s|$)|[¿¡]|\n+/;
// "y" and "and" join clauses, except before the minutes of the same time ("a las 6 y 2", "seis y cuarto").
const MINUTE_WORDS =
  '\\d+|cuarto|media|pico|algo|un cuarto|a half|half|minutos?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veinti\\w+|treinta|cuarenta|cincuenta';
const CLAUSE_JOINT = new RegExp(String.raw`[,;]|\s+(?:pero|but|aunque|though|although|mientras que|whereas|while)\s+|\s+(?:y|e|and)\s+(?!(?:${MINUTE_WORDS})\b)`, 'i');

function readClauses(prose: string, context: ReadContext, correction: boolean, reading: Reading): Clause[] {
  const clauses: Clause[] = [];
  const workflows = reading.workflows;
  const source = context.input === 'card' ? 'card' : 'typed';
  const expectingRole = roleOfQuestion(context.expecting);
  const fallbackRole = correction ? (roleOfQuestion(context.lastAnswered) ?? expectingRole) : expectingRole;
  const workflowPattern = globalPattern(context.patterns.workflowName);

  splitAll(tidy(prose), SENTENCE_END).forEach((sentence, sentenceIndex) => {
    let inherited: Role | undefined;
    for (const raw of splitAll(sentence, CLAUSE_JOINT)) {
      if (!/[\p{L}\p{N}]/u.test(raw) || clauses.length >= MAX_CLAUSES) continue;
      const zones = recognizeZones(raw, context.language);
      let text = raw;
      for (const zone of zones) text = blank(text, zone.start, zone.end);
      let folded = fold(text);
      for (const duration of findDurations(folded)) {
        reading.restartDurationMinutes = duration.minutes;
        folded = blank(folded, duration.start, duration.end);
        text = blank(text, duration.start, duration.end);
      }
      const cueText = blankAll(folded, CORRECTION_PHRASES);
      const signature = context.patterns.errorSignatures.some((pattern) => pattern.test(raw));
      let cue = roleCue(cueText, signature);
      if (!cue && USE_DEFAULT.test(folded)) cue = { role: 'restart', strength: 'weak' };
      const role: Role | 'unknown' = cue?.role ?? inherited ?? fallbackRole ?? 'unknown';
      if (cue) inherited = cue.role;

      const clause: Clause = { sentence: sentenceIndex, folded, zones, times: [], role };
      if (cue) clause.cued = cue;
      const date = dateIn(folded, context.language);
      let timeText = date ? blank(text, date.start, date.end) : text;
      for (const noise of [VAGUE_NOISE, FREQUENCY, USE_DEFAULT_ALL]) timeText = blankAll(timeText, noise, folded);
      // A workflow's name is no time ("mcSynch_mcExec1"), and its digits would send the clause to the slow readers.
      if (workflows.length > 0) timeText = blankAll(timeText, workflowPattern);
      timeText = timeText.replace(VAGUE_BEFORE_NUMBER, context.language === 'es' ? 'a las ' : 'at ');
      // "the default one": a lone number word beside "default" is no time.
      const timeFolded = fold(timeText);
      const parsed = !TIME_MATTER.test(timeFolded) || (USE_DEFAULT.test(folded) && !/\d/.test(timeText)) ? NO_TIME : parseTime(timeText, context.language);
      if (parsed.ok) {
        const vague = VAGUE.test(folded);
        const zone = zoneOfTimes(zones, true);
        const workflow = workflowNames(raw, context.patterns)[0] ?? (workflows.length === 1 && role === 'error' ? workflows[0] : undefined);
        const isDefault = role === 'restart' && USE_DEFAULT.test(folded);
        for (const time of parsed.times) {
          const fact: ReadTime = { minuteOfDay: time.minuteOfDay, source: isDefault ? 'default' : source, role };
          if (time.second !== undefined) fact.second = time.second;
          if (date) fact.date = date.iso;
          if (zone) fact.zone = zone;
          if (workflow && role === 'error') fact.workflow = workflow;
          if (vague && time.second === undefined && time.minuteOfDay % 5 === 0) fact.vague = true;
          clause.times.push(fact);
        }
      } else if (parsed.reason === 'ambiguous' || parsed.reason === 'invalid') {
        if (/\d/.test(timeText)) clause.problem = parsed.reason;
      } else {
        const part = PARTS_OF_DAY.find(([pattern]) => pattern.test(folded));
        if (part) clause.partOfDay = part[1];
      }
      clauses.push(clause);
    }
  });
  return clauses;
}

/** "a.m." and "aprox." would end a sentence at their dot. */
function tidy(prose: string): string {
  return prose.replace(/\b([ap])\s?\.\s?m\b\.?/gi, '$1m').replace(/\b(aprox|approx|hrs|hs|min|mins)\./gi, '$1');
}

function splitAll(text: string, separator: RegExp): string[] {
  return text.split(new RegExp(separator.source, separator.flags.replace('g', '') + 'g')).filter((part) => part !== undefined && part.trim() !== '');
}

/** Every match of `pattern` (global) in `folded` blanked in `text` (same length as folded). */
function blankAll(text: string, pattern: RegExp, folded: string = text): string {
  let result = text;
  for (const match of folded.matchAll(pattern)) result = blank(result, match.index, match.index + match[0].length);
  return result;
}

/**
 * The zone of a clause: a region first ("UTC+1 (Madrid)": the region knows its summer time,
 * the offset is usually today's reading of it), then a fixed offset, then "hora del
 * servidor". For times, a place named alone counts only beside an offset it explains.
 */
function zoneOfTimes(mentions: readonly ZoneMention[], forTimes = false): ZoneRef | undefined {
  const withOffset = mentions.some((mention) => !mention.bare && /^UTC[+-]/.test(mention.zone.name));
  const zones = forTimes && !withOffset ? mentions.filter((mention) => !mention.bare) : mentions;
  const named = zones.filter((mention) => !isServerZone(mention.zone));
  const region = named.find((mention) => !/^UTC[+-]/.test(mention.zone.name));
  return (region ?? named[0])?.zone ?? zones.find((mention) => isServerZone(mention.zone))?.zone;
}

/** The console or the server, named in the clause just before (same sentence, no time in it). */
function ownerBefore(clauses: readonly Clause[], index: number): 'console' | 'server' | undefined {
  const clause = clauses[index];
  const before = clauses[index - 1];
  if (!clause || !before || before.sentence !== clause.sentence || before.times.length > 0 || before.zones.length > 0) return undefined;
  if (CONSOLE_WORDS.test(before.folded)) return 'console';
  return SERVER_WORDS.test(before.folded) ? 'server' : undefined;
}

/**
 * Zones said without a time: the server's ("el servidor está en UTC"), the console's ("la
 * consola muestra hora de Bogotá"), or the zone of times said next to them ("a las 6:02.
 * Hora de Madrid"). Then, inside a sentence, one zone given to some times of a role goes to
 * the others of that role ("a las 6 y a las 18 hora de Madrid").
 */
function placeZones(clauses: Clause[], context: ReadContext, reading: Reading): void {
  clauses.forEach((clause, index) => {
    if (clause.times.length > 0) return;
    const zone = zoneOfTimes(clause.zones);
    const sameAsServer =
      SAME_AS_SERVER.test(clause.folded) || (context.expecting === 'consoleZone' && /^\s*(?:la misma|lo mismo|igual|the same|same|same one)\s*$/.test(clause.folded));
    if (sameAsServer) {
      reading.consoleZone = SERVER_ZONE;
      return;
    }
    if (!zone) return;
    const concrete = isServerZone(zone) ? undefined : zone;
    if (CONSOLE_WORDS.test(clause.folded)) reading.consoleZone = zone;
    else if (SERVER_WORDS.test(clause.folded) && concrete) reading.serverZone = concrete;
    else if (context.expecting === 'consoleZone') reading.consoleZone = zone;
    // "El log del servidor, que está en UTC": the clause before, in the same sentence, says whose zone it is.
    else if (ownerBefore(clauses, index) === 'console') reading.consoleZone = zone;
    else if (ownerBefore(clauses, index) === 'server' && concrete) reading.serverZone = concrete;
    // A place named alone is a zone only in a statement about the console or the server.
    else if (clause.zones.every((mention) => mention.bare)) return;
    else if (clause.cued?.role === 'restart' && clause.cued.strength === 'strong') {
      if (!attachZone(clauses, 'restart', zone) && concrete) reading.serverZone = concrete;
    } else if (clause.cued?.role === 'error') {
      if (!attachZone(clauses, 'error', zone)) reading.consoleZone = zone;
    } else {
      const neighbour = [clauses[index - 1], clauses[index + 1]].find((other) => other && other.times.some((time) => !time.zone));
      if (neighbour) for (const time of neighbour.times) time.zone ??= zone;
      else reading.zone = zone;
    }
  });

  for (const sentence of new Set(clauses.map((clause) => clause.sentence))) {
    const times = clauses.filter((clause) => clause.sentence === sentence).flatMap((clause) => clause.times);
    for (const role of ['error', 'restart', 'unknown'] as const) {
      const ofRole = times.filter((time) => time.role === role);
      const zones = new Set(ofRole.flatMap((time) => (time.zone ? [time.zone.name] : [])));
      if (zones.size !== 1) continue;
      const zone = ofRole.find((time) => time.zone)!.zone!;
      for (const time of ofRole) time.zone ??= zone;
    }
  }
}

/** Gives `zone` to the times of `role` that have none; false when there were none. */
function attachZone(clauses: Clause[], role: Role, zone: ZoneRef): boolean {
  const times = clauses.flatMap((clause) => clause.times).filter((time) => time.role === role && !time.zone);
  for (const time of times) time.zone = zone;
  return times.length > 0;
}

function dontKnowRole(folded: string, cue: RoleCue | undefined, expecting: Expecting | undefined): Role | 'zone' | 'unknown' {
  if (ZONE_WORDS.test(folded) || /\bzona\b/.test(folded)) return 'zone';
  if (cue) return cue.role;
  if (expecting === 'consoleZone') return 'zone';
  return roleOfQuestion(expecting) ?? 'unknown';
}

function questionKind(folded: string, cue: RoleCue | undefined, expecting: Expecting | undefined): QuestionKind {
  if (ZONE_WORDS.test(folded) || /\bzona\b/.test(folded)) return 'whatZone';
  if (cue?.role === 'restart' && cue.strength === 'strong') return 'whereRestartTime';
  if (cue?.role === 'error' || LOG_WORDS.test(folded)) return 'whereErrorTime';
  if (cue?.role === 'restart') return 'whereRestartTime';
  if (expecting === 'errorTime') return 'whereErrorTime';
  if (expecting === 'restartTime') return 'whereRestartTime';
  if (expecting === 'consoleZone') return 'whatZone';
  return 'general';
}

/** A written date (2026-03-28, 28/03/2026): day first in Spanish, month first in English, unless impossible. */
function dateIn(folded: string, language: Language): { iso: string; start: number; end: number } | undefined {
  const match = /(?<![\d/.:-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))(?![\d/.-])/.exec(folded);
  if (!match) return undefined;
  const [whole, year, month, day, first, second, otherYear] = match;
  let iso: string | undefined;
  if (year !== undefined) iso = isoDate(Number(year), Number(month), Number(day));
  else {
    const dayFirst = isoDate(Number(otherYear), Number(second), Number(first));
    const monthFirst = isoDate(Number(otherYear), Number(first), Number(second));
    iso = language === 'en' ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst);
  }
  return iso ? { iso, start: match.index, end: match.index + whole.length } : undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
