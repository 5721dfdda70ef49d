/**
 * The guided check's case: what the user has told so far, filled by meaning in any order.
 * Plain JSON, and small: it lives in the dialog state, saved every turn.
 */
import type { ZoneRef } from './zones';

/** What a time is the time of. */
export type Role = 'error' | 'restart';

export interface TimeFact {
  /** 0..1439, in the zone the time was written in. */
  minuteOfDay: number;
  second?: number;
  /** ISO yyyy-mm-dd, when the user or the log line gave it. */
  date?: string;
  /** The zone the time is written in, when known: a log line's offset, or a zone the user typed. */
  zone?: ZoneRef;
  /** typed: said in a message; log: a pasted log line; card: a card's input; default: the check's default restart time. */
  source: 'typed' | 'log' | 'card' | 'default';
  workflow?: string;
  /** "around 6", "6 y pico": the bot should ask for the exact minute. */
  vague?: boolean;
}

export interface Case {
  errors: TimeFact[];
  /** Several a day is normal ("a las 6 y a las 18"). */
  restarts: TimeFact[];
  restartDurationMinutes?: number;
  /** The execution server's zone; SERVER_ZONE is never stored here. */
  serverZone?: ZoneRef;
  /** The zone the operator's console shows journal times in; SERVER_ZONE for "the same as the server". */
  consoleZone?: ZoneRef;
  workflows: string[];
  /** Log lines saying the workflow ran fine ("Workflow finished"): not errors. */
  successes: TimeFact[];
  /** The dialog asked which zone the console shows (so it does not ask twice). */
  zoneAsked?: boolean;
}

/** The questions the dialog can have open. */
export type Expecting = 'errorTime' | 'restartTime' | 'consoleZone' | 'offer' | 'feedback';

/** The questions whose answer is a fact of the case (the ones a correction can go back to). */
export type AnsweredQuestion = 'errorTime' | 'restartTime' | 'consoleZone';

export function emptyCase(): Case {
  return { errors: [], restarts: [], workflows: [], successes: [] };
}

/** The role a time answers when nothing in the words says otherwise. */
export function roleOfQuestion(question: Expecting | undefined): Role | undefined {
  if (question === 'errorTime') return 'error';
  if (question === 'restartTime') return 'restart';
  return undefined;
}
