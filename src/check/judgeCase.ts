/**
 * KA-05406's verdict on a whole case: several errors (some only roughly timed), several
 * restarts a day, a restart that lasts, several mcSynch workflows, and console and server
 * zones that may differ. It says what is still missing, asks once about the console's zone
 * when that alone could explain a miss, or judges; when the errors coincide with a restart
 * it gives a schedule that no restart can hit (see coincides for its rules).
 *
 * Every time here is a minute of the day (0..1439) in SERVER time: the case reader converts.
 * Pure: no I/O, no wording (the dialog owns the messages). Replaces verdict.ts once the
 * dialogs switch.
 */
import { MINUTES_PER_DAY, wrapMinuteOfDay } from '../time/clock';

/**
 * The part of the guided-check data (kb/checks/KA-05406.json, GuidedCheckData in
 * src/kb/checkData.ts) that the judgement reads; any object with these fields will do.
 */
export interface CaseCheckData {
  readonly coincidence: { readonly minutesBefore: number; readonly minutesAfter: number };
  readonly fix: { readonly offsetsMinutes: readonly number[] };
}

export interface CaseError {
  readonly minuteOfDay: number;
  readonly second?: number;
  readonly workflow?: string;
  /** The user gave only a rough time ("around 6", "this morning"). */
  readonly vague?: boolean;
}

export interface CaseInput {
  readonly errors: readonly CaseError[];
  /** Minute of day of each daily restart (several a day possible). */
  readonly restarts: readonly number[];
  /** "Our restart takes about 30 minutes"; 0 when not given. */
  readonly restartDurationMinutes?: number;
  /** Failing mcSynch workflows named anywhere, in order seen. */
  readonly workflows: readonly string[];
  /** The console's and the server's zones are known (or the user said they are the same). */
  readonly zonesKnown: boolean;
  /** We already asked which zone the console shows. */
  readonly zoneAsked: boolean;
  /**
   * Zone differences worth asking about come in steps of this many minutes: 60 (whole hours)
   * unless a zone in play has a half-hour offset (India, UTC+05:30), then 30. With half hours
   * every error would be "a zone away" from a window more often than not.
   */
  readonly zoneStepMinutes?: number;
}

/** Whole minutes of the day, both ends included; `from` is after `to` when it spans midnight. */
export interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

interface ScheduleRow {
  /** Undefined when no workflow name is known: "the mcSynch workflow". */
  readonly workflow: string | undefined;
  readonly startMinuteOfDay: number;
}

/** The fix for one restart the failures coincide with. */
export interface RestartFix {
  /** The restart the fix follows; in a coincides verdict, the failing restart whose fix starts first in the day. */
  readonly restart: number;
  /** Its coincidence window. */
  readonly window: MinuteWindow;
  /** One row per failing workflow, staggered; empty only if the restarts leave no clear minute in the day. */
  readonly schedule: ScheduleRow[];
  /** Other first starts: the whole schedule moved later to each of them keeps every rule. */
  readonly alternatives: number[];
}

export type CaseJudgement =
  | { readonly kind: 'needs'; readonly what: 'errorTime' | 'restartTime' | 'exactErrorTime' }
  | {
      readonly kind: 'askConsoleZone';
      /** Minutes to add to the error times to land in a restart window: -510 if the console may show times 8h30 ahead of the server. */
      readonly offsetMinutes: number;
    }
  | ({
      readonly kind: 'coincides';
      /** Errors in a restart window, in input order. */
      readonly matching: CaseError[];
      /** The rest, in input order (the dialog may point them out: another cause). */
      readonly others: CaseError[];
      /**
       * Failures at other restarts of the day too ("6 and 18"): their fixes, in the order of
       * their first starts; a scheduler takes several daily times. Empty with one restart.
       */
      readonly alsoAfter: RestartFix[];
    } & RestartFix)
  | {
      readonly kind: 'differs';
      readonly nearestRestart: number;
      /** Every error given, in input order. */
      readonly errors: CaseError[];
    };

/** Forward minutes from `from` to `to` round the clock, 0..1439: minutesAfter(23:58, 00:03) is 5. */
export function minutesAfter(from: number, to: number): number {
  return wrap(to - from);
}

/** The article's offsets, used when the data gives none. */
const ARTICLE_OFFSETS = [5, 10];
/** Zone differences worth asking about: whole hours (see CaseInput.zoneStepMinutes), up to 14 hours either way. */
const ZONE_STEP = 60;
const MAX_ZONE_SHIFT = 14 * 60;

