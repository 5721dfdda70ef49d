/**
 * The rule of KA-05406's check, and of any check of the same kind: a workflow fails because a
 * server restarts while it runs. The case is read by meaning (src/case: error and restart times,
 * zones, the restart's duration, workflows, corrections) and judged in server time
 * (judgeCase.ts); the fix moves each failing workflow's start after the restart and after
 * every failure, in a schedule that keeps the workflows apart.
 */
import { z } from 'zod';
import { readFacts, type Reading } from '../../case/readFacts';
import { emptyCase, type AnsweredQuestion, type Case, type Expecting } from '../../case/types';
import { applyReading, toServerTime, type CaseChange, type ServerTimes } from '../../case/updateCase';
import { isConcreteZone, isServerZone, sameZone, toZone, type ZoneRef } from '../../case/zones';
import { formatClock } from '../../time/clock';
import { judgeCase, minutesAfter, type CaseJudgement } from '../judgeCase';
import { clock, ClockSetting, RegexSetting, settingMinute, timeWithZone } from './ruleKit';
import type { CheckRule, ReadContext, RuleReading, RuleStep, RuleVerdict, TextRef, VerdictBlock } from '../rule';

const SettingsSchema = z.strictObject({
  /** Regular expressions (case-insensitive) matching the error as users paste it. */
  errorSignatures: z.array(RegexSetting).min(1),
  workflow: z.strictObject({
    /** Finds a workflow name the check concerns in a message, e.g. mcSynch_mcExec1. */
    nameRegex: RegexSetting,
    /** Where the workflow lives in the client console. */
    consolePath: z.string().min(1),
  }),
  restart: z.strictObject({
    /** The restart when the user does not know theirs, "HH:MM" server time. */
    defaultTime: ClockSetting,
    /** The server setting that holds it (serverConf.xml). */
    configAttribute: z.string().min(1),
  }),
  /** The window around a restart in which a failure is the restart's. */
  coincidence: z.strictObject({ minutesBefore: z.number().int().min(0).max(60), minutesAfter: z.number().int().min(0).max(240) }),
  fix: z.strictObject({
    /** Minutes after the restart the article moves the start to (the first is the margin after a restart's end). */
    offsetsMinutes: z.array(z.number().int().min(1).max(120)).min(1),
    /** The Scheduler's shortest interval. */
    minimumScheduleIntervalMinutes: z.number().int().min(1),
  }),
});

export type RestartWindowSettings = z.infer<typeof SettingsSchema> & { readonly patterns: Patterns };

interface Patterns {
  errorSignatures: readonly RegExp[];
  workflowName: RegExp;
}

interface State {
  case: Case;
  lastAnswered?: AnsweredQuestion;
}

