import { existsSync } from 'node:fs';
import path from 'node:path';
import * as dotenv from 'dotenv';
import { loadChecks, type CheckRegistry } from '../check/registry';
import { REPOSITORY_ROOT } from '../kb/paths';
import { openKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase';
import type { Config } from './config';
import { catalog } from '../i18n/catalog';
import type { TurnErrorMessage } from '../hosting/botframework/adapter';
import type { CheckEvent } from '../../dialogs/turnNotes';
import { createBot, type BotApp, type BotDependencies } from '../bot/createBot';
import type { Logger } from '../observability/logger';
import type { TurnRunner } from '../bot/turnRunner';
import { whenStateSaved } from '../state/optimisticStorage';
import { createStorage } from './createStorage';
import { consistentTurns } from '../state/consistentTurn';

/** Start-up shared by the HTTP service (src/index.ts) and the terminal chat (src/cli/chat.ts). */

/** The article whose guided check the bot walks users through. */

/**
 * Reads `.env` from the repository root, as the samples do beside their code, so that
 * `npm start` and `npm run chat` see the same settings from any working folder. Variables
 * already in the environment win. Quiet: dotenv otherwise prints a line on every start.
 */
export function loadDotEnv(file: string = path.join(REPOSITORY_ROOT, '.env')): void {
  if (!existsSync(file)) return;
  const { error } = dotenv.config({ path: file, quiet: true });
  if (error) console.error(`Cannot read ${file}: ${error.message}`);
}

export interface LoadedBot extends BotApp {
  knowledgeBase: KnowledgeBase;
  /** The guided checks of kb/checks/. */
  checks: CheckRegistry;
  /** Time to read the articles, build the index and create the bot. */
  loadMs: number;
  /** The bot as the endpoint runs it: replies held until the state is saved, state conflicts and outages handled (src/state/consistentTurn.ts). */
  runner: TurnRunner;
}

export interface LoadOptions {
  /** Receives one line per skipped file; stderr when omitted. */
  log?: (line: string) => void;
  /** For the runner's state conflict and outage lines; stderr when omitted. */
  logger?: Logger;
  /** The rest of createBot's dependencies (storage, …), when not its defaults. */
  bot?: Partial<Omit<BotDependencies, 'knowledgeBase' | 'defaultLanguage'>>;
}

/**
 * Loads the knowledge base (kb/ plus KB_PATH) and the guided checks, and creates the bot.
 * Files that are not articles are logged and skipped; an invalid check file throws, naming it.
 */
export async function loadBot(config: Config, options: LoadOptions = {}): Promise<LoadedBot> {
  const started = performance.now();
  const knowledgeBase = await openKnowledgeBase(config.kbPaths, options.log ?? console.error, config.indexCacheDir);
  const checks = options.bot?.checks ?? loadChecks();
  // STORAGE's storage unless the caller brings one.
  const storage = options.bot?.storage ?? createStorage(config.storage);
  // ALLOWED_TENANTS refusals go to the service's log, one warn line each.
  const logRefusedTenant = options.logger && ((line: string) => options.logger?.warn(line));
  // Check events are recorded once the turn's state is saved: a turn run again counts once.
  const record = options.bot?.record;
  const deferredRecord = record && ((event: CheckEvent) => whenStateSaved(() => record(event)));
  const app = createBot({
    allowedTenants: config.allowedTenants,
    logRefusedTenant,
    ...options.bot,
    ...(deferredRecord ? { record: deferredRecord } : {}),
    storage,
    knowledgeBase,
    checks,
    defaultLanguage: config.defaultLanguage,
  });
  const runner = consistentTurns(app.bot, { language: (context) => app.language.get(context), defaultLanguage: config.defaultLanguage, logger: options.logger });
  return { ...app, knowledgeBase, checks, loadMs: performance.now() - started, runner };
}

/** What the user is told when a turn fails: the catalogue's text in the conversation's language. */
export function turnErrorMessage(app: Pick<BotApp, 'language'>): TurnErrorMessage {
  return async (context, errorId) => catalog(await app.language.get(context)).turnError(errorId);
}
