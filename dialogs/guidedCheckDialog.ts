import { MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { readFacts, type Reading } from '../src/case/readFacts';
import { emptyCase, type AnsweredQuestion, type Case, type Expecting } from '../src/case/types';
import { applyReading, toServerTime, type CaseChange, type ServerTimes } from '../src/case/updateCase';
import { isConcreteZone, isServerZone, sameZone, toZone, type ZoneRef } from '../src/case/zones';
import { judgeCase, type CaseJudgement } from '../src/check/judgeCase';
import { catalog, type CaseFacts, type Catalog } from '../src/i18n/catalog';
import type { FixRow } from '../src/i18n/texts';
import { checkPatterns, type GuidedCheckData } from '../src/kb/checkData';
import type { Language } from '../src/kb/types';
import { recognizeYesNo } from '../src/language/intents';
import type { KbIndex } from '../src/search/searchIndex';
import { formatClock } from '../src/time/clock';
import { articleCard, consoleZoneCard, errorTimeCard, exactMinuteCard, feedbackCard, restartTimeCard, verdictCard } from './cards';
import type { ConversationLanguage } from './conversationLanguage';
import { noteTurn, type CheckEvent } from './turnNotes';
import { plainName, userInput, type UserInput } from './userInput';

/**
 * KA-05406's check as a conversation about one case. Every message is read for every fact it
 * holds (error and restart times, zones, the restart's duration, workflows, corrections), the
 * facts go where they belong whatever was asked, the bot says what it understood, asks only for
 * what is still missing, and judges again whenever a fact changes, after the verdict too.
 */

export interface GuidedCheckOptions {
  /** The user's question, for related articles when the restart is not the cause. */
  question: string;
  /** What the user said before the check began (the question, the answer to the offer): read for facts first. */
  said: string[];
}

/** The question the check has open. */
type Asking = 'errorTime' | 'restartTime' | 'exactErrorTime' | 'consoleZone' | 'feedback';

interface CheckState {
  case: Case;
  asking: Asking;
  /** The question answered before: what a correction with no cue words is about. */
  lastAnswered?: AnsweredQuestion;
  unreadable: number;
  question: string;
  /** The verdict given last ('coincides' | 'differs'), and the first start it proposed. */
  verdict?: { kind: 'coincides' | 'differs'; firstStart?: string };
}

/** After this many unreadable answers in a row the check stops, with the summary. */
const MAX_UNREADABLE_ANSWERS = 3;
const RELATED_ARTICLES = 3;
const RELATED_MIN_SCORE = 0.3;
/** A message this long (in words) that finds another article is a new question, not an answer. */
const MIN_QUESTION_WORDS = 3;

export class GuidedCheckDialog extends Dialog<GuidedCheckOptions> {
  private readonly patterns;
  private readonly defaultRestartMinute: number;

  constructor(
    id: string,
    private readonly check: GuidedCheckData,
    private readonly index: KbIndex,
    private readonly language: ConversationLanguage,
    private readonly record: (event: CheckEvent) => void,
  ) {
    super(id);
    this.patterns = checkPatterns(check);
    const [hours = 6, minutes = 0] = check.restart.defaultTime.split(':').map(Number);
    this.defaultRestartMinute = hours * 60 + minutes;
  }

  /** The question open, for the turn log: errorTime, restartTime, exactErrorTime, consoleZone or feedback. */
  waitingFor(instance: DialogInstance): string {
    return (instance.state as CheckState).asking;
  }

  /** Which help text applies while this check waits (see CancelAndHelpDialog). */
  helpKey(instance: DialogInstance): keyof Catalog['help'] {
    const asking = (instance.state as CheckState).asking;
    return asking === 'exactErrorTime' ? 'exactMinute' : asking;
  }

  override async beginDialog(dc: DialogContext, options?: GuidedCheckOptions): Promise<DialogTurnResult> {
    const state: CheckState = { case: emptyCase(), asking: 'errorTime', unreadable: 0, question: options?.question ?? '' };
    dc.activeDialog!.state = state;
    const language = await this.language.get(dc.context);
    const changes: CaseChange[] = [];
    // The question is read for what it says outright; a time with no words around it in the
    // answer to the offer ("yes, 06:02") answers the check's first question, the error time.
    for (const [k, text] of (options?.said ?? []).entries()) {
      if (!text.trim()) continue;
      const expecting = k === 0 ? 'offer' : 'errorTime';
      const applied = applyReading(state.case, this.read(text, language, state, expecting), { expecting: expectingOf(expecting), defaultRestartMinute: this.defaultRestartMinute });
      state.case = applied.case;
      changes.push(...applied.changes);
    }
    // A workflow named in the question is no news to the user; times and zones from it are.
    return this.advance(dc, state, changes.some((change) => change.kind !== 'workflow') ? changes : [], false);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as CheckState;
    const input = userInput(context.activity);
    const language = await this.language.get(context);
    const c = catalog(language);

    // Teams' own feedback controls may bring a comment: the reason when not helpful.
    if (input.value.kbAction === 'feedback' && state.asking === 'feedback') return this.finish(dc, state, input.value.helpful === true, typeof input.value.comment === 'string' ? input.value.comment : '');
    const text = answerText(input);
    // An edited message (Teams) is read as the answer to the question it answered (kbEdit), or as the question itself ('offer').
    // An edited answer replaces what it said: a correction of the question it answered.
    const edit = isEditOf(input.value.kbEdit) ? input.value.kbEdit : undefined;
    const readAs = edit ?? state.asking;
    const read: Reading = input.value.useDefault === true ? { times: [], successes: [], workflows: [], useDefault: true } : this.read(text, language, state, readAs);
    const reading: Reading = edit && edit !== 'offer' ? { ...read, correction: true } : read;
    const lastAnswered = edit && edit !== 'offer' ? answeredQuestion(edit) : state.lastAnswered;
    const applied = applyReading(state.case, reading, { expecting: expectingOf(readAs), lastAnswered, defaultRestartMinute: this.defaultRestartMinute });
    const factChanges = applied.changes.filter((change) => change.kind !== 'added' || change.role !== 'success' || state.asking !== 'feedback');

    if (state.asking === 'feedback') {
      const helpful = typeof input.value.helpful === 'boolean' ? input.value.helpful : reading.yesNo ?? notHelpfulWords(text);
      if (helpful === false || (helpful === undefined && factChanges.length === 0)) {
        if (helpful === undefined) return this.unreadable(dc, state);
        return this.finish(dc, state, false, text, applied.case);
      }
      if (factChanges.length > 0 && helpful !== true) {
        state.case = applied.case;
        await context.sendActivity(c.case.rejudged);
        return this.advance(dc, state, factChanges, true);
      }
      return this.finish(dc, state, true, '');
    }

    state.case = applied.case;
    if (factChanges.length > 0) {
      state.unreadable = 0;
      const answered = answeredQuestion(state.asking);
      if (answered) state.lastAnswered = answered;
      return this.advance(dc, state, factChanges, false);
    }

    // Nothing new for the case: a question, "I don't know", a vague or unreadable time, or another topic.
    // A question that is not about the restart or the zones may be about another article: that first.
    const aboutTheCheck = reading.question === 'whereRestartTime' || reading.question === 'whatZone';
    if (reading.question && !aboutTheCheck && (await this.answeredAnotherQuestion(context, text, language))) {
      state.unreadable = 0;
      await context.sendActivity(c.case.resume);
      return this.advance(dc, state, [], false, true);
    }
    const aside = this.aside(reading, state, c);
    if (aside) {
      state.unreadable = 0;
      await context.sendActivity(aside);
      return this.advance(dc, state, [], false, true);
    }
    if (await this.answeredAnotherQuestion(context, text, language)) {
      state.unreadable = 0;
      await context.sendActivity(c.case.resume);
      return this.advance(dc, state, [], false, true);
    }
    return this.unreadable(dc, state, reading);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as CheckState, false);
  }

  private read(text: string, language: Language, state: CheckState, expecting: Asking | 'offer'): Reading {
    const context = { language, patterns: this.patterns, input: 'typed' as const, expecting: expectingOf(expecting) };
    return readFacts(text, state.lastAnswered ? { ...context, lastAnswered: state.lastAnswered } : context);
  }

  /** Says what changed, then asks for what is missing or gives the verdict. */
  private async advance(dc: DialogContext, state: CheckState, changes: CaseChange[], rejudge: boolean, quiet = false): Promise<DialogTurnResult> {
    const { context } = dc;
    const language = await this.language.get(context);
    const c = catalog(language);
    const note = describeChanges(changes, c);
    if (note && !quiet) await context.sendActivity(note);

    const times = this.serverTimes(state, context);
    const judgement = this.judge(state, times);
    if (judgement.kind === 'needs' || judgement.kind === 'askConsoleZone') {
      if (judgement.kind === 'askConsoleZone') state.case.zoneAsked = true;
      let asking: Asking = judgement.kind === 'askConsoleZone' ? 'consoleZone' : judgement.what;
      // "Right after midnight": the exact minute first, while the user has the log open.
      if (asking === 'restartTime' && state.case.errors.length > 0 && state.case.errors.every((error) => error.vague)) asking = 'exactErrorTime';
      if (asking === 'errorTime' && state.case.successes.length > 0 && state.case.errors.length === 0 && !quiet) {
        await context.sendActivity(c.case.noErrorLine(state.case.successes.map((s) => formatClock(s))));
      }
      state.asking = asking;
      await this.ask(context, state, false, judgement, times);
      return Dialog.EndOfTurn;
    }

    // A verdict, the first or a new one: say it only when it is new or the facts changed.
    const firstStart = judgement.kind === 'coincides' && judgement.schedule[0] ? clock(judgement.schedule[0].startMinuteOfDay) : undefined;
    const unchanged = state.verdict?.kind === judgement.kind && state.verdict.firstStart === firstStart && !rejudge && changes.length === 0;
    if (!unchanged) await this.giveVerdict(context, state, judgement, times, c, language);
    state.verdict = firstStart ? { kind: judgement.kind, firstStart } : { kind: judgement.kind };
    state.asking = 'feedback';
    await context.sendActivity(MessageFactory.attachment(feedbackCard(c)));
    return Dialog.EndOfTurn;
  }

  private serverTimes(state: CheckState, context: TurnContext): ServerTimes {
    const clientZone = typeof context.activity.localTimezone === 'string' ? context.activity.localTimezone : undefined;
    const today = new Date().toISOString().slice(0, 10);
    return toServerTime(state.case, clientZone ? { clientZone, today } : { today });
  }

  private judge(state: CheckState, times: ServerTimes): CaseJudgement {
    return judgeCase(
      {
        errors: times.errors,
        restarts: times.restarts,
        restartDurationMinutes: state.case.restartDurationMinutes ?? 0,
        workflows: this.workflows(state.case),
        zonesKnown: times.zonesKnown,
        zoneAsked: state.case.zoneAsked === true,
        zoneStepMinutes: times.zoneStepMinutes,
      },
      this.check,
    );
  }

  /**
   * The failing workflows: a log line says which workflow failed; words are looser ("both
   * mcSynch_mcExec1 and mcSynch_mcExec2 blew up at 06:01"), so a typed error counts every
   * workflow named. Only plain names are shown.
   */
  private workflows(current: Case): string[] {
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

  private async ask(context: TurnContext, state: CheckState, retry: boolean, judgement?: CaseJudgement, times?: ServerTimes): Promise<void> {
    const c = catalog(await this.language.get(context));
    switch (state.asking) {
      case 'errorTime':
        await context.sendActivity(MessageFactory.attachment(errorTimeCard(c, this.check.workflow.consolePath, retry)));
        return;
      case 'restartTime':
        await context.sendActivity(MessageFactory.attachment(restartTimeCard(c, retry, this.check.restart.defaultTime)));
        return;
      case 'exactErrorTime':
        await context.sendActivity(MessageFactory.attachment(exactMinuteCard(c, retry)));
        return;
      case 'consoleZone': {
        const shift = judgement?.kind === 'askConsoleZone' ? Math.abs(judgement.offsetMinutes) : undefined;
        const hint = times?.clientZoneHint ?? this.serverTimes(state, context).clientZoneHint;
        await context.sendActivity(MessageFactory.attachment(consoleZoneCard(c, retry, shift === undefined ? undefined : hoursText(shift, c), hint?.label)));
        return;
      }
      case 'feedback':
        await context.sendActivity(MessageFactory.attachment(feedbackCard(c)));
        return;
    }
  }

  /** A reply to what is not a fact: a question, "I don't know", a vague or ambiguous time. */
  private aside(reading: Reading, state: CheckState, c: Catalog): string | undefined {
    const consolePath = this.check.workflow.consolePath;
    const restartHelp = c.restartHowToFind(this.check.restart.defaultTime, this.check.restart.configAttribute);
    if (reading.dontKnow) {
      const about = reading.dontKnow === 'unknown' ? roleOfAsking(state.asking) : reading.dontKnow;
      if (about === 'restart') return restartHelp;
      if (about === 'zone') return c.case.zoneHowToFind;
      return c.case.errorTimeHowToFind(consolePath);
    }
    if (reading.question) {
      if (reading.question === 'whereRestartTime') return restartHelp;
      if (reading.question === 'whereErrorTime') return c.case.errorTimeHowToFind(consolePath);
      if (reading.question === 'whatZone') return c.case.zoneHowToFind;
      if (state.asking !== 'feedback') return c.help[this.helpKey({ id: this.id, state })];
    }
    if (reading.partOfDay || reading.times.some((time) => time.vague)) {
      state.asking = state.asking === 'errorTime' || state.asking === 'exactErrorTime' ? 'exactErrorTime' : state.asking;
      return c.case.exactMinute.body;
    }
    if (reading.unreadTimes?.some((time) => time.reason === 'ambiguous')) return c.case.ambiguousTime;
    return undefined;
  }

  /** A message mid-check that finds another article: show it, and keep the check open. */
  private async answeredAnotherQuestion(context: TurnContext, text: string, language: Language): Promise<boolean> {
    if (text.split(/\s+/).length < MIN_QUESTION_WORDS) return false;
    const best = this.index.search(text, { fallbackLanguage: language }).hits[0];
    if (!best || best.number === this.check.article) return false;
    const article = this.index.get(best.number, language);
    if (!article) return false;
    noteTurn(context, { article: best.number, score: best.score });
    await context.sendActivity(MessageFactory.attachment(articleCard(article, catalog(language), false)));
    return true;
  }

  private async unreadable(dc: DialogContext, state: CheckState, reading?: Reading): Promise<DialogTurnResult> {
    state.unreadable++;
    const c = catalog(await this.language.get(dc.context));
    if (state.unreadable >= MAX_UNREADABLE_ANSWERS) {
      await dc.context.sendActivity(c.gaveUp);
      await this.sendSummary(dc.context, state, c);
      return dc.endDialog();
    }
    if (reading?.unreadTimes?.some((time) => time.reason === 'ambiguous')) await dc.context.sendActivity(c.case.ambiguousTime);
    await this.ask(dc.context, state, true);
    return Dialog.EndOfTurn;
  }

  private async giveVerdict(context: TurnContext, state: CheckState, judgement: CaseJudgement, times: ServerTimes, c: Catalog, language: Language): Promise<void> {
    if (judgement.kind !== 'coincides' && judgement.kind !== 'differs') return;
    const zone = times.zone;
    const serverTime = c.case.serverTime(zone?.label);
    const consoleZone = this.consoleZoneToShow(state.case, zone);
    const workflows = this.workflows(state.case);
    const schedule: FixRow[] =
      judgement.kind === 'coincides'
        ? judgement.schedule.map((row) => {
            const fixRow: FixRow = { workflow: plainName(row.workflow) ?? workflows[0] ?? c.unknownWorkflow, start: clock(row.startMinuteOfDay) };
            const there = consoleZone && zone ? toZone(row.startMinuteOfDay, undefined, zone, consoleZone, today()) : undefined;
            if (there) fixRow.consoleStart = clock(there.minuteOfDay);
            const alsoAt = judgement.alsoAfter.flatMap((fix) => fix.schedule.filter((other) => other.workflow === row.workflow).map((other) => clock(other.startMinuteOfDay)));
            if (alsoAt.length > 0) fixRow.alsoAt = alsoAt;
            return fixRow;
          })
        : [];
    const related =
      judgement.kind === 'differs'
        ? this.index
            .rank(state.question, { language })
            .filter((hit) => hit.number !== this.check.article && hit.score >= RELATED_MIN_SCORE)
            .slice(0, RELATED_ARTICLES)
            .map((hit) => hit.article)
        : [];
    const restarts = times.restarts.map(clock);
    const restart = clock(judgement.kind === 'coincides' ? judgement.restart : judgement.nearestRestart);
    const firstStart = schedule[0]?.start;
    const duration = state.case.restartDurationMinutes ?? 0;
    const card = verdictCard(
      {
        coincides: judgement.kind === 'coincides',
        errorTimes: (judgement.kind === 'coincides' ? judgement.matching : judgement.errors).map((e) => formatClock(e)),
        restartTime: restart,
        serverTime,
        fix: {
          consolePath: this.check.workflow.consolePath,
          rows: schedule,
          serverTime,
          ...(consoleZone ? { consoleZone: consoleZone.label } : {}),
          minutesAfterRestart: judgement.kind === 'coincides' && judgement.schedule[0] ? minutesFrom(judgement.restart, judgement.schedule[0].startMinuteOfDay) : 0,
          ...(judgement.kind === 'coincides' && judgement.alternatives[0] !== undefined ? { alternative: clock(judgement.alternatives[0]) } : {}),
        },
        otherErrorTimes: judgement.kind === 'coincides' ? judgement.others.map((e) => formatClock(e)) : [],
        restartTimes: restarts.length > 1 ? restarts : [],
        ...(duration > 0 && judgement.kind === 'coincides' ? { longRestart: { minutes: duration, windowEnd: clock(judgement.window.to) } } : {}),
        successTimes: times.successes.map((s) => formatClock(s)),
        minutesBefore: this.check.coincidence.minutesBefore,
        minutesAfter: this.check.coincidence.minutesAfter,
        minimumIntervalMinutes: this.check.fix.minimumScheduleIntervalMinutes,
        related,
      },
      c,
    );
    await context.sendActivity(MessageFactory.attachment(card));
    const verdict = judgement.kind;
    noteTurn(context, { article: this.check.article, verdict });
    this.record({
      event: 'verdict',
      article: this.check.article,
      coincides: verdict === 'coincides',
      startTimes: [...schedule.map((row) => row.start), ...(judgement.kind === 'coincides' ? judgement.alternatives.map(clock) : [])].filter(distinctValues),
      workflows: schedule.map((row) => row.workflow).filter((name) => name !== c.unknownWorkflow),
      ...(firstStart ? {} : {}),
    });
  }

  /** The console's zone, when it is a real zone other than the server's: the fix gives its times there too. */
  private consoleZoneToShow(current: Case, serverZone: ZoneRef | undefined): ZoneRef | undefined {
    const consoleZone = current.consoleZone;
    if (!serverZone || !isConcreteZone(consoleZone) || isServerZone(consoleZone) || sameZone(consoleZone, serverZone)) return undefined;
    return consoleZone;
  }

  private async finish(dc: DialogContext, state: CheckState, helpful: boolean, text: string, updated?: Case): Promise<DialogTurnResult> {
    const { context } = dc;
    const c = catalog(await this.language.get(context));
    const verdict = state.verdict?.kind;
    noteTurn(context, { article: this.check.article, helpful });
    this.record(verdict ? { event: 'feedback', article: this.check.article, helpful, verdict } : { event: 'feedback', article: this.check.article, helpful });
    const reason = helpful ? undefined : reasonOf(text);
    if (helpful) {
      await context.sendActivity(c.feedbackThanks);
    } else if (reason) {
      await context.sendActivity(c.case.notHelpfulNoted(reason));
      // "It still fails at 06:20 after the change": failures after the new start.
      const later = updated ? updated.errors.filter((error) => !state.case.errors.some((seen) => seen.minuteOfDay === error.minuteOfDay)) : [];
      if (later.length > 0 && state.verdict?.firstStart) await context.sendActivity(c.case.stillFails(later.map((e) => formatClock(e)), state.verdict.firstStart));
      else await context.sendActivity(c.feedbackSorry);
    } else {
      await context.sendActivity(c.feedbackSorry);
    }
    await this.sendSummary(context, state, c, reason);
    return dc.endDialog();
  }

  private async sendSummary(context: TurnContext, state: CheckState, c: Catalog, notHelpfulReason?: string): Promise<void> {
    const times = this.serverTimes(state, context);
    const judgement = this.judge(state, times);
    const workflows = this.workflows(state.case);
    const zone = times.zone;
    const facts: CaseFacts = {
      article: this.check.article,
      workflows: workflows.length > 0 ? workflows : [c.unknownWorkflow],
      errorTimes: times.errors.map((e) => `${formatClock(e)}${e.vague ? '?' : ''}`),
      restartTimes: times.restarts.map(clock),
      schedule: [],
      otherErrorTimes: [],
      successTimes: times.successes.map((s) => formatClock(s)),
    };
    if (state.case.restartDurationMinutes) facts.restartDurationMinutes = state.case.restartDurationMinutes;
    if (zone) facts.serverZone = zone.label;
    const consoleZone = state.case.consoleZone;
    if (consoleZone && !isServerZone(consoleZone)) facts.consoleZone = consoleZone.label;
    if (state.verdict && (judgement.kind === 'coincides' || judgement.kind === 'differs')) {
      facts.verdict = judgement.kind;
      if (judgement.kind === 'coincides') {
        facts.schedule = judgement.schedule.map((row) => ({ workflow: plainName(row.workflow) ?? workflows[0] ?? c.unknownWorkflow, start: clock(row.startMinuteOfDay) }));
        if (judgement.alternatives[0] !== undefined) facts.alternative = clock(judgement.alternatives[0]);
        facts.otherErrorTimes = judgement.others.map((e) => formatClock(e));
      }
    }
    if (notHelpfulReason) facts.notHelpfulReason = notHelpfulReason;
    await context.sendActivity(`${c.summaryIntro}\n\n${c.caseSummary(facts)}`);
  }
}

/** "Noted: …" and "Corrected: …", from what the message changed in the case. */
function describeChanges(changes: readonly CaseChange[], c: Catalog): string | undefined {
  const noted: string[] = [];
  const corrected: string[] = [];
  // A rough time ("right after midnight") is not repeated back: the exact minute is asked for.
  const addedErrors = changes.flatMap((change) => (change.kind === 'added' && change.role === 'error' && !change.value.vague ? [change.value] : []));
  if (addedErrors.length > 0) {
    noted.push(c.case.errorAt(addedErrors.map(timeWithZone), distinct(addedErrors.flatMap((fact) => (fact.workflow && plainName(fact.workflow) ? [plainName(fact.workflow)!] : [])))));
  }
  const addedRestarts = changes.flatMap((change) => (change.kind === 'added' && change.role === 'restart' ? [change.value] : []));
  for (const fact of addedRestarts) noted.push(fact.source === 'default' ? c.case.restartDefault(formatClock(fact)) : c.case.restartAt([timeWithZone(fact)]));
  for (const change of changes) {
    if (change.kind === 'replaced') {
      const now = change.role === 'error' ? c.case.errorAt(change.value.map((fact) => formatClock(fact)), []) : c.case.restartAt(change.value.map(timeWithZone));
      const target = change.previous.length === 0 || change.previous.some((fact) => fact.source === 'default') ? noted : corrected;
      target.push(`${now}${change.previous.length && target === corrected ? c.case.was(change.previous.map((fact) => formatClock(fact))) : ''}`);
    } else if (change.kind === 'zone') {
      const text = change.which === 'serverZone' ? c.case.serverZone(change.value.label) : isServerZone(change.value) ? c.case.consoleIsServer : c.case.consoleZone(change.value.label);
      (change.previous ? corrected : noted).push(text);
    } else if (change.kind === 'duration') {
      (change.previous === undefined ? noted : corrected).push(c.case.duration(change.value));
    }
  }
  const workflowsOnly = changes.filter((change) => change.kind === 'workflow').map((change) => (change.kind === 'workflow' ? plainName(change.value) : undefined));
  if (addedErrors.length === 0 && workflowsOnly.length > 0) {
    const names = workflowsOnly.filter((name): name is string => name !== undefined);
    if (names.length > 0) noted.push(c.case.workflows(names));
  }
  const lines = [noted.length ? c.case.noted(noted) : '', corrected.length ? c.case.corrected(corrected) : ''].filter(Boolean);
  return lines.length ? lines.join('\n\n') : undefined;
}

function timeWithZone(fact: { minuteOfDay: number; second?: number; zone?: ZoneRef }): string {
  const time = formatClock(fact);
  return fact.zone && !isServerZone(fact.zone) ? `${time} ${fact.zone.label}` : time;
}

/** The answer's text: a card input when the card sent one, else what was typed. */
function answerText(input: UserInput): string {
  for (const id of ['errorTime', 'restartTime', 'exactErrorTime', 'consoleZone']) {
    const value = input.value[id];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  if (input.value.sameAsServer === true) return 'same as the server';
  if (input.value.dontKnow === true) return "I don't know";
  return input.text;
}

function isEditOf(value: unknown): value is Asking | 'offer' {
  return value === 'offer' || value === 'errorTime' || value === 'restartTime' || value === 'exactErrorTime' || value === 'consoleZone';
}

function expectingOf(asking: Asking | 'offer'): Expecting | undefined {
  if (asking === 'exactErrorTime') return 'errorTime';
  return asking;
}

function answeredQuestion(asking: Asking): AnsweredQuestion | undefined {
  if (asking === 'errorTime' || asking === 'exactErrorTime') return 'errorTime';
  if (asking === 'restartTime' || asking === 'consoleZone') return asking;
  return undefined;
}

function roleOfAsking(asking: Asking): 'error' | 'restart' | 'zone' {
  if (asking === 'restartTime') return 'restart';
  if (asking === 'consoleZone') return 'zone';
  return 'error';
}

/** "Not helpful, it still fails…", "no funciona", "sigue fallando": a no without a yes/no word. */
function notHelpfulWords(text: string): boolean | undefined {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/\b(not helpful|didn t help|did not help|doesn t work|does not work|still fail\w*|no (me )?(ha )?(servido|sirvio|funciona|ayudo)|sigue fallando|todavia falla|aun falla|no ha funcionado)\b/.test(folded.replace(/'/g, ' '))) return false;
  return recognizeYesNo(text);
}

/** The user's reason for "not helpful", without the bare no. */
function reasonOf(text: string): string | undefined {
  const reason = text.replace(/^\s*(no|not helpful|no me ha servido|no me sirvi[oó])\s*[,.:;!-]*\s*/i, '').trim();
  return reason.length >= 3 ? reason.slice(0, 300) : undefined;
}

function hoursText(minutes: number, c: Catalog): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return c === catalog('es')
    ? `${hours ? `${hours} h` : ''}${rest ? ` ${rest} min` : ''}`.trim()
    : `${hours ? `${hours} h` : ''}${rest ? ` ${rest} min` : ''}`.trim();
}

function clock(minuteOfDay: number): string {
  return formatClock({ minuteOfDay: ((minuteOfDay % 1440) + 1440) % 1440 });
}

function minutesFrom(from: number, to: number): number {
  return (((to - from) % 1440) + 1440) % 1440;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function distinct(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) === i);
}

function distinctValues(value: string, i: number, all: string[]): boolean {
  return all.indexOf(value) === i;
}