/** The rules in whole minutes, from the check's data and the case. */
interface Rules {
  readonly before: number;
  readonly after: number;
  readonly duration: number;
  /** Minutes between a restart's end and the earliest start: the article's first offset (5). */
  readonly margin: number;
  /** Minutes between staggered starts and between alternatives: the gap between the article's offsets (5). */
  readonly step: number;
  /** How many alternatives: one per offset after the first (the article's "or 10"). */
  readonly alternatives: number;
}

/**
 * The rules, each a promise of the product:
 *
 * 1. Nothing to judge: no error → needs errorTime; no restart → needs restartTime; only
 *    rough error times → needs exactErrorTime.
 * 2. The window of a restart R runs from R − minutesBefore to R + duration + minutesAfter,
 *    in whole minutes (06:15:59 is 15 after 06:00), round the clock (23:58 → 00:03 is 5
 *    after). An error coincides when it falls in a window; it is judged against the
 *    nearest restart whose window holds it (two windows may overlap).
 * 3. Only exact times decide: the case coincides when an exact error does. A rough time
 *    that falls in a window, with no exact one that does, asks for the exact time rather
 *    than saying "not the cause".
 * 4. No error in any window, zones unknown and not asked yet, and an error a whole number
 *    of hours (1 .. 14 h; half hours too when input.zoneStepMinutes is 30) away from a
 *    window: ask once which zone the console shows. Even so about 30 % of the day
 *    qualifies (60 % with half hours): the caller decides what "zones known" means.
 * 5. Otherwise the restart is not the cause: no schedule; nearestRestart is the restart
 *    closest to any exact error.
 */
export function judgeCase(input: CaseInput, data: CaseCheckData): CaseJudgement {
  const errors = input.errors.filter((error) => Number.isFinite(error.minuteOfDay));
  if (errors.length === 0) return { kind: 'needs', what: 'errorTime' };
  const restarts = distinct(input.restarts.filter(Number.isFinite).map(minuteOf));
  if (restarts.length === 0) return { kind: 'needs', what: 'restartTime' };
  const exact = errors.filter((error) => !error.vague);
  if (exact.length === 0) return { kind: 'needs', what: 'exactErrorTime' };

  const rules = rulesOf(input, data);
  const restartOf = (error: CaseError) => windowRestart(minuteOf(error.minuteOfDay), restarts, rules);
  if (exact.some((error) => restartOf(error) !== undefined)) return coincides(errors, restarts, input, rules);
  if (errors.some((error) => error.vague && restartOf(error) !== undefined)) return { kind: 'needs', what: 'exactErrorTime' };

  if (!input.zonesKnown && !input.zoneAsked) {
    const offsetMinutes = zoneShift(
      exact.map((error) => minuteOf(error.minuteOfDay)),
      restarts,
      rules,
      input.zoneStepMinutes ?? ZONE_STEP,
    );
    if (offsetMinutes !== undefined) return { kind: 'askConsoleZone', offsetMinutes };
  }
  return {
    kind: 'differs',
    nearestRestart: nearestRestart(
      exact.map((error) => minuteOf(error.minuteOfDay)),
      restarts,
      rules,
    ),
    errors,
  };
}

function rulesOf(input: CaseInput, data: CaseCheckData): Rules {
  const offsets = data.fix.offsetsMinutes.map(wholeMinutes).sort((a, b) => a - b);
  const [margin, second] = offsets.length > 0 ? offsets : ARTICLE_OFFSETS;
  return {
    before: wholeMinutes(data.coincidence.minutesBefore),
    after: wholeMinutes(data.coincidence.minutesAfter),
    duration: wholeMinutes(input.restartDurationMinutes ?? 0),
    margin: margin!,
    step: Math.max(1, second === undefined ? margin! : second - margin!),
    alternatives: Math.max(0, offsets.length - 1),
  };
}

/** Where `minute` sits from restart R, signed: −2..−1 before it, 0..duration+after after it; undefined outside R's window. */
function offsetInWindow(restart: number, minute: number, rules: Rules): number | undefined {
  const forward = minutesAfter(restart, minute);
  if (forward <= rules.duration + rules.after) return forward;
  if (forward >= MINUTES_PER_DAY - rules.before) return forward - MINUTES_PER_DAY;
  return undefined;
}

/** Minutes from `minute` to restart R's run (R to R + duration), 0 inside it; and whether it comes after it. */
function distanceToRestart(restart: number, minute: number, rules: Rules): { distance: number; after: boolean } {
  const forward = minutesAfter(restart, minute);
  if (forward <= rules.duration) return { distance: 0, after: true };
  const afterEnd = forward - rules.duration;
  const beforeStart = MINUTES_PER_DAY - forward;
  return afterEnd <= beforeStart ? { distance: afterEnd, after: true } : { distance: beforeStart, after: false };
}

