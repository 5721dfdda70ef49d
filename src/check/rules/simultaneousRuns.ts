/**
 * KA-23471, "mcSync workflows fails with deadlock error": on a marketing instance connected
 * to several execution (RT) instances, the mcSync workflows (one per execution instance,
 * mcSynch_mcExec1, mcSynch_mcExec2...) sometimes fail with "PGS-220000 PostgreSQL error:
 * ERROR: deadlock detected ... while updating tuple ... in relation "nmsdelivery"", because
 * they are scheduled to run at the same time; the fix is to change their schedulers so that
 * they run at different times (kb-corpus en/es KA-23471.md; domain-notes.md "The sibling
 * articles").
 *
 * The rule collects each mcSynch workflow's schedule (typed, or read off pasted journal
 * lines), finds the ones that run at the same time, and proposes staggered start minutes
 * with schedulePlan, which also keeps every run out of the restart windows (KA-05406) and
 * periods at the 15-minute minimum (scheduler.md). When none run together, it says so: the
 * deadlock has another cause.
 */
import { z } from 'zod';
import { fold } from '../../case/fold';
import { readSchedules, sameWorkflow, type ScheduleMention } from '../../case/schedules';
import { emptyCase, type Case } from '../../case/types';
import { recognizeYesNo } from '../../language/intents';
import type { CheckRule, FactQuestion, ReadContext, RuleStep, RuleVerdict, TextRef, VerdictBlock } from '../rule';
import { planSchedule, simultaneous, type PlanWorkflow } from '../schedulePlan';
import {
  every,
  findWorkflow,
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

const SimultaneousRunsSettingsSchema = ScheduleSettingsSchema.extend({
  /**
   * Runs that start less than this many minutes apart count as "at the same time". The
   * article says only "scheduled to run at the same time"; a sync run lasts longer than a
   * minute on a busy instance, so starts a few minutes apart still overlap (inference).
   */
  sameTimeMinutes: z.number().int().min(1).max(60),
});

export type SimultaneousRunsSettings = z.infer<typeof SimultaneousRunsSettingsSchema>;

interface WorkflowSchedule {
  name: string;
  periodMinutes?: number;
  /** A minute of the day it runs at, server time (for an hourly workflow, its minute of the hour will do). */
  startMinute?: number;
  /** The start as written, when a zone said later could move it. */
  written?: WrittenStart;
}

export interface SimultaneousRunsState {
  /** The restart, its duration and the zones, read by the case engine. */
  case: Case;
  workflows: WorkflowSchedule[];
  /** Said of all of them ("los tres mcSynch corren cada hora en punto"), names or not. */
  all?: { periodMinutes?: number; startMinute?: number; count?: number; written?: WrittenStart };
  /** The user said there is only one mcSynch workflow. */
  onlyOne?: true;
  /** The fact whose last answer held nothing, to ask again as a retry. */
  unread?: string;
}

const QUESTIONS: readonly FactQuestion[] = [
  { id: 'schedules', input: 'multiline', buttons: [{ key: 'schedules.onlyOne', value: { onlyOne: true } }] },
  { id: 'workflowNames', input: 'text' },
  { id: 'schedule', input: 'text' },
  { id: 'frequency', input: 'text', buttons: [{ key: 'frequency.default', value: { defaultFrequency: true } }] },
  { id: 'restartTime', input: 'text', buttons: [{ key: 'restartTime.useDefault', value: { useDefault: true } }] },
];

const TEXTS: Readonly<Record<string, readonly string[]>> = {
  offer: [],
  ...questionTexts('schedules'),
  'schedules.onlyOne': [],
  ...questionTexts('workflowNames', ['count']),
  ...questionTexts('schedule', ['workflow']),
  ...questionTexts('frequency', ['workflows']),
  'frequency.default': [],
  ...questionTexts('restartTime', ['default']),
  'restartTime.useDefault': ['default'],
  'noted.schedule': ['workflow', 'every', 'start'],
  'noted.every': ['workflow', 'every'],
  'noted.start': ['workflow', 'start'],
  'noted.allSchedule': ['every', 'start'],
  'noted.allEvery': ['every'],
  'noted.allStart': ['start'],
  'noted.count': ['count'],
  'noted.workflows': ['workflows'],
  'noted.onlyOne': [],
  'noted.restart': ['time'],
  'noted.restartDefault': ['time'],
  'noted.restartCorrected': ['time'],
  'noted.duration': ['minutes'],
  'noted.serverZone': ['zone'],
  'noted.consoleZone': ['zone'],
  'noted.consoleSameAsServer': [],
  'fix.heading': [],
  'fix.cause': ['workflows', 'start'],
  'fix.why': [],
  'fix.table.title': ['zone'],
  'fix.table.titleServer': [],
  'fix.table.workflow': [],
  'fix.table.every': [],
  'fix.table.start': [],
  'fix.table.zone': [],
  'fix.steps.title': [],
  'fix.steps.open': [],
  'fix.steps.scheduler': [],
  'fix.steps.timezone': ['zone'],
  'fix.steps.timezoneServer': [],
  'fix.steps.restart': [],
  'fix.cautions.title': [],
  'fix.cautions.window': ['windows'],
  'fix.cautions.raised': ['workflow', 'from', 'to'],
  'fix.cautions.unavoidable': ['workflow', 'every'],
  'fix.cautions.crowded': [],
  'fix.cautions.rights': [],
  'fix.ifStill': [],
  'noCollision.heading': [],
  'noCollision.body': ['schedules'],
  'noCollision.single': ['workflow'],
  'noCollision.next.title': [],
  'noCollision.next.serverLog': [],
  'noCollision.next.otherWorkflows': [],
  'noCollision.next.support': [],
  'summary.symptom': [],
  'summary.workflow': ['workflow', 'every', 'start'],
  'summary.workflowUnknown': ['workflow'],
  'summary.restart': ['time'],
  'summary.collide': ['workflows', 'start'],
  'summary.noCollision': [],
  'summary.proposal': ['workflow', 'every', 'start'],
};

/** "only one", "solo hay uno": the answer to "and the other mcSynch workflows?". */
const ONLY_ONE =
  /\b(?:only one|just one|just the one|there is no other|no others?|solo (?:hay |tenemos )?uno|solo (?:hay |tenemos )?un (?:flujo|workflow|mcsynch?)|unico|no hay (?:mas|otros?))\b/;

export const simultaneousRuns: CheckRule<SimultaneousRunsSettings, SimultaneousRunsState> = {
  name: 'simultaneousRuns',
  parseSettings: (settings) => parseWith(SimultaneousRunsSettingsSchema, settings),
  questions: QUESTIONS,
  texts: TEXTS,
  pasted: (settings) => patternsOf(settings).errorSignatures,
  start: () => ({ case: emptyCase(), workflows: [] }),

  read(settings, state, input, context) {
    const next: SimultaneousRunsState = JSON.parse(JSON.stringify(state)) as SimultaneousRunsState;
    const before = snapshot(next);
    const value = input.value ?? {};
    const text = typeof input.text === 'string' ? input.text : '';
    let understood = false;
    const noted: TextRef[] = [];

    if (value.onlyOne === true || (context.asking === 'schedules' && ONLY_ONE.test(fold(text)))) {
      next.onlyOne = true;
      noted.push({ key: 'noted.onlyOne' });
    }
    const period = readNumber(value, 'periodMinutes') ?? (value.defaultFrequency === true ? settings.defaultPeriodMinutes : undefined);
    if (period !== undefined) for (const workflow of lackingPeriod(next)) workflow.periodMinutes = period;

    const schedules = readSchedules(text, { language: context.language, workflowName: patternsOf(settings).workflowName });
    const added = schedules.workflows.filter((name) => !findWorkflow(next.workflows, name));
    for (const name of added) next.workflows.push({ name });
    // The restart and the zones first: a journal's times convert with the zones said in the same message.
    const read = readCase(next.case, schedules.rest, settings, context, value.useDefault === true);
    if (zonesChanged(next.case, read.case)) {
      // A zone said now moves the starts read before off journals or typed in a zone.
      for (const holder of [...next.workflows, ...(next.all ? [next.all] : [])]) {
        if (holder.written) holder.startMinute = toServerMinute(holder.written, read.case, context) ?? holder.startMinute;
      }
    }
    next.case = read.case;
    for (const mention of schedules.mentions) apply(next, mention, context);
    if (next.all) fillFromAll(next);
    const scheduleNoted = scheduleNotes(before, next);
    noted.push(...scheduleNoted, ...(added.length > 0 && scheduleNoted.length === 0 ? [{ key: 'noted.workflows', vars: { workflows: added } }] : []), ...read.noted);
    understood = noted.length > 0 || schedules.mentions.length > 0 || added.length > 0;

    // "I don't know" or a question about the open question: its help (scheduleReading).
    const asking = context.asking;
    const corrected = [...read.corrected];
    understood ||= corrected.length > 0;
    if (!understood && asking === 'restartTime' && recognizeYesNo(text) === true) {
      // "Yes" to the restart question, whose button offers the default: the default.
      const again = readCase(next.case, '', settings, context, true);
      next.case = again.case;
      noted.push(...again.noted);
      understood = again.understood;
    }
    return scheduleReading(state, next, { noted, corrected, understood, reading: read.reading }, asking);
  },

  next(settings, state, context) {
    const need = missing(state, settings.sameTimeMinutes);
    if (need) return askFor(state.unread, need.fact, need.vars);
    return verdictOrRestart(settings, state, effective(state), context);
  },

  summary(settings, state, context) {
    const lines: TextRef[] = [{ key: 'summary.symptom' }];
    for (const workflow of effective(state)) {
      if (workflow.periodMinutes === undefined) lines.push({ key: 'summary.workflowUnknown', vars: { workflow: workflow.name } });
      else
        lines.push({
          key: 'summary.workflow',
          vars: { workflow: workflow.name, every: every(workflow.periodMinutes), start: startText(workflow.periodMinutes, workflow.startMinute ?? 0) },
        });
    }
    const { restarts } = restartsOf(state.case, settings, context);
    if (restarts.length > 0) lines.push({ key: 'summary.restart', vars: { time: restarts.map(clock) } });
    const step = missing(state, settings.sameTimeMinutes) ? undefined : verdictOrRestart(settings, state, effective(state), context);
    if (step?.kind === 'verdict') {
      if (step.verdict.fixes) {
        for (const group of collisions(settings, effective(state))) lines.push({ key: 'summary.collide', vars: { workflows: group.names, start: group.start } });
        for (const row of step.verdict.blocks.flatMap((block) => (block.kind === 'table' ? block.rows : [])))
          lines.push({ key: 'summary.proposal', vars: { workflow: row[0]!, every: row[1]!, start: row[2]! } });
      } else lines.push({ key: 'summary.noCollision' });
    }
    return lines;
  },
};

function snapshot(state: SimultaneousRunsState): string[] {
  return effective(state).map((workflow) => JSON.stringify(workflow));
}

/** Who a schedule is about: the workflows it names; all of them; the one or ones the open question is about; else all. */
function apply(state: SimultaneousRunsState, mention: ScheduleMention, context: ReadContext): void {
  const startMinute = toServerMinute(mention, state.case, context);
  const written = writtenStart(mention);
  const set = (workflow: { periodMinutes?: number; startMinute?: number; written?: WrittenStart }) => {
    if (mention.periodMinutes !== undefined) workflow.periodMinutes = mention.periodMinutes;
    if (startMinute !== undefined) {
      workflow.startMinute = startMinute;
      if (written) workflow.written = written;
      else delete workflow.written;
    }
    // "mcSynch_mcExec2 a las y 15": a minute of the hour alone is said of a workflow that runs every hour (inference).
    if (mention.minuteOfHour && workflow.periodMinutes === undefined && state.all?.periodMinutes === undefined) workflow.periodMinutes = 60;
  };
  if (mention.workflows.length > 0) {
    for (const name of mention.workflows) {
      let workflow = findWorkflow(state.workflows, name);
      if (!workflow) state.workflows.push((workflow = { name }));
      set(workflow);
    }
    return;
  }
  const lacking = state.workflows.filter((workflow) => effectiveOf(state, workflow).startMinute === undefined);
  let targets: WorkflowSchedule[] | 'all' = 'all';
  if (!mention.all) {
    if (context.asking === 'schedule' && lacking[0]) targets = [lacking[0]];
    else if (context.asking === 'frequency' && mention.startMinute === undefined) targets = lackingPeriod(state).length > 0 ? lackingPeriod(state) : 'all';
    else if (lacking.length === 1 && state.workflows.length > 1) targets = lacking;
  }
  if (targets === 'all') {
    state.all = { ...state.all };
    set(state.all);
    if (mention.all?.count !== undefined) state.all.count = mention.all.count;
    for (const workflow of state.workflows) set(workflow);
  } else for (const workflow of targets) set(workflow);
}

function fillFromAll(state: SimultaneousRunsState): void {
  for (const workflow of state.workflows) {
    if (workflow.periodMinutes === undefined && state.all?.periodMinutes !== undefined) workflow.periodMinutes = state.all.periodMinutes;
    if (workflow.startMinute === undefined && state.all?.startMinute !== undefined) workflow.startMinute = state.all.startMinute;
  }
}

function effectiveOf(state: SimultaneousRunsState, workflow: WorkflowSchedule): Omit<WorkflowSchedule, 'written'> {
  const result: Omit<WorkflowSchedule, 'written'> = { name: workflow.name };
  const period = workflow.periodMinutes ?? state.all?.periodMinutes;
  const start = workflow.startMinute ?? state.all?.startMinute;
  if (period !== undefined) result.periodMinutes = period;
  if (start !== undefined) result.startMinute = start;
  return result;
}

function effective(state: SimultaneousRunsState): Array<Omit<WorkflowSchedule, 'written'>> {
  return state.workflows.map((workflow) => effectiveOf(state, workflow));
}

function lackingPeriod(state: SimultaneousRunsState): WorkflowSchedule[] {
  return state.workflows.filter((workflow) => effectiveOf(state, workflow).periodMinutes === undefined);
}

/** "Noted: mcSynch_mcExec1 runs every 1 h, at :00" for each workflow whose schedule changed; for all of them while no name is known. */
function scheduleNotes(before: readonly string[], state: SimultaneousRunsState): TextRef[] {
  const notes: TextRef[] = [];
  if (state.workflows.length === 0 && state.all) {
    const { periodMinutes, startMinute, count } = state.all;
    if (count !== undefined) notes.push({ key: 'noted.count', vars: { count } });
    if (periodMinutes !== undefined && startMinute !== undefined)
      notes.push({ key: 'noted.allSchedule', vars: { every: every(periodMinutes), start: startText(periodMinutes, startMinute) } });
    else if (periodMinutes !== undefined) notes.push({ key: 'noted.allEvery', vars: { every: every(periodMinutes) } });
    else if (startMinute !== undefined) notes.push({ key: 'noted.allStart', vars: { start: startText(undefined, startMinute) } });
    return notes;
  }
  for (const workflow of effective(state)) {
    if (before.includes(JSON.stringify(workflow))) continue;
    const { name, periodMinutes, startMinute } = workflow;
    if (periodMinutes !== undefined && startMinute !== undefined)
      notes.push({ key: 'noted.schedule', vars: { workflow: name, every: every(periodMinutes), start: startText(periodMinutes, startMinute) } });
    else if (periodMinutes !== undefined) notes.push({ key: 'noted.every', vars: { workflow: name, every: every(periodMinutes) } });
    else if (startMinute !== undefined) notes.push({ key: 'noted.start', vars: { workflow: name, start: startText(undefined, startMinute) } });
  }
  return notes;
}

/** The fact still missing, in the order of the questions. */
function missing(state: SimultaneousRunsState, sameTime: number): { fact: string; vars?: TextRef['vars'] } | undefined {
  const count = state.all?.count ?? 0;
  if (state.workflows.length < 2 && !state.onlyOne) {
    if (count > state.workflows.length) return { fact: 'workflowNames', vars: { count } };
    // Names without schedules, or nothing yet: the schedules (a journal gives names and times at once).
    const lacking = effective(state).find((workflow) => workflow.startMinute === undefined);
    if (state.workflows.length === 1 && lacking) return { fact: 'schedule', vars: { workflow: lacking.name } };
    return { fact: 'schedules' };
  }
  if (count > state.workflows.length) return { fact: 'workflowNames', vars: { count } };
  // Runs closer together than twice "the same time" meet whatever their start: the start is not asked (it is taken as :00).
  const noStart = effective(state).find((workflow) => workflow.startMinute === undefined && !(workflow.periodMinutes !== undefined && workflow.periodMinutes < 2 * sameTime));
  if (noStart) return { fact: 'schedule', vars: { workflow: noStart.name } };
  const noPeriod = lackingPeriod(state);
  if (noPeriod.length > 0) return { fact: 'frequency', vars: { workflows: noPeriod.map((workflow) => workflow.name) } };
  return undefined;
}

function planInput(workflows: readonly WorkflowSchedule[]): PlanWorkflow[] {
  return workflows.map((workflow) => ({ name: workflow.name, periodMinutes: workflow.periodMinutes!, startMinute: workflow.startMinute ?? 0 }));
}

function collisions(settings: SimultaneousRunsSettings, workflows: readonly WorkflowSchedule[]): Array<{ names: string[]; start: string }> {
  return simultaneous(planInput(workflows), settings.sameTimeMinutes).map((group) => {
    const first = workflows.find((workflow) => sameWorkflow(workflow.name, group.names[0]!))!;
    return { names: group.names, start: startText(first.periodMinutes, group.minute) };
  });
}

function verdictOrRestart(settings: SimultaneousRunsSettings, state: SimultaneousRunsState, workflows: WorkflowSchedule[], context: ReadContext): RuleStep {
  if (workflows.length < 2) return { kind: 'verdict', verdict: noCollision(workflows, true) };
  const groups = collisions(settings, workflows);
  if (groups.length === 0) return { kind: 'verdict', verdict: noCollision(workflows, false) };
  if (state.case.restarts.length === 0) return askFor(state.unread, 'restartTime', { default: settings.defaultRestartTime });
  return { kind: 'verdict', verdict: fix(settings, state, workflows, groups, context) };
}

function noCollision(workflows: readonly WorkflowSchedule[], single: boolean): RuleVerdict {
  const blocks: VerdictBlock[] = [{ kind: 'heading', text: { key: 'noCollision.heading' } }];
  if (single) blocks.push({ kind: 'text', text: { key: 'noCollision.single', vars: { workflow: workflows[0]?.name ?? 'mcSynch' } } });
  else
    blocks.push({
      kind: 'text',
      text: { key: 'noCollision.body', vars: { schedules: workflows.map((w) => `${w.name} ${startText(w.periodMinutes, w.startMinute ?? 0)} (${every(w.periodMinutes!)})`) } },
    });
  blocks.push({
    kind: 'bullets',
    title: { key: 'noCollision.next.title' },
    items: [{ key: 'noCollision.next.serverLog' }, { key: 'noCollision.next.otherWorkflows' }, { key: 'noCollision.next.support' }],
  });
  return { outcome: 'noCollision', fixes: false, blocks, startTimes: [], workflows: workflows.map((workflow) => workflow.name), related: true };
}

function fix(
  settings: SimultaneousRunsSettings,
  state: SimultaneousRunsState,
  workflows: WorkflowSchedule[],
  groups: ReadonlyArray<{ names: string[]; start: string }>,
  context: ReadContext,
): RuleVerdict {
  const { windows, zone } = restartsOf(state.case, settings, context);
  const plan = planSchedule(planInput(workflows), windows, { stepMinutes: settings.stepMinutes, minimumIntervalMinutes: settings.minimumIntervalMinutes });
  const blocks: VerdictBlock[] = [{ kind: 'heading', text: { key: 'fix.heading' } }];
  for (const group of groups) blocks.push({ kind: 'text', text: { key: 'fix.cause', vars: { workflows: group.names, start: group.start } } });
  blocks.push({ kind: 'text', text: { key: 'fix.why' } });
  const columns: TextRef[] = [{ key: 'fix.table.workflow' }, { key: 'fix.table.every' }, { key: 'fix.table.start' }, ...(zone ? [{ key: 'fix.table.zone' }] : [])];
  blocks.push({
    kind: 'table',
    title: zone ? { key: 'fix.table.title', vars: { zone: zone.label } } : { key: 'fix.table.titleServer' },
    columns,
    rows: plan.rows.map((row) => [row.name, every(row.periodMinutes), startText(row.periodMinutes, row.startMinute), ...(zone ? [zone.label] : [])]),
  });
  blocks.push({
    kind: 'steps',
    title: { key: 'fix.steps.title' },
    items: [
      { key: 'fix.steps.open' },
      { key: 'fix.steps.scheduler' },
      zone ? { key: 'fix.steps.timezone', vars: { zone: zone.label } } : { key: 'fix.steps.timezoneServer' },
      { key: 'fix.steps.restart' },
    ],
  });
  const cautions: TextRef[] = [{ key: 'fix.cautions.window', vars: { windows: windows.map((window) => `${clock(window.from)}–${clock(window.to)}`) } }];
  for (const row of plan.rows) {
    if (row.periodMinutes !== row.previousPeriodMinutes)
      cautions.push({ key: 'fix.cautions.raised', vars: { workflow: row.name, from: every(row.previousPeriodMinutes), to: every(row.periodMinutes) } });
    if (!row.clear) cautions.push({ key: 'fix.cautions.unavoidable', vars: { workflow: row.name, every: every(row.periodMinutes) } });
  }
  if (!plan.feasible) cautions.push({ key: 'fix.cautions.crowded' });
  cautions.push({ key: 'fix.cautions.rights' });
  blocks.push({ kind: 'bullets', title: { key: 'fix.cautions.title' }, items: cautions });
  blocks.push({ kind: 'text', text: { key: 'fix.ifStill' }, subtle: true });
  const startTimes = [...plan.rows.map((row) => row.startMinute)].sort((a, b) => a - b).map(clock);
  return { outcome: 'staggered', fixes: true, blocks, startTimes, workflows: plan.rows.map((row) => row.name) };
}
