/**
 * Reads times of day out of tokens: "06:02", "a las seis y cuarto", "quarter to seven",
 * "10 de la noche", "six oh two". Written by hand because the general date parsers get
 * the short Spanish forms wrong rather than not at all (chrono reads "a las 6 y 2" as
 * 06:00 and "las 6 menos cuarto" as 06:00), and a wrong time is worse than none here.
 *
 * To keep "hay 2 y 3 errores" from becoming 02:03, a phrase made only of numbers counts
 * as a time when something says it is one: a clock reading, an anchor before it ("at",
 * "a las"), a half-of-day after it ("pm", "de la tarde"), clock-only words ("quarter",
 * "y media", "o'clock"), or nothing else in the message but filler ("six thirty").
 */
import { addMinutes, clockTime, type ClockTime } from './clock';
import { applyDayPart, type DayPart } from './dayPart';
import type { TimeToken } from './timeTokens';
import type { DayPartPhrase, TimeVocabulary } from './timeWords';

export interface GrammarFindings {
  times: ClockTime[];
  /** Phrases that are clearly times but impossible ones ("25:99", "a las 6 y 75"). */
  invalid: number;
  /** Phrases that are clearly times but could be two ("6:2", "12 de la mañana", "2000"). */
  ambiguous: number;
}

export interface GrammarOptions {
  /**
   * Reading a message in the other language than the one detected: a lone word such as
   * "once" (Spanish eleven) must not count, so whole-message answers need two words or more.
   */
  readonly otherLanguage?: boolean;
}

/** One phrase read as a time, before deciding whether the message really meant it as one. */
interface Candidate {
  start: number;
  end: number;
  /** The hour as said (0..24, or more when mistyped). */
  hour: number;
  /** Minutes from hour:00, negative for "quarter to". */
  offset: number;
  second?: number;
  dayPart?: DayPart;
  /** Clock-only evidence: the phrase cannot be anything but a time. */
  clockOnly: boolean;
  /** "6 hours", "6 horas": a duration unless an anchor or a half-of-day says otherwise. */
  durationLike?: boolean;
  problem?: 'invalid' | 'ambiguous';
}

export function findTimes(tokens: readonly TimeToken[], vocabulary: TimeVocabulary, options: GrammarOptions = {}): GrammarFindings {
  const findings: GrammarFindings = { times: [], invalid: 0, ambiguous: 0 };
  const reader = new PhraseReader(tokens, vocabulary);
  for (let i = 0; i < tokens.length;) {
    const candidate = reader.readAt(i);
    if (!candidate) {
      i += 1;
      continue;
    }
    if (!isMeantAsTime(candidate, reader, options)) {
      i += 1;
      continue;
    }
    i = candidate.end;
    const time = candidate.problem ? candidate.problem : resolve(candidate);
    if (time === 'invalid') findings.invalid += 1;
    else if (time === 'ambiguous') findings.ambiguous += 1;
    else findings.times.push(time);
  }
  return findings;
}

function isMeantAsTime(candidate: Candidate, reader: PhraseReader, options: GrammarOptions): boolean {
  if (candidate.clockOnly || candidate.dayPart !== undefined || reader.isAnchored(candidate)) return true;
  if (candidate.durationLike) return false;
  if (options.otherLanguage && candidate.end - candidate.start < 2) return false;
  return reader.isAloneInMessage(candidate);
}

function resolve(candidate: Candidate): ClockTime | 'invalid' | 'ambiguous' {
  // 24:00 is midnight; 24:30 is not a time.
  if (candidate.hour === 24 && candidate.offset > 0) return 'invalid';
  const reading = applyDayPart(candidate.hour, candidate.dayPart);
  if (!reading.ok) return reading.reason;
  const base = clockTime(reading.hour, 0);
  if (!base) return 'invalid';
  const moved = addMinutes(base, candidate.offset);
  return candidate.second === undefined ? moved : { minuteOfDay: moved.minuteOfDay, second: candidate.second };
}

/** May stand before "cuarto"/"quarter" without being a number. */
const ARTICLES = new Set(['un', 'a']);

/** "las 5 y las 7": a conjunction after a bare "las 5" ends the phrase as well as a comma does. */
const CONJUNCTIONS = new Set(['y', 'e', 'o', 'u', 'and', 'or']);

/** After an hour, these make it a duration ("hace 2 horas") unless something else says it is a time. */
const DURATION_NOUNS = new Set(['hours', 'horas']);

/** The minute counts people say before the hour without "minutes": "ten to", "veinte para". */
const USUAL_MINUTES_BEFORE_HOUR = new Set([5, 10, 15, 20, 25]);

