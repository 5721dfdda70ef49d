import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../../src/kb/paths';
import { freePort } from '../../../src/cli/localPort';
import { startBot, startPlayground, type BotProcess } from '../../../src/cli/playgroundProcesses';
import { NEWCOMER_SETTINGS } from '../../support/botSettings';
import { launchChromium } from './browser';
import { PlaygroundPage } from './playgroundPage';

/** Screenshots and logs: test-results/e2e/ (cleared at the start of a run). */
const RESULTS_DIR = path.join(REPOSITORY_ROOT, 'test-results', 'e2e');

/**
 * The bot as a newcomer runs it (src/index.ts), on a free loopback port, with the articles in
 * kb/ only, no credentials, every tenant, state in memory: empty values win over a local .env.
 */
export async function startTestBot(): Promise<BotProcess> {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  return startBot({
    port: await freePort(),
    env: { ...NEWCOMER_SETTINGS },
    logFile: path.join(RESULTS_DIR, 'bot.log'),
  });
}

export interface Scenario {
  page: PlaygroundPage;
  /** Saves a screenshot of the page as test-results/e2e/<name>.png, `locator` scrolled into view. */
  screenshot(name: string, scrollTo?: ReturnType<PlaygroundPage['card']>): Promise<string>;
}

/**
 * One scenario in a Playground and a browser of its own (a fresh conversation, a fresh
 * profile), against the shared bot. On failure: test-results/e2e/<slug>-failure.png and a log of
 * the page's errors. Everything started here is stopped before it returns.
 */
export async function inPlayground(bot: BotProcess, slug: string, run: (scenario: Scenario) => Promise<void>): Promise<void> {
  const playground = await startPlayground({
    botEndpoint: bot.endpoint,
    channelId: 'msteams',
    logFile: path.join(RESULTS_DIR, `${slug}-playground.out.log`),
    playgroundLogFile: path.join(RESULTS_DIR, `${slug}-playground.log`),
  });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let tab: Page | undefined;
  let page: PlaygroundPage | undefined;
  try {
    browser = await launchChromium();
    tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    page = await PlaygroundPage.open(tab, playground.url);
    const opened = page;
    await run({
      page: opened,
      async screenshot(name, scrollTo) {
        const file = path.join(RESULTS_DIR, `${name}.png`);
        if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
        await opened.page.screenshot({ path: file });
        return file;
      },
    });
  } catch (error) {
    await tab?.screenshot({ path: path.join(RESULTS_DIR, `${slug}-failure.png`) }).catch(() => undefined);
    const log = [`error: ${error instanceof Error ? error.stack : String(error)}`, ...(page?.errors ?? []), ...(browser?.blocked ?? []).map((url) => `blocked: ${url}`)];
    writeFileSync(path.join(RESULTS_DIR, `${slug}-failure.log`), `${log.join('\n')}\n`);
    throw error;
  } finally {
    await browser?.close();
    await playground.child.stop();
  }
}
