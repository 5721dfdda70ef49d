import type { Activity, CardAction } from 'botbuilder-core';

/**
 * Bot replies as plain text for a terminal: the message text, Adaptive Cards and hero cards
 * flattened to lines, and every action a user could click as a numbered option, "[1] Title",
 * so that the terminal chat can send what Teams would send for that click.
 * Pure: no I/O, nothing but the activity.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

/** What a numbered option does when chosen. */
export type ActionChoice =
  /**
   * An Adaptive Card Action.Submit: `data` and the card's input values, as the card holds them now.
   * `needsInput`: the card's text fields, all empty, when the button sends nothing but them (a
   * "Send" beside the field, as opposed to an "I don't know" with data of its own).
   */
  | { kind: 'submit'; data: unknown; inputs: Record<string, string>; needsInput?: string[] }
  /** A Bot Framework card action: suggested actions and hero-card buttons. */
  | { kind: 'cardAction'; action: CardAction }
  | { kind: 'openUrl'; url: string }
  /** Shown for completeness; a terminal cannot run it (Action.Execute, sign-in, task modules). */
  | { kind: 'unsupported'; type: string };

export type RenderedAction = ActionChoice & {
  number: number;
  title: string;
  /** The reply the action belongs to: Teams sends a card's submissions with it as replyToId. */
  activityId?: string;
};

export interface RenderedActivity {
  /** Lines for the terminal; empty for activities a user does not see (typing, traces, events). */
  text: string;
  /** The numbered options, in the order shown. */
  actions: RenderedAction[];
  /** The ids of the text, number, date and time fields shown: what a typed answer may be for. */
  inputs: string[];
}

/** Markdown `**bold**` in texts: kept as written, ANSI bold (a terminal), or the words alone. */
export type BoldStyle = 'markdown' | 'ansi' | 'plain';

export interface RenderOptions {
  /** The number of the first option, so that several replies in one turn can share a list. */
  firstActionNumber?: number;
  /** Default `markdown`: the text as the bot sent it. */
  bold?: BoldStyle;
}

/** A reply as terminal text; see {@link renderActivity} for its numbered options. */
export function renderActivityAsText(activity: Partial<Activity>, options: RenderOptions = {}): string {
  return renderActivity(activity, options).text;
}

export function renderActivity(activity: Partial<Activity>, options: RenderOptions = {}): RenderedActivity {
  if (activity.type !== undefined && activity.type !== 'message') return { text: '', actions: [], inputs: [] };
  const out = new Output(options.firstActionNumber ?? 1, activity.id, options.bold);

  if (activity.text?.trim()) out.line(activity.text.trim());
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) {
      const card = typeof attachment.content === 'string' ? parseJson(attachment.content) : attachment.content;
      if (isRecord(card)) renderCard(card, out, {});
      else out.line('[adaptive card that cannot be read]');
    } else if (attachment.contentType === HERO_CARD_CONTENT_TYPE || attachment.contentType === THUMBNAIL_CARD_CONTENT_TYPE) {
      renderHeroCard(isRecord(attachment.content) ? attachment.content : {}, out);
    } else {
      out.line(`[attachment: ${attachment.name ?? attachment.contentUrl ?? attachment.contentType}]`);
    }
  }
  for (const action of activity.suggestedActions?.actions ?? []) out.cardAction(action);

  return { text: out.lines.join('\n'), actions: out.actions, inputs: out.inputs };
}

/** `**words**` as ANSI bold (then back to normal weight), or as the words alone. */
export function renderBold(text: string, style: BoldStyle): string {
  if (style === 'markdown') return text;
  return text.replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, (_match, words: string) => (style === 'ansi' ? `\u001b[1m${words}\u001b[22m` : words));
}

/**
 * What Teams sends when the option is chosen: a message with `text` (imBack-like actions), or
 * empty text and a `value` (an Action.Submit whose data is an object, merged with the card's
 * inputs, which win over data of the same name). Undefined for options that send nothing.
 */
export function messageForAction(action: ActionChoice): { text?: string; value?: unknown } | undefined {
  switch (action.kind) {
    case 'submit': {
      const { data, inputs } = action;
      if (typeof data === 'string') return { text: data };
      const fields: Record<string, unknown> = isRecord(data) ? { ...data } : {};
      const teams = isRecord(fields.msteams) ? fields.msteams : undefined;
      if (teams?.type === 'imBack') return { text: asText(teams.value) };
      if (teams?.type === 'messageBack') {
        const value = typeof teams.value === 'string' ? (parseJson(teams.value) ?? teams.value) : teams.value;
        return { text: asText(teams.text), value: isRecord(value) ? { ...value, ...inputs } : value };
      }
      return { text: '', value: { ...fields, ...inputs } };
    }
    case 'cardAction': {
      const { type, value, text } = action.action;
      if (type === 'imBack') return { text: asText(value) };
      if (type === 'postBack') return typeof value === 'string' ? { text: value } : { value };
      if (type === 'messageBack') return { text, value };
      return undefined;
    }
    default:
      return undefined;
  }
}

