/**
 * One schedule for every rule on the Message Center sync workflows: staggered start minutes
 * such that
 *
 * - no two mcSynch workflows run at the same minute (KA-23471: simultaneous runs deadlock on
 *   nmsdelivery), and, when there is room, their runs are at least `stepMinutes` apart;
 * - no run falls inside any restart window (KA-05406: a run during the RT instance's restart
 *   fails with "Empty return for method 'Logon'"); the caller gives the windows (restart −2 to
 *   +15 minutes, longer with the restart's duration, or what the operator said);
 * - each workflow keeps its frequency, raised to the 15-minute minimum of the Scheduler's
 *   best practice (campaign-classic.en help/workflow/using/scheduler.md: "not to schedule a
 *   workflow to run more than every 15 minutes because it may impede overall system
 *   performance and create blocks in the database").
 *
 * Every minute here is a minute of the day (0..1439) in SERVER time; the case reader
 * converts. A workflow that runs every `period` minutes from `start` runs at start + k·period
 * within the day (the Scheduler's "several times a day", periodic); `start` is its first run
 * of the day, so for an hourly workflow it is its minute of the hour. Pure: no I/O, no wording.
 */
import { MINUTES_PER_DAY, wrapMinuteOfDay } from '../time/clock';
import type { MinuteWindow } from './judgeCase';

export type { MinuteWindow } from './judgeCase';

export interface PlanWorkflow {
  readonly name: string;
  /** Minutes between runs (60 hourly, 1440 daily); anything above a day counts as daily. */
  readonly periodMinutes: number;
  /** A minute of the day it runs at now (any run; reduced to the first run of the day). */
  readonly startMinute: number;
}

export interface PlanOptions {
  /** Proposed starts are multiples of this many minutes, and runs of two workflows this far apart when there is room (5: the article's 5 or 10 after the restart). */
  readonly stepMinutes?: number;
  /** The least period a workflow may keep (15, scheduler.md); 0 keeps every period. */
  readonly minimumIntervalMinutes?: number;
}

interface PlannedWorkflow {
  readonly name: string;
  /** The period it should run at: its own, or the minimum when its own was shorter. */
  readonly periodMinutes: number;
  readonly previousPeriodMinutes: number;
  /** First run of the day, 0 ≤ start < min(period, 1440). */
  readonly startMinute: number;
  /** Its current first run of the day, at its current period. */
  readonly previousStartMinute: number;
  /** The start or the period changes. */
  readonly changed: boolean;
  /** No run falls in a restart window. False only when no start at this period can avoid them (the period is shorter than a window). */
  readonly clear: boolean;
  /** For periods that divide an hour (15, 20, 30, 60): the minute of the hour of its first run. */
  readonly minuteOfHour?: number;
}

export interface SchedulePlan {
  /** In the order given. */
  readonly rows: PlannedWorkflow[];
  /** The least distance in minutes between runs of two different workflows in the plan (stepMinutes when there was room). */
  readonly gapMinutes: number;
  /** Every workflow is clear of the windows (where its period allows) and no two run at the same minute. */
  readonly feasible: boolean;
}

const DEFAULT_STEP = 5;
const DEFAULT_MINIMUM = 15;

/** The window of a restart: from `minutesBefore` before it to `minutesAfter` after its end (a restart that lasts `durationMinutes`), both ends included. */
export function restartWindow(restartMinute: number, minutesBefore: number, minutesAfter: number, durationMinutes = 0): MinuteWindow {
  return { from: wrap(restartMinute - whole(minutesBefore)), to: wrap(restartMinute + whole(durationMinutes) + whole(minutesAfter)) };
}

/** Whether `minute` is in the window (both ends included, across midnight too). */
export function inWindow(minute: number, window: MinuteWindow): boolean {
  return wrap(minute - window.from) <= wrap(window.to - window.from);
}

