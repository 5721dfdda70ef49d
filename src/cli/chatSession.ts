import { randomUUID } from 'node:crypto';
import type { Activity, ActivityTimestamps, ChannelAccount } from 'botbuilder-core';
import { messageForAction, renderActivity, type BoldStyle, type RenderedAction } from './cardText';
import type { TurnRunner } from '../bot/turnRunner';
import { ConsoleAdapter } from './consoleAdapter';

export interface ChatOptions {
  /** 'emulator' (the default) or 'msteams', as those channels name themselves. */
  channelId: string;
  /** BCP-47, e.g. "es-ES". */
  locale: string;
  /** IANA zone sent as localTimezone, as Teams does; the machine's when omitted. */
  timeZone?: string;
  userName?: string;
  /** Markdown bold in the replies: `ansi` for a terminal, `plain` (the default) for a file or pipe. */
  bold?: BoldStyle;
}

/** The chat tool's own messages (not the bot's: those come from its catalogue). */
export const CHAT_MESSAGES = {
  noSuchButton: (number: string, first: number, last: number): string => `There is no button ${number}; type ${first === last ? first : `${first}–${last}`} or your answer.`,
  typeTheAnswer: (title: string): string => `"${title}" sends what the card's field holds, and a terminal cannot fill it in: type your answer instead.`,
};

/**
 * One terminal conversation with the bot. Each input line becomes a genuine Bot Framework
 * message activity; the bot's replies are printed as text with their actions numbered, and a
 * number the user types chooses the action, sending what Teams sends for that click.
 */
export class ChatSession {
  readonly adapter: ConsoleAdapter;
  private readonly conversationId = `chat-${randomUUID()}`;
  private readonly user: ChannelAccount;
  private readonly botAccount: ChannelAccount = { id: 'campaign-kb-bot', name: 'Campaign KB bot', role: 'bot' };
  /** The actions shown by the last turn's replies: what a number refers to. */
  private actions: RenderedAction[] = [];
  /** The text fields the last turn's replies showed: a number typed may be the answer to one. */
  private inputs: string[] = [];

  constructor(
    private readonly bot: TurnRunner,
    private readonly options: ChatOptions,
    private readonly print: (text: string) => void,
  ) {
    this.user = { id: `chat-user-${randomUUID().slice(0, 8)}`, name: options.userName ?? 'user', role: 'user' };
    this.adapter = new ConsoleAdapter((activity) => this.show(activity));
  }

  /** What a channel sends when the conversation opens: the bot and the user join. */
  async start(): Promise<void> {
    await this.turn({ type: 'conversationUpdate', membersAdded: [this.botAccount, this.user] });
  }

  /**
   * Sends a typed line: a number chooses an action the last replies showed, anything else is a
   * message. An empty line sends nothing. A number that is no button's, while buttons show and no
   * field a number could answer, is refused here rather than sent as text ("7" at a yes/no card
   * would be read as 07:00); with no buttons showing, or a time field, it is the user's answer.
   */
  async input(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    const isNumber = /^\d+$/.test(text);
    const action = isNumber ? this.actions.find((candidate) => candidate.number === Number(text)) : undefined;
    if (!action) {
      const numbers = this.actions.map((candidate) => candidate.number);
      if (isNumber && numbers.length > 0 && this.inputs.length === 0) {
        this.print(`${CHAT_MESSAGES.noSuchButton(text, Math.min(...numbers), Math.max(...numbers))}\n`);
        return;
      }
      await this.turn({ type: 'message', text });
      return;
    }
    if (action.kind === 'submit' && action.needsInput) {
      this.print(`${CHAT_MESSAGES.typeTheAnswer(action.title)}\n`);
      return;
    }
    if (action.kind === 'openUrl') {
      this.print(`Open in a browser: ${action.url}\n`);
      return;
    }
    const message = messageForAction(action);
    if (!message) {
      this.print(`"${action.title}" cannot be used in the terminal.\n`);
      return;
    }
    await this.turn({ type: 'message', ...message, ...(action.activityId ? { replyToId: action.activityId } : {}) });
  }

  /** The numbered actions currently showing. */
  get shownActions(): readonly RenderedAction[] {
    return this.actions;
  }

  private async turn(fields: Partial<Activity>): Promise<void> {
    this.actions = [];
    this.inputs = [];
    await this.adapter.processActivity(this.activity(fields), async (context) => {
      await this.bot.run(context);
    });
  }

  private show(activity: Partial<Activity>): void {
    const rendered = renderActivity(activity, { firstActionNumber: this.actions.length + 1, bold: this.options.bold ?? 'plain' });
    this.actions.push(...rendered.actions);
    this.inputs.push(...rendered.inputs);
    if (rendered.text) this.print(`${rendered.text}\n\n`);
  }

  /** The fields every channel fills in, with the local time as Teams sends it (offset and zone). */
  private activity(fields: Partial<Activity>): Partial<ActivityTimestamps> {
    const now = new Date();
    return {
      id: randomUUID(),
      channelId: this.options.channelId,
      serviceUrl: 'http://localhost',
      timestamp: now,
      rawTimestamp: now.toISOString(),
      localTimestamp: now,
      rawLocalTimestamp: isoWithOffset(now),
      localTimezone: this.options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: this.options.locale,
      from: this.user,
      recipient: this.botAccount,
      conversation: { id: this.conversationId, conversationType: 'personal', isGroup: false, name: '' },
      ...fields,
    };
  }
}

/** "2025-03-04T10:30:00.000+01:00": local wall-clock time and its offset. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** "es_ES.UTF-8" → "es-ES"; "C" or "POSIX" say nothing, so null. */
export function localeFromEnvironment(value: string | undefined): string | null {
  const name = (value ?? '').split(/[.@]/)[0]?.trim() ?? '';
  if (!name || /^(?:c|posix)$/i.test(name)) return null;
  return name.replace(/_/g, '-');
}