/** The texts this rule uses, with their placeholders (kb:check holds check files to it). */
const TEXTS = {
  offer: [],
  unknownWorkflow: [],
  'errorTime.title': [],
  'errorTime.body': ['consolePath'],
  'errorTime.placeholder': [],
  'errorTime.retry': [],
  'errorTime.help': [],
  'errorTime.howToFind': ['consolePath'],
  'restartTime.title': [],
  'restartTime.body': [],
  'restartTime.placeholder': [],
  'restartTime.retry': [],
  'restartTime.help': ['defaultTime'],
  'restartTime.useDefault': ['defaultTime'],
  'restartTime.dontKnow': [],
  'restartTime.howToFind': ['defaultTime', 'attribute'],
  'exactErrorTime.title': [],
  'exactErrorTime.body': [],
  'exactErrorTime.placeholder': [],
  'exactErrorTime.retry': [],
  'exactErrorTime.help': [],
  'consoleZone.title': [],
  'consoleZone.body': ['hours'],
  'consoleZone.hint': ['zone'],
  'consoleZone.placeholder': [],
  'consoleZone.retry': [],
  'consoleZone.help': [],
  'consoleZone.sameAsServer': [],
  'consoleZone.dontKnow': [],
  'consoleZone.howToFind': [],
  'note.errorAt': ['times', 'workflows'],
  'note.errorsAt': ['times', 'workflows'],
  'note.inWorkflows': ['workflows'],
  'note.restartAt': ['times'],
  'note.restartDefault': ['time'],
  'note.duration': ['minutes'],
  'note.serverZone': ['zone'],
  'note.consoleZone': ['zone'],
  'note.consoleIsServer': [],
  'note.workflows': ['workflows'],
  'note.was': ['now', 'old'],
  noErrorLine: [],
  noErrorLineSuccesses: ['times'],
  ambiguousTime: [],
  hours: ['hours'],
  hoursMinutes: ['hours', 'minutes'],
  serverTimeIn: ['zone'],
  serverTime: [],
  'verdict.coincideTitle': [],
  'verdict.coincideBody': ['errors', 'restart', 'serverTime'],
  'verdict.longRestart': ['minutes', 'windowEnd'],
  'verdict.fixTitle': [],
  'verdict.fixOpen': ['consolePath'],
  'verdict.fixRow': ['workflow', 'start', 'serverTime', 'inConsole', 'alsoAt', 'when'],
  'verdict.inConsole': ['start', 'zone'],
  'verdict.alsoAt': ['times'],
  'verdict.firstWhen': ['minutes'],
  'verdict.firstWhenOr': ['minutes', 'alternative'],
  'verdict.nextWhen': [],
  'verdict.schedulerZone': ['serverTime'],
  'verdict.restartWorkflow': [],
  'verdict.severalRestarts': ['restarts'],
  'verdict.cautionsTitle': [],
  'verdict.cautions': ['minimum'],
  'verdict.othersNote': ['others'],
  'verdict.successes': ['times'],
  'verdict.differTitle': [],
  'verdict.differBody': ['errors', 'restart', 'before', 'after', 'serverTime'],
  'verdict.nextStepsTitle': [],
  'verdict.nextSteps': [],
  stillFails: ['times', 'start'],
  'summary.symptom': ['workflows'],
  'summary.errors': ['times'],
  'summary.errorsNone': [],
  'summary.restarts': ['times'],
  'summary.restartsNone': [],
  'summary.duration': ['minutes'],
  'summary.zones': ['server', 'console'],
  'summary.zoneUnknown': [],
  'summary.consoleIsServer': [],
  'summary.coincides': ['start', 'alternative'],
  'summary.coincidesOne': ['start'],
  'summary.coincidesMany': ['rows'],
  'summary.row': ['workflow', 'start'],
  'summary.differs': [],
  'summary.unfinished': [],
  'summary.others': ['times'],
  'summary.successes': ['times'],
} as const satisfies Record<string, readonly string[]>;

const ANSWER_INPUTS = ['errorTime', 'restartTime', 'exactErrorTime', 'consoleZone'];

