import { TestAdapter, type Activity } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { createBot } from '../../src/bot/createBot';
import type { CheckEvent } from '../../dialogs/turnNotes';
import type { CheckRegistry } from '../../src/check/registry';
import type { KnowledgeBase } from '../../src/search/knowledgeBase';

/** One user turn and what the bot's replies to it must (and must not) show. */
interface Turn {
  /** Typed text, or a card submit's `value` (sent with empty text, as Teams does). */
  user: string | { value: Record<string, unknown> };
  expect?: Array<string | RegExp>;
  reject?: Array<string | RegExp>;
}

export interface Script {
  name: string;
  locale?: string;
  /** Teams' localTimezone on every activity (the device's zone). */
  localTimezone?: string;
  turns: Turn[];
}

/** A bot over the given knowledge base, driven through botbuilder's TestAdapter. */
export function conversationRunner(knowledgeBase: KnowledgeBase, checks?: CheckRegistry) {
  const events: CheckEvent[] = [];
  const { bot } = createBot({ knowledgeBase, ...(checks ? { checks } : {}), defaultLanguage: 'en', record: (e) => events.push(e) });

  let conversations = 0;

  async function play(script: Script): Promise<string[]> {
    // A conversation of its own per script: the bot's state is per conversation.
    const adapter = new TestAdapter((context) => bot.run(context), {
      channelId: 'test',
      serviceUrl: 'https://test.invalid',
      conversation: { id: `conversation-${++conversations}`, isGroup: false, conversationType: 'personal', name: script.name },
      from: { id: 'user-1', name: 'Operator' },
      recipient: { id: 'bot', name: 'KB Bot' },
    });
    adapter.locale = script.locale ?? 'en-US';
    const transcript: string[] = [];
    for (const [i, turn] of script.turns.entries()) {
      const activity: Partial<Activity> = typeof turn.user === 'string' ? { type: 'message', text: turn.user } : { type: 'message', text: '', value: turn.user.value };
      // As a channel does: the client's locale on every activity.
      activity.locale = adapter.locale;
      if (script.localTimezone) activity.localTimezone = script.localTimezone;
      await adapter.receiveActivity(activity);
      const replies = adapter.activeQueue
        .splice(0)
        .map((reply) => renderActivityAsText(reply))
        .join('\n---\n');
      transcript.push(replies);
      const where = `${script.name}, turn ${i + 1} (${JSON.stringify(turn.user)}):\n${replies}`;
      for (const expected of turn.expect ?? []) {
        if (!matches(replies, expected)) throw new Error(`Expected ${String(expected)} in ${where}`);
      }
      for (const rejected of turn.reject ?? []) {
        if (matches(replies, rejected)) throw new Error(`Did not expect ${String(rejected)} in ${where}`);
      }
    }
    return transcript;
  }

  return { play, events };
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.toLowerCase().includes(expected.toLowerCase()) : expected.test(text);
}
