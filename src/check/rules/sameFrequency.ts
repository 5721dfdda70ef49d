/**
 * KA-22897, "Tracking data not synced from RT to MKT (on-premises)": tracking is right on the
 * execution (RT) instance but missing on the marketing (MKT) instance. The article's example:
 * the sync workflow on MKT checks every 2 minutes and only picks up the tracking logs of the
 * last 2 minutes, while RT updates its tracking logs hourly, so MKT only sees the logs from
 * minute 58 of each hour. The fix: change the Scheduler of the sync workflow on MKT to run
 * at the same frequency as RT collects tracking (its example: hourly); to recover the lost
 * tracking, if the older tracking logs still exist on RT, move the MC_LastTlRtSynch_1
 * pointer (Administration > Platform > Options) to the moment the loss began; once synced,
 * keep the matching frequency (kb-corpus en/es KA-22897.md; domain-notes.md).
 *
 * Inference: the article's "Sync workflow in the MKT instance" is the Message Center sync
 * workflow mcSynch_<external account>, which collects events, delivery logs and tracking from
 * the execution instance (domain-notes.md, message-center-control.md).
 *
 * The new start minute comes from schedulePlan: no run in the restart window (KA-05406), and
 * the 15-minute minimum of scheduler.md.
 */
import { z } from 'zod';
import { readSchedules, type InstanceSide } from '../../case/schedules';
import { emptyCase, type Case } from '../../case/types';
import { recognizeYesNo } from '../../language/intents';
import type { CheckRule, FactQuestion, ReadContext, RuleVerdict, TextRef, VerdictBlock } from '../rule';
import { planSchedule } from '../schedulePlan';
import {
  every,
  parseWith,
  patternsOf,
  readCase,
  readNumber,
  restartsOf,
  ScheduleSettingsSchema,
  scheduleReading,
  startText,
  toServerMinute,
  writtenStart,
  zonesChanged,
  type WrittenStart,
} from './scheduleFacts';
import { askFor, clock, questionTexts } from './ruleKit';

const SameFrequencySettingsSchema = ScheduleSettingsSchema.extend({
  /** How to name the sync workflow when the user gave no name ("mcSynch_…": "<instance>" would be read as markup by Teams). */
  workflowLabel: z.string().min(1),
  /** The Tracking workflow's default frequency on RT: every hour (accessing-the-tracking-logs.md: "executed every hour by default"). */
  defaultTrackingPeriodMinutes: z.number().int().min(1).max(1440),
});

export type SameFrequencySettings = z.infer<typeof SameFrequencySettingsSchema>;

export interface SameFrequencyState {
  case: Case;
  /** The sync workflow on MKT. */
  marketing: { name?: string; periodMinutes?: number; startMinute?: number; written?: WrittenStart };
  /** RT's tracking collection. */
  execution: { periodMinutes?: number };
  /** Tracking logs from before the loss still exist on RT. */
  olderLogs?: boolean;
  unread?: string;
}

const QUESTIONS: readonly FactQuestion[] = [
  { id: 'mktFrequency', input: 'text' },
  { id: 'rtFrequency', input: 'text', buttons: [{ key: 'rtFrequency.default', value: { defaultFrequency: true } }] },
  {
    id: 'olderLogs',
    input: 'text',
    buttons: [
      { key: 'olderLogs.yes', value: { olderLogs: true } },
      { key: 'olderLogs.no', value: { olderLogs: false } },
    ],
  },
  { id: 'restartTime', input: 'text', buttons: [{ key: 'restartTime.useDefault', value: { useDefault: true } }] },
];