export const restartWindow: CheckRule<RestartWindowSettings, State> = {
  name: 'restartWindow',

  parseSettings(settings: unknown): RestartWindowSettings {
    const parsed = SettingsSchema.parse(settings);
    return {
      ...parsed,
      patterns: { errorSignatures: parsed.errorSignatures.map((source) => new RegExp(source, 'i')), workflowName: new RegExp(parsed.workflow.nameRegex, 'i') },
    };
  },

  questions: [
    { id: 'errorTime', input: 'multiline' },
    {
      id: 'restartTime',
      input: 'text',
      buttons: [
        { key: 'restartTime.useDefault', value: { useDefault: true } },
        { key: 'restartTime.dontKnow', value: { dontKnow: true } },
      ],
    },
    { id: 'exactErrorTime', input: 'multiline' },
    {
      id: 'consoleZone',
      input: 'text',
      buttons: [
        { key: 'consoleZone.sameAsServer', value: { sameAsServer: true } },
        { key: 'consoleZone.dontKnow', value: { dontKnow: true } },
      ],
    },
  ],

  texts: TEXTS,

  pasted: (settings) => settings.patterns.errorSignatures,

  start: () => ({ case: emptyCase() }),

  read(settings, state, input, context): RuleReading<State> {
    const text = answerText(input);
    const read: Reading =
      input.value.useDefault === true
        ? { times: [], successes: [], workflows: [], useDefault: true }
        : readFacts(text, {
            language: context.language,
            patterns: settings.patterns,
            input: 'typed',
            ...(expectingOf(context.asking) ? { expecting: expectingOf(context.asking)! } : {}),
            ...(state.lastAnswered ? { lastAnswered: state.lastAnswered } : {}),
          });
    // An edited answer replaces what it said before.
    const reading: Reading = context.replacesAnswer ? { ...read, correction: true } : read;
    const expecting = expectingOf(context.asking);
    const applied = applyReading(state.case, reading, {
      ...(expecting ? { expecting } : {}),
      ...(state.lastAnswered ? { lastAnswered: state.lastAnswered } : {}),
      defaultRestartMinute: settingMinute(settings.restart.defaultTime),
    });
    // After the verdict, success lines pasted again say nothing new.
    const changes = applied.changes.filter((change) => context.asking !== 'feedback' || change.kind !== 'added' || change.role !== 'success');
    if (changes.length > 0) {
      const answered = answeredQuestion(context.asking);
      const next: State = answered ? { case: applied.case, lastAnswered: answered } : { ...state, case: applied.case };
      const { noted, corrected } = describeChanges(
        // A workflow named in the question is no news to the user; times and zones from it are.
        context.asking === undefined && changes.every((change) => change.kind === 'workflow') ? [] : changes,
      );
      const onlySuccesses = next.case.errors.length === 0 && changes.every((change) => change.kind === 'added' && change.role === 'success');
      const result: RuleReading<State> = { state: next, noted, corrected, understood: true, changed: true };
      if (onlySuccesses) result.aside = noErrorLine(next.case);
      const later = next.case.errors.filter((error) => !state.case.errors.some((seen) => seen.minuteOfDay === error.minuteOfDay));
      if (context.asking === 'feedback' && later.length > 0)
        result.afterFix = afterFixNote(
          settings,
          state,
          later.map((error) => formatClock(error)),
          context,
        );
      return result;
    }
    const result: RuleReading<State> = { state, noted: [], corrected: [], understood: false, changed: false };
    const aside = asideOf(settings, reading, context.asking);
    if (aside) result.aside = aside;
    if (reading.question) {
      result.question = true;
      if (reading.question === 'whereRestartTime' || reading.question === 'whatZone') result.aboutCheck = true;
    }
    return result;
  },

  next(settings, state, context): RuleStep {
    const times = serverTimes(state, context);
    const judgement = judge(settings, state, times);
    if (judgement.kind === 'askConsoleZone') {
      state.case.zoneAsked = true;
      const vars: Record<string, TextRef> = { hours: hoursText(Math.abs(judgement.offsetMinutes)) };
      return { kind: 'ask', fact: 'consoleZone', vars: times.clientZoneHint ? { ...vars, hint: { key: 'consoleZone.hint', vars: { zone: times.clientZoneHint.label } } } : vars };
    }
    if (judgement.kind === 'needs') {
      // "Right after midnight": the exact minute first, while the user has the log open.
      const roughOnly = state.case.errors.length > 0 && state.case.errors.every((error) => error.vague);
      const fact = judgement.what === 'restartTime' && roughOnly ? 'exactErrorTime' : judgement.what;
      return { kind: 'ask', fact, vars: factVars(settings, fact) };
    }
    return { kind: 'verdict', verdict: verdictOf(settings, state, judgement, times, context) };
  },

  summary(settings, state, context): TextRef[] {
    const times = serverTimes(state, context);
    const judgement = judge(settings, state, times);
    const names = workflows(state.case);
    const lines: TextRef[] = [{ key: 'summary.symptom', vars: { workflows: names.length ? names : [UNKNOWN_WORKFLOW] } }];
    const errorTimes = times.errors.map((error) => `${formatClock(error)}${error.vague ? '?' : ''}`);
    lines.push(errorTimes.length ? { key: 'summary.errors', vars: { times: errorTimes } } : { key: 'summary.errorsNone' });
    const restarts = times.restarts.map(clock);
    lines.push(restarts.length ? { key: 'summary.restarts', vars: { times: restarts } } : { key: 'summary.restartsNone' });
    if (state.case.restartDurationMinutes) lines.push({ key: 'summary.duration', vars: { minutes: state.case.restartDurationMinutes } });
    const consoleZone = state.case.consoleZone;
    if (times.zone || consoleZone) {
      lines.push({
        key: 'summary.zones',
        vars: {
          server: times.zone ? times.zone.label : { key: 'summary.zoneUnknown' },
          console: consoleZone && !isServerZone(consoleZone) ? consoleZone.label : { key: 'summary.consoleIsServer' },
        },
      });
    }
    if (judgement.kind === 'coincides') {
      const rows = judgement.schedule.map((row) => ({ workflow: plainName(row.workflow) ?? names[0], start: clock(row.startMinuteOfDay) }));
      if (rows.length > 1) {
        lines.push({ key: 'summary.coincidesMany', vars: { rows: rows.map((row) => `${row.workflow ?? '?'} ${row.start}`) } });
      } else if (judgement.alternatives[0] !== undefined) {
        lines.push({ key: 'summary.coincides', vars: { start: rows[0]?.start ?? '?', alternative: clock(judgement.alternatives[0]) } });
      } else {
        lines.push({ key: 'summary.coincidesOne', vars: { start: rows[0]?.start ?? '?' } });
      }
      if (judgement.others.length) lines.push({ key: 'summary.others', vars: { times: judgement.others.map((error) => formatClock(error)) } });
    } else if (judgement.kind === 'differs') {
      lines.push({ key: 'summary.differs' });
    } else {
      lines.push({ key: 'summary.unfinished' });
    }
    if (times.successes.length) lines.push({ key: 'summary.successes', vars: { times: times.successes.map((success) => formatClock(success)) } });
    return lines;
  },
};

