import { createLogger } from '../../src/observability/logger';
import { hashConversationId } from '../../src/observability/turnLog';
import { ConfigError, loadConfig } from '../../src/app/config';
import { logCheckEvents } from '../../src/observability/turnLog';
import { messageActivity, post, startBotServer, type BotServer, type UserMessage } from '../support/http';
import { captureLogs, type CapturedLogs, type LogLine } from '../support/logs';

/**
 * The service's structured log: one line per turn with what a KB owner and an operator need
 * (hashed conversation, activity type, language, article and score, dialog step, verdict,
 * latency), verdicts and feedback countable, and nothing the user typed, no token, no secret.
 */

const SALT = 'test-salt';
const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const QUESTION_ES = 'devolución vacía para el método Logon del servicio xtk:session';

let server: BotServer;
let logs: CapturedLogs;

beforeAll(async () => {
  logs = captureLogs();
  server = await startBotServer({
    logger: logs.logger,
    env: { LOG_HASH_SALT: SALT },
    // As src/index.ts wires it: verdicts and feedback as log lines of their own.
    bot: { record: logCheckEvents(logs.logger) },
  });
});
afterAll(async () => {
  await server.close();
});

function turnsOf(conversationId: string): LogLine[] {
  const hash = hashConversationId(conversationId, SALT);
  return logs.withMessage('turn').filter((line) => line.conversation === hash);
}

async function say(conversationId: string, message: UserMessage, locale = 'en-US'): Promise<void> {
  await server.sendMessage(conversationId, message, locale);
}

describe('one line per turn', () => {
  it('follows a guided check step by step', async () => {
    const id = 'log-check-en';
    await say(id, QUESTION);
    await say(id, 'yes');
    await say(id, '06:04');
    await say(id, '06:00');
    await say(id, { value: { kbAction: 'feedback', helpful: true } });

    const turns = turnsOf(id);
    expect(turns).toHaveLength(5);
    for (const turn of turns) {
      expect(turn).toMatchObject({ level: 'info', service: 'campaign-kb-bot', channel: 'emulator', activityType: 'message', language: 'en', outcome: 'ok' });
      expect(turn.turnId).toMatch(/^[0-9a-f]{8}$/);
      expect(typeof turn.latencyMs).toBe('number');
      expect(turn.latencyMs as number).toBeGreaterThanOrEqual(0);
      expect(turn.replies as number).toBeGreaterThan(0);
      expect(typeof turn.time).toBe('string');
    }
    const [asked, accepted, errorTime, restartTime, feedback] = turns as [LogLine, LogLine, LogLine, LogLine, LogLine];
    expect(asked).toMatchObject({ input: 'text', textLength: QUESTION.length, article: 'KA-05406', matches: 1, step: 'main.offer' });
    expect(asked.score as number).toBeGreaterThan(0);
    expect(asked.score as number).toBeLessThanOrEqual(1);
    expect(accepted).toMatchObject({ step: 'errorTime' });
    expect(errorTime).toMatchObject({ step: 'restartTime' });
    expect(restartTime).toMatchObject({ article: 'KA-05406', verdict: 'coincides', step: 'feedback' });
    expect(feedback).toMatchObject({ input: 'card', article: 'KA-05406', helpful: true, step: 'none' });
  });

  it('logs the language, a miss, and a choice the user is asked to make', async () => {
    await say('log-es', QUESTION_ES, 'es-ES');
    expect(turnsOf('log-es')[0]).toMatchObject({ language: 'es', article: 'KA-05406' });

    await say('log-miss', 'what is the weather like on the moon today?');
    expect(turnsOf('log-miss')[0]).toMatchObject({ matches: 0, step: 'none' });
    expect(turnsOf('log-miss')[0]!.article).toBeUndefined();
  });

  it('logs turns that are not messages', async () => {
    const { status } = await post(server.url, { ...messageActivity('log-update', ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'user-log-update' }] });
    expect(status).toBe(200);
    expect(turnsOf('log-update')).toEqual([expect.objectContaining({ activityType: 'conversationUpdate', outcome: 'ok' })]);
  });

  it('hashes the conversation id with the salt: stable within a conversation, never the id itself', () => {
    const hash = hashConversationId('log-check-en', SALT);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashConversationId('log-check-en', 'another salt')).not.toBe(hash);
    expect(hashConversationId('log-es', SALT)).not.toBe(hash);
    expect(logs.text()).not.toContain('log-check-en');
    expect(logs.text()).not.toContain('user-log-check-en');
  });
});

