import { MemoryStorage, type StoreItems } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { catalog } from '../../src/i18n/catalog';
import { startBotServer, type BotServer, type UserMessage } from '../support/http';
import { captureLogs, type CapturedLogs } from '../support/logs';

/**
 * A turn that throws, in the real bot over HTTP: the user is told in their language how to start
 * again, the conversation's state is reset, the error is logged (pino) with the id the user was
 * given, and the service goes on serving everyone else.
 */

const QUESTION_ES = 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon de xtk:session';
const QUESTION_EN = "Empty return for method 'Logon' of service 'xtk:session'";

async function say(server: BotServer, conversationId: string, message: UserMessage, locale: string): Promise<string> {
  return (await server.sendMessage(conversationId, message, locale)).map((reply) => renderActivityAsText(reply)).join('\n');
}

function errorIdIn(reply: string): string | undefined {
  return /\((?:referencia|reference) ([0-9a-f]{8})\)/.exec(reply)?.[1];
}

describe('a dialog that fails in the middle of a guided check', () => {
  let server: BotServer;
  let logs: CapturedLogs;

  beforeAll(async () => {
    logs = captureLogs();
    server = await startBotServer({ logger: logs.logger, bot: { record: () => undefined } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('tells the user in Spanish, logs it under the id quoted, resets the conversation, and serves on', async () => {
    expect(await say(server, 'failing-es', QUESTION_ES, 'es-ES')).toContain('¿Quieres que te guíe');
    expect(await say(server, 'failing-es', 'sí', 'es-ES')).toContain('¿A qué hora ocurrió el error?');
    expect(await say(server, 'failing-es', '06:04', 'es-ES')).toContain('¿A qué hora se reinicia el servidor?');

    // A restart far from the error: the verdict step looks for related articles, and the index fails.
    const rank = jest.spyOn(server.loaded.knowledgeBase.index, 'rank').mockImplementationOnce(() => {
      throw new Error('the search index is broken');
    });
    const apology = await say(server, 'failing-es', '14:43', 'es-ES');
    expect(rank).toHaveBeenCalledTimes(1);
    rank.mockRestore();
    const errorId = errorIdIn(apology);
    expect(errorId).toBeDefined();
    expect(apology).toBe(catalog('es').turnError(errorId!));
    expect(apology).toContain('empezar de nuevo');

    const [failure] = logs.withMessage('turn failed');
    expect(failure).toMatchObject({ level: 'error', turnId: errorId, activityType: 'message', err: { type: 'DialogContextError', message: 'the search index is broken' } });
    // The error the dialog threw, with its stack, under the SDK's wrapper.
    expect(failure!.err).toMatchObject({ cause: { type: 'Error', message: 'the search index is broken' } });
    expect(String((failure!.err as { cause: { stack: string } }).cause.stack)).toContain('checkDialog');
    expect(logs.withMessage('turn').find((line) => line.turnId === errorId)).toMatchObject({ outcome: 'error', language: 'es' });

    // The state is gone: "14:00" again is no longer the answer to the restart question.
    const after = await say(server, 'failing-es', '14:00', 'es-ES');
    expect(after).not.toContain('coincide');
    expect(after).not.toContain('referencia');
    // And the conversation starts over cleanly, in the same language.
    expect(await say(server, 'failing-es', QUESTION_ES, 'es-ES')).toContain('¿Quieres que te guíe');

    // Meanwhile the service serves everyone else.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await say(server, 'other-user', QUESTION_EN, 'en-US')).toContain('walk you through');
  });
});

/** Memory storage whose writes fail while `failing` is set: a state store gone away. */
class FlakyStorage extends MemoryStorage {
  failing = false;

  override async write(changes: StoreItems): Promise<void> {
    if (this.failing) throw new Error('storage unavailable');
    await super.write(changes);
  }

  override async delete(keys: string[]): Promise<void> {
    if (this.failing) throw new Error('storage unavailable');
    await super.delete(keys);
  }
}

describe('state storage that fails', () => {
  it('still answers the user (in English), logs the state it could not clear, and recovers', async () => {
    const storage = new FlakyStorage();
    const logs = captureLogs();
    const server = await startBotServer({ logger: logs.logger, bot: { storage, record: () => undefined } });
    try {
      storage.failing = true;
      const apology = await say(server, 'flaky', QUESTION_EN, 'en-US');
      const errorId = errorIdIn(apology);
      expect(errorId).toBeDefined();
      expect(apology).toContain(catalog('en').turnError(errorId!));
      expect(logs.withMessage('turn failed')[0]).toMatchObject({ turnId: errorId, err: { message: 'storage unavailable' } });
      expect(logs.withMessage('turn failed: could not clear the conversation state')[0]).toMatchObject({ turnId: errorId });

      storage.failing = false;
      expect(await say(server, 'flaky', QUESTION_EN, 'en-US')).toContain('walk you through');
    } finally {
      await server.close();
    }
  });
});