/** The workflow's name when no message gave it: the check's own description of it. */
const UNKNOWN_WORKFLOW: TextRef = { key: 'unknownWorkflow' };

function judge(settings: RestartWindowSettings, state: State, times: ServerTimes): CaseJudgement {
  return judgeCase(
    {
      errors: times.errors,
      restarts: times.restarts,
      restartDurationMinutes: state.case.restartDurationMinutes ?? 0,
      workflows: workflows(state.case),
      zonesKnown: times.zonesKnown,
      zoneAsked: state.case.zoneAsked === true,
      zoneStepMinutes: times.zoneStepMinutes,
    },
    settings,
  );
}

function serverTimes(state: State, context: ReadContext): ServerTimes {
  return toServerTime(state.case, context.clientZone ? { clientZone: context.clientZone, today: context.today } : { today: context.today });
}

function verdictOf(
  settings: RestartWindowSettings,
  state: State,
  judgement: CaseJudgement & { kind: 'coincides' | 'differs' },
  times: ServerTimes,
  context: ReadContext,
): RuleVerdict {
  const zone = times.zone;
  const serverTime: TextRef = zone ? { key: 'serverTimeIn', vars: { zone: zone.label } } : { key: 'serverTime' };
  const names = workflows(state.case);
  if (judgement.kind === 'differs') {
    const blocks: VerdictBlock[] = [
      { kind: 'heading', text: { key: 'verdict.differTitle' } },
      {
        kind: 'text',
        text: {
          key: 'verdict.differBody',
          vars: {
            errors: judgement.errors.map((error) => formatClock(error)),
            restart: clock(judgement.nearestRestart),
            before: settings.coincidence.minutesBefore,
            after: settings.coincidence.minutesAfter,
            serverTime,
          },
        },
      },
      { kind: 'bullets', title: { key: 'verdict.nextStepsTitle' }, items: [{ key: 'verdict.nextSteps' }] },
    ];
    if (times.successes.length) blocks.push({ kind: 'text', text: { key: 'verdict.successes', vars: { times: times.successes.map((s) => formatClock(s)) } }, subtle: true });
    return { outcome: 'differs', fixes: false, blocks, startTimes: [], workflows: [], related: true };
  }

  const consoleZone = consoleZoneToShow(state.case, zone);
  const firstStart = judgement.schedule[0]?.startMinuteOfDay;
  const minutes = firstStart === undefined ? 0 : minutesAfter(judgement.restart, firstStart);
  const alternative = judgement.alternatives[0];
  const rows = judgement.schedule.map((row, i): TextRef => {
    const start = clock(row.startMinuteOfDay);
    const there = consoleZone && zone ? toZone(row.startMinuteOfDay, undefined, zone, consoleZone, context.today) : undefined;
    const alsoAt = judgement.alsoAfter.flatMap((fix) => fix.schedule.filter((other) => other.workflow === row.workflow).map((other) => clock(other.startMinuteOfDay)));
    const when: TextRef =
      i > 0
        ? { key: 'verdict.nextWhen' }
        : alternative !== undefined && judgement.schedule.length === 1
          ? { key: 'verdict.firstWhenOr', vars: { minutes, alternative: clock(alternative) } }
          : { key: 'verdict.firstWhen', vars: { minutes } };
    return {
      key: 'verdict.fixRow',
      vars: {
        workflow: plainName(row.workflow) ?? names[0] ?? UNKNOWN_WORKFLOW,
        start,
        serverTime,
        inConsole: there && consoleZone ? { key: 'verdict.inConsole', vars: { start: clock(there.minuteOfDay), zone: consoleZone.label } } : '',
        alsoAt: alsoAt.length ? { key: 'verdict.alsoAt', vars: { times: alsoAt } } : '',
        when,
      },
    };
  });
  const blocks: VerdictBlock[] = [
    { kind: 'heading', text: { key: 'verdict.coincideTitle' } },
    { kind: 'text', text: { key: 'verdict.coincideBody', vars: { errors: judgement.matching.map((error) => formatClock(error)), restart: clock(judgement.restart), serverTime } } },
  ];
  const duration = state.case.restartDurationMinutes ?? 0;
  if (duration > 0) blocks.push({ kind: 'text', text: { key: 'verdict.longRestart', vars: { minutes: duration, windowEnd: clock(judgement.window.to) } }, subtle: true });
  blocks.push({
    kind: 'steps',
    title: { key: 'verdict.fixTitle' },
    items: [
      { key: 'verdict.fixOpen', vars: { consolePath: settings.workflow.consolePath } },
      ...rows,
      { key: 'verdict.schedulerZone', vars: { serverTime } },
      { key: 'verdict.restartWorkflow' },
    ],
  });
  if (times.restarts.length > 1) blocks.push({ kind: 'text', text: { key: 'verdict.severalRestarts', vars: { restarts: times.restarts.map(clock) } }, subtle: true });
  blocks.push({ kind: 'bullets', title: { key: 'verdict.cautionsTitle' }, items: [{ key: 'verdict.cautions', vars: { minimum: settings.fix.minimumScheduleIntervalMinutes } }] });
  if (judgement.others.length)
    blocks.push({ kind: 'text', text: { key: 'verdict.othersNote', vars: { others: judgement.others.map((error) => formatClock(error)) } }, subtle: true });
  if (times.successes.length) blocks.push({ kind: 'text', text: { key: 'verdict.successes', vars: { times: times.successes.map((s) => formatClock(s)) } }, subtle: true });
  const startTimes = [...judgement.schedule.map((row) => clock(row.startMinuteOfDay)), ...judgement.alternatives.map(clock)];
  return {
    outcome: 'coincides',
    fixes: true,
    blocks,
    startTimes: startTimes.filter((time, i) => startTimes.indexOf(time) === i),
    workflows: judgement.schedule.flatMap((row) => (plainName(row.workflow) ? [plainName(row.workflow)!] : [])),
  };
}