/** The nearest restart whose window holds `minute`; at equal distance the one it follows (windows reach further after). */
function windowRestart(minute: number, restarts: readonly number[], rules: Rules): number | undefined {
  return nearest(
    minute,
    restarts.filter((restart) => offsetInWindow(restart, minute, rules) !== undefined),
    rules,
  );
}

function nearest(minute: number, restarts: readonly number[], rules: Rules): number | undefined {
  let best: { restart: number; distance: number; after: boolean } | undefined;
  for (const restart of restarts) {
    const { distance, after } = distanceToRestart(restart, minute, rules);
    if (!best || distance < best.distance || (distance === best.distance && after && !best.after)) best = { restart, distance, after };
  }
  return best?.restart;
}

/** The restart nearest to any of the errors (the dialog says how far they are from it). */
function nearestRestart(minutes: readonly number[], restarts: readonly number[], rules: Rules): number {
  let best = { restart: restarts[0]!, distance: Infinity };
  for (const minute of minutes) {
    const restart = nearest(minute, restarts, rules)!;
    const { distance } = distanceToRestart(restart, minute, rules);
    if (distance < best.distance) best = { restart, distance };
  }
  return best.restart;
}

/**
 * The errors coincide with one restart or more. Each restart with a failure in its window
 * gets its own fix (a scheduler takes several daily times: 06:05 and 18:05); the main one
 * is the fix whose first start comes first in the day, the others are alsoAfter. A fix:
 *
 * - its first start comes after the restart's end and after every minute that failed in
 *   its window, never at or before one: the article's R + 5 when the restart has no
 *   duration and R + 5 is later than every failing minute; otherwise the first multiple
 *   of 5 minutes (the step) strictly after the last failing minute and at least 5 minutes
 *   (the margin) after the restart's end (R + duration + 5);
 * - every failing workflow gets a start, 5 minutes apart, so that no two mcSynch
 *   workflows start in the same minute, across the fixes too (KA-23471: simultaneous
 *   runs deadlock);
 * - no start falls where any restart would hit it: from R' − minutesBefore to before
 *   R' + duration + 5, for every restart R' of the day. The rest of a coincidence window
 *   is where the article itself puts the fix (R + 5, R + 10). A start that would fall
 *   there moves on by 5 minutes;
 * - the alternatives move the whole schedule later by 5, 10... minutes (the article's
 *   "or R + 10"), keeping every rule above.
 */
function coincides(errors: readonly CaseError[], restarts: readonly number[], input: CaseInput, rules: Rules): CaseJudgement {
  const paired = errors.map((error) => windowRestart(minuteOf(error.minuteOfDay), restarts, rules));
  const matching = errors.filter((_, k) => paired[k] !== undefined);
  // In the order the restarts were given, which does not depend on where the day starts (the property tests shift it).
  const failingRestarts = restarts.filter((restart) => paired.includes(restart));
  const workflows = failingWorkflows(input, errors);

  const taken = new Set<number>();
  const plans = failingRestarts.map((restart) => {
    // Every error in this window, rough ones too: a start after a roughly timed failure is only later, never wrong.
    const failing = errors.flatMap((error) => offsetInWindow(restart, minuteOf(error.minuteOfDay), rules) ?? []);
    const starts = staggeredStarts(firstStart(restart, Math.max(...failing), rules), workflows.length, restart, restarts, rules, taken);
    for (const start of starts) taken.add(wrap(restart + start));
    return { restart, starts };
  });
  const fixes = plans.map(({ restart, starts }): RestartFix => {
    const own = new Set(starts.map((start) => wrap(restart + start)));
    const takenByOthers = new Set([...taken].filter((minute) => !own.has(minute)));
    return {
      restart,
      window: { from: wrap(restart - rules.before), to: wrap(restart + rules.duration + rules.after) },
      schedule: starts.map((offset, k) => ({ workflow: workflows[k], startMinuteOfDay: wrap(restart + offset) })),
      alternatives: alternativeStarts(starts, restart, restarts, rules, takenByOthers).map((offset) => wrap(restart + offset)),
    };
  });
  // Earliest first start first; a fix with no room left goes last.
  const firstMinute = (fix: RestartFix) => fix.schedule[0]?.startMinuteOfDay ?? MINUTES_PER_DAY;
  const [main, ...alsoAfter] = fixes.sort((a, b) => firstMinute(a) - firstMinute(b));
  return { kind: 'coincides', ...main!, matching, others: errors.filter((_, k) => paired[k] === undefined), alsoAfter };
}

