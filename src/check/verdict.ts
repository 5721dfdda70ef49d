/**
 * The decision at the heart of KA-05406's guided check: did the Message Center sync
 * errors happen while the execution (RT) instance was restarting? If so the fix is to
 * start the marketing-side workflow a few minutes after the restart; if not, this is
 * not the cause and no schedule change must be handed out.
 *
 * Pure: no I/O, no wording (the dialog owns the messages).
 */
import { addMinutes, minutesBetween, truncateToMinute, type ClockTime } from '../time/clock';

/**
 * The part of the guided-check data (kb/checks/KA-05406.json, GuidedCheckData in
 * src/kb/checkData.ts) that the verdict reads; any object with these fields will do.
 */
export interface VerdictCheckData {
  readonly coincidence: { readonly minutesBefore: number; readonly minutesAfter: number };
  readonly fix: { readonly offsetsMinutes: readonly number[] };
  readonly workflow: { readonly namePattern: string };
}

export interface VerdictInput {
  /** Times of the errors, as read from the log or given by the user. */
  readonly errorTimes: readonly ClockTime[];
  /** When the execution instance's processes restart (server time). */
  readonly restartTime: ClockTime;
  /** The workflow named in the log, if one was. */
  readonly workflow?: string;
}

export interface Verdict {
  /** At least one error falls in the restart window. */
  coincides: boolean;
  /** The errors in the window, in input order. */
  matching: ClockTime[];
  /** The errors outside it, in input order (the dialog may point them out: another cause). */
  others: ClockTime[];
  /** The workflow to reschedule: the one from the log, else the data's pattern ("mcSynch_<instance>"). */
  workflow: string;
  /** Restart (seconds dropped) plus each fix offset; empty unless the times coincide. */
  newStartTimes: ClockTime[];
}

/**
 * An error coincides with the restart when it falls from `minutesBefore` before to
 * `minutesAfter` after it, both ends included, counted in whole minutes (06:15:59 is
 * 15 minutes after 06:00) and round the clock (23:58 → 00:01 is 3 minutes after).
 */
export function judge(input: VerdictInput, data: VerdictCheckData): Verdict {
  const { minutesBefore, minutesAfter } = data.coincidence;
  const matching: ClockTime[] = [];
  const others: ClockTime[] = [];
  for (const errorTime of input.errorTimes) {
    const sinceRestart = minutesBetween(input.restartTime, errorTime);
    (sinceRestart >= -minutesBefore && sinceRestart <= minutesAfter ? matching : others).push(errorTime);
  }
  const coincides = matching.length > 0;
  const restart = truncateToMinute(input.restartTime);
  const workflow = input.workflow?.trim() || data.workflow.namePattern;
  return {
    coincides,
    matching,
    others,
    workflow,
    // A scheduler is set in whole minutes; the data's loader only checks that offsets are numbers.
    newStartTimes: coincides ? data.fix.offsetsMinutes.map((offset) => addMinutes(restart, Math.round(offset))) : [],
  };
}