/** "It still fails at 06:20 after the change": what failures after the new start mean. */
function afterFixNote(settings: RestartWindowSettings, before: State, times: string[], context: ReadContext): TextRef | undefined {
  const judgement = judge(settings, before, serverTimes(before, context));
  const start = judgement.kind === 'coincides' ? judgement.schedule[0] : undefined;
  return start ? { key: 'stillFails', vars: { times, start: clock(start.startMinuteOfDay) } } : undefined;
}

/** The console's zone when it is a real zone other than the server's: the fix gives its times there too. */
function consoleZoneToShow(current: Case, serverZone: ZoneRef | undefined): ZoneRef | undefined {
  const consoleZone = current.consoleZone;
  if (!serverZone || !isConcreteZone(consoleZone) || isServerZone(consoleZone) || sameZone(consoleZone, serverZone)) return undefined;
  return consoleZone;
}

/**
 * The failing workflows: a log line says which workflow failed; words are looser ("both
 * mcSynch_mcExec1 and mcSynch_mcExec2 blew up at 06:01"), so a typed error counts every
 * workflow named. Only plain names (letters, digits, _ . -): they are shown in bold.
 */
function workflows(current: Case): string[] {
  const fromLogs = current.errors.filter((error) => error.source === 'log').flatMap((error) => (error.workflow ? [error.workflow] : []));
  const typed = current.errors.some((error) => error.source !== 'log');
  const names = [...fromLogs, ...(typed || fromLogs.length === 0 ? current.workflows : [])];
  const plain: string[] = [];
  for (const name of names) {
    const shown = plainName(name);
    if (shown && !plain.some((seen) => seen.toLowerCase() === shown.toLowerCase())) plain.push(shown);
  }
  return plain;
}