/** The period a plan works with: whole minutes, at least `minimum`, at most a day. */
export function effectivePeriod(periodMinutes: number, minimum = DEFAULT_MINIMUM): number {
  const period = Number.isFinite(periodMinutes) && periodMinutes > 0 ? Math.round(periodMinutes) : MINUTES_PER_DAY;
  return Math.min(MINUTES_PER_DAY, Math.max(period, whole(minimum), 1));
}

/** The first run of the day of a workflow that runs every `period` minutes and at `minute`. */
export function firstRunOfDay(minute: number, period: number): number {
  return wrap(Math.floor(minute)) % Math.min(period, MINUTES_PER_DAY);
}

/** The minutes of the day a workflow runs at. */
export function runsOfDay(periodMinutes: number, startMinute: number): number[] {
  const period = Math.min(Math.max(1, Math.round(periodMinutes)), MINUTES_PER_DAY);
  const runs: number[] = [];
  for (let minute = firstRunOfDay(startMinute, period); minute < MINUTES_PER_DAY; minute += period) runs.push(minute);
  return runs;
}

/**
 * The workflows that run at the same time as another one: groups (in the order given) of
 * workflows whose runs come less than `withinMinutes` apart at some point of the day
 * (1: the same minute). Workflows in no group are left out.
 */
export function simultaneous(workflows: readonly PlanWorkflow[], withinMinutes = 1): Array<{ names: string[]; minute: number }> {
  const within = Math.max(1, whole(withinMinutes));
  const runs = workflows.map((workflow) => runsOfDay(workflow.periodMinutes, workflow.startMinute));
  // Union-find over the pairs that meet; the minute is the first run of the day where the group meets.
  const parent = workflows.map((_, k) => k);
  const root = (k: number): number => (parent[k] === k ? k : (parent[k] = root(parent[k]!)));
  const meets = new Map<number, number>();
  for (let a = 0; a < workflows.length; a++) {
    for (let b = a + 1; b < workflows.length; b++) {
      const minute = meeting(runs[a]!, runs[b]!, within);
      if (minute === undefined) continue;
      const [ra, rb] = [root(a), root(b)];
      const first = Math.min(minute, meets.get(ra) ?? MINUTES_PER_DAY, meets.get(rb) ?? MINUTES_PER_DAY);
      parent[rb] = ra;
      meets.set(ra, first);
    }
  }
  const groups = new Map<number, number[]>();
  workflows.forEach((_, k) => groups.set(root(k), [...(groups.get(root(k)) ?? []), k]));
  return [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([group, members]) => ({ names: members.map((k) => workflows[k]!.name), minute: meets.get(group)! }));
}

/** The first minute (of `a`'s runs) where a run of `a` and a run of `b` are less than `within` minutes apart round the clock. */
function meeting(a: readonly number[], b: readonly number[], within: number): number | undefined {
  const taken = new Uint8Array(MINUTES_PER_DAY);
  for (const minute of b) taken[minute] = 1;
  for (const minute of a) for (let d = -(within - 1); d <= within - 1; d++) if (taken[wrap(minute + d)]) return minute;
  return undefined;
}

/**
 * The plan. Workflows already clear of every window and apart from the others keep their
 * start (in the order given); the others move forward from their current start, to the next
 * multiples of `stepMinutes` within their period, to the first start clear of every window
 * and at least the gap away from every run already placed. The gap is `stepMinutes` when
 * that fits, else smaller, down to 1 (never the same minute). A workflow whose period is
 * shorter than a window cannot avoid it: it is placed apart from the others and marked not clear.
 */