const TEXTS: Readonly<Record<string, readonly string[]>> = {
  offer: [],
  ...questionTexts('mktFrequency'),
  ...questionTexts('rtFrequency'),
  'rtFrequency.default': [],
  ...questionTexts('olderLogs'),
  'olderLogs.yes': [],
  'olderLogs.no': [],
  ...questionTexts('restartTime', ['default']),
  'restartTime.useDefault': ['default'],
  'noted.marketing': ['workflow', 'every'],
  'noted.marketingStart': ['workflow', 'start'],
  'noted.execution': ['every'],
  'noted.olderLogs': [],
  'noted.noOlderLogs': [],
  'noted.restart': ['time'],
  'noted.restartDefault': ['time'],
  'noted.restartCorrected': ['time'],
  'noted.duration': ['minutes'],
  'noted.serverZone': ['zone'],
  'noted.consoleZone': ['zone'],
  'noted.consoleSameAsServer': [],
  'fix.heading': [],
  'fix.causeHourly': ['mkt', 'minute'],
  'fix.causeFaster': ['mkt', 'rt'],
  'fix.causeSlower': ['mkt', 'rt'],
  'fix.rule': ['rt'],
  'fix.table.title': ['zone'],
  'fix.table.titleServer': [],
  'fix.table.workflow': [],
  'fix.table.every': [],
  'fix.table.start': [],
  'fix.table.zone': [],
  'fix.steps.title': [],
  'fix.steps.open': ['workflow'],
  'fix.steps.scheduler': ['every', 'start'],
  'fix.steps.timezone': ['zone'],
  'fix.steps.timezoneServer': [],
  'fix.steps.restart': [],
  'fix.steps.pointer': [],
  'fix.steps.keep': ['every'],
  'fix.noOlderLogs': [],
  'fix.cautions.title': [],
  'fix.cautions.window': ['windows'],
  'fix.cautions.minimum': ['rt', 'every'],
  'fix.cautions.unavoidable': ['every'],
  'fix.cautions.match': [],
  'fix.cautions.onPremises': [],
  'same.heading': [],
  'same.body': ['every'],
  'same.next.title': [],
  'same.next.trackingWorkflow': [],
  'same.next.syncJournal': [],
  'same.next.support': [],
  'summary.symptom': [],
  'summary.marketing': ['workflow', 'every'],
  'summary.marketingUnknown': ['workflow'],
  'summary.execution': ['every'],
  'summary.executionUnknown': [],
  'summary.olderLogs': [],
  'summary.noOlderLogs': [],
  'summary.restart': ['time'],
  'summary.fix': ['workflow', 'every', 'start'],
  'summary.same': [],
};