/** A name as messages may show it, or nothing: markup or links in a pasted "name" are never shown. */
export function plainName(value: string | undefined): string | undefined {
  return value !== undefined && /^[\p{L}\p{N}_.-]{1,80}$/u.test(value) ? value : undefined;
}

/** "Noted: …" and "Corrected: …" items, from what the message changed in the case. */
function describeChanges(changes: readonly CaseChange[]): { noted: TextRef[]; corrected: TextRef[] } {
  const noted: TextRef[] = [];
  const corrected: TextRef[] = [];
  // A rough time ("right after midnight") is not repeated back: the exact minute is asked for.
  const addedErrors = changes.flatMap((change) => (change.kind === 'added' && change.role === 'error' && !change.value.vague ? [change.value] : []));
  if (addedErrors.length > 0) {
    const names = distinct(addedErrors.flatMap((fact) => (plainName(fact.workflow) ? [plainName(fact.workflow)!] : [])));
    noted.push({
      key: addedErrors.length > 1 ? 'note.errorsAt' : 'note.errorAt',
      vars: { times: addedErrors.map(timeWithZone), workflows: names.length ? { key: 'note.inWorkflows', vars: { workflows: names.map(bold) } } : '' },
    });
  }
  for (const change of changes) {
    if (change.kind === 'added' && change.role === 'restart') {
      noted.push(
        change.value.source === 'default'
          ? { key: 'note.restartDefault', vars: { time: formatClock(change.value) } }
          : { key: 'note.restartAt', vars: { times: [timeWithZone(change.value)] } },
      );
    } else if (change.kind === 'replaced') {
      const now: TextRef =
        change.role === 'error'
          ? { key: change.value.length > 1 ? 'note.errorsAt' : 'note.errorAt', vars: { times: change.value.map(timeWithZone), workflows: '' } }
          : { key: 'note.restartAt', vars: { times: change.value.map(timeWithZone) } };
      const isCorrection = change.previous.length > 0 && !change.previous.some((fact) => fact.source === 'default');
      if (isCorrection) corrected.push({ key: 'note.was', vars: { now, old: change.previous.map((fact) => formatClock(fact)) } });
      else noted.push(now);
    } else if (change.kind === 'zone') {
      const text: TextRef =
        change.which === 'serverZone'
          ? { key: 'note.serverZone', vars: { zone: change.value.label } }
          : isServerZone(change.value)
            ? { key: 'note.consoleIsServer' }
            : { key: 'note.consoleZone', vars: { zone: change.value.label } };
      (change.previous ? corrected : noted).push(text);
    } else if (change.kind === 'duration') {
      (change.previous === undefined ? noted : corrected).push({ key: 'note.duration', vars: { minutes: change.value } });
    }
  }
  const named = changes.flatMap((change) => (change.kind === 'workflow' && plainName(change.value) ? [plainName(change.value)!] : []));
  if (addedErrors.length === 0 && named.length > 0) noted.push({ key: 'note.workflows', vars: { workflows: named.map(bold) } });
  return { noted, corrected };
}