export function planSchedule(workflows: readonly PlanWorkflow[], windows: readonly MinuteWindow[], options: PlanOptions = {}): SchedulePlan {
  const step = Math.max(1, whole(options.stepMinutes ?? DEFAULT_STEP));
  const minimum = whole(options.minimumIntervalMinutes ?? DEFAULT_MINIMUM);
  const blocked = new Uint8Array(MINUTES_PER_DAY);
  for (const window of windows) for (let minute = 0; minute < MINUTES_PER_DAY; minute++) if (inWindow(minute, window)) blocked[minute] = 1;

  const items = workflows.map((workflow) => {
    const period = effectivePeriod(workflow.periodMinutes, minimum);
    const previousPeriod = Math.min(MINUTES_PER_DAY, Math.max(1, Math.round(workflow.periodMinutes) || MINUTES_PER_DAY));
    const start = firstRunOfDay(workflow.startMinute, period);
    const canAvoid = range(Math.min(period, MINUTES_PER_DAY)).some((offset) => isClear(period, offset, blocked));
    return { workflow, period, previousPeriod, start, previousStart: firstRunOfDay(workflow.startMinute, previousPeriod), canAvoid };
  });

  for (let gap = step; gap >= 1; gap--) {
    const starts = assign(items, blocked, gap, step);
    if (starts) return plan(items, starts, blocked, gap, true);
  }
  // No room even one minute apart: keep the windows and say it does not hold.
  return plan(items, assign(items, blocked, 1, step, true)!, blocked, 1, false);
}

interface Item {
  workflow: PlanWorkflow;
  period: number;
  previousPeriod: number;
  /** Current first run of the day at the planned period. */
  start: number;
  previousStart: number;
  canAvoid: boolean;
}

function assign(items: readonly Item[], blocked: Uint8Array, gap: number, step: number, force = false): number[] | undefined {
  const occupied = new Uint8Array(MINUTES_PER_DAY);
  const starts: Array<number | undefined> = items.map(() => undefined);
  const fits = (item: Item, start: number) => (!item.canAvoid || isClear(item.period, start, blocked)) && isApart(item.period, start, occupied, gap);
  const place = (k: number, start: number) => {
    starts[k] = start;
    for (const minute of runsOfDay(items[k]!.period, start)) occupied[minute] = 1;
  };
  // Those that can stay, stay.
  items.forEach((item, k) => {
    if (fits(item, item.start)) place(k, item.start);
  });
  for (const [k, item] of items.entries()) {
    if (starts[k] !== undefined) continue;
    const start = candidates(item, step).find((candidate) => fits(item, candidate));
    if (start !== undefined) place(k, start);
    else if (force) place(k, candidates(item, step).find((candidate) => isApart(item.period, candidate, occupied, 1)) ?? item.start);
    else return undefined;
  }
  return starts as number[];
}

/** Starts to try, forward from the current one round the period: multiples of the step first, then every minute. */
function candidates(item: Item, step: number): number[] {
  const span = Math.min(item.period, MINUTES_PER_DAY);
  const forward = range(span).map((k) => (item.start + k) % span);
  return [...forward.filter((minute) => minute % step === 0), ...forward.filter((minute) => minute % step !== 0)];
}

function isClear(period: number, start: number, blocked: Uint8Array): boolean {
  return runsOfDay(period, start).every((minute) => !blocked[minute]);
}

function isApart(period: number, start: number, occupied: Uint8Array, gap: number): boolean {
  return runsOfDay(period, start).every((minute) => {
    for (let d = -(gap - 1); d <= gap - 1; d++) if (occupied[wrap(minute + d)]) return false;
    return true;
  });
}

function plan(items: readonly Item[], starts: readonly number[], blocked: Uint8Array, gap: number, feasible: boolean): SchedulePlan {
  const rows = items.map((item, k): PlannedWorkflow => {
    const start = starts[k]!;
    const row: PlannedWorkflow = {
      name: item.workflow.name,
      periodMinutes: item.period,
      previousPeriodMinutes: item.previousPeriod,
      startMinute: start,
      previousStartMinute: item.previousStart,
      changed: start !== item.previousStart || item.period !== item.previousPeriod,
      clear: isClear(item.period, start, blocked),
    };
    return 60 % item.period === 0 ? { ...row, minuteOfHour: start } : row;
  });
  return { rows, gapMinutes: gap, feasible: feasible && items.every((item, k) => !item.canAvoid || rows[k]!.clear) };
}

function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, k) => k);
}

function whole(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

const wrap = wrapMinuteOfDay;
