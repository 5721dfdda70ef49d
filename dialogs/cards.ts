import { CardFactory, type Attachment } from 'botbuilder';
import type { Catalog } from '../src/i18n/catalog';
import type { FixView } from '../src/i18n/texts';
import type { Article } from '../src/kb/types';

/**
 * Adaptive Cards (schema 1.5, what Teams renders) for what the bot shows. Every button is a
 * Universal Action (Action.Execute, verb = its kbAction) with an Action.Submit fallback for
 * clients that cannot run it (the Emulator, Web Chat, the terminal chat): Teams delivers the
 * first as an `adaptiveCard/action` invoke (src/teams turns it into the message the dialogs
 * read), the second as a message with empty text and `data` plus the card's inputs in `value`.
 * Each card also carries, out of band (cardInfo), what it is and its quick answers, for the
 * Teams presentation (suggested actions, feedback controls, per-user views) in src/teams.
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

/** What a card is, for the presentation of a channel (src/teams); never sent. */
export type CardKind = 'article' | 'offer' | 'choice' | 'yesNo' | 'errorTime' | 'restartTime' | 'exactMinute' | 'consoleZone' | 'verdict' | 'feedback';

export interface CardInfo {
  kind: CardKind;
  /** The catalogue the card was written in. */
  catalog: Catalog;
  /** The article shown (article and offer cards). */
  article?: string;
  /** A verdict card's verdict. */
  verdict?: 'coincides' | 'differs';
  /** Answers a user may give with one tap, as the text a typed answer would be (at most 3 are used). */
  quickAnswers: Array<{ title: string; text: string }>;
}

const CARD_INFO = new WeakMap<Attachment, CardInfo>();

/** What a card made here is, or undefined for any other attachment. */
export function cardInfo(attachment: Attachment): CardInfo | undefined {
  return CARD_INFO.get(attachment);
}

function described(attachment: Attachment, info: CardInfo): Attachment {
  CARD_INFO.set(attachment, info);
  return attachment;
}

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

/** A button: Action.Execute (verb = kbAction) for Universal Actions clients, Action.Submit for the rest. */
function submit(title: string, data: SubmitData, style?: 'positive' | 'destructive'): Element {
  const styled = style ? { style } : {};
  return { type: 'Action.Execute', title, verb: data.kbAction, data, ...styled, fallback: { type: 'Action.Submit', title, data, ...styled } };
}

/**
 * The same card for someone other than the person whose check it is (a group chat or channel):
 * what it says without its inputs and answer buttons, whose check it is, and a button to start
 * one's own. Links (Action.OpenUrl) stay.
 */
export function othersViewCard(content: Record<string, unknown>, c: Catalog, ownerName: string): Record<string, unknown> {
  const body = Array.isArray(content.body) ? (content.body as Element[]).filter((element) => !String(element.type).startsWith('Input.')) : [];
  const links = Array.isArray(content.actions) ? (content.actions as Element[]).filter((action) => action.type === 'Action.OpenUrl') : [];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [text(c.teams.whoseCheck(ownerName), { weight: 'Bolder', color: 'Accent' }), ...body, text(c.teams.othersHint, { isSubtle: true, spacing: 'Medium' })],
    actions: [submit(c.teams.startOwn, { kbAction: 'offer', answer: 'yes' }, 'positive'), ...links],
  };
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
  return described(card(body, actions), {
    kind: offerCheck ? 'offer' : 'article',
    catalog: c,
    article: article.number,
    quickAnswers: offerCheck ? yesNoAnswers(c) : [],
  });
}

function yesNoAnswers(c: Catalog): CardInfo['quickAnswers'] {
  return [
    { title: c.yes, text: c.yes },
    { title: c.no, text: c.no },
  ];
}

