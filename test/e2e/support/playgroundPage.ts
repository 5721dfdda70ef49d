import type { Locator, Page } from 'playwright-core';

/**
 * The Agents Playground's chat as a user sees it (seen with Playground 0.2.28): a
 * contenteditable compose box (a Lexical editor) where Enter sends, each bot message in a
 * `.fai-OutputCard`, and Adaptive Cards rendered as `.ac-adaptiveCard` with real buttons and
 * inputs, suggested actions as buttons under the last message, and Teams' feedback controls
 * (thumbs up and down, then a form) under messages that ask for them. Every assertion reads the
 * page's visible text and controls, never the activities.
 */

const BOT_MESSAGE = '.fai-OutputCard';
const CARD = '.ac-adaptiveCard';
const COMPOSE_BOX = '[contenteditable="true"][role="textbox"]';
/** The feedback controls (seen with Playground 0.2.28): under a message sent with channelData.feedbackLoop. */
const FEEDBACK_BUTTONS = '.fai-FeedbackButtons';

export type Expected = string | RegExp;

export interface ReplyOptions {
  /** What the new messages must show, all of it. */
  expect: Expected[];
  /** What they must not show. */
  reject?: Expected[];
  timeoutMs?: number;
}

export class PlaygroundPage {
  /** The page's uncaught errors and console errors, for the log kept beside a failure. */
  readonly errors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
  }

  /** Opens the Playground's page and waits for the compose box and the first messages to settle. */
  static async open(page: Page, url: string): Promise<PlaygroundPage> {
    const playground = new PlaygroundPage(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.locator(COMPOSE_BOX).waitFor({ state: 'visible', timeout: 30000 });
    await playground.settle();
    return playground;
  }

  /** Waits until no new bot message has arrived for `quietMs` (the welcome on install, if any). */
  async settle(quietMs = 1000, maxMs = 6000): Promise<void> {
    const started = Date.now();
    let count = await this.messageCount();
    let since = Date.now();
    while (Date.now() - since < quietMs && Date.now() - started < maxMs) {
      await this.page.waitForTimeout(200);
      const now = await this.messageCount();
      if (now !== count) {
        count = now;
        since = Date.now();
      }
    }
  }

  messageCount(): Promise<number> {
    return this.page.locator(BOT_MESSAGE).count();
  }

  /** The visible text of every bot message, oldest first. */
  messageTexts(): Promise<string[]> {
    return this.page.locator(BOT_MESSAGE).allInnerTexts();
  }

  /** Types `text` in the compose box as a user does and sends it with Enter; returns the reply's text. */
  async say(text: string, reply: ReplyOptions): Promise<string> {
    return this.expectReply(async () => {
      const box = this.page.locator(COMPOSE_BOX);
      await box.click();
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
    }, reply);
  }

  /** Switches to the Playground's group chat (the bot there sees only messages that @mention it). */
  async openGroupChat(): Promise<void> {
    await this.page.getByText('Group Chat', { exact: true }).click();
    await this.settle();
  }

  /** Types `@bot` (picked from the mention menu, as a user does), then `text`, and sends it; returns the reply's text. */
  async mentionAndSay(bot: string, text: string, reply: ReplyOptions): Promise<string> {
    return this.expectReply(async () => {
      await this.page.locator(COMPOSE_BOX).click();
      await this.page.keyboard.type(`@${bot.split(' ')[0]}`);
      await this.page.getByRole('menuitem', { name: bot }).click();
      await this.page.keyboard.type(` ${text}`);
      await this.page.keyboard.press('Enter');
    }, reply);
  }

  /** The newest card showing `text` (e.g. its question). */
  card(text: Expected): Locator {
    return this.page.locator(CARD).filter({ hasText: text }).last();
  }

  /** Clicks the button titled `button` on the newest card showing `cardText`. */
  async click(cardText: Expected, button: string, reply: ReplyOptions): Promise<string> {
    const card = this.card(cardText);
    return this.expectReply(() => card.getByRole('button', { name: button, exact: true }).click(), reply);
  }

  /** Fills the card's (only) input with `value` as a user does, then clicks `button`. */
  async fillAndSubmit(cardText: Expected, value: string, button: string, reply: ReplyOptions): Promise<string> {
    const card = this.card(cardText);
    const input = card.locator('textarea, input:not([type="hidden"])');
    await input.first().click();
    await input.first().fill(value);
    return this.expectReply(() => card.getByRole('button', { name: button, exact: true }).click(), reply);
  }

  /**
   * A suggested action (quick reply) the Playground shows under the last bot message, as Teams
   * does in a personal chat: a button that is not on a card.
   */
  suggestedAction(title: string): Locator {
    return this.page.locator(
      `xpath=//button[normalize-space(.)=${xpathString(title)}][not(ancestor::*[contains(concat(' ', @class, ' '), ' ac-adaptiveCard ')])][not(ancestor::*[contains(@class, 'fai-OutputCard')])]`,
    );
  }

  /** Taps a suggested action: the Playground sends its text as the user's message. */
  async tap(title: string, reply: ReplyOptions): Promise<string> {
    return this.expectReply(() => this.suggestedAction(title).last().click(), reply);
  }

  /** Teams' feedback controls (thumbs up and down) under bot messages, newest last. */
  feedbackButtons(): Locator {
    return this.page.locator(FEEDBACK_BUTTONS);
  }

  /**
   * Rates the newest message that has feedback controls: its thumbs up or down, then the
   * Playground's feedback form, with `comment`, and Submit.
   */
  async rate(reaction: 'like' | 'dislike', comment: string, reply: ReplyOptions, beforeSubmit?: () => Promise<void>): Promise<string> {
    const button = this.page.locator(
      reaction === 'like' ? `${FEEDBACK_BUTTONS} .fai-FeedbackButtons__positiveFeedbackButton` : `${FEEDBACK_BUTTONS} .fai-FeedbackButtons__negativeFeedbackButton`,
    );
    await button.last().click();
    const form = this.page.getByRole('dialog').last();
    await form.waitFor({ state: 'visible', timeout: 10000 });
    if (comment) await form.locator('textarea, input[type="text"]').first().fill(comment);
    await beforeSubmit?.();
    return this.expectReply(() => form.getByRole('button', { name: 'Submit' }).click(), reply);
  }

  /**
   * Runs `action`, then waits until the bot messages that arrived after it show everything in
   * `expect` (and nothing in `reject`). Returns their text; throws with what they did show.
   */
  async expectReply(action: () => Promise<void>, reply: ReplyOptions): Promise<string> {
    const before = await this.messageCount();
    await action();
    const deadline = Date.now() + (reply.timeoutMs ?? 20000);
    let text = '';
    for (;;) {
      text = (await this.messageTexts()).slice(before).join('\n\n');
      const missing = reply.expect.filter((expected) => !matches(text, expected));
      const unwanted = (reply.reject ?? []).filter((rejected) => matches(text, rejected));
      if (!missing.length && !unwanted.length) {
        // Let a reply in several messages finish arriving before the next step.
        await this.page.waitForTimeout(300);
        return (await this.messageTexts()).slice(before).join('\n\n');
      }
      if (Date.now() > deadline) {
        throw new Error(
          [
            missing.length ? `The bot's reply does not show ${missing.map(String).join(', ')}` : '',
            unwanted.length ? `The bot's reply shows ${unwanted.map(String).join(', ')}` : '',
            `What it shows:\n${text || '(nothing new)'}`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }
      await this.page.waitForTimeout(200);
    }
  }
}

function matches(text: string, expected: Expected): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

/** A string as an XPath literal, whatever quotes it holds. */
function xpathString(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return `concat('${value.split("'").join(`', "'", '`)}')`;
}
