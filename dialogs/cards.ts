import { CardFactory, type Attachment } from 'botbuilder-core';
import type { Catalog } from '../src/i18n/catalog';
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

const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const CARD_VERSION = '1.5';

/** What a card's buttons put in `value`; `kbAction` says which question they answer. */
type SubmitData =
  | { kbAction: 'offer'; answer: 'yes' | 'no'; article?: string }
  | { kbAction: 'choose'; article: string }
  | { kbAction: 'choose'; none: true }
  | { kbAction: 'errorTime' }
  | { kbAction: 'restartTime'; dontKnow?: boolean; useDefault?: boolean }
  | { kbAction: 'exactErrorTime' }
  | { kbAction: 'consoleZone'; sameAsServer?: boolean; dontKnow?: boolean }
  | { kbAction: 'feedback'; helpful: boolean }
  /** An answer to a guided check's question (any check file): the fact asked, and what the button adds. */
  | ({ kbAction: 'answer'; fact: string } & Record<string, string | boolean>);

type Element = Record<string, unknown>;

/** What a card is, for the presentation of a channel (src/teams); never sent. */
type CardKind = 'article' | 'offer' | 'choice' | 'yesNo' | 'errorTime' | 'restartTime' | 'exactMinute' | 'consoleZone' | 'question' | 'verdict' | 'feedback';

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
  const actions = Array.isArray(content.actions) ? (content.actions as Element[]) : [];
  const links = actions.filter((action) => action.type === 'Action.OpenUrl');
  // The article whose check this is, so that "start my own" starts the same check.
  const article = actions.map((action) => (action.data as { article?: unknown } | undefined)?.article).find((value): value is string => typeof value === 'string');
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [text(c.teams.whoseCheck(ownerName), { weight: 'Bolder', color: 'Accent' }), ...body, text(c.teams.othersHint, { isSubtle: true, spacing: 'Medium' })],
    actions: [submit(c.teams.startOwn, { kbAction: 'offer', answer: 'yes', ...(article ? { article } : {}) }, 'positive'), ...links],
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
/** `offerText`: the check's own offer (its file's `offer` text); the catalogue's general one when absent. */
export function articleCard(article: Article, c: Catalog, offerCheck: boolean, offerText?: string): Attachment {
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
    body.push(text(offerText ?? c.offerCheck, { spacing: 'Medium' }));
    actions.unshift(
      submit(c.yes, { kbAction: 'offer', answer: 'yes', article: article.number }, 'positive'),
      submit(c.no, { kbAction: 'offer', answer: 'no', article: article.number }),
    );
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

export function feedbackCard(c: Catalog): Attachment {
  const attachment = card(
    [text(c.askFeedback)],
    [submit(c.helpful, { kbAction: 'feedback', helpful: true }, 'positive'), submit(c.notHelpful, { kbAction: 'feedback', helpful: false })],
  );
  return described(attachment, { kind: 'feedback', catalog: c, quickAnswers: [] });
}

/** A guided check's question, in the words of its check file. */
export interface QuestionView {
  /** The fact asked: the card's input id, and what its answer fills. */
  fact: string;
  /** The article whose check asks it (for "start my own check" in a group chat). */
  article?: string;
  title: string;
  body: string;
  /** A subtle line under the body ("Your Teams is set to Europe/Madrid…"). */
  hint?: string;
  placeholder?: string;
  input: 'text' | 'multiline' | 'none';
  buttons: ReadonlyArray<{ title: string; value: Readonly<Record<string, string | boolean>> }>;
}

export function questionCard(view: QuestionView, c: Catalog): Attachment {
  const article: Record<string, string> = view.article ? { article: view.article } : {};
  const body: Element[] = [heading(view.title), text(view.body)];
  if (view.hint) body.push(text(view.hint, { isSubtle: true }));
  if (view.input !== 'none') body.push({ type: 'Input.Text', id: view.fact, isMultiline: view.input === 'multiline', placeholder: view.placeholder ?? '', maxLength: 4000 });
  const actions = [
    ...(view.input !== 'none' ? [submit(c.send, { kbAction: 'answer', fact: view.fact, ...article }, 'positive')] : []),
    ...view.buttons.map((button) => submit(button.title, { ...button.value, kbAction: 'answer', fact: view.fact, ...article })),
  ];
  // The buttons' titles read as typed answers too ("Use 06:00 (default)", "I don't know").
  return described(card(body, actions), { kind: 'question', catalog: c, quickAnswers: view.buttons.map((button) => ({ title: button.title, text: button.title })) });
}

/** A verdict's blocks, their texts already rendered from the check file. */
export type RenderedBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; subtle?: boolean }
  | { kind: 'steps' | 'bullets'; title: string; items: string[] }
  | { kind: 'table'; title: string; columns: string[]; rows: ReadonlyArray<readonly string[]> };

/** A guided check's verdict, and the articles that may help when the cause is elsewhere. */
export function blocksCard(blocks: readonly RenderedBlock[], related: readonly Article[], c: Catalog, outcome: string): Attachment {
  const body: Element[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') body.push(heading(block.text));
    else if (block.kind === 'text') body.push(text(block.text, block.subtle ? { isSubtle: true, spacing: 'Medium' } : {}));
    else if (block.kind === 'table') {
      body.push(text(block.title, { weight: 'Bolder', spacing: 'Medium' }), {
        type: 'Table',
        firstRowAsHeader: true,
        columns: block.columns.map(() => ({ width: 1 })),
        rows: [block.columns, ...block.rows].map((cells) => ({ type: 'TableRow', cells: cells.map((cell) => ({ type: 'TableCell', items: [text(cell)] })) })),
      });
    } else {
      body.push(text(block.title, { weight: 'Bolder', spacing: 'Medium' }), ...(block.kind === 'steps' ? numbered(block.items) : bullets(block.items)));
    }
  }
  const actions: Element[] = [];
  if (related.length) {
    body.push(text(c.relatedArticles, { weight: 'Bolder', spacing: 'Medium' }), ...bullets(related.map((a) => `${a.title} (${a.number})`)));
    actions.push(...related.map((a) => ({ type: 'Action.OpenUrl', title: a.number, url: a.url })));
  }
  const verdict: Pick<CardInfo, 'verdict'> = outcome === 'coincides' || outcome === 'differs' ? { verdict: outcome } : {};
  return described(card(body, actions), { kind: 'verdict', catalog: c, ...verdict, quickAnswers: [] });
}