export const sameFrequency: CheckRule<SameFrequencySettings, SameFrequencyState> = {
  name: 'sameFrequency',
  parseSettings: (settings) => parseWith(SameFrequencySettingsSchema, settings),
  questions: QUESTIONS,
  texts: TEXTS,
  pasted: (settings) => patternsOf(settings).errorSignatures,
  start: () => ({ case: emptyCase(), marketing: {}, execution: {} }),

  read(settings, state, input, context) {
    const next: SameFrequencyState = JSON.parse(JSON.stringify(state)) as SameFrequencyState;
    const value = input.value ?? {};
    const text = typeof input.text === 'string' ? input.text : '';
    const asking = context.asking;
    const noted: TextRef[] = [];

    const period = readNumber(value, 'periodMinutes') ?? (value.defaultFrequency === true ? settings.defaultTrackingPeriodMinutes : undefined);
    if (period !== undefined) {
      if (asking === 'mktFrequency') next.marketing.periodMinutes = period;
      else next.execution.periodMinutes = period;
    }

    const schedules = readSchedules(text, { language: context.language, workflowName: patternsOf(settings).workflowName });
    if (schedules.workflows[0] && !next.marketing.name) next.marketing.name = schedules.workflows[0];
    // The restart and the zones first: a journal's times convert with the zones said in the same message.
    const read = readCase(next.case, schedules.rest, settings, context, value.useDefault === true || (asking === 'restartTime' && recognizeYesNo(text) === true));
    // A zone said now moves a start read before off a journal or typed in a zone.
    if (zonesChanged(next.case, read.case) && next.marketing.written)
      next.marketing.startMinute = toServerMinute(next.marketing.written, read.case, context) ?? next.marketing.startMinute;
    next.case = read.case;
    for (const mention of schedules.mentions) {
      const side = sideOf(mention.instance, mention.workflows.length > 0, asking, next);
      if (side === 'execution') {
        if (mention.periodMinutes !== undefined) next.execution.periodMinutes = mention.periodMinutes;
        continue;
      }
      if (mention.periodMinutes !== undefined) next.marketing.periodMinutes = mention.periodMinutes;
      const start = toServerMinute(mention, next.case, context);
      if (start !== undefined) {
        next.marketing.startMinute = start;
        const written = writtenStart(mention);
        if (written) next.marketing.written = written;
        else delete next.marketing.written;
      }
    }

    let olderLogs = typeof value.olderLogs === 'boolean' ? value.olderLogs : undefined;
    if (olderLogs === undefined && asking === 'olderLogs' && schedules.mentions.length === 0) olderLogs = read.reading.yesNo ?? recognizeYesNo(text);
    if (olderLogs !== undefined) next.olderLogs = olderLogs;

    const name = next.marketing.name ?? settings.workflowLabel;
    if (next.marketing.periodMinutes !== state.marketing.periodMinutes && next.marketing.periodMinutes !== undefined)
      noted.push({ key: 'noted.marketing', vars: { workflow: name, every: every(next.marketing.periodMinutes) } });
    if (next.marketing.startMinute !== state.marketing.startMinute && next.marketing.startMinute !== undefined)
      noted.push({ key: 'noted.marketingStart', vars: { workflow: name, start: startText(next.marketing.periodMinutes, next.marketing.startMinute) } });
    if (next.execution.periodMinutes !== state.execution.periodMinutes && next.execution.periodMinutes !== undefined)
      noted.push({ key: 'noted.execution', vars: { every: every(next.execution.periodMinutes) } });
    if (next.olderLogs !== state.olderLogs && next.olderLogs !== undefined) noted.push({ key: next.olderLogs ? 'noted.olderLogs' : 'noted.noOlderLogs' });
    noted.push(...read.noted);

    const understood = noted.length > 0 || read.corrected.length > 0 || schedules.mentions.length > 0;
    return scheduleReading(state, next, { noted, corrected: read.corrected, understood, reading: read.reading }, asking);
  },

  next(settings, state, context) {
    if (state.marketing.periodMinutes === undefined) return askFor(state.unread, 'mktFrequency');
    if (state.execution.periodMinutes === undefined) return askFor(state.unread, 'rtFrequency');
    if (state.marketing.periodMinutes === state.execution.periodMinutes) return { kind: 'verdict', verdict: same(settings, state) };
    if (state.olderLogs === undefined) return askFor(state.unread, 'olderLogs');
    if (state.case.restarts.length === 0) return askFor(state.unread, 'restartTime', { default: settings.defaultRestartTime });
    return { kind: 'verdict', verdict: fix(settings, state, context) };
  },

  summary(settings, state, context) {
    const name = state.marketing.name ?? settings.workflowLabel;
    const lines: TextRef[] = [{ key: 'summary.symptom' }];
    const { marketing, execution } = state;
    lines.push(
      marketing.periodMinutes === undefined
        ? { key: 'summary.marketingUnknown', vars: { workflow: name } }
        : { key: 'summary.marketing', vars: { workflow: name, every: every(marketing.periodMinutes) } },
    );
    lines.push(execution.periodMinutes === undefined ? { key: 'summary.executionUnknown' } : { key: 'summary.execution', vars: { every: every(execution.periodMinutes) } });
    if (state.olderLogs !== undefined) lines.push({ key: state.olderLogs ? 'summary.olderLogs' : 'summary.noOlderLogs' });
    const { restarts } = restartsOf(state.case, settings, context);
    if (restarts.length > 0) lines.push({ key: 'summary.restart', vars: { time: restarts.map(clock) } });
    const step = this.next(settings, state, context);
    if (step.kind === 'verdict') {
      if (step.verdict.fixes) {
        const row = step.verdict.blocks.flatMap((block) => (block.kind === 'table' ? block.rows : []))[0];
        if (row) lines.push({ key: 'summary.fix', vars: { workflow: row[0]!, every: row[1]!, start: row[2]! } });
      } else lines.push({ key: 'summary.same' });
    }
    return lines;
  },
};

/**
 * Which side a frequency is about: the words around it; a workflow name is the MKT sync
 * workflow's; else the open question's; else the side still missing, MKT first.
 */
function sideOf(instance: InstanceSide | undefined, named: boolean, asking: string | undefined, state: SameFrequencyState): InstanceSide {
  if (named) return 'marketing';
  if (instance) return instance;
  if (asking === 'mktFrequency') return 'marketing';
  if (asking === 'rtFrequency') return 'execution';
  return state.marketing.periodMinutes === undefined ? 'marketing' : 'execution';
}

