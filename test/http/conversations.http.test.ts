import { renderActivityAsText } from '../../src/cli/cardText';
import { startBotServer, type BotServer, type UserMessage } from '../support/http';

/** Whole guided checks over the real HTTP service, replies returned with expectReplies. */

let server: BotServer;
beforeAll(async () => {
  server = await startBotServer({ bot: { record: () => undefined } });
});
afterAll(async () => {
  await server.close();
});

async function say(conversationId: string, message: UserMessage, locale: string): Promise<string> {
  return (await server.sendMessage(conversationId, message, locale)).map((reply) => renderActivityAsText(reply)).join('\n');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

describe('guided check over HTTP', () => {
  it('walks a Spanish user from the symptom to the fix', async () => {
    expect(await say('http-es', 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon de xtk:session', 'es-ES')).toMatch(/KA-05406[\s\S]*¿Quieres que te guíe/);
    expect(await say('http-es', 'sí', 'es-ES')).toContain('¿A qué hora ocurrió el error?');
    expect(await say('http-es', '06:04', 'es-ES')).toContain('¿A qué hora se reinicia el servidor?');
    const verdict = await say('http-es', '06:00', 'es-ES');
    expect(verdict).toContain('coincide con el reinicio');
    expect(verdict).toMatch(/06:05[\s\S]*06:10/);
  });

  it('gives 40 simultaneous conversations each its own verdict', async () => {
    // Conversation i: error at 06:i (coincides up to 06:15) with a restart at 06:00, or, for odd
    // ones, a restart at 14:43: far from the error, and no whole number of hours from it (a zone away). Half in Spanish.
    const conversations = Array.from({ length: 40 }, (_, i) => ({
      id: `parallel-${i}`,
      locale: i % 4 < 2 ? 'en-US' : 'es-ES',
      errorTime: `06:${pad(i % 16)}`,
      restartTime: i % 2 === 0 ? '06:00' : '14:43',
    }));
    const results = await Promise.all(
      conversations.map(async (c) => {
        const spanish = c.locale === 'es-ES';
        await say(c.id, spanish ? 'devolución vacía para el método Logon del servicio xtk:session' : "Empty return for method 'Logon' of service 'xtk:session'", c.locale);
        await say(c.id, { value: { kbAction: 'offer', answer: 'yes' } }, c.locale);
        await say(c.id, { value: { kbAction: 'errorTime', errorTime: c.errorTime } }, c.locale);
        return { ...c, verdict: await say(c.id, { value: { kbAction: 'restartTime', restartTime: c.restartTime } }, c.locale) };
      }),
    );
    for (const { verdict, restartTime, errorTime, locale } of results) {
      const coincides = restartTime === '06:00';
      const [yes, no] = locale === 'es-ES' ? ['coincide con el reinicio', 'no coincide'] : ['coincides with the server restart', 'does not coincide'];
      expect(verdict).toContain(coincides ? yes : no);
      expect(verdict).toContain(errorTime);
      // The new start comes after the failure: the article's 06:05 up to an error at 06:04, then the next 5 minutes.
      const minute = Number(errorTime.slice(3));
      const start = minute < 5 ? 5 : (Math.floor(minute / 5) + 1) * 5;
      if (coincides) expect(verdict).toContain(`**06:${pad(start)}**`);
      else expect(verdict).not.toMatch(/\*\*\d\d:\d\d\*\*/);
    }
  });
});