class PhraseReader {
  constructor(
    private readonly tokens: readonly TimeToken[],
    private readonly vocabulary: TimeVocabulary,
  ) {}

  readAt(i: number): Candidate | undefined {
    return this.readMinutesBeforeHour(i) ?? this.readHourFirst(i);
  }

  /**
   * "at 6", "a las 6". Spanish "las" is also a plain article ("tengo las 3 instancias"), so
   * it anchors only after a lead word ("a las", "sobre las", "son las") or when the phrase
   * is followed by nothing but punctuation or filler.
   */
  isAnchored(candidate: { start: number; end: number }): boolean {
    const v = this.vocabulary;
    if (!this.hasAnchorBefore(candidate.start)) return false;
    if (v.anchorLeads === undefined || v.anchorLeads.has(this.wordAt(candidate.start - 2) ?? '')) return true;
    const after = this.tokens[candidate.end];
    return after === undefined || after.kind === 'break' || (after.kind === 'word' && (v.fillers.has(after.word) || CONJUNCTIONS.has(after.word)));
  }

  private hasAnchorBefore(start: number): boolean {
    return this.vocabulary.anchors.has(this.wordAt(start - 1) ?? '');
  }

  /** True when every token outside the candidate is filler or punctuation. */
  isAloneInMessage(candidate: Candidate): boolean {
    return this.tokens.every((token, i) => {
      if (i >= candidate.start && i < candidate.end) return true;
      return token.kind === 'break' || (token.kind === 'word' && this.vocabulary.fillers.has(token.word));
    });
  }

  /** "half past six", "quarter to seven", "ten after 6", "veinte para las siete". */
  private readMinutesBeforeHour(i: number): Candidate | undefined {
    const v = this.vocabulary;
    const first = this.wordAt(i);
    let minutes: number;
    let j: number;
    // How the minutes were said decides whether "X to H" is a time or a range.
    let saidAs: 'fraction' | 'word' | 'digits';
    if (first !== undefined && v.fractions.has(first)) {
      minutes = v.fractions.get(first)!;
      j = i + 1;
      saidAs = 'fraction';
    } else {
      const number = this.readNumber(i, 59);
      if (!number) return undefined;
      minutes = number.value;
      j = number.next;
      saidAs = first === undefined ? 'digits' : 'word';
    }
    const withMinuteNoun = v.minuteNouns.has(this.wordAt(j) ?? '');
    if (withMinuteNoun) j += 1;
    const connector = this.wordAt(j) ?? '';
    // British "half six" is 06:30.
    if (first === 'half' && saidAs === 'fraction' && !v.past.has(connector)) {
      const hour = this.readHour(j);
      if (hour) return this.withDayPart({ start: i, end: hour.next, hour: hour.value, offset: 30, clockOnly: true });
    }
    let sign: 1 | -1;
    if (v.past.has(connector)) sign = 1;
    else if (v.to.has(connector) && minutes !== 30) sign = -1;
    else return undefined;
    let problem: Candidate['problem'];
    // "from six to seven" is a range; "ten to seven", "quarter to seven" and "8 minutes to 7" are times;
    // "5 to 7" could be either.
    if (sign === -1 && !withMinuteNoun && saidAs !== 'fraction') {
      if (saidAs === 'digits') problem = 'ambiguous';
      else if (!USUAL_MINUTES_BEFORE_HOUR.has(minutes)) return undefined;
    }
    j += 1;
    if (this.wordAt(j) === 'de') j += 1;
    if (v.anchors.has(this.wordAt(j) ?? '')) j += 1;
    const hour = this.readHour(j);
    if (!hour) return undefined;
    const candidate: Candidate = { start: i, end: hour.next, hour: hour.value, offset: sign * minutes, clockOnly: problem === undefined };
    if (minutes === 0) candidate.problem = 'invalid';
    else if (problem) candidate.problem = problem;
    return this.withDayPart(candidate);
  }

  private readHourFirst(i: number): Candidate | undefined {
    const token = this.tokens[i];
    if (!token) return undefined;
    if (token.kind === 'clock') {
      // "6.02" may be a version or a price in a sentence; "6:02" and "6h02" are times anywhere.
      const candidate: Candidate = { start: i, end: i + 1, hour: token.hour, offset: token.minute, clockOnly: token.separator !== '.' };
      if (token.second !== undefined) candidate.second = token.second;
      if (token.hour > 24 || token.minute > 59 || (token.second ?? 0) > 59) candidate.problem = 'invalid';
      return this.withDayPart(candidate);
    }
    if (token.kind === 'vagueClock') return { start: i, end: i + 1, hour: 0, offset: 0, clockOnly: true, problem: 'ambiguous' };
    if (token.kind === 'word') {
      const named = this.vocabulary.namedTimes.get(token.word);
      // "mediodía y cuarto", "midnight thirty".
      if (named) return this.withDayPart({ ...this.readMinutesAfterHour({ start: i, end: i + 1, hour: named.hour, offset: named.minute, clockOnly: true }), clockOnly: true });
    }
    if (token.kind === 'number' && (token.digits.length === 3 || token.digits.length === 4)) return this.readMilitary(i, token.digits);
    const hour = this.readHour(i);
    if (!hour) return this.readOutOfRangeHour(i);
    return this.withDayPart(this.readMinutesAfterHour({ start: i, end: hour.next, hour: hour.value, offset: 0, clockOnly: false }));
  }