function same(settings: SameFrequencySettings, state: SameFrequencyState): RuleVerdict {
  const blocks: VerdictBlock[] = [
    { kind: 'heading', text: { key: 'same.heading' } },
    { kind: 'text', text: { key: 'same.body', vars: { every: every(state.execution.periodMinutes!) } } },
    { kind: 'bullets', title: { key: 'same.next.title' }, items: [{ key: 'same.next.trackingWorkflow' }, { key: 'same.next.syncJournal' }, { key: 'same.next.support' }] },
  ];
  return { outcome: 'sameFrequency', fixes: false, blocks, startTimes: [], workflows: [state.marketing.name ?? settings.workflowLabel], related: true };
}

function fix(settings: SameFrequencySettings, state: SameFrequencyState, context: ReadContext): RuleVerdict {
  const mkt = state.marketing.periodMinutes!;
  const rt = state.execution.periodMinutes!;
  const name = state.marketing.name ?? settings.workflowLabel;
  const { windows, zone } = restartsOf(state.case, settings, context);
  const plan = planSchedule([{ name, periodMinutes: rt, startMinute: state.marketing.startMinute ?? 0 }], windows, {
    stepMinutes: settings.stepMinutes,
    minimumIntervalMinutes: settings.minimumIntervalMinutes,
  });
  const row = plan.rows[0]!;
  const start = startText(row.periodMinutes, row.startMinute);

  const blocks: VerdictBlock[] = [{ kind: 'heading', text: { key: 'fix.heading' } }];
  // The article's example and its arithmetic: MKT picks up the last `mkt` minutes at each run, RT writes once an hour.
  if (mkt < rt && rt === 60) blocks.push({ kind: 'text', text: { key: 'fix.causeHourly', vars: { mkt: every(mkt), minute: rt - mkt } } });
  else if (mkt < rt) blocks.push({ kind: 'text', text: { key: 'fix.causeFaster', vars: { mkt: every(mkt), rt: every(rt) } } });
  // A sync slower than RT is not the article's example; its resolution still says to run at RT's frequency (inference that it is the cause).
  else blocks.push({ kind: 'text', text: { key: 'fix.causeSlower', vars: { mkt: every(mkt), rt: every(rt) } } });
  blocks.push({ kind: 'text', text: { key: 'fix.rule', vars: { rt: every(rt) } } });
  blocks.push({
    kind: 'table',
    title: zone ? { key: 'fix.table.title', vars: { zone: zone.label } } : { key: 'fix.table.titleServer' },
    columns: [{ key: 'fix.table.workflow' }, { key: 'fix.table.every' }, { key: 'fix.table.start' }, ...(zone ? [{ key: 'fix.table.zone' }] : [])],
    rows: [[name, every(row.periodMinutes), start, ...(zone ? [zone.label] : [])]],
  });
  const steps: TextRef[] = [
    { key: 'fix.steps.open', vars: { workflow: name } },
    { key: 'fix.steps.scheduler', vars: { every: every(row.periodMinutes), start } },
    zone ? { key: 'fix.steps.timezone', vars: { zone: zone.label } } : { key: 'fix.steps.timezoneServer' },
    { key: 'fix.steps.restart' },
  ];
  if (state.olderLogs) steps.push({ key: 'fix.steps.pointer' }, { key: 'fix.steps.keep', vars: { every: every(row.periodMinutes) } });
  blocks.push({ kind: 'steps', title: { key: 'fix.steps.title' }, items: steps });
  if (!state.olderLogs) blocks.push({ kind: 'text', text: { key: 'fix.noOlderLogs' } });
  const cautions: TextRef[] = [{ key: 'fix.cautions.window', vars: { windows: windows.map((window) => `${clock(window.from)}–${clock(window.to)}`) } }];
  // RT collecting more often than scheduler.md's minimum: both sides at the minimum keeps them matching (inference from the article and scheduler.md).
  if (row.periodMinutes !== rt) cautions.push({ key: 'fix.cautions.minimum', vars: { rt: every(rt), every: every(row.periodMinutes) } });
  if (!row.clear) cautions.push({ key: 'fix.cautions.unavoidable', vars: { every: every(row.periodMinutes) } });
  cautions.push({ key: 'fix.cautions.match' }, { key: 'fix.cautions.onPremises' });
  blocks.push({ kind: 'bullets', title: { key: 'fix.cautions.title' }, items: cautions });
  return { outcome: 'differs', fixes: true, blocks, startTimes: [clock(row.startMinute)], workflows: [name] };
}
