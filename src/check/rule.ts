/**
 * What a guided check's verdict rule is: the one piece of a check that is code. Everything else
 * (which articles it belongs to, its settings, the order of its questions, every text the user
 * sees in each language) is the check's file in kb/checks/, run by one generic dialog.
 *
 * A rule reads messages into its own small, JSON-serialisable state, says what it still needs
 * or gives a verdict, and names the texts to show by key with the values of their placeholders.
 * It holds no wording: the check file's texts do, so a KB author can change them, and a new
 * check of an existing kind of rule is data only.
 */
import type { Language } from '../kb/types';

/** A text of the check file, by key, with the values of its `{placeholders}`. */
export interface TextRef {
  key: string;
  /** A list is joined with commas; a TextRef is rendered in place (an optional part of a sentence, or ''). */
  vars?: Readonly<Record<string, TextValue>>;
}

export type TextValue = string | number | TextRef | ReadonlyArray<string | TextRef>;

/** One block of a verdict, drawn by the dialog as a card from the check's texts. */
export type VerdictBlock =
  | { kind: 'heading'; text: TextRef }
  | { kind: 'text'; text: TextRef; subtle?: boolean }
  | { kind: 'steps'; title: TextRef; items: TextRef[] }
  | { kind: 'bullets'; title: TextRef; items: TextRef[] }
  /** One row per workflow: its name, its new start, the zone of the times. */
  | { kind: 'table'; title: TextRef; columns: TextRef[]; rows: ReadonlyArray<readonly string[]> };

export interface RuleVerdict {
  /** What the verdict found, e.g. 'coincides' / 'differs' (KA-05406), 'fix' / 'noFix'. */
  outcome: string;
  /** Whether the rule proposes a change (a schedule, an option): the outcome the check is for. */
  fixes: boolean;
  blocks: VerdictBlock[];
  /** For the check events: the new start times proposed (server time, earliest first) and the workflows named. */
  startTimes: string[];
  workflows: string[];
  /** Look for other articles (the cause is elsewhere). */
  related?: boolean;
}

/** What the rule wants next. */
export type RuleStep =
  /** Ask the question of this fact (its texts: `<fact>.title`, `<fact>.body`, …), with values for them. */
  { kind: 'ask'; fact: string; vars?: TextRef['vars']; retry?: boolean } | { kind: 'verdict'; verdict: RuleVerdict };

/** How a fact is asked: the input the card shows, and its buttons (text keys) with what each one sends. */
export interface FactQuestion {
  id: string;
  input: 'text' | 'multiline' | 'none';
  buttons?: ReadonlyArray<{ key: string; value: Readonly<Record<string, string | boolean>> }>;
}

export interface ReadContext {
  language: Language;
  /** The fact whose question is open, if one is. */
  asking?: string;
  /** The message replaces the user's earlier answer to `asking` (an edited message): a correction. */
  replacesAnswer?: boolean;
  /** The Teams client's zone (a hint, never a certainty). */
  clientZone?: string;
  /** Today's date, yyyy-mm-dd (for daylight saving time). */
  today: string;
}

/** What a message did to the case. */
export interface RuleReading<State> {
  state: State;
  /** What was understood, to say back ("Noted: restart at 06:00"). Empty when nothing was. */
  noted: TextRef[];
  /** What replaced something said before ("Corrected: error at 07:02 (was 06:02)"). */
  corrected: TextRef[];
  /** A reply instead of an answer: help for a question, "I don't know", an approximate time. */
  aside?: TextRef;
  /** The message held something for the case (a fact, a correction), even if nothing new. */
  understood: boolean;
  /** The message is a question (the dialog may look for another article before answering it). */
  question?: boolean;
  /** The question is about one of the check's own facts ("how do I know when it restarts?"): answer it, search nothing. */
  aboutCheck?: boolean;
  /** After a verdict with a fix: what a failure after the change means ("still fails at 06:20"), for "not helpful". */
  afterFix?: TextRef;
  /** Whether the case changed, so that a verdict already given is given again. */
  changed: boolean;
}

export interface CheckRule<Settings = unknown, State = unknown> {
  /** The name check files give in `rule`. */
  name: string;
  /** Validates and types the check file's `settings`; its errors name the field. */
  parseSettings(settings: unknown): Settings;
  /** The questions the rule can ask, in the order it asks them. */
  questions: readonly FactQuestion[];
  /** Every text key the rule uses, with the placeholders each may use: kb:check holds check files to it. */
  texts: Readonly<Record<string, readonly string[]>>;
  /** Error messages users paste for this check (never the person's own words, for language detection). */
  pasted(settings: Settings): readonly RegExp[];
  start(settings: Settings): State;
  read(settings: Settings, state: State, input: { text: string; value: Readonly<Record<string, unknown>> }, context: ReadContext): RuleReading<State>;
  next(settings: Settings, state: State, context: ReadContext): RuleStep;
  /** The case summary's lines, for a support ticket. */
  summary(settings: Settings, state: State, context: ReadContext): TextRef[];
}