/** A reply to what is not a fact: a question, "I don't know", an approximate or ambiguous time. */
function asideOf(settings: RestartWindowSettings, reading: Reading, asking: string | undefined): TextRef | undefined {
  const howToFindRestart: TextRef = { key: 'restartTime.howToFind', vars: { defaultTime: settings.restart.defaultTime, attribute: settings.restart.configAttribute } };
  const howToFindError: TextRef = { key: 'errorTime.howToFind', vars: { consolePath: settings.workflow.consolePath } };
  if (reading.dontKnow) {
    const about = reading.dontKnow === 'unknown' ? roleOfAsking(asking) : reading.dontKnow;
    if (about === 'restart') return howToFindRestart;
    if (about === 'zone') return { key: 'consoleZone.howToFind' };
    return howToFindError;
  }
  if (reading.question) {
    if (reading.question === 'whereRestartTime') return howToFindRestart;
    if (reading.question === 'whereErrorTime') return howToFindError;
    if (reading.question === 'whatZone') return { key: 'consoleZone.howToFind' };
    if (asking && asking !== 'feedback') return { key: `${asking}.help`, vars: factVars(settings, asking) };
  }
  if (reading.partOfDay || reading.times.some((time) => time.vague)) return { key: 'exactErrorTime.body' };
  if (reading.unreadTimes?.some((time) => time.reason === 'ambiguous')) return { key: 'ambiguousTime' };
  return undefined;
}

function noErrorLine(current: Case): TextRef {
  return current.successes.length ? { key: 'noErrorLineSuccesses', vars: { times: current.successes.map((s) => formatClock(s)) } } : { key: 'noErrorLine' };
}

/** The values a fact's texts need. */
function factVars(settings: RestartWindowSettings, fact: string): TextRef['vars'] {
  if (fact === 'errorTime') return { consolePath: settings.workflow.consolePath };
  if (fact === 'restartTime') return { defaultTime: settings.restart.defaultTime };
  return {};
}

/** The answer's text: a card input when the card sent one, else what was typed. */
function answerText(input: { text: string; value: Readonly<Record<string, unknown>> }): string {
  for (const id of ANSWER_INPUTS) {
    const value = input.value[id];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  if (input.value.sameAsServer === true) return 'same as the server';
  if (input.value.dontKnow === true) return "I don't know";
  return input.text;
}

function expectingOf(asking: string | undefined): Expecting | undefined {
  if (asking === 'exactErrorTime' || asking === 'errorTime') return 'errorTime';
  if (asking === 'restartTime' || asking === 'consoleZone' || asking === 'feedback') return asking;
  return undefined;
}

function answeredQuestion(asking: string | undefined): AnsweredQuestion | undefined {
  if (asking === 'errorTime' || asking === 'exactErrorTime') return 'errorTime';
  if (asking === 'restartTime' || asking === 'consoleZone') return asking;
  return undefined;
}

function roleOfAsking(asking: string | undefined): 'error' | 'restart' | 'zone' {
  if (asking === 'restartTime') return 'restart';
  if (asking === 'consoleZone') return 'zone';
  return 'error';
}

function hoursText(minutes: number): TextRef {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? { key: 'hoursMinutes', vars: { hours, minutes: rest } } : { key: 'hours', vars: { hours } };
}

function bold(name: string): string {
  return `**${name}**`;
}

function distinct(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) === i);
}