  /** What may follow a spoken hour: "y cuarto", "menos 10", "oh two", "thirty", "en punto", "horas". */
  private readMinutesAfterHour(candidate: Candidate): Candidate {
    const v = this.vocabulary;
    const j = candidate.end;
    const next = this.wordAt(j);
    if (next !== undefined && (v.plus.has(next) || v.minus.has(next))) {
      const sign = v.plus.has(next) ? 1 : -1;
      // "y cuarto", "y un cuarto", "menos cuarto".
      const article = ARTICLES.has(this.wordAt(j + 1) ?? '') ? 1 : 0;
      const fraction = v.fractions.get(this.wordAt(j + 1 + article) ?? '');
      if (fraction !== undefined && !(sign === -1 && fraction === 30)) {
        return { ...candidate, end: j + 2 + article, offset: sign * fraction, clockOnly: true };
      }
      const minutes = this.readNumber(j + 1, 99);
      if (minutes) {
        const end = this.skipMinuteNoun(minutes.next);
        const updated: Candidate = { ...candidate, end, offset: sign * minutes.value };
        if (minutes.value > 59 || (sign === -1 && minutes.value === 0)) updated.problem = 'invalid';
        return updated;
      }
      return candidate;
    }
    if (next !== undefined && v.zeroes.has(next)) {
      const unit = this.readNumber(j + 1, 9);
      if (unit && unit.value > 0) return { ...candidate, end: unit.next, offset: unit.value, clockOnly: next === 'oh' };
    }
    // "six thirty", "las seis cuarenta", "at 6 30", "las tres cinco": a minute said straight after the hour.
    // A small number word may also start the next phrase ("a las seis dos errores"), so it must end one.
    const direct = this.readNumber(j, 59);
    if (direct && (this.tokens[j]!.kind === 'word' ? direct.value >= 10 || (direct.value >= 2 && this.endsPhrase(direct.next)) : this.digitsAt(j)?.length === 2)) {
      return { ...candidate, end: this.skipMinuteNoun(direct.next), offset: direct.value };
    }
    const oClock = this.matchSequence(j, v.oClock);
    if (oClock !== undefined) return { ...candidate, end: oClock, clockOnly: true };
    if (next !== undefined && v.hourNouns.has(next)) return this.readMinutesAfterHourNoun({ ...candidate, end: j + 1, durationLike: DURATION_NOUNS.has(next) });
    return candidate;
  }

  /** "seis horas y dos minutos", "6 hours 2 minutes": the minutes need their noun here. */
  private readMinutesAfterHourNoun(candidate: Candidate): Candidate {
    let j = candidate.end;
    const joiner = this.wordAt(j);
    if (joiner !== undefined && (this.vocabulary.plus.has(joiner) || joiner === 'and')) j += 1;
    const minutes = this.readNumber(j, 59);
    if (!minutes || !this.vocabulary.minuteNouns.has(this.wordAt(minutes.next) ?? '')) return candidate;
    return { ...candidate, end: minutes.next + 1, offset: minutes.value };
  }

  /** "0602", "1830 hours": an hour and minute run together; only as a whole answer, anchored, or with "h". */
  private readMilitary(i: number, digits: string): Candidate | undefined {
    const padded = digits.padStart(4, '0');
    const hour = Number(padded.slice(0, 2));
    const minute = Number(padded.slice(2));
    const withHours = this.vocabulary.hourNouns.has(this.wordAt(i + 1) ?? '');
    const candidate: Candidate = { start: i, end: withHours ? i + 2 : i + 1, hour, offset: minute, clockOnly: withHours };
    if (digits.length === 3 && !withHours) return undefined;
    if (hour > 24 || minute > 59) candidate.problem = 'invalid';
    // A year and a time look alike: 2022 could be 20:22.
    else if (!withHours && /^(19|20)\d\d$/.test(digits)) candidate.problem = 'ambiguous';
    return candidate;
  }