describe('nothing the user typed, and no secret', () => {
  it('keeps message text, card inputs and credentials out of the log', async () => {
    const marker = 'Zq9xMarker';
    await say('log-private', `${QUESTION} customer ACME-${marker} password hunter2-${marker}`);
    await say('log-private', 'yes');
    await say('log-private', { value: { kbAction: 'errorTime', errorTime: `06:02 ${marker}-card-input` } });
    await say('log-private', `06:00 ${marker}`);
    expect(turnsOf('log-private')).toHaveLength(4);
    expect(logs.text()).not.toContain(marker);
    expect(logs.text()).not.toContain('hunter2');
  });

  it('redacts credentials even if one is passed to the logger by mistake', () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    logger.info(
      { authorization: 'Bearer eyJhbGciOi.eyJzdWIi.c2ln', headers: { authorization: 'Bearer abc' }, password: 'p4ss', config: { MicrosoftAppPassword: 's3cret' } },
      'oops',
    );
    logger.error({ err: new Error('failed with Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl in it') }, 'oops');
    const text = lines.join('');
    expect(text).not.toMatch(/eyJ|p4ss|s3cret|Bearer abc/);
    expect(text).toContain('[redacted]');
    expect(text).toContain('Bearer [token]');
  });
});

describe('verdicts and feedback, countable', () => {
  it('writes one "check event" line per verdict and per feedback, which a KB owner can count', async () => {
    const before = logs.withMessage('check event').length;
    const checks: Array<{ error: string; restart: string; helpful?: boolean }> = [
      { error: '06:02', restart: '06:00', helpful: true },
      { error: '06:10', restart: '06:00', helpful: true },
      { error: '05:59', restart: '06:00', helpful: false },
      { error: '14:37', restart: '06:00', helpful: false },
      { error: '09:17', restart: '06:00' },
    ];
    for (const [i, check] of checks.entries()) {
      const id = `log-count-${i}`;
      await say(id, QUESTION);
      await say(id, 'yes');
      await say(id, check.error);
      await say(id, check.restart);
      if (check.helpful !== undefined) await say(id, check.helpful ? 'yes' : 'no');
    }
    const events = logs.withMessage('check event').slice(before);
    const count = (filter: Record<string, unknown>): number => events.filter((line) => Object.entries(filter).every(([key, value]) => line[key] === value)).length;
    expect(count({ event: 'verdict', article: 'KA-05406', coincides: true })).toBe(3);
    expect(count({ event: 'verdict', article: 'KA-05406', coincides: false })).toBe(2);
    expect(count({ event: 'feedback', article: 'KA-05406', helpful: true, verdict: 'coincides' })).toBe(2);
    expect(count({ event: 'feedback', article: 'KA-05406', helpful: false, verdict: 'coincides' })).toBe(1);
    expect(count({ event: 'feedback', article: 'KA-05406', helpful: false, verdict: 'differs' })).toBe(1);
    expect(events.every((line) => line.level === 'info')).toBe(true);
  });
});

describe('LOG_LEVEL', () => {
  it('is read from the environment and validated', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: ' WARN ' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('at warn, leaves out the turn lines and keeps the refusals', async () => {
    const quiet = captureLogs('warn');
    const other = await startBotServer({ logger: quiet.logger, bot: { record: () => undefined }, env: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' } });
    try {
      expect((await post(other.url, messageActivity('quiet', QUESTION))).status).toBe(401);
      expect(quiet.lines().map((line) => line.msg)).toEqual(['request not authenticated']);
    } finally {
      await other.close();
    }
  });
});