/** Several close articles to choose from. */
export function choiceCard(articles: Article[], c: Catalog, retry: boolean): Attachment {
  // At most three quick answers: the articles, and "none of these" when there is room.
  const quick = articles.slice(0, 3).map((article, i) => ({ title: `${i + 1}. ${article.number}`, text: article.number }));
  if (quick.length < 3) quick.push({ title: c.noneOfThese, text: c.noneOfThese });
  const attachment = card(
    [text(retry ? c.choiceRetry : c.choiceIntro), ...articles.map((article, i) => text(`${i + 1}. ${article.title} (${article.number})`, { spacing: 'Small' }))],
    [
      ...articles.map((article, i) => submit(`${i + 1}. ${article.number}`, { kbAction: 'choose', article: article.number })),
      submit(c.noneOfThese, { kbAction: 'choose', none: true }),
    ],
  );
  return described(attachment, { kind: 'choice', catalog: c, quickAnswers: quick });
}

/** Yes/no repeated after an answer the bot could not read. */
export function yesNoCard(c: Catalog, question: string, kbAction: 'offer'): Attachment {
  return described(card([text(question)], [submit(c.yes, { kbAction, answer: 'yes' }, 'positive'), submit(c.no, { kbAction, answer: 'no' })]), {
    kind: 'yesNo',
    catalog: c,
    quickAnswers: yesNoAnswers(c),
  });
}

export function errorTimeCard(c: Catalog, consolePath: string, retry: boolean): Attachment {
  const attachment = card(
    [
      heading(c.errorTime.title),
      text(retry ? c.errorTime.retry : c.errorTime.whereToLook(consolePath)),
      { type: 'Input.Text', id: 'errorTime', isMultiline: true, placeholder: c.errorTime.placeholder, maxLength: 4000 },
    ],
    [submit(c.send, { kbAction: 'errorTime' }, 'positive')],
  );
  return described(attachment, { kind: 'errorTime', catalog: c, quickAnswers: [] });
}

export function restartTimeCard(c: Catalog, retry: boolean, defaultTime: string): Attachment {
  const attachment = card(
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
  const useDefault = c.restartTime.useDefault(defaultTime);
  return described(attachment, { kind: 'restartTime', catalog: c, quickAnswers: [{ title: useDefault, text: useDefault }] });
}

/** The error time given was approximate ("around 6"): the exact minute from the log. */
export function exactMinuteCard(c: Catalog, retry: boolean): Attachment {
  const attachment = card(
    [
      heading(c.case.exactMinute.title),
      text(retry ? c.errorTime.retry : c.case.exactMinute.body),
      { type: 'Input.Text', id: 'exactErrorTime', isMultiline: true, placeholder: c.case.exactMinute.placeholder, maxLength: 4000 },
    ],
    [submit(c.send, { kbAction: 'exactErrorTime' }, 'positive')],
  );
  return described(attachment, { kind: 'exactMinute', catalog: c, quickAnswers: [] });
}

/** The errors are a whole number of hours from the restart: which zone the console shows. */
export function consoleZoneCard(c: Catalog, retry: boolean, shift: string | undefined, clientZone: string | undefined): Attachment {
  const q = c.case.consoleZoneQuestion;
  const body: Element[] = [heading(q.title), text(retry ? c.help.consoleZone : shift ? q.body(shift) : c.help.consoleZone)];
  if (clientZone && !retry) body.push(text(q.clientHint(clientZone), { isSubtle: true }));
  body.push({ type: 'Input.Text', id: 'consoleZone', placeholder: q.placeholder, maxLength: 200 });
  const attachment = card(body, [
    submit(c.send, { kbAction: 'consoleZone' }, 'positive'),
    submit(q.sameAsServer, { kbAction: 'consoleZone', sameAsServer: true }),
    submit(c.restartTime.dontKnow, { kbAction: 'consoleZone', dontKnow: true }),
  ]);
  return described(attachment, { kind: 'consoleZone', catalog: c, quickAnswers: [] });
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
  return described(card(body, actions), { kind: 'verdict', catalog: c, verdict: view.coincides ? 'coincides' : 'differs', quickAnswers: [] });
}

export function feedbackCard(c: Catalog): Attachment {
  const attachment = card([text(c.askFeedback)], [submit(c.helpful, { kbAction: 'feedback', helpful: true }, 'positive'), submit(c.notHelpful, { kbAction: 'feedback', helpful: false })]);
  return described(attachment, { kind: 'feedback', catalog: c, quickAnswers: [] });
}