  /** "a las 25": anchored digits that cannot be an hour. */
  private readOutOfRangeHour(i: number): Candidate | undefined {
    const digits = this.digitsAt(i);
    if (digits === undefined || digits.length > 2 || !this.isAnchored({ start: i, end: i + 1 })) return undefined;
    return { start: i, end: i + 1, hour: Number(digits), offset: 0, clockOnly: false, problem: 'invalid' };
  }

  private withDayPart(candidate: Candidate): Candidate {
    const after = this.matchDayPart(candidate.end, this.vocabulary.dayPartsAfter);
    if (after) return { ...candidate, end: after.next, dayPart: after.part };
    const before = this.dayPartBefore(candidate.start);
    return before ? { ...candidate, dayPart: before } : candidate;
  }

  /** "this evening at 6", "esta tarde a las 6": a half-of-day said before the anchor. */
  private dayPartBefore(start: number): DayPart | undefined {
    if (!this.hasAnchorBefore(start)) return undefined;
    let end = start - 1;
    // Step over "a" (a las) and one comma.
    for (let skipped = 0; skipped < 2 && end > 0; skipped += 1) {
      const previous = this.tokens[end - 1]!;
      if (previous.kind === 'break' || (previous.kind === 'word' && previous.word === 'a')) end -= 1;
      else break;
    }
    for (const phrase of this.vocabulary.dayPartsBefore) {
      const from = end - phrase.words.length;
      if (from >= 0 && this.matchWords(from, phrase.words) === end) return phrase.part;
    }
    return undefined;
  }

  private matchDayPart(at: number, phrases: readonly DayPartPhrase[]): { next: number; part: DayPart } | undefined {
    for (const phrase of phrases) {
      const next = this.matchWords(at, phrase.words);
      if (next !== undefined) return { next, part: phrase.part };
    }
    return undefined;
  }

  private matchSequence(at: number, sequences: readonly (readonly string[])[]): number | undefined {
    for (const words of sequences) {
      const next = this.matchWords(at, words);
      if (next !== undefined) return next;
    }
    return undefined;
  }

  private matchWords(at: number, words: readonly string[]): number | undefined {
    for (let k = 0; k < words.length; k += 1) {
      if (this.wordAt(at + k) !== words[k]) return undefined;
    }
    return at + words.length;
  }

  /** Nothing but punctuation, the end, or a half-of-day follows. */
  private endsPhrase(at: number): boolean {
    const token = this.tokens[at];
    return token === undefined || token.kind === 'break' || this.matchDayPart(at, this.vocabulary.dayPartsAfter) !== undefined;
  }

  private skipMinuteNoun(at: number): number {
    return this.vocabulary.minuteNouns.has(this.wordAt(at) ?? '') ? at + 1 : at;
  }

  /** An hour: one or two digits, a number word up to 24 (Spanish hours never take "y"), or noon/midnight. */
  private readHour(i: number): { value: number; next: number } | undefined {
    const digits = this.digitsAt(i);
    if (digits !== undefined) return digits.length <= 2 && Number(digits) <= 24 ? { value: Number(digits), next: i + 1 } : undefined;
    const named = this.vocabulary.namedTimes.get(this.wordAt(i) ?? '');
    if (named && named.minute === 0) return { value: named.hour, next: i + 1 };
    return this.readNumber(i, 24, this.vocabulary.tensJoiner === undefined);
  }

  /** A number written in digits or words, at most `max`; compounds such as "twenty five", "treinta y cinco". */
  private readNumber(i: number, max: number, allowCompound = true): { value: number; next: number } | undefined {
    const token = this.tokens[i];
    if (!token) return undefined;
    if (token.kind === 'number') return token.digits.length <= 2 && token.value <= max ? { value: token.value, next: i + 1 } : undefined;
    if (token.kind !== 'word') return undefined;
    const v = this.vocabulary;
    const single = v.numbers.get(token.word);
    if (single !== undefined) return single <= max ? { value: single, next: i + 1 } : undefined;
    const tens = v.tens.get(token.word);
    if (tens === undefined) return undefined;
    let value = tens;
    let next = i + 1;
    if (allowCompound) {
      const unitAt = v.tensJoiner !== undefined && this.wordAt(next) === v.tensJoiner ? next + 1 : next;
      const unit = v.numbers.get(this.wordAt(unitAt) ?? '');
      if (unit !== undefined && unit >= 1 && unit <= 9) {
        value += unit;
        next = unitAt + 1;
      }
    }
    return value <= max ? { value, next } : undefined;
  }

  private wordAt(i: number): string | undefined {
    const token = this.tokens[i];
    return token?.kind === 'word' ? token.word : undefined;
  }

  private digitsAt(i: number): string | undefined {
    const token = this.tokens[i];
    return token?.kind === 'number' ? token.digits : undefined;
  }
}
