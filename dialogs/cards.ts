import { CardFactory, type Attachment } from 'botbuilder';
import type { Catalog } from '../src/i18n/catalog';
import type { FixView } from '../src/i18n/texts';
import type { Article } from '../src/kb/types';

/**
 * Adaptive Cards (schema 1.5, what Teams renders) for what the bot shows. Every button is a
 * plain Action.Submit: Teams delivers it as a message with empty text and `data` plus the
 * card's inputs in `value`, which the dialogs read as well as typed text.
 */

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/** What a card's buttons put in `value`; `kbAction` says which question they answer. */
export type SubmitData =
  | { kbAction: 'offer'; answer: 'yes' | 'no' }
  | { kbAction: 'choose'; article: string }
  | { kbAction: 'choose'; none: true }
  | { kbAction: 'errorTime' }
  | { kbAction: 'restartTime'; dontKnow?: boolean; useDefault?: boolean }
  | { kbAction: 'exactErrorTime' }
  | { kbAction: 'consoleZone'; sameAsServer?: boolean; dontKnow?: boolean }
  | { kbAction: 'feedback'; helpful: boolean };

type Element = Record<string, unknown>;

const MAX_TEXT = 600;

function card(body: Element[], actions: Element[] = []): Attachment {
  return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, ...(actions.length ? { actions } : {}) });
}

