import type { Locator, Page } from 'playwright-core';

/**
 * The Agents Playground's chat as a user sees it (seen with Playground 0.2.28): a
 * contenteditable compose box (a Lexical editor) where Enter sends, each bot message in a
 * `.fai-OutputCard`, and Adaptive Cards rendered as `.ac-adaptiveCard` with real buttons and
 * inputs. Every assertion reads the page's visible text, never the activities.
 */

const BOT_MESSAGE = '.fai-OutputCard';
const CARD = '.ac-adaptiveCard';
const COMPOSE_BOX = '[contenteditable="true"][role="textbox"]';

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