type Json = Record<string, unknown>;

/** Accumulates lines and numbered options. */
class Output {
  readonly lines: string[] = [];
  readonly actions: RenderedAction[] = [];
  readonly inputs: string[] = [];

  constructor(
    private nextNumber: number,
    private readonly activityId: string | undefined,
    readonly bold: BoldStyle = 'markdown',
  ) {}

  line(text: string, indent = ''): void {
    for (const row of renderBold(text, this.bold).split(/\r?\n/)) this.lines.push(`${indent}${row}`.trimEnd());
  }

  option(title: string, choice: ActionChoice, indent = ''): void {
    const number = this.nextNumber++;
    const shown = choice.kind === 'openUrl' && choice.url !== title ? `${title} (${choice.url})` : title;
    this.lines.push(`${indent}[${number}] ${shown}`);
    this.actions.push({ ...choice, number, title, ...(this.activityId ? { activityId: this.activityId } : {}) });
  }

  cardAction(action: CardAction, indent = ''): void {
    const title = action.title || asText(action.displayText) || asText(action.value) || action.type;
    if (action.type === 'openUrl') this.option(title, { kind: 'openUrl', url: asText(action.value) }, indent);
    else if (['imBack', 'postBack', 'messageBack'].includes(action.type)) this.option(title, { kind: 'cardAction', action }, indent);
    else this.option(title, { kind: 'unsupported', type: action.type }, indent);
  }
}

/** The card's body, then its actions; `parentInputs` are those a ShowCard's parent card holds. */
function renderCard(card: Json, out: Output, parentInputs: Record<string, string>, indent = ''): void {
  const inputs = { ...parentInputs, ...inputValues(card.body) };
  const shownBefore = out.inputs.length;
  renderElements(card.body, out, inputs, indent);
  renderActions(card.actions, out, inputs, indent, out.inputs.slice(shownBefore));
}

/**
 * Whether a submit's data says something the card's other submits do not (dontKnow: true beside
 * a plain Send); with a single submit, nothing: it only sends the card's fields. Data that is not
 * an object (a string, sent as text) always counts.
 */
function hasDataOfItsOwn(action: Json, submits: Json[]): boolean {
  if (action.data !== undefined && !isRecord(action.data)) return true;
  const data = isRecord(action.data) ? action.data : {};
  const others = submits.filter((other) => other !== action);
  return Object.entries(data).some(([key, value]) => others.some((other) => !isRecord(other.data) || JSON.stringify(other.data[key]) !== JSON.stringify(value)));
}

function renderElements(elements: unknown, out: Output, inputs: Record<string, string>, indent: string): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements) if (isRecord(element) && element.isVisible !== false) renderElement(element, out, inputs, indent);
}

function renderElement(element: Json, out: Output, inputs: Record<string, string>, indent: string): void {
  const type = asText(element.type);
  switch (type) {
    case 'TextBlock':
      if (asText(element.text).trim()) out.line(asText(element.text).trim(), indent);
      return;
    case 'RichTextBlock': {
      const text = (Array.isArray(element.inlines) ? element.inlines : [])
        .map((inline) => (typeof inline === 'string' ? inline : isRecord(inline) ? asText(inline.text) : ''))
        .join('');
      if (text.trim()) out.line(text.trim(), indent);
      return;
    }
    case 'FactSet':
      for (const fact of Array.isArray(element.facts) ? element.facts : []) {
        if (isRecord(fact)) out.line(`${asText(fact.title)}: ${asText(fact.value)}`, indent);
      }
      return;
    case 'Container':
    case 'Column':
      renderElements(element.items, out, inputs, indent);
      return;
    case 'ColumnSet':
      renderElements(element.columns, out, inputs, indent);
      return;
    case 'Table':
      for (const row of Array.isArray(element.rows) ? element.rows : []) {
        if (!isRecord(row) || !Array.isArray(row.cells)) continue;
        const cells = row.cells.map((cell) => {
          const cellOut = new Output(1, undefined, out.bold);
          if (isRecord(cell)) renderElements(cell.items, cellOut, {}, '');
          return cellOut.lines.join(' ');
        });
        out.line(cells.join(' | '), indent);
      }
      return;
    case 'ActionSet':
      renderActions(element.actions, out, inputs, indent);
      return;
    case 'Image':
      if (element.altText) out.line(`[image: ${asText(element.altText)}]`, indent);
      return;
    case 'Input.Text':
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time': {
      if (typeof element.id === 'string' && element.id) out.inputs.push(element.id);
      if (element.label) out.line(asText(element.label), indent);
      const current = element.value !== undefined && element.value !== '' ? ` = ${asText(element.value)}` : '';
      out.line(`[input ${asText(element.id)}: ${asText(element.placeholder)}]${current}`.replace(': ]', ']'), indent);
      return;
    }
    case 'Input.ChoiceSet': {
      if (element.label) out.line(asText(element.label), indent);
      const titles = (Array.isArray(element.choices) ? element.choices : []).filter(isRecord).map((choice) => asText(choice.title));
      out.line(`[choice ${asText(element.id)}: ${titles.join(' | ')}]`, indent);
      return;
    }
    case 'Input.Toggle':
      out.line(`[toggle ${asText(element.id)}: ${asText(element.title ?? element.label)}]`, indent);
      return;
    default:
      // Unknown or newer elements: whatever text they hold in the usual places.
      if (Array.isArray(element.items)) renderElements(element.items, out, inputs, indent);
      else if (typeof element.text === 'string' && element.text.trim()) out.line(element.text.trim(), indent);
  }
}