function text(value: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function heading(value: string): Element {
  return text(value, { size: 'Medium', weight: 'Bolder' });
}

function submit(title: string, data: SubmitData, style?: 'positive' | 'destructive'): Element {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}

function numbered(items: string[]): Element[] {
  return items.map((item, i) => text(`${i + 1}. ${item}`, { spacing: 'Small' }));
}

function bullets(items: string[]): Element[] {
  return items.map((item) => text(`- ${item}`, { spacing: 'Small' }));
}

function truncate(value: string): string {
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1).trimEnd()}…` : value;
}

/** An article: title, symptom, cause, number and link; with the guided check's offer when it has one. */
export function articleCard(article: Article, c: Catalog, offerCheck: boolean): Attachment {
  const body: Element[] = [heading(article.title)];
  const symptom = article.issue || article.description;
  if (symptom) body.push(text(c.article.symptom, { weight: 'Bolder', spacing: 'Medium' }), text(truncate(symptom)));
  if (article.cause) body.push(text(c.article.cause, { weight: 'Bolder', spacing: 'Medium' }), text(truncate(article.cause)));
  if (!offerCheck && article.resolution.length) {
    body.push(text(c.article.resolution, { weight: 'Bolder', spacing: 'Medium' }), ...numbered(article.resolution.slice(0, 6).map(truncate)));
  }
  body.push({ type: 'FactSet', facts: [{ title: c.article.number, value: article.number }], spacing: 'Medium' });
  const actions: Element[] = [{ type: 'Action.OpenUrl', title: c.article.open, url: article.url }];
  if (offerCheck) {
    body.push(text(c.offerCheck, { spacing: 'Medium' }));
    actions.unshift(submit(c.yes, { kbAction: 'offer', answer: 'yes' }, 'positive'), submit(c.no, { kbAction: 'offer', answer: 'no' }));
  }
  return card(body, actions);
}

/** Several close articles to choose from. */
export function choiceCard(articles: Article[], c: Catalog, retry: boolean): Attachment {
  return card(
    [text(retry ? c.choiceRetry : c.choiceIntro), ...articles.map((article, i) => text(`${i + 1}. ${article.title} (${article.number})`, { spacing: 'Small' }))],
    [
      ...articles.map((article, i) => submit(`${i + 1}. ${article.number}`, { kbAction: 'choose', article: article.number })),
      submit(c.noneOfThese, { kbAction: 'choose', none: true }),
    ],
  );
}

/** Yes/no repeated after an answer the bot could not read. */
export function yesNoCard(c: Catalog, question: string, kbAction: 'offer'): Attachment {
  return card([text(question)], [submit(c.yes, { kbAction, answer: 'yes' }, 'positive'), submit(c.no, { kbAction, answer: 'no' })]);
}

export function errorTimeCard(c: Catalog, consolePath: string, retry: boolean): Attachment {
  return card(
    [
      heading(c.errorTime.title),
      text(retry ? c.errorTime.retry : c.errorTime.whereToLook(consolePath)),
      { type: 'Input.Text', id: 'errorTime', isMultiline: true, placeholder: c.errorTime.placeholder, maxLength: 4000 },
    ],
    [submit(c.send, { kbAction: 'errorTime' }, 'positive')],
  );
}

export function restartTimeCard(c: Catalog, retry: boolean, defaultTime: string): Attachment {
  return card(
    [
      heading(c.restartTime.title),
      text(retry ? c.restartTime.retry : c.restartTime.body),
      { type: 'Input.Text', id: 'restartTime', placeholder: c.restartTime.placeholder, maxLength: 200 },
    ],
    [
      submit(c.send, { kbAction: 'restartTime' }, 'positive'),
      submit(c.restartTime.useDefault(defaultTime), { kbAction: 'restartTime', useDefault: true }),
      submit(c.restartTime.dontKnow, { kbAction: 'restartTime', dontKnow: true }),
    ],
  );
}

/** The error time given was approximate ("around 6"): the exact minute from the log. */
export function exactMinuteCard(c: Catalog, retry: boolean): Attachment {
  return card(
    [
      heading(c.case.exactMinute.title),
      text(retry ? c.errorTime.retry : c.case.exactMinute.body),
      { type: 'Input.Text', id: 'exactErrorTime', isMultiline: true, placeholder: c.case.exactMinute.placeholder, maxLength: 4000 },
    ],
    [submit(c.send, { kbAction: 'exactErrorTime' }, 'positive')],
  );
}

/** The errors are a whole number of hours from the restart: which zone the console shows. */
export function consoleZoneCard(c: Catalog, retry: boolean, shift: string | undefined, clientZone: string | undefined): Attachment {
  const q = c.case.consoleZoneQuestion;
  const body: Element[] = [heading(q.title), text(retry ? c.help.consoleZone : shift ? q.body(shift) : c.help.consoleZone)];
  if (clientZone && !retry) body.push(text(q.clientHint(clientZone), { isSubtle: true }));
  body.push({ type: 'Input.Text', id: 'consoleZone', placeholder: q.placeholder, maxLength: 200 });
  return card(body, [
    submit(c.send, { kbAction: 'consoleZone' }, 'positive'),
    submit(q.sameAsServer, { kbAction: 'consoleZone', sameAsServer: true }),
    submit(c.restartTime.dontKnow, { kbAction: 'consoleZone', dontKnow: true }),
  ]);
}

export interface VerdictView {
  coincides: boolean;
  /** When they coincide, the errors at the restart; otherwise all of them (server time). */
  errorTimes: string[];
  /** The restart they were judged against. */
  restartTime: string;
  /** "server time, UTC". */
  serverTime: string;
  fix: FixView;
  otherErrorTimes: string[];
  /** Every restart of the day, when there are several. */
  restartTimes: string[];
  longRestart?: { minutes: number; windowEnd: string };
  successTimes: string[];
  minutesBefore: number;
  minutesAfter: number;
  minimumIntervalMinutes: number;
  related: Article[];
}

/** The verdict: the fix with its times and cautions, or plainly that this is not the cause. */
export function verdictCard(view: VerdictView, c: Catalog): Attachment {
  const v = c.verdict;
  const body: Element[] = [];
  const actions: Element[] = [];
  if (view.coincides) {
    body.push(heading(v.coincideTitle), text(v.coincideBody(view.errorTimes, view.restartTime, view.serverTime)));
    if (view.longRestart) body.push(text(v.longRestart(view.longRestart.minutes, view.longRestart.windowEnd), { isSubtle: true }));
    body.push(text(v.fixTitle, { weight: 'Bolder', spacing: 'Medium' }), ...numbered(v.fixSteps(view.fix)));
    if (view.restartTimes.length > 1) body.push(text(v.severalRestarts(view.restartTimes), { isSubtle: true }));
    body.push(text(v.cautionsTitle, { weight: 'Bolder', spacing: 'Medium' }), ...bullets(v.cautions(view.minimumIntervalMinutes)));
    if (view.otherErrorTimes.length) body.push(text(v.othersNote(view.otherErrorTimes), { spacing: 'Medium', isSubtle: true }));
  } else {
    body.push(heading(v.differTitle), text(v.differBody(view.errorTimes, view.restartTime, view.minutesBefore, view.minutesAfter, view.serverTime)));
    body.push(text(v.nextStepsTitle, { weight: 'Bolder', spacing: 'Medium' }), ...bullets(v.nextSteps));
    if (view.related.length) {
      body.push(text(v.relatedArticles, { weight: 'Bolder', spacing: 'Medium' }), ...bullets(view.related.map((a) => `${a.title} (${a.number})`)));
      actions.push(...view.related.map((a) => ({ type: 'Action.OpenUrl', title: a.number, url: a.url })));
    }
  }
  if (view.successTimes.length) body.push(text(v.successes(view.successTimes), { spacing: 'Medium', isSubtle: true }));
  return card(body, actions);
}

export function feedbackCard(c: Catalog): Attachment {
  return card([text(c.askFeedback)], [submit(c.helpful, { kbAction: 'feedback', helpful: true }, 'positive'), submit(c.notHelpful, { kbAction: 'feedback', helpful: false })]);
}