/** The first start, in minutes after the restart (see coincides). */
function firstStart(restart: number, lastFailing: number, rules: Rules): number {
  if (rules.duration === 0 && rules.margin > lastFailing) return rules.margin;
  const earliest = Math.max(lastFailing + 1, rules.duration + rules.margin);
  // Up to the next multiple of the step on the clock: 06:20, not 06:17.
  return earliest + minutesAfter(wrap(restart + earliest), roundUp(wrap(restart + earliest), rules.step));
}

/**
 * One start per workflow, each at least a step after the one before, skipping minutes a
 * restart would hit or another fix took. Starts stay short of this restart's own window
 * coming round again (a start a day later would be before the failures again); empty
 * when no room is left.
 */
function staggeredStarts(first: number, count: number, restart: number, restarts: readonly number[], rules: Rules, taken: ReadonlySet<number>): number[] {
  const starts: number[] = [];
  for (let candidate = first; starts.length < count && candidate < lastOffset(rules); candidate += rules.step) {
    const minute = wrap(restart + candidate);
    if (isClear(minute, restarts, rules) && !taken.has(minute)) starts.push(candidate);
  }
  return starts.length === count ? starts : [];
}

function alternativeStarts(starts: readonly number[], restart: number, restarts: readonly number[], rules: Rules, taken: ReadonlySet<number>): number[] {
  const alternatives: number[] = [];
  if (starts.length === 0) return alternatives;
  for (let shift = rules.step; alternatives.length < rules.alternatives && starts.at(-1)! + shift < lastOffset(rules); shift += rules.step) {
    const minutes = starts.map((start) => wrap(restart + start + shift));
    if (minutes.every((minute) => isClear(minute, restarts, rules) && !taken.has(minute))) alternatives.push(starts[0]! + shift);
  }
  return alternatives;
}

/** Starts are kept below this many minutes after the restart: its window starts again there. */
function lastOffset(rules: Rules): number {
  return MINUTES_PER_DAY - rules.before;
}

/** No restart hits a run started at `minute`: it is not from R − minutesBefore to before R + duration + margin, for any R. */
function isClear(minute: number, restarts: readonly number[], rules: Rules): boolean {
  return restarts.every((restart) => minutesAfter(wrap(restart - rules.before), minute) >= rules.before + rules.duration + rules.margin);
}

/** Workflows named anywhere, then those only named on errors; once each, ignoring case. One unnamed row when none is known. */
function failingWorkflows(input: CaseInput, errors: readonly CaseError[]): (string | undefined)[] {
  const names: string[] = [];
  for (const name of [...input.workflows, ...errors.map((error) => error.workflow)]) {
    const trimmed = name?.trim();
    if (trimmed && !names.some((seen) => seen.toLowerCase() === trimmed.toLowerCase())) names.push(trimmed);
  }
  return names.length > 0 ? names : [undefined];
}

/**
 * The shift that would bring the most errors into a restart window, if any does: whole
 * hours before half hours (more zones differ by whole hours), then the smallest, then
 * forward before back.
 */
function zoneShift(minutes: readonly number[], restarts: readonly number[], rules: Rules, step: number): number | undefined {
  let best: { shift: number; count: number } | undefined;
  for (const shift of zoneShifts(step)) {
    const count = minutes.filter((minute) => windowRestart(wrap(minute + shift), restarts, rules) !== undefined).length;
    if (count > 0 && (!best || count > best.count)) best = { shift, count };
  }
  return best?.shift;
}

/** Whole hours first (±60 … ±840), then, with a 30-minute step, the half hours (±30, ±90 … ±810). */
function zoneShifts(step: number): number[] {
  const shifts: number[] = [];
  for (let size = 60; size <= MAX_ZONE_SHIFT; size += 60) shifts.push(size, -size);
  if (step < 60) for (let size = step; size <= MAX_ZONE_SHIFT; size += 60) shifts.push(size, -size);
  return shifts;
}

function roundUp(minute: number, step: number): number {
  return wrap(Math.ceil(minute / step) * step);
}

/** Any number as a minute of the day (seconds dropped, wrapped round the clock). */
function minuteOf(value: number): number {
  return wrap(Math.floor(value));
}

/** Settings as whole minutes ≥ 0 (the data's loader only checks that they are numbers ≥ 0). */
function wholeMinutes(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

const wrap = wrapMinuteOfDay;

function distinct(values: readonly number[]): number[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}