/** An Action.Execute with an Action.Submit fallback is that fallback here: a terminal cannot send the invoke. */
function asRunHere(action: unknown): unknown {
  return isRecord(action) && action.type === 'Action.Execute' && isRecord(action.fallback) && action.fallback.type === 'Action.Submit' ? action.fallback : action;
}

function renderActions(given: unknown, out: Output, inputs: Record<string, string>, indent: string, fields: string[] = []): void {
  if (!Array.isArray(given)) return;
  const actions = given.map(asRunHere);
  const submits = actions.filter((action): action is Json => isRecord(action) && action.type === 'Action.Submit' && action.isVisible !== false);
  for (const action of actions) {
    if (!isRecord(action) || action.isVisible === false) continue;
    const type = asText(action.type);
    const title = asText(action.title);
    if (type === 'Action.Submit') {
      const teamsType = isRecord(action.data) && isRecord(action.data.msteams) ? asText(action.data.msteams.type) : '';
      if (teamsType && teamsType !== 'imBack' && teamsType !== 'messageBack') {
        out.option(title || teamsType, { kind: 'unsupported', type: `msteams ${teamsType}` }, indent);
      } else {
        const associated = action.associatedInputs === 'none' ? {} : inputs;
        const sendsOnlyFields = action.associatedInputs !== 'none' && fields.length > 0 && fields.every((id) => !(id in inputs)) && !hasDataOfItsOwn(action, submits);
        out.option(title || 'Submit', { kind: 'submit', data: action.data, inputs: associated, ...(sendsOnlyFields ? { needsInput: fields } : {}) }, indent);
      }
    } else if (type === 'Action.OpenUrl') {
      out.option(title || asText(action.url), { kind: 'openUrl', url: asText(action.url) }, indent);
    } else if (type === 'Action.ShowCard' && isRecord(action.card)) {
      // Cards shown on a click are printed open: a terminal has nothing to expand.
      out.line(`${title}:`, indent);
      renderCard(action.card, out, inputs, `${indent}  `);
    } else if (type && type !== 'Action.ToggleVisibility') {
      out.option(title || type, { kind: 'unsupported', type }, indent);
    }
  }
}

/** The values a card's inputs hold as sent: by id, as strings; an input with no value is left out. */
function inputValues(elements: unknown, into: Record<string, string> = {}): Record<string, string> {
  if (!Array.isArray(elements)) return into;
  for (const element of elements) {
    if (!isRecord(element)) continue;
    const type = asText(element.type);
    if (type.startsWith('Input.') && typeof element.id === 'string' && element.id) {
      const value = type === 'Input.Toggle' ? toggleValue(element) : element.value;
      if (value !== undefined && value !== null && value !== '') into[element.id] = asText(value);
    }
    inputValues(element.items, into);
    inputValues(element.columns, into);
    const rows = Array.isArray(element.rows) ? element.rows.filter(isRecord) : [];
    for (const row of rows) inputValues(row.cells, into);
  }
  return into;
}

function toggleValue(toggle: Json): string {
  const on = toggle.valueOn === undefined ? 'true' : asText(toggle.valueOn);
  const off = toggle.valueOff === undefined ? 'false' : asText(toggle.valueOff);
  return asText(toggle.value) === on ? on : off;
}

function renderHeroCard(card: Json, out: Output): void {
  for (const key of ['title', 'subtitle', 'text']) if (asText(card[key]).trim()) out.line(asText(card[key]).trim());
  for (const button of Array.isArray(card.buttons) ? card.buttons : []) if (isRecord(button)) out.cardAction(button as unknown as CardAction);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Objects and arrays as JSON; functions and symbols (never in a card's JSON) as nothing.
  return typeof value === 'object' ? JSON.stringify(value) : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
